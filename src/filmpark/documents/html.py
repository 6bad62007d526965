"""HTML rendering of the production documents (Jinja2 templates, one stylesheet, self-contained
pages that print on A4). Every renderer takes report data and ``lang`` (``en`` or ``vi``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

import jinja2

from filmpark.budget.compare import BudgetComparison
from filmpark.documents.render import (
    check_lang,
    format_date,
    format_decimal,
    format_money,
    format_number,
    label,
    unit_label,
)
from filmpark.reports.budget_detail import BudgetDetail
from filmpark.reports.call_sheet import CallSheet
from filmpark.reports.top_sheet import TopSheet
from filmpark.units import Money


@lru_cache(maxsize=2)
def _environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("filmpark.documents", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def money(value: Money | None) -> str:
        return format_money(value, lang)

    def day(value: date | None, weekday: bool = False) -> str:
        return format_date(value, lang, weekday=weekday)

    def num(value: Decimal | int | None, decimals: int = 0) -> str:
        return "" if value is None else format_number(value, lang, decimals)

    def dec(value: Decimal) -> str:
        return format_decimal(value, lang)

    def unit(value: str) -> str:
        return unit_label(value, lang)

    env.filters.update(money=money, date=day, num=num, dec=dec, unit=unit)

    def L(key: str, **values: object) -> str:
        return label(key, lang, **values)

    env.globals.update(L=L, lang=lang)
    return env


def render_template(name: str, lang: str, **context: Any) -> str:
    return _environment(check_lang(lang)).get_template(name).render(lang=lang, **context)


def render_top_sheet_html(sheet: TopSheet, *, lang: str = "en") -> str:
    return render_template(
        "top_sheet.html",
        lang,
        sheet=sheet,
        title=sheet.title,
        doc_title=label("top_sheet", lang),
        exchange=sheet.exchange_note_vi if lang == "vi" else sheet.exchange_note_en,
        notes=sheet.notes_vi if lang == "vi" else sheet.notes_en,
    )


def render_budget_detail_html(detail: BudgetDetail, *, lang: str = "en") -> str:
    return render_template(
        "budget_detail.html",
        lang,
        detail=detail,
        title=detail.title,
        doc_title=label("budget_detail", lang),
        body_class="wide",
    )


def render_comparison_html(
    comparison: BudgetComparison, *, title: str = "", lang: str = "en"
) -> str:
    return render_template(
        "comparison.html",
        lang,
        comparison=comparison,
        title=title,
        doc_title=label("comparison", lang),
    )


def render_call_sheet_html(sheet: CallSheet, *, lang: str = "en") -> str:
    return render_template(
        "call_sheet.html", lang, sheet=sheet, title=sheet.title, doc_title=label("call_sheet", lang)
    )


def render_call_sheets_html(
    sheets: Sequence[CallSheet], *, lang: str = "en"
) -> list[tuple[str, str]]:
    """``(file name, html)`` for each sheet (``day-01-2026-12-07.html``)."""
    return [
        (f"{sheet.filename}.html", render_call_sheet_html(sheet, lang=lang)) for sheet in sheets
    ]
