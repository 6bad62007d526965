"""Every message of the pages has a Vietnamese translation, and Vietnamese pages show no English."""

from __future__ import annotations

import html
import re
import uuid
from pathlib import Path

import httpx
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from filmpark.web.core import TEMPLATES_DIR, environment
from tests.web.conftest import create_project, csrf_of, register

WEB = TEMPLATES_DIR.parent
KEYWORDS = {
    "_": None,
    "gettext": (2,),
    "ngettext": (1, 2),
    "N_": None,
    "pgettext": ((1, "c"), 2),
}


def used_messages() -> set[str]:
    """The msgids the templates and the web package mark for translation (as Babel extracts)."""
    found: set[str] = set()
    method_map = [("templates/**.html", "jinja2"), ("**.py", "python")]
    options_map = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(WEB), method_map, options_map, keywords=KEYWORDS
    ):
        if isinstance(message, tuple):
            found.update(m for m in message if m)
        elif message:
            found.add(message)
    return found


def catalog(language: str) -> dict[str, str]:
    path = WEB / "locale" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def test_every_message_used_in_the_pages_has_a_vietnamese_translation() -> None:
    used = used_messages()
    vietnamese = catalog("vi")
    assert len(used) > 100
    missing = sorted(m for m in used if not vietnamese.get(m, "").strip())
    assert not missing, f"{len(missing)} messages lack a Vietnamese translation: {missing[:10]}"


def test_every_translation_keeps_the_placeholders_of_its_message() -> None:
    placeholder = re.compile(r"%\((\w+)\)s")
    for message, text in catalog("vi").items():
        assert sorted(placeholder.findall(message)) == sorted(placeholder.findall(text)), message


def test_both_catalogs_list_the_same_messages() -> None:
    assert set(catalog("en")) == set(catalog("vi"))


def test_every_template_compiles() -> None:
    names = [p.relative_to(TEMPLATES_DIR).as_posix() for p in Path(TEMPLATES_DIR).rglob("*.html")]
    assert names
    for name in names:
        environment().get_template(name)


def visible_text(page: str) -> str:
    body = page.split("<body", 1)[-1]
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    # Text the page marks as English on purpose (the English credits text) is not a leftover.
    body = re.sub(r'<(\w+)[^>]*\blang="en"[^>]*>.*?</\1>', " ", body, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(body))


def english_leftovers(page: str) -> list[str]:
    """Marked English messages (changed by translation) still visible on a Vietnamese page."""
    text = visible_text(page)
    leftovers = []
    for message, translation in catalog("vi").items():
        for fragment in re.split(r"%\(\w+\)s", message):
            fragment = fragment.strip(" .,:;“”()")
            if (
                len(fragment) < 4
                or fragment in translation
                or (" " not in fragment and len(fragment) < 6)
            ):
                continue
            if re.search(rf"(?<![\w]){re.escape(fragment)}(?![\w])", text):
                leftovers.append(fragment)
    return leftovers


FOUNTAIN = (
    "Title: Bản nháp\n\nINT. KITCHEN - DAY\n\nLAN stirs the broth.\n\nLAN\nReady?\n\n"
    "EXT. STREET - NIGHT\n\nA motorbike roars past. MINH waits.\n"
).encode()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_page_renders_in_both_languages_with_no_english_left_in_vietnamese(
    client: httpx.Client, language: str
) -> None:
    for path in ("/signin", "/register"):
        client.cookies.set("filmpark_lang", language)
        page = client.get(path)
        assert page.status_code == 200
        assert f'lang="{language}"' in page.text
        if language == "vi":
            assert english_leftovers(page.text) == [], path
    register(client, f"pages-{language}-{uuid.uuid4().hex[:6]}@example.com")
    client.post(
        "/language",
        data={"csrf_token": csrf_of(client.get("/projects").text), "language": language},
    )
    project = create_project(client, "Bình Minh")
    upload_page = client.get(f"/projects/{project}/scripts")
    client.post(
        f"/projects/{project}/scripts",
        data={"csrf_token": csrf_of(upload_page.text)},
        files={"file": ("draft.fountain", FOUNTAIN, "text/plain")},
    )
    paths = ["/projects", f"/projects/{project}"]
    nav = re.findall(r'<nav class="project".*?</nav>', client.get(paths[1]).text, flags=re.S)
    paths += re.findall(r'href="(/projects/[^"]+)"', nav[0])
    paths += re.findall(
        r'href="(/projects/[^"]+/scripts/[^"/]+)"', client.get(f"/projects/{project}/scripts").text
    )
    paths.append("/projects/no-such-project")
    for path in dict.fromkeys(paths):
        page = client.get(path)
        assert page.status_code in (200, 404), (path, page.status_code)
        assert f'<html lang="{language}">' in page.text
        if language == "vi":
            assert english_leftovers(page.text) == [], path
