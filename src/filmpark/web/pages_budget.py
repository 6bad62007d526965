"""Budget top sheet, account detail and the comparison of two budget versions.

A budget version is the costing of one schedule version (built as a job). Amounts are shown
in the reader's language: ``1.234.567 ₫`` in Vietnamese, ``₫1,234,567`` in English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from filmpark.budget.charts import load_chart, shipped_charts
from filmpark.errors import FilmparkError, NotFound, PermissionDenied, ValidationError
from filmpark.services import books, budgets, projects, schedules
from filmpark.services.permissions import Permission, can
from filmpark.text import t
from filmpark.units import CURRENCY_DECIMALS, Money
from filmpark.web.core import (
    PageRoute,
    flash,
    gettext,
    json_of,
    redirect,
    render,
    require_user,
    tr,
)
from filmpark.web.pages_documents import document_href
from filmpark.web.platform import client_ip, dispatch, read, write
from filmpark.web.project_context import project_context

router = APIRouter(route_class=PageRoute, include_in_schema=False)

MAX_VERSIONS = 50


@cache
def _chart_labels(chart: str) -> dict[str, tuple[str, str]]:
    """The top-sheet blocks of a shipped chart of accounts: key -> (English, Vietnamese)."""
    try:
        loaded = load_chart(chart) if chart in shipped_charts() else None
    except FilmparkError:
        loaded = None
    if loaded is None:
        return {}
    return {c.key: (c.label_en, c.label_vi) for c in loaded.categories}


@dataclass(frozen=True, slots=True)
class AccountRow:
    code: str
    name: str
    category: str
    total: Money


@dataclass(frozen=True, slots=True)
class CategoryBlock:
    key: str
    label: str
    accounts: tuple[AccountRow, ...]
    total: Money


@dataclass(frozen=True, slots=True)
class BudgetView:
    version: int
    schedule_version: int | None
    currency: str
    blocks: tuple[CategoryBlock, ...]
    subtotal: Money | None
    contingency: Money | None
    bond: Money | None
    total: Money | None
    exchange_rate: Mapping[str, Any] | None


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    code: str
    name: str
    left: Money | None
    right: Money | None
    difference: Money
    sign: str  # "up" | "down" | ""


def _money(value: Any, currency: str) -> Money | None:
    if value is None or currency not in CURRENCY_DECIMALS:
        return None
    try:
        return Money(Decimal(str(value)), currency)
    except (InvalidOperation, ValueError):
        return None


def budget_view(request: Request, version: Any) -> BudgetView:
    translator = tr(request)
    document: Mapping[str, Any] = version.document
    currency = str(document.get("currency", "VND"))
    if currency not in CURRENCY_DECIMALS:
        currency = "VND"
    zero = Money.zero(currency)
    order: list[str] = []
    grouped: dict[str, list[AccountRow]] = {}
    for account in document.get("accounts", []) or []:
        if not isinstance(account, Mapping):
            continue
        category = str(account.get("category", "other"))
        name = account.get("name_vi") if translator.language == "vi" else account.get("name")
        row = AccountRow(
            str(account.get("code", "")),
            str(name or account.get("name") or ""),
            category,
            _money(account.get("total"), currency) or zero,
        )
        if category not in grouped:
            order.append(category)
            grouped[category] = []
        grouped[category].append(row)
    blocks = []
    for key in order:
        rows = tuple(grouped[key])
        total = zero
        for row in rows:
            total = total + row.total
        labels = _chart_labels(str(document.get("chart", "")))
        english, vietnamese = labels.get(key, (key.replace("_", " "), key.replace("_", " ")))
        label = vietnamese if translator.language == "vi" else english
        blocks.append(CategoryBlock(key, label, rows, total))
    rate = document.get("exchange_rate")
    return BudgetView(
        version=version.version,
        schedule_version=version.schedule_version,
        currency=currency,
        blocks=tuple(blocks),
        subtotal=_money(document.get("subtotal"), currency),
        contingency=_money(document.get("contingency"), currency),
        bond=_money(document.get("bond"), currency),
        total=_money(document.get("total"), currency),
        exchange_rate=rate if isinstance(rate, Mapping) else None,
    )


def _versions(newest: int) -> list[int]:
    """The budget versions offered for choosing, newest first (versions grow by one)."""
    return list(range(newest, max(0, newest - MAX_VERSIONS), -1))


@router.get("/projects/{project_id}/budget", name="page_project_budget")
def budget_page(request: Request, project_id: str, version: int | None = None) -> Response:
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        context = project_context(request, project_id, view.title, view.role, "page_project_budget")
        try:
            found = budgets.get_budget(tx, user, project_id, version)
        except NotFound:
            if version is not None:
                raise
            found = None
        try:
            schedule_version: int | None = schedules.get_schedule(tx, user, project_id).version
        except NotFound:
            schedule_version = None
    shown = budget_view(request, found) if found else None
    base = str(request.app.url_path_for("page_project_budget", project_id=project_id))
    newest = 0
    if found is not None:
        newest = found.version
        if version is not None:
            with read(request) as tx:
                newest = budgets.get_budget(tx, user, project_id).version
    return render(
        request,
        "project/budget.html",
        title=gettext(request, "Budget"),
        budget=shown,
        versions=_versions(newest),
        schedule_version=schedule_version,
        can_build=can(view.role, Permission.EDIT_BUDGET) and schedule_version is not None,
        build_url=f"{base}/build",
        jobs_url=f"/projects/{project_id}/jobs",
        base_url=base,
        **context,
    )


@router.post("/projects/{project_id}/budget/build", name="page_project_budget_build")
def budget_build(request: Request, project_id: str) -> Response:
    user = require_user(request)
    json_of(request)
    with write(request) as tx:
        job = budgets.request_budget(tx, user, project_id, ip=client_ip(request))
    dispatch(request, job.id)
    return JSONResponse({"job_id": job.id}, status_code=202)


@router.get("/projects/{project_id}/budget/compare", name="page_project_budget_compare")
def budget_compare(
    request: Request, project_id: str, a: int | None = None, b: int | None = None
) -> Response:
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        context = project_context(request, project_id, view.title, view.role, "page_project_budget")
        try:
            newest = budgets.get_budget(tx, user, project_id)
        except NotFound:
            flash(request, "info", gettext(request, "There is no budget to compare yet."))
            return redirect(
                str(request.app.url_path_for("page_project_budget", project_id=project_id))
            )
        right_version = b if b is not None else newest.version
        left_version = a if a is not None else max(1, right_version - 1)
        left = budgets.get_budget(tx, user, project_id, left_version)
        right = budgets.get_budget(tx, user, project_id, right_version)
    left_view, right_view = budget_view(request, left), budget_view(request, right)
    if left_view.currency != right_view.currency:
        raise ValidationError("currency", t("web.budget_currencies"))
    currency = right_view.currency
    zero = Money.zero(currency)
    lefts = {r.code: r for blk in left_view.blocks for r in blk.accounts}
    rights = {r.code: r for blk in right_view.blocks for r in blk.accounts}
    rows = []
    for code in sorted(set(lefts) | set(rights)):
        l_row, r_row = lefts.get(code), rights.get(code)
        difference = (r_row.total if r_row else zero) - (l_row.total if l_row else zero)
        named = r_row or l_row
        rows.append(
            ComparisonRow(
                code,
                named.name if named else code,
                l_row.total if l_row else None,
                r_row.total if r_row else None,
                difference,
                "up" if difference.amount > 0 else "down" if difference.amount < 0 else "",
            )
        )
    total_left = left_view.total or zero
    total_right = right_view.total or zero
    return render(
        request,
        "project/budget_compare.html",
        title=gettext(request, "Budget comparison"),
        left=left_view,
        right=right_view,
        rows=rows,
        total_difference=total_right - total_left,
        versions=_versions(newest.version),
        **context,
    )


@router.get("/projects/{project_id}/budget/detail", name="page_project_budget_detail")
def budget_detail(request: Request, project_id: str) -> Response:
    """The detail lines of every account, as the production book renders them."""
    user = require_user(request)
    with read(request) as tx:
        view = projects.get_project(tx, user, project_id)
        context = project_context(request, project_id, view.title, view.role, "page_project_budget")
        try:
            newest: int | None = budgets.get_budget(tx, user, project_id).version
        except NotFound:
            newest = None
        try:
            book = books.latest_book(tx, user, project_id)
        except (NotFound, PermissionDenied):
            book = None
    files = book.files if book else ()
    detail = {
        suffix: document_href(project_id, name)
        for name in files
        for suffix in (".html", ".pdf", ".csv")
        if name.startswith("budget_detail") and name.endswith(suffix)
    }
    return render(
        request,
        "project/budget_detail.html",
        title=gettext(request, "Budget detail"),
        detail=detail,
        book_budget=book.budget_version if book else None,
        newest_budget=newest,
        **context,
    )
