"""The plan use case end to end on the bundled example (small solver time limit)."""

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from filmpark.errors import ConfigError, InputError
from filmpark.services import plan as plan_service
from filmpark.services.plan import make_plan, write_plan
from filmpark.units import Money

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "pho-at-dawn.fountain"
EXPECTED = (
    "index.html",
    "book.pdf",
    "breakdown.csv",
    "schedule.csv",
    "dood.csv",
    "budget.csv",
    "shoot_days.ics",
    "plan.json",
    "top_sheet.pdf",
    "stripboard.pdf",
    "dood.pdf",
    "one_liner.pdf",
    "budget_detail.pdf",
    "breakdown_sheets.pdf",
    "call_sheets.pdf",
)


@pytest.fixture(scope="module")
def example_plan():  # type: ignore[no-untyped-def]
    return make_plan(EXAMPLE.read_bytes(), str(EXAMPLE), time_limit=2.0)


def test_the_plan_writes_every_file_of_the_book(example_plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "book"
    write_plan(example_plan, out)
    for name in EXPECTED:
        assert (out / name).is_file(), name
    sheets = sorted((out / "call_sheets").glob("*.pdf"))
    assert len(sheets) == len(example_plan.schedule.days)
    assert (out / "book.pdf").read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["book"]  # no staging directory left behind


def test_every_csv_of_the_book_parses_back(example_plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "book"
    write_plan(example_plan, out)
    for path in out.glob("*.csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        assert len(rows) > 1, path.name
        assert all(len(row) == len(rows[0]) for row in rows), path.name
    days = list(csv.DictReader(io.StringIO((out / "schedule.csv").read_text(encoding="utf-8"))))
    assert {row["scene"] for row in days} == {
        d for day in example_plan.schedule.days for d in day.scenes
    }


def test_plan_json_carries_the_script_breakdown_schedule_and_budget(
    example_plan, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "book"
    write_plan(example_plan, out)
    document = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    assert document["schema"] == "Plan.1"
    assert document["script"]["schema"] == "Script.1"
    assert document["breakdown"]["schema"] == "Breakdown.1"
    assert document["schedule"]["schema"] == "Schedule.1"
    budget = document["budget"]
    assert budget["total"] == example_plan.summary.grand_total.to_decimal_string()
    accounts = sum(
        (Money.of(a["total"], budget["currency"]) for a in budget["accounts"]),
        Money.zero(budget["currency"]),
    )
    assert accounts == Money.of(budget["subtotal"], budget["currency"])


@pytest.fixture(scope="module")
def configured_plan():  # type: ignore[no-untyped-def]
    """The example with its production config: rates, a contract window, a drop/pick-up deal."""
    config = EXAMPLE.with_name("production.yaml")
    return make_plan(
        EXAMPLE.read_bytes(),
        str(EXAMPLE),
        config_text=config.read_text(encoding="utf-8"),
        config_source=str(config),
        time_limit=2.0,
        today=date(2026, 11, 25),
    )


@pytest.mark.parametrize("which", ["example_plan", "configured_plan"])
def test_cast_cost_equals_the_dood_paid_days_times_the_rates(
    which: str, request: pytest.FixtureRequest
) -> None:
    example_plan = request.getfixturevalue(which)
    summary = example_plan.summary
    cast_account = summary.budget.chart.role("cast")
    base = [
        item.total
        for account in summary.accounts
        if account.code == cast_account
        for item in account.lines
        if not item.line.premium
    ]
    dood = plan_service.schedule_json(example_plan)["dood"]["performers"]
    rates = {member.id: member.daily_rate for member in example_plan.problem.cast}
    expected = sum(
        (rates[row["id"]] * row["totals"]["paid"] for row in dood), Money.zero(summary.currency)
    )
    assert sum(base, Money.zero(summary.currency)) == expected.rounded()


def test_the_book_compares_the_optimised_budget_with_the_script_order_one(
    example_plan, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    comparison = example_plan.comparison
    assert comparison is not None
    assert comparison.grand_total.right == example_plan.summary.grand_total
    assert (
        comparison.grand_total.difference
        == comparison.grand_total.right - comparison.grand_total.left
    )
    write_plan(example_plan, tmp_path / "book", lang="vi")
    page = (tmp_path / "book" / "budget_comparison.html").read_text(encoding="utf-8")
    assert "Theo thứ tự kịch bản" in page


def test_an_existing_output_is_not_replaced_without_force(example_plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "book"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    with pytest.raises(InputError, match="already exists"):
        write_plan(example_plan, out)
    assert (out / "mine.txt").read_text() == "keep me"
    write_plan(example_plan, out, force=True)
    assert not (out / "mine.txt").exists()
    assert (out / "index.html").is_file()


def test_a_failure_part_way_leaves_no_half_written_book(
    example_plan, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    def broken(directory: Path, book: object, *, lang: str = "en") -> list[Path]:
        (directory / "index.html").write_text("half")
        raise OSError("disk full")

    monkeypatch.setattr(plan_service, "write_book", broken)
    out = tmp_path / "book"
    with pytest.raises(OSError, match="disk full"):
        write_plan(example_plan, out)
    assert list(tmp_path.iterdir()) == []


def test_a_config_location_without_coordinates_is_refused_with_its_key_and_line() -> None:
    config = "locations:\n  market:\n    name: Chợ\n    sets: [MARKET]\n"
    with pytest.raises(
        ConfigError,
        match=r"production.yaml:2: 'locations.market.coordinates': expected coordinates",
    ):
        make_plan(EXAMPLE.read_bytes(), str(EXAMPLE), config_text=config, time_limit=1.0)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            "budget:\n  currency: ABC\n",
            r"production.yaml:2: 'budget.currency': unknown currency 'ABC'",
        ),
        ("budget:\n  rate_cards: us\n", r"production.yaml:2: 'budget.rate_cards': unknown key"),
        (
            "budget:\n  rates:\n    - {key: dop, en: DP, role: camera, unit: work_day, rate: '-1', placeholder: true}\n",
            r"production.yaml:3: 'budget.rates\[0\].rate': expected a number >= 0",
        ),
        ("calendar:\n  start: 2020-01-06\n", r"production.yaml:2: 'calendar.start'"),
        ("budgets: {}\n", r"production.yaml:1: 'budgets'"),
    ],
)
def test_bad_config_values_name_the_key_the_line_and_what_was_expected(
    config: str, expected: str
) -> None:
    with pytest.raises(ConfigError, match=expected):
        make_plan(EXAMPLE.read_bytes(), str(EXAMPLE), config_text=config, time_limit=1.0)


def test_the_us_profile_budgets_in_dollars_on_the_us_chart_with_union_fringes() -> None:
    config = "production:\n  currency: USD\nprofile: us\n"
    plan = make_plan(EXAMPLE.read_bytes(), str(EXAMPLE), config_text=config, time_limit=1.0)
    summary = plan.summary
    assert summary.currency == "USD"
    assert summary.budget.chart.key == "us-feature"
    assert summary.account_total("1400").amount > 0
    # SAG-AFTRA pension & health (21%) on the cast lands in the above-the-line fringes.
    assert summary.account_total("1900").amount > summary.account_total("1400").amount * Decimal(
        "0.2"
    )
