from dataclasses import replace
from datetime import date, time

from filmpark.budget.build import build_budget, default_settings, shoot_weeks
from filmpark.budget.compute import summarise
from filmpark.budget.facts import LocationFacts
from filmpark.budget.labour import DayType
from filmpark.units import Money
from tests.budget.builders import a_day, a_performer, a_schedule, tiny_settings, vnd

MON, TUE, WED = date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 9)


def test_cast_cost_is_the_dood_paid_days_times_each_daily_rate() -> None:
    lan = a_performer(1, "LAN", 2_000_000, work=3, hold=2, travel=1, dates=(MON, TUE, WED))
    minh = a_performer(2, "MINH", 1_500_000, work=1, dates=(TUE,))
    facts = a_schedule(
        a_day(1, MON, cast=(1,)),
        a_day(2, TUE, cast=(1, 2)),
        a_day(3, WED, cast=(1,)),
        cast=(lan, minh),
    )
    budget = build_budget(facts, tiny_settings())
    summary = summarise(budget)
    cast_lines = next(item for item in summary.accounts if item.code == "A140").lines
    base = [item for item in cast_lines if not item.line.premium]
    assert sum((item.total for item in base), vnd(0)) == vnd(6 * 2_000_000 + 1 * 1_500_000)
    # 8-hour daylight days: no premium, so the whole account is the DOOD cost.
    assert summary.account_total("A140") == vnd(13_500_000)


def test_moving_a_scene_onto_a_public_holiday_raises_the_budget_by_the_premium() -> None:
    lan = a_performer(1, "LAN", 1_000_000, work=2, dates=(MON, TUE))
    before = a_schedule(a_day(1, MON, cast=(1,)), a_day(2, TUE, cast=(1,)), cast=(lan,))
    after = a_schedule(
        a_day(1, MON, cast=(1,)), a_day(2, TUE, cast=(1,), day_type=DayType.HOLIDAY), cast=(lan,)
    )
    settings = tiny_settings()
    cheap = summarise(build_budget(before, settings))
    dear = summarise(build_budget(after, settings))
    # Holiday: every hour at 300%, i.e. two extra day rates for each person working that day:
    # LAN 2 x 1,000,000 + two grips 2 x 2 x 500,000 = 4,000,000; plus 10% contingency.
    assert dear.subtotal - cheap.subtotal == vnd(4_000_000)
    assert dear.grand_total - cheap.grand_total == vnd(4_400_000)


def test_a_long_night_day_pays_overtime_and_night_premiums_to_the_crew() -> None:
    facts = a_schedule(a_day(1, MON, call=time(14, 0), hours="10"))
    summary = summarise(build_budget(facts, tiny_settings()))
    # Two grips, 500,000 a day; premium 0.5 of the day rate (see test_labour).
    assert summary.account_total("B250") == vnd(2 * 500_000 + 2 * 250_000)


def test_extras_catering_locations_and_weeks_follow_the_schedule() -> None:
    card = """
key: t
name: t
country: VN
currency: VND
chart: vn-feature
labour_rules: {normal_hours: 8, source: law}
rates:
  - {key: grip, en: Grip, role: set_operations, unit: shoot_day, count: 2, rate: "500000", labour: true, placeholder: true}
  - {key: extras, en: Extras, role: extras, unit: extra_day, rate: "300000", placeholder: true}
  - {key: catering, en: Catering, role: catering, unit: head_day, rate: "100000", placeholder: true}
  - {key: location_fee, en: Location, role: locations, unit: location_day, rate: "5000000", placeholder: true}
  - {key: stage_rental, en: Stage, role: stage, unit: stage_day, rate: "9000000", placeholder: true}
  - {key: camera_package, en: Camera, role: camera, unit: shoot_week, rate: "60000000", placeholder: true}
"""
    days = [
        a_day(i + 1, date(2026, 12, 7 + i), extras=extras, cast=cast, locations=(where,))
        for i, (extras, cast, where) in enumerate(
            [
                (12, (1,), "market"),
                (0, (1, 2), "stage-a"),
                (4, (), "market"),
                (0, (2,), "stage-a"),
                (0, (1,), "stage-a"),
                (3, (1, 2), "market"),
                (0, (1,), "market"),
            ]
        )
    ]
    facts = a_schedule(
        *days,
        locations=(
            LocationFacts("market", "Chợ Bến Thành"),
            LocationFacts("stage-a", "Stage A", stage=True),
        ),
    )
    summary = summarise(build_budget(facts, tiny_settings(card)))
    assert summary.account_total("B210") == vnd(19 * 300_000)
    heads = 7 * 2 + (1 + 2 + 0 + 1 + 1 + 2 + 1) + 19
    assert summary.account_total("B250") == vnd(7 * 2 * 500_000 + heads * 100_000)
    assert summary.account_total("B360") == vnd(4 * 5_000_000)
    assert summary.account_total("B380") == vnd(3 * 9_000_000)
    assert shoot_weeks(facts) == 2
    assert summary.account_total("B330") == vnd(2 * 60_000_000)


def test_a_location_fee_given_for_one_location_replaces_the_card_rate() -> None:
    facts = a_schedule(
        a_day(1, MON, locations=("market",)),
        locations=(LocationFacts("market", "Chợ", daily_fee=vnd(7_000_000)),),
    )
    settings = default_settings("vietnam")
    summary = summarise(build_budget(facts, settings))
    assert summary.account_total("B360") == vnd(7_000_000)


def test_the_shipped_cards_build_a_budget_in_every_category() -> None:
    lan = a_performer(1, "LAN", 2_000_000, work=2, dates=(MON, TUE))
    facts = a_schedule(a_day(1, MON, cast=(1,), extras=5), a_day(2, TUE, cast=(1,)), cast=(lan,))
    for profile, currency in (("vietnam", "VND"), ("us", "USD")):
        settings = default_settings(profile)
        if currency == "USD":
            facts = a_schedule(
                a_day(1, MON, cast=(1,), extras=5),
                a_day(2, TUE, cast=(1,)),
                cast=(replace(lan, daily_rate=Money.of("1200", "USD")),),
            )
        summary = summarise(build_budget(facts, settings))
        assert summary.currency == currency
        assert all(category.total.amount > 0 for category in summary.categories)
        assert summary.grand_total.amount > summary.subtotal.amount


def test_a_budget_in_usd_converts_a_vietnam_card_at_the_stored_rate() -> None:
    settings = replace(default_settings("vietnam"), currency="USD")
    facts = a_schedule(a_day(1, MON))
    summary = summarise(build_budget(facts, settings))
    assert summary.currency == "USD"
    rate = settings.exchange_rate
    assert rate is not None
    # Media: one shoot day at 1,000,000 VND = 38.4615... USD, rounded once to 38.46.
    assert summary.account_total("B390") == Money.of("38.46", "USD")
    assert rate.rate == 26000


def test_premium_lines_name_their_days_as_ranges() -> None:
    from filmpark.budget.build import day_ranges

    assert day_ranges([5, 1, 2, 3, 7, 8]) == "1–3, 5, 7–8"
    assert day_ranges([4]) == "4"
