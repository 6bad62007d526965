"""Accessibility of the pages: colour contrast of the palette, labels and landmarks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import httpx
import pytest

from filmpark.breakdown.categories import DEFAULT_CATEGORIES
from filmpark.web.breakdown_view import tint
from filmpark.web.core import STATIC_DIR
from tests.web.conftest import create_project, csrf_of, register
from tests.web.test_pages_http import FOUNTAIN, unique_email

INK = "#1b1f24"


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: str, two: str) -> float:
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def css_variable(name: str) -> str:
    css = (STATIC_DIR / "app.css").read_text(encoding="utf-8")
    match = re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", css)
    assert match, name
    return match.group(1)


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        ("ink", "paper"),
        ("muted", "paper"),
        ("muted", "panel"),
        ("accent", "paper"),
        ("accent-ink", "accent"),
        ("danger", "paper"),
        ("ok", "paper"),
    ],
)
def test_text_colours_of_the_pages_have_a_contrast_of_at_least_4_5(
    foreground: str, background: str
) -> None:
    assert contrast(css_variable(foreground), css_variable(background)) >= 4.5


@pytest.mark.parametrize(
    "strip", ["strip-int-day", "strip-ext-day", "strip-int-night", "strip-ext-night"]
)
def test_black_text_on_every_strip_colour_is_readable(strip: str) -> None:
    assert contrast("#000000", css_variable(strip)) >= 4.5


def test_white_text_on_day_breaks_and_black_on_week_breaks_is_readable() -> None:
    assert contrast("#ffffff", css_variable("day-break")) >= 4.5
    assert contrast("#000000", css_variable("week-break")) >= 4.5


@pytest.mark.parametrize("category", DEFAULT_CATEGORIES, ids=lambda c: c.key)
def test_highlighted_script_text_stays_readable_in_every_category_colour(category: object) -> None:
    assert contrast(INK, tint(category.colour)) >= 4.5  # type: ignore[attr-defined]


class FormAudit(HTMLParser):
    """Collects the controls of a page, the labels that name them and its landmarks."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()
        self.landmarks: set[str] = set()
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        if tag in ("main", "nav", "header", "footer"):
            self.landmarks.add(tag)
        if tag == "label" and found.get("for"):
            self.labelled.add(str(found["for"]))
        if tag in ("input", "select", "textarea") and found.get("type") != "hidden":
            self.controls.append(found)


def test_every_control_of_every_page_has_a_label_and_every_page_has_landmarks(
    client: httpx.Client,
) -> None:
    register(client, unique_email("a11y"))
    project = create_project(client, "Accessible")
    page = client.get(f"/projects/{project}/scripts")
    client.post(
        f"/projects/{project}/scripts",
        data={"csrf_token": csrf_of(page.text)},
        files={"file": ("draft.fountain", FOUNTAIN, "text/plain")},
    )
    nav = client.get(f"/projects/{project}").text
    paths = ["/projects", *re.findall(r'<li><a href="(/projects/[^"]+)"', nav)]
    assert len(paths) > 8
    for path in paths:
        audit = FormAudit()
        audit.feed(client.get(path).text)
        assert audit.lang in ("en", "vi"), path
        assert {"main", "nav", "header", "footer"} <= audit.landmarks, path
        for control in audit.controls:
            named = control.get("aria-label") or control.get("id") in audit.labelled
            assert named, f"{path}: a control without a label: {control}"
