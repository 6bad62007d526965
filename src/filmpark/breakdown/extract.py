"""The offline extraction engine: a script in, a :class:`Breakdown` with provenance out.

For every scene it reads the heading, the action, shots and parentheticals (never dialogue,
notes or transitions: an item only mentioned in dialogue is not an element) and proposes:

1. cast from cues, capitalised introductions and later mentions by name (:mod:`.cast`);
2. screenwriting conventions on capitalised words: sounds (``A MOTORBIKE HORN.``), extras
   with their number (``A dozen CUSTOMERS``), camera calls (``DRONE SHOT``);
3. lexicon entries (longest match, English plurals through lemmas, Vietnamese with or
   without diacritics), re-categorised by context: furniture stays set dressing, a handled
   object becomes a prop, a tool raised against a person becomes a weapon;
4. phrase patterns for what a lexicon cannot list: ``wearing …``, ``armed with …``,
   stunts, practical and visual effects, injuries and hairstyles.

An optional :class:`~filmpark.breakdown.ai.AIProvider` adds its proposals (labelled
``llm:<model>``); its failures become diagnostics, never a broken breakdown.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from filmpark.breakdown.ai import AIProvider
from filmpark.breakdown.cast import Roster, _caps_runs, build_roster, is_person_noun
from filmpark.breakdown.categories import CategorySet
from filmpark.breakdown.lexicon import Entry, Hit, Lexicon, load_lexicon
from filmpark.breakdown.model import (
    Breakdown,
    BreakdownElement,
    Evidence,
    SceneBreakdown,
)
from filmpark.breakdown.text import (
    VIETNAMESE_LETTERS,
    Token,
    looks_plain_vietnamese,
    looks_vietnamese,
    nfc,
    noun_lemma,
    tokenize,
    verb_base,
    verb_in,
)
from filmpark.screenplay.model import DayNight, Diagnostic, ElementKind, Scene, Script
from filmpark.text import t

_BODY_KINDS = (ElementKind.ACTION, ElementKind.PARENTHETICAL, ElementKind.SHOT, ElementKind.LYRICS)
_CATEGORY_ORDER = (
    "cast", "extras", "stunts", "vehicles", "props", "weapons", "wardrobe", "makeup_hair",
    "animals", "sfx", "vfx", "sound", "music", "set_dressing", "special_equipment",
)  # fmt: skip
_DIGITS_RE = re.compile(r"^\d{1,3}(?:[,.]\d{3})+$|^\d+$")
_NUMBER_BEFORE_RE = re.compile(r"(?<![\w,.])(\d{1,3}(?:[,.]\d{3})+|\d{1,6})\s+$")


@dataclass(slots=True)
class _Line:
    """One source line of a scene's body with its tokens."""

    text: str
    number: int
    tokens: Sequence[Token]
    kind: ElementKind
    used: list[bool] = field(default_factory=list)


@dataclass(slots=True)
class _Proposal:
    category: str
    name: str
    quantity: int | None
    source: str
    confidence: float
    evidence: list[Evidence]
    explanation: str


class _SceneWork:
    """Proposals of one scene, deduplicated by (category, name)."""

    def __init__(self, number: str) -> None:
        self.number = number
        self.items: dict[tuple[str, str], _Proposal] = {}

    def add(
        self,
        category: str,
        name: str,
        line: _Line,
        start: int,
        end: int,
        *,
        source: str,
        confidence: float,
        explanation: str,
        quantity: int | None = None,
    ) -> None:
        name = " ".join(nfc(name).split()).strip(" .,;:!?\"'")
        if not name:
            return
        evidence = Evidence(self.number, line.number, start, end, line.text[start:end])
        key = (category, name)
        found = self.items.get(key)
        if found is None:
            self.items[key] = _Proposal(
                category, name, quantity, source, confidence, [evidence], explanation
            )
            return
        if len(found.evidence) < 5 and all(
            (e.line, e.start) != (evidence.line, evidence.start) for e in found.evidence
        ):
            found.evidence.append(evidence)
        if confidence > found.confidence:
            found.confidence = confidence
        if quantity is not None and (found.quantity is None or quantity > found.quantity):
            found.quantity = quantity

    def categories_of(self, name: str) -> list[str]:
        return [c for (c, n) in self.items if n == name]


def detect_language(script: Script) -> str:
    """``"vi"`` when the action reads as Vietnamese, else ``"en"``."""
    sample: list[str] = []
    for scene in script.scenes:
        sample.append(scene.heading.text)
        sample.extend(e.text for e in scene.elements if e.kind in _BODY_KINDS)
        if sum(len(s) for s in sample) > 20000:
            break
    text = "\n".join(sample)
    if looks_vietnamese(text) or looks_plain_vietnamese(text):
        return "vi"
    return "vi" if script.language == "vi" and not text.strip() else "en"


def break_down(
    script: Script,
    *,
    provider: AIProvider | None = None,
    categories: CategorySet | None = None,
) -> Breakdown:
    """Propose the production elements of every scene of ``script``, in script order."""
    language = detect_language(script)
    lexicon = load_lexicon(language)
    other = load_lexicon("en" if language == "vi" else "vi")
    roster = build_roster(script, lexicon, other)
    # Groups introduced in capitals (``HAI GÃ XĂM TRỔ``) are recognised when the script names
    # them again in lower case later on (``hai gã xăm trổ``).
    learned: dict[tuple[str, ...], str] = {
        tuple(name.split()): name for name in roster.extras.values()
    }
    diagnostics: list[Diagnostic] = []
    scenes: list[SceneBreakdown] = []
    for scene in script.scenes:
        work = _SceneWork(scene.number.text)
        scene_lexicon = _scene_lexicon(scene, lexicon, other)
        _SceneExtractor(
            scene, work, scene_lexicon, roster, diagnostics, script.source, learned
        ).run()
        if provider is not None:
            _merge_provider(provider, scene, script, work, diagnostics)
        scenes.append(_scene_breakdown(scene, work))
    return Breakdown(
        scenes=tuple(scenes),
        aliases=roster.suggestions,
        diagnostics=tuple(diagnostics),
        categories=categories or CategorySet(),
    )


def _scene_lexicon(scene: Scene, main: Lexicon, other: Lexicon) -> Lexicon:
    """A bilingual script reads each scene in its own language."""
    text = " ".join(e.text for e in scene.elements if e.kind in _BODY_KINDS)
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < 40:
        return main
    scene_language = "vi" if looks_vietnamese(text) or looks_plain_vietnamese(text) else "en"
    return main if scene_language == main.language else other


