from decimal import Decimal

import pytest

from filmpark.budget.config import parse_budget_text, read_budget_section
from filmpark.errors import ConfigError


def test_no_budget_section_uses_the_vietnam_card_and_says_so() -> None:
    settings = read_budget_section(None, "production.yaml")
    assert settings.currency == "VND"
    assert settings.rate_card.key == "vietnam"
    assert any("rate card 'vietnam'" in note for note in settings.defaults_used)
    assert any("placeholder" in note for note in settings.defaults_used)


def test_values_the_user_gave_are_used_as_given() -> None:
    settings = parse_budget_text(
        """
rate_card: us
currency: USD
contingency_percent: 7.5
post_weeks: 12
exchange_rate: {base: USD, quote: VND, rate: "25400", as_of: 2026-11-20, source: Vietcombank}
rates:
  - {key: dop, en: DP, role: camera, unit: work_day, rate: "1500", source: deal memo, source_date: 2026-11-02}
location_fees: {market: "900"}
lines:
  - {account: camera, description: Drone, amount: 1, quantity: 2, unit: days, rate: "800"}
""",
        "production.yaml",
        location_ids=("market",),
    )
    assert settings.contingency_percent == Decimal("7.5")
    assert settings.post_weeks == 12
    assert settings.rate_card.rate("dop").rate.amount == 1500
    assert settings.exchange_rate is not None
    assert settings.exchange_rate.rate == 25400
    assert settings.extra_lines[0].account == "3300"
    assert not any("exchange rate" in note for note in settings.defaults_used)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "rate_cards: us\n",
            r"production.yaml:1: 'budget.rate_cards': unknown key \(expected one of:",
        ),
        ("currency: XYZ\n", r"production.yaml:1: 'budget.currency': unknown currency 'XYZ'"),
        (
            "rates:\n  - {key: dop, en: DP, role: camera, unit: work_day, rate: '-5', placeholder: true}\n",
            r"production.yaml:2: 'budget.rates\[0\].rate': expected a number >= 0, got -5",
        ),
        (
            "rates:\n  - {key: dop, en: DP, role: camera, unit: work_day, rate: '5'}\n",
            r"production.yaml:2: 'budget.rates\[0\]': a rate needs 'source' and 'source_date', or 'placeholder: true'",
        ),
        ("contingency_percent: -1\n", r"'budget.contingency_percent': expected a number >= 0"),
        (
            "\n\nlocation_fees: {beach: '1'}\n",
            r"production.yaml:3: 'budget.location_fees.beach': no such location",
        ),
        (
            "lines:\n  - {account: '9999', description: x, rate: '1'}\n",
            r"'budget.lines\[0\].account': no account '9999'",
        ),
        ("rate_card: nowhere.yaml\n", r"'budget.rate_card': no such rate card 'nowhere.yaml'"),
        (
            "currency: USD\nexchange_rate: {base: EUR, quote: JPY, rate: '160', as_of: 2026-11-01, source: x}\n",
            r"'budget.exchange_rate': no rate from VND to USD",
        ),
    ],
)
def test_a_bad_budget_section_names_the_key_the_line_and_what_was_expected(
    text: str, expected: str
) -> None:
    with pytest.raises(ConfigError, match=expected):
        parse_budget_text(text, "production.yaml", location_ids=("market",))


def test_a_chart_of_the_users_own_is_loaded_from_a_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from filmpark.budget.charts import DATA

    chart = (
        (DATA / "us-feature.yaml")
        .read_text(encoding="utf-8")
        .replace("key: us-feature", "key: studio-x")
    )
    (tmp_path / "studio.yaml").write_text(chart, encoding="utf-8")
    settings = parse_budget_text("chart: studio.yaml\n", "production.yaml", base_dir=tmp_path)
    assert settings.chart.key == "studio-x"


def test_a_line_of_the_users_own_can_count_a_global_such_as_shoot_weeks() -> None:
    from datetime import date

    from filmpark.budget.build import build_budget
    from filmpark.budget.compute import summarise
    from tests.budget.builders import a_day, a_schedule, vnd

    settings = parse_budget_text(
        "lines:\n  - {account: camera, description: Drone, quantity: shoot_weeks, unit: weeks, rate: '9000000'}\n",
        "production.yaml",
    )
    days = [a_day(i + 1, date(2027, 3, 1 + i)) for i in range(8)]  # 8 days of a 6-day week
    budget = build_budget(a_schedule(*days), settings)
    drone = next(line for line in budget.lines if line.description == "Drone")
    assert drone.quantity == 2
    assert summarise(budget).account_total("B330") >= vnd(2 * 9_000_000)


def test_a_word_that_is_not_a_global_is_refused() -> None:
    with pytest.raises(
        ConfigError,
        match=r"'budget.lines\[0\].quantity': expected a number >= 0 or one of the globals",
    ):
        parse_budget_text(
            "lines:\n  - {account: camera, description: Drone, quantity: shoot_months, rate: '1'}\n",
            "production.yaml",
        )


def test_a_rate_may_carry_a_line_fringe_of_the_users_own() -> None:
    from datetime import date

    from filmpark.budget.build import build_budget
    from filmpark.budget.compute import summarise
    from tests.budget.builders import a_day, a_schedule, vnd

    settings = parse_budget_text(
        """
fringes:
  - {key: union_dues, en: Union dues, percent: "10", placeholder: true}
rates:
  - {key: stunt_coordinator, en: Stunt coordinator, role: special_effects, unit: shoot_day, rate: "2000000", placeholder: true, fringes: [union_dues]}
""",
        "production.yaml",
    )
    summary = summarise(build_budget(a_schedule(a_day(1, date(2027, 3, 1))), settings))
    # 2,000,000 for the day plus 10% dues landing in the production fringe account.
    assert summary.account_total("B260") == vnd(2_000_000)
    assert summary.account_total("B490") >= vnd(200_000)


def test_a_rate_naming_an_unknown_fringe_is_refused_with_its_line() -> None:
    with pytest.raises(
        ConfigError, match=r"production.yaml:2: 'budget.rates\[0\].fringes': unknown fringe 'dues'"
    ):
        parse_budget_text(
            "rates:\n  - {key: x, en: X, role: camera, unit: flat, rate: '1', placeholder: true, fringes: [dues]}\n",
            "production.yaml",
        )
