"""Strip moves: evaluated by the engine as people arranged them, refused when they break a rule.

The screenplay (:func:`tests.services.builders.a_script_with_two_long_scenes`) makes the answer
known in advance: its two long scenes never fit into one shooting day, and a short scene can
join either day.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from filmpark.errors import Conflict, Infeasible
from filmpark.services import planning, schedules, scripts
from filmpark.services.schedules import costed_as_arranged
from filmpark.store import Database, FileStore
from filmpark.store.records import ScheduleVersion, User
from tests.services.builders import a_project_with, a_script_with_two_long_scenes, a_user


@dataclass(frozen=True)
class Stored:
    owner: User
    project: str
    files: FileStore


@pytest.fixture(scope="module")
def stored(database: Database, tmp_path_factory: pytest.TempPathFactory) -> Stored:
    """A project with the two-long-scenes screenplay and an optimised schedule (version 1)."""
    files = FileStore(tmp_path_factory.mktemp("scripts"))
    with database.transaction() as tx:
        owner = a_user(tx, "Vân Trần")
        project = a_project_with(tx, owner, "Hai Ngày Dài")
        revision = scripts.upload_revision(
            tx,
            owner,
            project,
            "hai-ngay-dai.fountain",
            a_script_with_two_long_scenes().encode(),
            files=files,
            max_bytes=1 << 20,
        )
        inputs = planning.PlanInputs(files.read(revision.stored_name), revision.filename, {})
        plan, resolved, kept = planning.solve_plan(inputs, previous=None, time_limit=5)
        tx.schedules.add(
            project_id=project,
            version=1,
            source="solver",
            document=planning.schedule_document(plan, kept),
            config=resolved,
            revision_id=revision.id,
            job_id=None,
            created_by=owner.id,
        )
    return Stored(owner, project, files)


def current(database: Database, stored: Stored) -> ScheduleVersion:
    with database.transaction(readonly=True) as tx:
        found = tx.schedules.get(stored.project)
    assert found is not None
    return found


def day_of(document: dict[str, Any], scene: str) -> int:
    return next(n for n, d in enumerate(document["days"], start=1) if scene in d["scenes"])


def move(tx: Any, stored: Stored, version: int, scene: str, day: int, **extra: Any) -> Any:
    """The owner moves ``scene`` to shoot day ``day`` of schedule ``version``, with the kept
    scripts (so the move is evaluated), unless ``extra`` says otherwise."""
    options = {"files": stored.files, **extra}
    return schedules.move_strip(
        tx, stored.owner, stored.project, expected_version=version, scene=scene, day=day, **options
    )


def test_a_hand_move_is_evaluated_as_arranged_and_costed_in_a_new_budget_version(
    database: Database, stored: Stored
) -> None:
    before = current(database, stored)
    target = 3 - day_of(before.document, "4")
    with database.transaction() as tx:
        budgets_before = tx.budgets.latest_number(stored.project)
        saved = move(tx, stored, before.version, "4", target)
    assert saved.version == before.version + 1
    assert saved.source == "human"
    assert day_of(saved.document, "4") == target
    assert costed_as_arranged(saved.document)
    # The engine's own evaluation of the stored arrangement: the same costs and DOOD.
    with database.transaction(readonly=True) as tx:
        inputs = schedules.plan_inputs(tx, stored.files, stored.project, saved)
        budget = tx.budgets.get(stored.project, tx.budgets.latest_number(stored.project))
        assert tx.budgets.latest_number(stored.project) == budgets_before + 1
    plan = planning.arranged_plan(inputs, saved.document)
    assert saved.document["cost"] == planning.schedule_document(plan)["cost"]
    assert saved.document["dood"] == planning.schedule_document(plan)["dood"]
    hung = next(p for p in saved.document["dood"]["performers"] if p["name"] == "HÙNG")
    assert hung["codes"][saved.document["dood"]["shoot_days"].index(target)] == "SWF"
    assert budget is not None
    assert budget.schedule_version == saved.version
    assert budget.document == planning.budget_document(plan)


def test_a_move_that_makes_a_day_too_long_is_refused_with_the_rule_and_the_day_named(
    database: Database, stored: Stored
) -> None:
    before = current(database, stored)
    target = day_of(before.document, "2")
    with pytest.raises(Infeasible) as refused, database.transaction() as tx:
        move(tx, stored, before.version, "1", target)
    date = before.document["days"][target - 1]["date"]
    assert refused.value.reasons
    assert all(date in str(reason) for reason in refused.value.reasons), refused.value.reasons
    assert any("min allowed" in str(reason) for reason in refused.value.reasons)
    assert f"scene 1 cannot move to shoot day {target} ({date})" in str(refused.value)
    after = current(database, stored)
    assert after.version == before.version
    assert after.document == before.document


def test_locking_a_strip_keeps_its_costs_without_evaluating_again(
    database: Database, stored: Stored
) -> None:
    before = current(database, stored)
    day = day_of(before.document, "3")
    # Where it stands: the strip stays in its place, only its lock changes (whatever earlier
    # tests of this module did to the order of that day).
    place = before.document["days"][day - 1]["scenes"].index("3")
    with database.transaction() as tx:
        budgets_before = tx.budgets.latest_number(stored.project)
        saved = move(tx, stored, before.version, "3", day, position=place, lock=True)
        assert tx.budgets.latest_number(stored.project) == budgets_before
    assert saved.document["cost"] == before.document["cost"]
    assert saved.document["dood"] == before.document["dood"]
    assert costed_as_arranged(saved.document) == costed_as_arranged(before.document)
    assert {
        "scene": "3",
        "date": saved.document["days"][day - 1]["date"],
        "day": day,
    } in saved.document["locks"]
    with pytest.raises(Conflict), database.transaction() as tx:
        move(tx, stored, saved.version, "3", 3 - day)


def test_a_version_edited_without_evaluation_says_its_costs_are_the_last_optimisations() -> None:
    assert costed_as_arranged({"cost": {"total": 1}})
    assert costed_as_arranged({"edited": True, "recosted": True})
    assert not costed_as_arranged({"edited": True})


def test_a_rule_the_schedule_already_broke_does_not_stop_a_move_elsewhere(
    database: Database, stored: Stored
) -> None:
    # Both long scenes on one day already break the longest-day rule; moving a short scene
    # between the days changes nothing about that, while adding one to the long day does.
    with database.transaction(readonly=True) as tx:
        version = tx.schedules.get(stored.project)
        assert version is not None
        inputs = schedules.plan_inputs(tx, stored.files, stored.project, version)

    def arranged(*days: list[str]) -> dict[str, Any]:
        dates = [d["date"] for d in version.document["days"]]
        return {"days": [{"date": on, "scenes": s} for on, s in zip(dates, days, strict=True)]}

    overlong = arranged(["1", "2"], ["3", "4"])
    schedules._refuse_broken_rules(
        inputs, overlong, arranged(["1", "2"], ["4", "3"]), scene="3", day=2
    )
    with pytest.raises(Infeasible):
        schedules._refuse_broken_rules(
            inputs, overlong, arranged(["1", "2", "4"], ["3"]), scene="4", day=1
        )


def test_moves_without_the_kept_scripts_keep_the_last_costs_and_say_so(
    database: Database, stored: Stored
) -> None:
    before = current(database, stored)
    with database.transaction() as tx:
        saved = schedules.move_strip(
            tx,
            stored.owner,
            stored.project,
            expected_version=before.version,
            scene="4",
            day=3 - day_of(before.document, "4"),
        )
    assert saved.document["edited"] is True
    assert not costed_as_arranged(saved.document)