def _closes(tokens: Sequence[Token], stop: int, end: int) -> bool:
    """``BUS 52``: only numbers may follow the vehicle in its part of the heading."""
    return all(any(ch.isdigit() for ch in t.text) for t in tokens[stop:end])


def _drop_subsumed(work: _SceneWork) -> None:
    """``bob`` inside ``pink-dyed bob``: a shorter find inside a longer one of its category."""
    spans: dict[str, list[tuple[int, int, int, str]]] = {}
    for (category, name), proposal in work.items.items():
        for e in proposal.evidence:
            spans.setdefault(category, []).append((e.line, e.start, e.end, name))
    for (category, name), proposal in list(work.items.items()):
        if category in ("cast", "extras") or not proposal.evidence:
            continue
        inside = all(
            any(
                other != name and line == e.line and start <= e.start and e.end <= end
                and (end - start) > (e.end - e.start)
                for line, start, end, other in spans.get(category, [])
            )
            for e in proposal.evidence
        )  # fmt: skip
        if inside:
            del work.items[(category, name)]


_GENERIC_MUSIC = frozenset(
    {"music", "song", "singing", "melody", "nhạc", "âm nhạc", "bài hát", "tiếng hát",
     "giọng hát", "tiếng nhạc", "ca khúc", "bản nhạc"}
)  # fmt: skip


def _drop_generic_music(work: _SceneWork) -> None:
    """``nhạc`` next to ``bài hát cách mạng``: the named piece is the music of the scene."""
    music = [name for (category, name) in work.items if category == "music"]
    if any(name not in _GENERIC_MUSIC for name in music):
        for name in music:
            if name in _GENERIC_MUSIC:
                del work.items[("music", name)]


def _scene_breakdown(scene: Scene, work: _SceneWork) -> SceneBreakdown:
    _drop_subsumed(work)
    _drop_generic_music(work)
    _resolve_categories(work)
    order = {c: i for i, c in enumerate(_CATEGORY_ORDER)}
    proposals = sorted(
        work.items.values(),
        key=lambda p: (order.get(p.category, 99), p.evidence[0].line if p.evidence else 0),
    )
    elements = tuple(
        BreakdownElement.create(
            work.number,
            p.category,
            p.name,
            source=p.source,
            confidence=p.confidence,
            evidence=tuple(p.evidence),
            explanation=p.explanation,
            quantity=p.quantity,
        )
        for p in proposals
    )
    heading = scene.heading
    return SceneBreakdown(
        number=scene.number.text,
        heading=heading.text,
        int_ext=heading.int_ext,
        day_night=heading.day_night if heading.day_night else DayNight.UNKNOWN,
        eighths=scene.eighths,
        elements=elements,
        location=heading.location,
        time=heading.time or "",
    )


# Within one scene an item sits in one category; the department pairs of the trade
# (a whistle that is a prop and a sound, a breakaway window and its crash) are kept.
_STRETCH_RE = re.compile(r"(\w)\1{2,}")
_PICTURE_RE = re.compile(
    r"\b(?:photo|photograph|picture|painting|portrait|poster|drawing|image|sketch|snapshot|"
    r"ảnh|tranh|chân dung|áp phích)\b",
    re.IGNORECASE,
)
# What links a picture to its subject: ``of``, a colon, ``chụp`` / ``vẽ`` (photographed, drawn).
_PICTURE_LINK_RE = re.compile(
    r"^[^:]{0,30}?:|^\s+(?:of|showing|chụp|vẽ)\b|^[\w\s-]{0,25}?\s(?:of|chụp|vẽ)\s", re.IGNORECASE
)
_SENTENCE_BREAK_RE = re.compile(r"[.!?;]")
_APPOSITION_RE = re.compile(r"\(\s*\d{1,3}s?\s*\)\s*,\s*(?:(?:a|an|the|một)\s+)?$")
_AGE_AFTER_RE = re.compile(r"\s*\(\s*\d")
_ON_SCREEN_RE = re.compile(
    r"^\s*(?:on|in)\s+(?:the|a|her|his|their|its)?\s*(?:\w+\s+)?"
    r"(?:monitor|screen|tv|television|laptop|feed|footage|playback|photo|photograph|video)\b"
    r"|^\s*trên\s+(?:màn hình|ti vi|tivi|ảnh)",
    re.IGNORECASE,
)
_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "everyone", "nobody"})
_OBJECTS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "him", "them", "me", "us", "my", "your",
     "off", "over", "up", "down", "back", "away", "out", "into", "onto", "across", "through",
     "on", "in", "against", "along", "behind", "beside",
     "around", "past", "toward", "towards", "at", "open", "shut"}
)  # fmt: skip
_INTRANSITIVE = frozenset(
    {"run", "walk", "fall", "sway", "swing", "slide", "drop", "turn", "spin", "wait", "sleep",
     "stop", "move", "rise", "sink", "fly", "land", "shake", "tremble", "flicker", "glow",
     "burn", "die", "rest", "sit", "stand", "lie", "hang", "float", "drift", "watch", "stare"}
)  # fmt: skip
_LINK_WORDS = frozenset(
    {"in", "on", "at", "of", "with", "by", "from", "to", "and", "bên", "trong", "trên", "của"}
)
_POSSESSIVES = frozenset({"her", "his", "their", "its", "my", "your", "our"})
_PARTICLES = frozenset({"down", "up", "off", "over", "away", "out", "back", "in", "on"})
_MODALS = frozenset(
    {"to", "will", "would", "can", "could", "should", "must", "might", "may", "shall",
     "don't", "doesn't", "didn't", "won't", "can't", "cannot", "couldn't", "wouldn't",
     "let's", "i", "we", "they", "you"}
)  # fmt: skip
_CAMERA_WORDS = frozenset(
    {"shot", "shots", "angle", "pov", "close", "wide", "insert", "montage", "series",
     "intercut", "flashback", "super", "title", "view", "zoom", "pan", "tracking", "cut",
     "dissolve", "fade", "back", "continuous", "later", "mos"}
)  # fmt: skip

_PRECEDENCE = ("weapons", "props", "wardrobe", "vehicles", "animals", "makeup_hair", "set_dressing")


def _resolve_categories(work: _SceneWork) -> None:
    names: dict[str, list[str]] = {}
    for category, name in work.items:
        names.setdefault(name, []).append(category)
    for name, cats in names.items():
        physical = [c for c in _PRECEDENCE if c in cats]
        for loser in physical[1:]:
            work.items.pop((loser, name), None)


