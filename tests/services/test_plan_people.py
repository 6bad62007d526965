"""Config → plan: hospitals and actors on the call sheets, travel days in the DOOD and budget."""

from __future__ import annotations

from datetime import date

from filmpark.services.plan import Plan, make_plan

TODAY = date(2027, 1, 10)
SCRIPT = b"""Title: Two Mornings

EXT. MARKET - DAY

MAI buys herbs from TUAN.

MAI
How much?

TUAN
For you, nothing.

INT. KITCHEN - DAY

MAI chops the herbs.

MAI
Perfect.
"""

CONFIG = """
calendar:
  start: 2027-03-01
  end: 2027-03-31
cast:
  MAI:
    actor: Trần Thu Hà
    rate: 2000000
{travel}
  TUAN:
    rate: 1000000
locations:
  market:
    sets: [MARKET]
    coordinates: [21.0382, 105.8497]
    hospital:
      name: Việt Đức Hospital
      address: 40 Tràng Thi, Hoàn Kiếm, Hà Nội
      phone: "115"
  kitchen:
    sets: [KITCHEN]
    stage: true
"""


def plan_with(travel: str = "") -> Plan:
    return make_plan(
        SCRIPT,
        "two-mornings.fountain",
        config_text=CONFIG.format(travel=travel),
        time_limit=5.0,
        workers=1,
        today=TODAY,
    )


def test_the_config_hospital_and_actor_reach_the_call_sheets() -> None:
    plan = plan_with()
    sheet = next(s for s in plan.call_sheets if any(loc.id == "market" for loc in s.locations))
    market = next(loc for loc in sheet.locations if loc.id == "market")
    assert market.hospital == "Việt Đức Hospital, 40 Tràng Thi, Hoàn Kiếm, Hà Nội, 115"
    names = {call.character: call.name for call in sheet.cast}
    assert names["MAI"] == "Trần Thu Hà"
    assert names["TUAN"] == ""


def test_a_travel_day_in_the_config_is_a_t_in_the_dood_and_one_more_paid_day() -> None:
    plain = plan_with()
    travelling = plan_with("    travel: [2027-03-20]")
    assert [d.scenes for d in travelling.schedule.days] == [d.scenes for d in plain.schedule.days]
    assert travelling.dood.cell("MAI", date(2027, 3, 20)) == "T"
    assert travelling.dood.row("MAI").actor == "Trần Thu Hà"
    mai = next(days for days in travelling.cast_days if days.name == "MAI")
    assert mai.travel_days == 1
    rate = next(m.daily_rate for m in travelling.problem.cast if m.name == "MAI")
    cast_before = plain.summary.account_total("A140")
    cast_after = travelling.summary.account_total("A140")
    assert cast_after - cast_before == rate
