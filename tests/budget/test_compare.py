from datetime import date

from filmpark.budget.build import build_budget
from filmpark.budget.compare import compare_budgets
from filmpark.budget.compute import summarise
from filmpark.budget.labour import DayType
from tests.budget.builders import a_day, a_performer, a_schedule, tiny_settings, vnd

MON, TUE = date(2026, 12, 7), date(2026, 12, 8)


def test_a_comparison_shows_the_difference_per_account_and_in_total() -> None:
    lan = a_performer(1, "LAN", 1_000_000, work=2, dates=(MON, TUE))
    plain = a_schedule(a_day(1, MON, cast=(1,)), a_day(2, TUE, cast=(1,)), cast=(lan,))
    holiday = a_schedule(
        a_day(1, MON, cast=(1,)), a_day(2, TUE, cast=(1,), day_type=DayType.HOLIDAY), cast=(lan,)
    )
    settings = tiny_settings()
    comparison = compare_budgets(
        summarise(build_budget(plain, settings)),
        summarise(build_budget(holiday, settings)),
        labels=("Plan A", "Plan B"),
    )
    changed = {row.code: row.difference for row in comparison.changed()}
    assert changed == {"A140": vnd(2_000_000), "B250": vnd(2_000_000)}
    assert comparison.grand_total.difference == vnd(4_400_000)
    assert comparison.left_label == "Plan A"