def _merge_provider(
    provider: AIProvider,
    scene: Scene,
    script: Script,
    work: _SceneWork,
    diagnostics: list[Diagnostic],
) -> None:
    try:
        proposals = provider.propose(scene, script)
    except Exception as error:  # a provider must never break a breakdown
        diagnostics.append(
            Diagnostic(
                script.source,
                scene.line,
                t("ai.nothing_usable", scene=scene.number.text, error=str(error)),
            )
        )
        return
    for element in proposals:
        key = (element.category, element.name)
        if key in work.items:
            continue
        work.items[key] = _Proposal(
            element.category,
            element.name,
            element.quantity,
            element.source,
            element.confidence,
            list(element.evidence),
            element.explanation,
        )


class _SceneExtractor:
    """Applies the cast, convention, lexicon and pattern rules to one scene."""

    def __init__(
        self,
        scene: Scene,
        work: _SceneWork,
        lexicon: Lexicon,
        roster: Roster,
        diagnostics: list[Diagnostic],
        source: str,
        learned: dict[tuple[str, ...], str] | None = None,
    ) -> None:
        self.scene = scene
        self.learned = learned if learned is not None else {}
        self.work = work
        self.lex = lexicon
        self.roster = roster
        self.diagnostics = diagnostics
        self.source = source
        self.en = lexicon.language == "en"
        self.lines = self._body_lines()
        self.speaking = set(scene.speaking)
        self.rule_words = {
            key: lexicon.words(key)
            for key in (
                "articles", "titles", "handling_verbs", "threat_verbs", "sound_words",
                "group_markers", "not_present_before", "stop_after", "colours",
                "ignore_caps", "pattern_reject", "music_kinds", "containers", "display_words",
                "owner_places", "sound_stop_after", "unseen_cues",
            )
        }  # fmt: skip
        numbers = lexicon.rules.get("numbers", {})
        self.numbers: dict[str, int | None] = {
            nfc(str(k)).lower(): (int(v) if v is not None else None)
            for k, v in (numbers.items() if isinstance(numbers, dict) else [])
        }
        text = " ".join(line.text for line in self.lines)
        self.scene_lower = nfc(text).lower()
        # Vietnamese typed without diacritics is matched against the lexicon without them.
        self.plain = not self.en and not any(ch in VIETNAMESE_LETTERS for ch in self.scene_lower)
        threats = self.rule_words["threat_verbs"]
        self.threat = any(
            (verb_in(t.lower, threats) if self.en else t.lower in threats)
            for line in self.lines
            for t in line.tokens
        ) or any(p in self.scene_lower for p in threats if " " in p)

    def _match(self, tokens: Sequence[Token], index: int, limit: int | None = None) -> Hit | None:
        return self.lex.match_at(tokens, index, limit, plain=self.plain)

    # -- reading -----------------------------------------------------------------------------

    def _body_lines(self) -> list[_Line]:
        lines: list[_Line] = []
        for element in self.scene.elements:
            if element.kind not in _BODY_KINDS:
                continue
            for offset, text in enumerate(nfc(element.text).split("\n")):
                tokens = tokenize(text)
                if tokens:
                    number = element.line + offset if element.line else 0
                    lines.append(_Line(text, number, tokens, element.kind, [False] * len(tokens)))
        return lines

    def run(self) -> None:
        if not self.scene.elements:
            self.diagnostics.append(
                Diagnostic(
                    self.source,
                    self.scene.line,
                    t("breakdown.empty_scene", scene=self.scene.number.text),
                )
            )
        self._cues()
        self._heading()
        for line in self.lines:
            self._mentions(line)
            self._special_equipment(line)
            self._caps_conventions(line)
            self._lexicon(line)
        self._patterns()

    # -- cast --------------------------------------------------------------------------------

    def _cues(self) -> None:
        for element in self.scene.elements:
            if element.kind is not ElementKind.CHARACTER or not element.name:
                continue
            name = nfc(element.name).upper()
            text = nfc(element.text)
            first_line = text.split("\n")[0]
            start = max(0, first_line.upper().find(name[:3]))
            line = _Line(first_line, element.line, [], element.kind)
            self.work.add(
                "cast",
                name,
                line,
                start,
                min(len(first_line), start + len(name)) if start >= 0 else len(first_line),
                source="rules",
                confidence=0.98,
                explanation=f"{name} has a character cue in the scene",
            )

    def _mentions(self, line: _Line) -> None:
        tokens = line.tokens
        index = 0
        while index < len(tokens):
            found = self.roster.match_at(tokens, index, self.speaking)
            if found is None:
                index += 1
                continue
            name, length = found
            absent = self._absent_mention(line, index, length)
            if not absent or not self._longer_proper_noun(line, index, length):
                for k in range(index, index + length):
                    line.used[k] = True
            if not absent:
                start, end = tokens[index].start, tokens[index + length - 1].end
                self.work.add(
                    "cast",
                    name,
                    line,
                    start,
                    end,
                    source="rules",
                    confidence=0.9 if tokens[index].is_upper else 0.85,
                    explanation=f"{name} is named in the action",
                )
            index += length

    def _absent_mention(self, line: _Line, index: int, length: int) -> bool:
        """Mentions that do not put a character in the scene.

        A name after ``photo of`` / ``của``; a name inside quotation marks (written on
        something); a capitalised word that is part of a longer proper noun (``Liên Xô``);
        and every name of a line that starts on a screen (``On the monitor: ...``).
        """
        tokens = line.tokens
        token = tokens[index]
        if _AGE_AFTER_RE.match(line.text, tokens[index + length - 1].end):
            return False  # ``của CÔ THỦ THƯ (50)``: an introduction puts her in the scene
        before = {
            t.lower for t in tokens[max(0, index - 3) : index] if t.sentence == token.sentence
        }
        if before & self.rule_words["not_present_before"]:
            return True
        if (
            index > 0
            and tokens[index - 1].lower in self.rule_words["owner_places"]
            and line.text[tokens[index - 1].end : token.start] == " "
        ):
            return True  # ``tiệm ông Bảy``: his shop, not him
        if line.text[: token.start].count('"') % 2 == 1:
            return True
        if self._longer_proper_noun(line, index, length):
            return True
        return bool(_ON_SCREEN_RE.match(line.text))

    def _longer_proper_noun(self, line: _Line, index: int, length: int) -> bool:
        """``Liên Xô``: a name followed by another capitalised word is another proper noun."""
        tokens = line.tokens
        token = tokens[index]
        following = index + length
        return (
            following < len(tokens)
            and tokens[following].sentence == token.sentence
            and tokens[following].start - tokens[following - 1].end == 1
            and tokens[following].is_title
            and not token.is_upper
        )

    # -- conventions on capitals -------------------------------------------------------------

    def _quantity_before(self, line: _Line, index: int) -> int | None:
        """``a dozen`` -> 12, ``two dozen`` -> 24, ``10,000`` -> 10000, ``hai`` -> 2."""
        tokens = line.tokens
        digits = _NUMBER_BEFORE_RE.search(line.text[: tokens[index].start])
        if digits:
            return int(re.sub(r"[,.]", "", digits.group(1)))
        words = [t.lower for t in tokens[max(0, index - 3) : index]]
        for size in (3, 2, 1):
            if len(words) >= size:
                phrase = " ".join(words[-size:])
                if phrase in self.numbers:
                    return self.numbers[phrase]
        if words and _DIGITS_RE.match(words[-1]):
            return int(re.sub(r"[,.]", "", words[-1]))
        if len(words) >= 2 and words[-1] in self.numbers and words[-2] in self.numbers:
            first, second = self.numbers[words[-2]], self.numbers[words[-1]]
            if first is not None and second is not None:
                return first * second
        return None

    def _caps_conventions(self, line: _Line) -> None:
        tokens = line.tokens
        for start, end in _caps_runs(tokens, self.rule_words["articles"]):
            if any(line.used[start:end]):
                continue
            words = [t.lower for t in tokens[start:end]]
            phrase = " ".join(words)
            if phrase in self.rule_words["ignore_caps"] or (
                self.en and _CAMERA_WORDS.intersection(words)
            ):
                continue  # a camera direction (``VARIOUS SHOTS``, ``ANGLE ON``), not an element
            span = (tokens[start].start, tokens[end - 1].end)
            raw = line.text[span[0] : span[1]].upper()
            # An unnamed individual introduced with capitals: ``SECOND OFFICER (40s)``.
            extra_name = self.roster.extras.get(raw) or self.roster.extras.get(
                " ".join(t.text for t in tokens[start:end]).upper()
            )
            if extra_name:
                self._mark(line, start, end)
                self.work.add(
                    "extras", extra_name, line, *span, source="rules", confidence=0.85,
                    explanation="an unnamed, non-speaking individual introduced in capitals",
                    quantity=self._quantity_before(line, start) or 1,
                )  # fmt: skip
                continue
            if self._sound_run(line, start, end, words):
                continue
            quantity = self._quantity_before(line, start)
            person = list(words)
            # ``THIRTY MOTORBIKE COMMUTERS``, ``HAI GÃ XĂM TRỔ``: a number inside the capitals
            # counts the group.
            for size in (2, 1):
                lead = " ".join(person[:size])
                if len(person) > size and lead in self.numbers:
                    quantity = quantity or self.numbers[lead]
                    person = person[size:]
                    break
            while not self.en and len(person) > 1 and person[0] in self.rule_words["articles"]:
                person = person[1:]  # ``TÊN CÔN ĐỒ`` -> ``côn đồ``
            if person and _DIGITS_RE.match(person[0]) and len(person) > 1:
                quantity = quantity or int(re.sub(r"[,.]", "", person[0]))
                person = person[1:]
            if self.en and person:
                person = [*person[:-1], noun_lemma(person[-1])]
            # A Vietnamese noun phrase starts with its head (``gã``), modifiers after.
            is_person = is_person_noun(person, self.lex) or (
                not self.en and is_person_noun(person[:1], self.lex)
            )
            if is_person:
                self._mark(line, start, end)
                name = " ".join(person)
                entry = self.lex.lookup(name)
                if entry is not None and entry.category == "extras":
                    name = entry.name
                self.work.add(
                    "extras", name, line, *span, source="rules", confidence=0.85,
                    explanation="a group or an unnamed person introduced in capitals",
                    quantity=quantity,
                )  # fmt: skip
                if len(name.split()) >= 2:
                    self.learned[tuple(name.split())] = name
                self._rider_vehicle(line, start, end)

    def _sound_run(self, line: _Line, start: int, end: int, words: list[str]) -> bool:
        """A capitalised sound (``SIREN WHOOPS``, ``TIẾNG CÒI TÀU``, ``RÈ RÈ``)."""
        sounds = self.rule_words["sound_words"]
        tokens = line.tokens
        # ``BEEEEEP``, ``CRAAASH``: a stretched sound word is the word.
        words = [_STRETCH_RE.sub(r"\1", w) if _STRETCH_RE.search(w) else w for w in words]
        lemmas = [(verb_base(w, sounds) or w) if self.en else w for w in words]
        nouns = [noun_lemma(w) if self.en else w for w in words]
        hit = any(w in sounds for w in lemmas) or any(w in sounds for w in nouns)
        if not hit and self.en:
            return False
        before = tokens[start - 1].lower if start > 0 else ""
        if not self.en and not hit and before != "tiếng":
            return False
        span = (tokens[start].start, tokens[end - 1].end)
        if before == "tiếng":
            span = (tokens[start - 1].start, span[1])
        verb_form = False
        if self.en:
            if len(words) == 1 and (words[0].endswith("s") or words[0].endswith("ing")):
                # ``the cat YOWLS``, ``the phone RINGS``: a verb of sound; name it after
                # what makes it.
                subject = self._subject_before(line, start)
                verb_form = bool(subject)
                name = f"{subject} {lemmas[0]}" if subject else nouns[0]
            else:
                # ``SIREN WHOOPS``, ``MOTORBIKE HORN``, ``SCREAMS OUT``: up to the sound words.
                def is_sound(i: int) -> bool:
                    return words[i] in sounds or lemmas[i] in sounds or nouns[i] in sounds

                first = next((i for i in range(len(words)) if is_sound(i)), len(words) - 1)
                last = first
                while last + 1 < len(words) and is_sound(last + 1):
                    last += 1
                kept = (
                    words[max(0, first - 2) : last + 1] if first <= 2 else words[first : last + 1]
                )
                deduped: list[str] = []
                for word in kept:
                    if not deduped or deduped[-1] != word:
                        deduped.append(word)  # ``BEEP BEEP BEEP`` -> ``beep``
                name = " ".join([*deduped[:-1], noun_lemma(deduped[-1])])
        else:
            collapsed: list[str] = []
            for w in words:
                if not collapsed or collapsed[-1] != w:
                    collapsed.append(w)
            if collapsed and collapsed[0] == "tiếng":
                collapsed = collapsed[1:]
            # ``NỔ ẦM`` -> ``tiếng nổ``: keep up to the sound word's compound.
            entry = None
            for size in range(len(collapsed) if before != "tiếng" else 0, 0, -1):
                candidate = self.lex.lookup(" ".join(collapsed[:size]))
                if candidate is not None:
                    entry = candidate
                    collapsed = collapsed[:size]
                    break
            if (
                entry is None
                and len(collapsed) > 1
                and collapsed[0] in sounds
                and before != "tiếng"
            ):
                collapsed = collapsed[:1]  # ``NỔ ẦM`` -> ``tiếng nổ``; ``Tiếng CÒI CẢNH SÁT`` stays
            name = "tiếng " + " ".join(collapsed)
        whole = self.lex.lookup(" ".join(words))
        if verb_form or whole is None or whole.category in ("vehicles", "animals"):
            self._mark(line, start, end)
        self.work.add(
            "sound", name, line, *span, source="rules", confidence=0.85,
            explanation="a sound written in capitals (screenwriting convention)",
        )  # fmt: skip
        return True

    def _rider_vehicle(self, line: _Line, start: int, end: int) -> None:
        """``MOTORBIKE RIDERS``, ``người đi xe máy``: riders' vehicles are picture vehicles."""
        tokens = line.tokens
        for index, stop in ((i, k) for i in range(start, end) for k in range(end, i, -1)):
            hit = self._match(tokens, index, limit=stop)
            if hit is not None and hit.entry.category == "vehicles":
                self.work.add(
                    "vehicles", hit.entry.name, line, tokens[index].start,
                    tokens[index + hit.length - 1].end, source="rules", confidence=0.75,
                    explanation="the vehicle the background riders ride",
                )  # fmt: skip
                return

    def _looks_like_verb(self, tokens: Sequence[Token], hit: Hit, line: _Line) -> bool:
        """``She watches``, ``rain hammers the road``, ``the newspaper slides off``.

        An English one-word noun that is also a verb is read as the verb when a subject
        comes right before it or an object or particle right after it.
        """
        if not self.en or hit.length != 1:
            return False
        token = tokens[hit.start]
        word = token.lower
        before = tokens[hit.start - 1] if hit.start > 0 else None
        if before is not None and before.sentence == token.sentence and before.lower in _MODALS:
            return True  # ``to watch``, ``can dress``, ``they'll iron``
        if not word.endswith(("s", "ed", "ing")) and not (
            before is not None and before.lower.endswith("s") and before.sentence == token.sentence
        ):
            return False
        after = tokens[hit.start + 1] if hit.start + 1 < len(tokens) else None
        if before is not None and before.sentence == token.sentence:
            if before.lower in _SUBJECTS or (line.used[hit.start - 1] and before.is_title):
                return True
            if before.lower in ("and", "then", "or", "but", "who", "which", "that"):
                return True
        if (
            after is not None
            and before is not None
            and after.sentence == token.sentence
            and after.lower in _OBJECTS
            and word.endswith("s")
            and not word.endswith("ss")
        ):
            # ``the newspaper slides off``, ``A BOY (8) watches her``: a noun or a name right
            # before makes it a verb; ``packs noodles into`` keeps its plural noun.
            return (
                before.is_title
                or before.is_upper
                or before.text.isdigit()
                or line.used[hit.start - 1]
                or self._match(tokens, hit.start - 1) is not None
            )
        if (
            before is not None
            and before.sentence == token.sentence
            and word.endswith("s")
            and not word.endswith("ss")
            and (after is None or after.sentence != token.sentence)
            and (before.is_upper or before.is_title or self._match(tokens, hit.start - 1))
            and (verb_in(word, self.rule_words["sound_words"]) or verb_in(word, _INTRANSITIVE))
        ):
            return True  # ``a ROOSTER crows.``: a noun, then the verb ends the sentence
        # ``Splinters rain down``, ``riders pull over``: a plural noun, then the verb.
        return (
            after is not None
            and before is not None
            and after.sentence == token.sentence
            and after.lower in _PARTICLES
            and before.lower.endswith("s")
            and before.lower != noun_lemma(before.lower)
        )

    def _subject_before(self, line: _Line, index: int) -> str:
        """What makes the sound: a lexicon noun at most three words before it."""
        tokens = line.tokens
        sentence = tokens[index].sentence
        for k in range(index - 1, max(-1, index - 4), -1):
            if tokens[k].sentence != sentence:
                break
            hit = self._match(tokens, k, limit=index)
            if hit is not None and hit.entry.category not in ("extras",):
                return hit.entry.name
        return ""

    def _mark(self, line: _Line, start: int, end: int) -> None:
        for k in range(start, end):
            line.used[k] = True

    def _special_equipment(self, line: _Line) -> None:
        calls = _camera_calls(self.lex)
        if calls is None or not any(t.is_upper for t in line.tokens):
            return
        names, regex = calls
        for match in regex.finditer(line.text):
            call = " ".join(match.group(0).split())
            self.work.add(
                "special_equipment", names[call], line, match.start(), match.end(),
                source="rules", confidence=0.9,
                explanation=f"the shot {call} needs this equipment",
            )  # fmt: skip
            for k, token in enumerate(line.tokens):
                if match.start() <= token.start < match.end():
                    line.used[k] = True

    # -- heading -----------------------------------------------------------------------------

    def _heading(self) -> None:
        """A vehicle that is the location (``I/E CREW VAN - MOVING``) is a picture vehicle."""
        text = nfc(self.scene.heading.location)
        raw = self.scene.heading.text
        tokens = tokenize(text)
        offset = nfc(raw).upper().find(text.upper()) if text else -1
        line = _Line(nfc(raw), self.scene.line, tokens, ElementKind.SCENE_HEADING)
        segments: list[tuple[int, int]] = []  # token ranges of the `` - `` parts
        begin = 0
        for index in range(1, len(tokens) + 1):
            if index == len(tokens) or "-" in text[tokens[index - 1].end : tokens[index].start]:
                segments.append((begin, index))
                begin = index
        for index in range(len(tokens)):
            hit = self._match(tokens, index)
            if hit is None or hit.entry.category != "vehicles":
                continue
            # The vehicle must be the place itself: ``CREW VAN`` (English, noun last),
            # ``XE BUÝT`` (Vietnamese, noun first); not ``PHỐ ĐƯỜNG TÀU`` (a street).
            stop = hit.start + hit.length
            if any(
                (_closes(tokens, stop, b) if self.en else hit.start == a)
                and a <= hit.start
                and stop <= b
                for a, b in segments
            ):
                start = tokens[hit.start].start + max(offset, 0)
                end = tokens[hit.start + hit.length - 1].end + max(offset, 0)
                self.work.add(
                    "vehicles", hit.entry.name, line, start, end, source="lexicon",
                    confidence=0.8, explanation="the scene takes place in this vehicle",
                )  # fmt: skip

    # -- lexicon -----------------------------------------------------------------------------

    def _lexicon(self, line: _Line) -> None:
        tokens = line.tokens
        index = 0
        while index < len(tokens):
            if line.used[index]:
                index += 1
                continue
            if self.learned and self._learned_group(line, index):
                continue
            if (tokens[index].is_title or tokens[index].is_upper) and tokens[
                index
            ].lower in self.roster.first_words:
                index += 1  # a character's name (``Na``) is not the fruit it also means
                continue
            hit = self._match(tokens, index)
            skip = index
            while skip + 1 < len(tokens) and tokens[skip].lower in self.rule_words["articles"]:
                # ``một cái bàn gỗ``: classifiers must not hide the longer noun after them.
                skip += 1
                if hit is None and self.learned and self._learned_group(line, skip):
                    break
                after = self._match(tokens, skip)
                if after is not None and (
                    hit is None or after.start + after.length >= hit.start + hit.length
                ):
                    hit = after
            if hit is None:
                index += 1
                continue
            stop = hit.start + hit.length
            if any(line.used[hit.start : stop]):
                index += 1
                continue
            self._mark(line, hit.start, stop)
            index = stop
            if hit.entry.category == "none" or self._looks_like_verb(tokens, hit, line):
                continue
            following = self._match(tokens, stop) if stop < len(tokens) else None
            modifier_form = self.en and (
                tokens[stop - 1].lower == noun_lemma(tokens[stop - 1].lower)
            )
            if (
                following is not None
                and modifier_form
                and tokens[stop].sentence == tokens[hit.start].sentence
                and tokens[stop].start - tokens[stop - 1].end <= 1
                and hit.entry.category not in ("extras", "sound", "music")
                and following.entry.category not in ("extras", "sound", "music", "none")
                and not self._looks_like_verb(tokens, following, line)
            ):
                # ``carp tattoo``, ``shrimp noodles``, ``orange light baton``: the first
                # noun only describes the second.
                continue
            if not self.en:
                hit, index = self._vietnamese_phrase(line, hit)
            self._lexicon_hit(line, hit)

    def _learned_group(self, line: _Line, index: int) -> bool:
        """A group met in capitals earlier in the script, named again in lower case."""
        tokens = line.tokens
        first = tokens[index].lower
        if self.en:
            first = noun_lemma(first)
        if not any(key[0] == first or key[0] == tokens[index].lower for key in self.learned):
            return False
        longest = max(len(k) for k in self.learned)
        for size in range(min(longest, len(tokens) - index), 0, -1):
            window = tokens[index : index + size]
            if window[-1].sentence != window[0].sentence or any(line.used[index : index + size]):
                continue
            words = [t.lower for t in window]
            if self.en:
                words[-1] = noun_lemma(words[-1])
            name = self.learned.get(tuple(words))
            if name is not None:
                self._mark(line, index, index + size)
                self.work.add(
                    "extras", name, line, window[0].start, window[-1].end, source="rules",
                    confidence=0.75, explanation="a group the script introduced earlier",
                    quantity=self._quantity_before(line, index),
                )  # fmt: skip
                return True
        return False

    def _in_a_picture(self, line: _Line, start: int) -> bool:
        """``a photo of a young soldier``, ``bức ảnh: một cô gái cầm micro``: what a picture
        shows is not on the set."""
        before = line.text[:start]
        matches = list(_PICTURE_RE.finditer(before))
        if not matches:
            return False
        found = matches[-1]
        between = before[found.end() :]
        if _SENTENCE_BREAK_RE.search(between):
            return False
        return bool(_PICTURE_LINK_RE.match(between))

    def _lexicon_hit(self, line: _Line, hit: Hit) -> None:
        entry = hit.entry
        tokens = line.tokens
        first, last = tokens[hit.start], tokens[hit.start + hit.length - 1]
        start, end = first.start, last.end
        if self._in_a_picture(line, start):
            return
        category = entry.category
        name = entry.name
        explanation = f"'{line.text[start:end]}' is a {category.replace('_', ' ')} word"
        confidence = 0.8 if hit.exact else 0.75
        sentence_before = [
            t for t in tokens[max(0, hit.start - 8) : hit.start] if t.sentence == first.sentence
        ]
        if category == "extras":
            if _APPOSITION_RE.search(line.text[:start]):
                return  # ``MAI (34), bus driver,``: the character's job, not an extra
            plural = self.en and last.lower != noun_lemma(last.lower)
            marked = any(t.lower in self.rule_words["group_markers"] for t in sentence_before[-3:])
            quantity = self._quantity_before(line, hit.start)
            many = quantity is None or quantity >= 2
            if not (
                first.is_upper or plural or marked or "group" in entry.flags or (quantity and many)
            ):
                return
            self.work.add(
                "extras", name, line, start, end, source="lexicon", confidence=confidence,
                explanation="background people named in the action", quantity=quantity,
            )  # fmt: skip
            return
        if category in ("sfx", "sound") and self._stopped(tokens, hit, category):
            return  # ``The rain has stopped``, ``siren off``
        if hit.length == 1:
            # ``the baton`` after ``an orange light baton``: the same item, by its first name.
            surface = noun_lemma(first.lower) if self.en else first.lower
            earlier = self._earlier_compound(surface) or self._earlier_compound(name)
            if earlier is not None:
                category, name = earlier
                explanation = f"'{line.text[start:end]}' refers back to the {name}"
        if category == "animals" and self._unseen(tokens, hit):
            # ``A dog barks somewhere in the dark``: heard, not seen.
            after = tokens[hit.start + hit.length] if hit.start + hit.length < len(tokens) else None
            verb = (
                verb_base(after.lower, self.rule_words["sound_words"])
                if after is not None and after.sentence == first.sentence
                else None
            )
            category = "sound"
            name = f"{name} {verb}" if verb and self.en else (name if self.en else f"tiếng {name}")
            explanation = f"'{line.text[start:end]}' is heard, not seen"
        if "handled" in entry.flags and category == "set_dressing":
            handling = self.rule_words["handling_verbs"]
            verbs = [
                t for t in sentence_before[-6:]
                if (verb_in(t.lower, handling) if self.en else t.lower in handling)
            ]  # fmt: skip
            if verbs:
                category = "props"
                explanation = f"'{line.text[start:end]}' is handled ('{verbs[-1].text}')"
        if category == "wardrobe" and (
            {t.lower for t in sentence_before} & self.rule_words["display_words"]
        ):
            category = "set_dressing"
            explanation = f"'{line.text[start:end]}' dresses the set (on a mannequin, for sale)"
        if "tool" in entry.flags and category == "props" and self.threat:
            category = "weapons"
            explanation = f"'{line.text[start:end]}' is raised against a person in this scene"
        if category == "wardrobe" and not self.en:
            name, end = self._keep_colour(line, hit, name, end)
        if category == "wardrobe" and self.en and hit.start > 0:
            before = tokens[hit.start - 1]
            if before.sentence == first.sentence and before.lower in self.rule_words["colours"]:
                name, start = f"{before.lower} {name}", before.start
        if category == "makeup_hair" and self.en:
            name = self._injury_name(line, hit, name)
        if category == "music":
            name = self._music_name(line, hit, name)
        self.work.add(
            category, name, line, start, end, source="lexicon", confidence=confidence,
            explanation=explanation, quantity=self._quantity_before(line, hit.start),
        )  # fmt: skip

    def _earlier_compound(self, name: str) -> tuple[str, str] | None:
        """An earlier, longer name with the same head (``light baton``; ``đài bán dẫn``)."""
        for (category, other), proposal in self.work.items.items():
            if self.en:
                # ``the baton`` -> ``light baton``; ``the bike`` -> ``motorbike`` (never by the
                # first word: a ``noodle cart`` is no noodle).
                same_head = other.endswith(" " + name) or (
                    len(name) >= 4 and other.endswith(name) and other != name
                )
            else:
                same_head = other.startswith(name + " ")
            if same_head and proposal.source == "lexicon" and category not in ("extras", "sound"):
                return category, other
        return None

    def _vietnamese_phrase(self, line: _Line, hit: Hit) -> tuple[Hit, int]:
        """A Vietnamese noun comes first and its modifiers after it.

        ``chậu hoa giấy`` is a pot of bougainvillea, not a pot and some paper; ``áo sơ mi bộ
        đội`` is an army shirt; ``máy cát-xét Sony`` keeps its brand. The following noun, brand
        or year joins the name, and is not proposed on its own.
        """
        tokens = line.tokens
        stop = hit.start + hit.length
        entry = hit.entry
        if entry.category in ("extras", "sound", "music", "cast") or stop >= len(tokens):
            return hit, stop
        if entry.term in self.rule_words["containers"]:
            return hit, stop  # ``thúng bánh mì``: a basket, and the bread in it
        sentence = tokens[hit.start].sentence
        added: list[Token] = []
        following = self._match(tokens, stop)
        if (
            following is not None
            and tokens[stop].sentence == sentence
            and tokens[stop].start - tokens[stop - 1].end <= 1
            and following.entry.category not in ("sound", "music", "vehicles", "animals", "none")
            and (following.entry.category != "extras" or entry.category == "wardrobe")
        ):
            added = list(tokens[stop : stop + following.length])
        else:
            k = stop
            while (
                k < len(tokens)
                and tokens[k].sentence == sentence
                and tokens[k].start - tokens[k - 1].end <= 1
                and not line.used[k]
                and (tokens[k].is_title or tokens[k].is_upper or tokens[k].text.isdigit())
                and tokens[k].lower not in self.roster.first_words
                and self._match(tokens, k) is None
            ):
                added.append(tokens[k])
                k += 1
        if not added:
            return hit, stop
        for k in range(stop, stop + len(added)):
            line.used[k] = True
        name = " ".join([entry.name, *(t.lower for t in added)])
        extended = Entry(entry.term, entry.category, name, entry.flags, entry.source, entry.line)
        return Hit(extended, hit.start, hit.length + len(added), hit.exact), stop + len(added)

    def _unseen(self, tokens: Sequence[Token], hit: Hit) -> bool:
        sentence = tokens[hit.start].sentence
        words = " ".join(t.lower for t in tokens if t.sentence == sentence)
        return any(cue in f" {words} " for cue in self.rule_words["unseen_cues"])

    def _stopped(self, tokens: Sequence[Token], hit: Hit, category: str = "sfx") -> bool:
        """``The rain has stopped``, ``trời tạnh mưa``: weather that is over is not an effect."""
        sentence = tokens[hit.start].sentence
        near = [
            t.lower
            for t in tokens[max(0, hit.start - 2) : hit.start + hit.length + 4]
            if t.sentence == sentence
        ]
        key = "sound_stop_after" if category == "sound" else "stop_after"
        return bool(set(near) & self.rule_words[key])

    def _keep_colour(self, line: _Line, hit: Hit, name: str, end: int) -> tuple[str, int]:
        """``áo dài đỏ``: a Vietnamese garment keeps its colour."""
        after = hit.start + hit.length
        tokens = line.tokens
        if (
            after < len(tokens)
            and tokens[after].sentence == tokens[hit.start].sentence
            and tokens[after].lower in self.rule_words["colours"]
            and tokens[after].start - end <= 1
        ):
            return f"{name} {tokens[after].lower}", tokens[after].end
        return name, end

    def _injury_name(self, line: _Line, hit: Hit, name: str) -> str:
        """``his elbow is scraped raw`` / ``elbow bandaged``: name the injury by its place."""
        return name

    def _music_name(self, line: _Line, hit: Hit, name: str) -> str:
        tokens = line.tokens
        after = hit.start + hit.length
        if not self.en:
            # ``bài hát cách mạng``, ``giọng hát của chính Liên``: the kind or the singer.
            for size in (2, 1):
                kind = " ".join(t.lower for t in tokens[after : after + size])
                if after + size <= len(tokens) and kind in self.rule_words["music_kinds"]:
                    for k in range(after, after + size):
                        line.used[k] = True
                    return f"{name} {kind}"
            rest = [
                t for t in tokens[after : after + 4] if t.sentence == tokens[hit.start].sentence
            ]
            if len(rest) >= 2 and rest[0].lower == "của":
                owner = rest[2] if rest[1].lower == "chính" and len(rest) > 2 else rest[1]
                if owner.is_title or owner.is_upper:
                    return f"{name} của {owner.lower}"
            return name
        if after < len(tokens) and tokens[after].lower in ("opera", "song", "music", "ballad"):
            line.used[after] = True
            return f"{name} {tokens[after].lower}"
        return name

    # -- phrase patterns ---------------------------------------------------------------------

    def _patterns(self) -> None:
        """Phrase patterns over the scene's body (one pass per pattern, not per line)."""
        if not self.lines:
            return
        joined = "\n".join(line.text for line in self.lines)
        starts: list[int] = []
        offset = 0
        for line in self.lines:
            starts.append(offset)
            offset += len(line.text) + 1
        lowered = joined.lower()
        for spec, regex in _compiled_patterns(self.lex):
            requires = spec.get("requires")
            if isinstance(requires, list) and not any(str(w) in lowered for w in requires):
                continue  # a cheap substring test spares most regex scans
            for match in regex.finditer(joined):
                name = str(spec.get("name", ""))
                try:
                    name = match.expand(name).lower()
                except (re.error, IndexError):
                    continue
                collapsed: list[str] = []
                for word in name.split():
                    if not collapsed or collapsed[-1] != word:
                        collapsed.append(word)  # ``rè rè`` -> ``rè``
                name = " ".join(collapsed)
                if "{vehicle}" in name:
                    at = bisect_right(starts, match.start()) - 1
                    vehicle = self._nearest_vehicle(
                        self.lines[at].number, match.start() - starts[at]
                    )
                    if not vehicle:
                        if spec.get("needs_vehicle"):
                            continue
                        name = name.replace("{vehicle} ", "")
                    name = name.replace("{vehicle}", vehicle)
                words = name.split()
                if words and words[0] in self.rule_words["pattern_reject"] and spec.get("subject"):
                    # ``Her reflection smiles back, then melts away``: the sentence's subject.
                    subject = self._sentence_subject(joined, match.start())
                    verb = match.group(int(spec.get("subject_verb_group", 2)))
                    words = [*subject.split(), *verb.lower().split()] if subject else []
                    name = " ".join(words)
                if not words or words[0] in self.rule_words["pattern_reject"]:
                    continue
                group = int(spec.get("evidence_group", 0))
                begin, finish = match.span(group)
                index = bisect_right(starts, begin) - 1
                line = self.lines[index]
                local_start = begin - starts[index]
                local_end = min(finish - starts[index], len(line.text))
                self.work.add(
                    str(spec["category"]), name, line, local_start, local_end, source="rules",
                    confidence=float(spec.get("confidence", 0.6)),
                    explanation=str(spec.get("why", "a phrase pattern")),
                )  # fmt: skip
                if spec.get("absorbs"):
                    self._absorb(line.number, local_start, local_end)

    def _sentence_subject(self, text: str, position: int) -> str:
        """The first words of the sentence around ``position``, without articles."""
        begin = max(text.rfind(mark, 0, position) for mark in ".!?\n:") + 1
        skip = self.rule_words["articles"] | _POSSESSIVES
        words = re.findall(r"[^\W\d_]+", text[begin:position].lower())
        while words and words[0] in skip:
            words = words[1:]
        head: list[str] = []
        for word in words[:2]:
            if word in self.rule_words["pattern_reject"] or word in _LINK_WORDS:
                break
            head.append(word)
        return " ".join(head)

    def _absorb(self, line_number: int, start: int, end: int) -> None:
        """``Glass explodes``: the breaking glass is the effect, not a prop as well."""
        for key, proposal in list(self.work.items.items()):
            if (
                key[0] in ("props", "set_dressing")
                and proposal.source == "lexicon"
                and all(
                    e.line == line_number and start <= e.start and e.end <= end
                    for e in proposal.evidence
                )
            ):
                del self.work.items[key]

    def _nearest_vehicle(self, line_number: int = 0, position: int = 0) -> str:
        """The picture vehicle mentioned last before ``(line_number, position)``, else any."""
        best: tuple[int, int] | None = None
        chosen = ""
        fallback = ""
        for (category, name), proposal in self.work.items.items():
            if category != "vehicles" or proposal.source == "human":
                continue
            fallback = fallback or name
            for e in proposal.evidence:
                where = (e.line, e.start)
                if where <= (line_number, position) and (best is None or where > best):
                    best, chosen = where, name
        return chosen or fallback


