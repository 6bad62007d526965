"""Which language a screenplay is written in, told from its letters.

Vietnamese is told by the letters only it uses among Latin scripts (``đ``, ``ơ``, ``ư``, ``ă``
and the tone marks stacked on vowels: ``ộ``, ``ế``...); Russian by Cyrillic letters; Japanese,
Chinese and Korean by their scripts. Anything else written in Latin letters is English, the
default of the trade. The scene headings weigh more than the body: a Vietnamese co-production
may write its dialogue in English but its headings ``NỘI.``/``NGOẠI.``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from itertools import compress
from operator import not_

# Letters (lower case, NFC) that occur in Vietnamese and in no other common Latin orthography.
_VIETNAMESE = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹãẽĩõũỹ")
_SAMPLE = 200_000  # characters looked at; a language shows itself long before that


_ASCII_BYTES = bytes(range(128))
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))


def detect_language(texts: Iterable[str], headings: Iterable[str] = ()) -> str:
    """An ISO 639-1 code (``"en"``, ``"vi"``, ``"ru"``, ``"ja"``, ``"zh"``, ``"ko"``)."""
    vi_headings = 0
    all_headings = 0
    for heading in headings:
        all_headings += 1
        if heading.isascii():
            continue  # NỘI / NGOẠI are not ASCII
        head = unicodedata.normalize("NFC", heading).lstrip(".").upper()
        if head.startswith(("NỘI", "NGOẠI")):
            vi_headings += 1
    if all_headings and vi_headings * 2 >= all_headings:
        return "vi"
    texts = texts if isinstance(texts, list | tuple) else list(texts)
    ascii_texts = list(map(str.isascii, texts))
    if all(ascii_texts):
        return "en"
    whole = sum(map(len, texts)) + len(texts) - 1 <= _SAMPLE
    # The sample joined only when it is cut short or needed whole below; otherwise the
    # non-ASCII letters are looked for in the texts that have any.
    sample = "" if whole else "\n".join(texts)[:_SAMPLE]
    if not whole and sample.isascii():
        return "en"
    unusual = "\n".join(compress(texts, map(not_, ascii_texts))) if whole else sample
    latin = vietnamese = cyrillic = kana = han = hangul = 0
    # The non-ASCII letters, in order: UTF-8 with every ASCII byte deleted (in C) decodes to
    # exactly them. A regular expression scanning for them took longer than the whole count.
    others = unusual.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    for char in others.decode("utf-8", "surrogatepass"):
        code = ord(char)
        if code < 0x250:
            if char.isalpha():
                latin += 1
                if char.lower() in _VIETNAMESE:
                    vietnamese += 1
        elif 0x1E00 <= code <= 0x1EFF:
            latin += 1
            vietnamese += 1
        elif 0x400 <= code <= 0x4FF:
            cyrillic += 1
        elif 0x3040 <= code <= 0x30FF:
            kana += 1
        elif 0x4E00 <= code <= 0x9FFF:
            han += 1
        elif 0xAC00 <= code <= 0xD7AF:
            hangul += 1
    if not (vietnamese or cyrillic or kana or han or hangul):
        return "en"  # only accents of other Latin languages (or none): no need to count letters
    raw = (sample or "\n".join(texts)).encode("ascii", "ignore")
    # ASCII letters, counted in C: the bytes minus the bytes left once letters are deleted.
    latin += len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    scripts = {"ru": cyrillic, "ko": hangul}
    if kana:
        scripts["ja"] = kana + han
    else:
        scripts["zh"] = han
    best, count = max(scripts.items(), key=lambda item: item[1])
    if count > latin:
        return best
    # Roughly one letter in six of Vietnamese prose carries a mark no other language uses.
    if latin and vietnamese * 20 >= latin:
        return "vi"
    return "en"
