"""People's breakdown decisions reach the schedule, the budget and the documents."""

from __future__ import annotations

from datetime import date

from filmpark.services.plan import Plan, make_plan

SCRIPT = b"""Title: Decisions

INT. NOODLE SHOP - DAY

LAN (30) wipes the counter. A dozen CUSTOMERS slurp noodles. MINH (8) sits by the door.

LAN
Closing soon.

EXT. RIVER ROAD - NIGHT

Lan rides home on her motorbike.

LAN
Almost there.
"""


def _cast_names(plan: Plan, number: str) -> set[str]:
    problem = plan.problem
    by_id = {member.id: member.name for member in problem.cast}
    scene = next(s for s in problem.scenes if s.number == number)
    return {by_id[cast_id] for cast_id in scene.cast}


def test_a_rejected_cast_member_leaves_the_scene_the_schedule_and_budget_see() -> None:
    today = date(2026, 11, 25)
    machine = make_plan(SCRIPT, "decisions.fountain", time_limit=2, today=today)
    assert "MINH" in _cast_names(machine, "1")

    decisions = {
        "schema": "Decisions.1",
        "decisions": [
            {
                "action": "reject",
                "scene": "1",
                "category": "cast",
                "name": "MINH",
                "author": "ad@example.com",
                "at": "2026-11-25T09:00:00+00:00",
            }
        ],
    }
    decided = make_plan(
        SCRIPT, "decisions.fountain", time_limit=2, today=today, decisions=decisions
    )

    assert "MINH" not in _cast_names(decided, "1")
    assert "LAN" in _cast_names(decided, "1")
    rejected = [
        e for e in decided.breakdown.scenes[0].elements if e.category == "cast" and e.name == "MINH"
    ]
    assert rejected
    assert all(not e.active for e in rejected)


def test_without_decisions_the_plan_uses_the_machine_breakdown_unchanged() -> None:
    today = date(2026, 11, 25)
    plan = make_plan(SCRIPT, "decisions.fountain", time_limit=2, today=today, decisions=None)
    assert all(e.active for scene in plan.breakdown.scenes for e in scene.elements)