_CALLS_CACHE: dict[str, tuple[dict[str, str], re.Pattern[str]] | None] = {}


def _camera_calls(lexicon: Lexicon) -> tuple[dict[str, str], re.Pattern[str]] | None:
    """Camera calls of the lexicon as one case-sensitive regex (calls are written in capitals)."""
    if lexicon.language not in _CALLS_CACHE:
        shots = lexicon.rules.get("camera_calls", {})
        if not isinstance(shots, dict) or not shots:
            _CALLS_CACHE[lexicon.language] = None
        else:
            names = {" ".join(str(k).upper().split()): str(v) for k, v in shots.items()}
            ordered = sorted(names, key=len, reverse=True)
            alternation = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in ordered)
            _CALLS_CACHE[lexicon.language] = (names, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"))
    return _CALLS_CACHE[lexicon.language]


_PATTERNS_CACHE: dict[str, list[tuple[dict[str, Any], re.Pattern[str]]]] = {}


def _compiled_patterns(lexicon: Lexicon) -> list[tuple[dict[str, Any], re.Pattern[str]]]:
    """The lexicon's phrase patterns, compiled once (a malformed regex is skipped)."""
    if lexicon.language not in _PATTERNS_CACHE:
        compiled: list[tuple[dict[str, Any], re.Pattern[str]]] = []
        specs = lexicon.rules.get("patterns", [])
        for spec in specs if isinstance(specs, list) else []:
            if isinstance(spec, dict) and "category" in spec:
                regex = _compiled(str(spec.get("regex", "")))
                if regex is not None:
                    compiled.append((spec, regex))
        _PATTERNS_CACHE[lexicon.language] = compiled
    return _PATTERNS_CACHE[lexicon.language]


_REGEX_CACHE: dict[str, re.Pattern[str] | None] = {}


def _compiled(pattern: str) -> re.Pattern[str] | None:
    if pattern not in _REGEX_CACHE:
        try:
            _REGEX_CACHE[pattern] = (
                re.compile(pattern, re.IGNORECASE | re.UNICODE) if pattern else None
            )
        except re.error:
            _REGEX_CACHE[pattern] = None
    return _REGEX_CACHE[pattern]


def names_by_category(scene: SceneBreakdown) -> dict[str, list[str]]:
    """``{category: [names]}`` of a scene's active elements (every category key present)."""
    result: dict[str, list[str]] = {c: [] for c in _CATEGORY_ORDER}
    for element in scene.elements:
        if element.active:
            result.setdefault(element.category, [])
            if element.name not in result[element.category]:
                result[element.category].append(element.name)
    return result


def iter_elements(breakdown: Breakdown) -> Iterable[tuple[SceneBreakdown, BreakdownElement]]:
    for scene in breakdown.scenes:
        for element in scene.elements:
            yield scene, element
