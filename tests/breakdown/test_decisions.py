from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from filmpark.breakdown.decisions import (
    Action,
    Decision,
    Decisions,
    apply_decisions,
    match_scenes,
)
from filmpark.breakdown.extract import break_down
from filmpark.breakdown.model import Status
from filmpark.errors import ValidationError
from tests.breakdown.builders import script_from_fountain

AT = datetime(2025, 3, 2, 9, 30, tzinfo=UTC)

SCENES = {
    "market": "EXT. NIGHT MARKET - NIGHT\n\nLAN (30) sells lanterns from a stall. A dozen SHOPPERS drift past.\n",
    "garage": "INT. GARAGE - DAY\n\nMINH (40) fixes a motorbike. A radio plays on the workbench.\n",
    "roof": "EXT. ROOF - DUSK\n\nLan smokes a cigarette. Rain starts to fall.\n",
    "kitchen": "INT. KITCHEN - NIGHT\n\nMinh pours tea into two cups. A cat sleeps on the table.\n",
    "bridge": "EXT. BRIDGE - DAWN\n\nLan rides a bicycle over the bridge in a raincoat.\n",
    "new": "INT. POLICE STATION - DAY\n\nAn OFFICER types a report on a laptop.\n",
}


def a_revision(*keys: str) -> str:
    return "\n".join(SCENES[k] for k in keys)


def decide(
    script_text: str, scene_number: str, action: str, category: str, name: str, **more: object
) -> Decision:
    script = script_from_fountain(script_text)
    return Decision.create(
        action,
        scene=script.scene(scene_number),
        category=category,
        name=name,
        author="lan",
        at=AT,
        **more,  # type: ignore[arg-type]
    )


def test_decisions_survive_a_revision_that_inserts_and_deletes_scenes() -> None:
    first = a_revision("market", "garage", "roof", "kitchen", "bridge")
    decisions = Decisions(
        (
            decide(first, "2", "reject", "set_dressing", "radio"),
            decide(first, "4", "edit", "animals", "cat", new_name="ginger cat"),
            decide(first, "5", "add", "props", "map"),
            decide(first, "3", "accept", "sfx", "rain"),
        )
    )
    # Revision: a new scene 2 is inserted and the roof scene is deleted.
    revised = script_from_fountain(a_revision("market", "new", "garage", "kitchen", "bridge"))
    decided, unapplied = apply_decisions(break_down(revised), decisions, revised)

    garage = decided.scenes[2]
    assert garage.heading.startswith("INT. GARAGE")
    assert "radio" not in garage.names("set_dressing")
    kitchen = decided.scenes[3]
    assert "ginger cat" in kitchen.names("animals")
    assert "cat" not in kitchen.names("animals")
    assert "map" in decided.scenes[4].names("props")
    # The roof scene is gone: its decision is reported, and kept by the caller.
    assert [d.name for d in unapplied] == ["rain"]


def test_a_rejected_proposal_stays_in_the_breakdown_with_its_status() -> None:
    text = a_revision("garage")
    script = script_from_fountain(text)
    decided, _ = apply_decisions(
        break_down(script),
        Decisions((decide(text, "1", "reject", "set_dressing", "radio"),)),
        script,
    )
    rejected = [e for e in decided.scenes[0].elements if e.name == "radio"]
    assert len(rejected) == 1
    assert rejected[0].status is Status.REJECTED


def test_an_edit_keeps_the_machine_evidence_and_says_who_edited() -> None:
    text = a_revision("kitchen")
    script = script_from_fountain(text)
    decided, _ = apply_decisions(
        break_down(script),
        Decisions((decide(text, "1", "edit", "animals", "cat", new_name="ginger cat"),)),
        script,
    )
    cat = next(e for e in decided.scenes[0].elements if e.name == "ginger cat")
    assert cat.status is Status.EDITED
    assert cat.source == "human"
    assert "lan" in cat.explanation
    assert cat.evidence
    assert cat.evidence[0].text.lower() == "cat"


def test_a_decisions_file_for_another_script_reports_every_decision_it_cannot_apply() -> None:
    other = a_revision("market", "garage")
    decisions = Decisions(
        (
            decide(other, "1", "reject", "extras", "shopper"),
            decide(other, "2", "accept", "vehicles", "motorbike"),
        )
    )
    script = script_from_fountain(a_revision("new", "bridge"))
    decided, unapplied = apply_decisions(break_down(script), decisions, script)
    assert len(unapplied) == 2
    assert decided.scenes[0].names("extras") == break_down(script).scenes[0].names("extras")


def test_match_scenes_follows_a_renumbered_and_slightly_edited_scene() -> None:
    old = script_from_fountain(a_revision("market", "garage", "roof", "kitchen"))
    edited_kitchen = SCENES["kitchen"].replace("two cups", "three cups")
    new = script_from_fountain(SCENES["new"] + "\n" + SCENES["market"] + "\n" + edited_kitchen)
    assert match_scenes(old, new) == {"1": "2", "4": "3"}


def test_merging_aliases_renames_the_cast_everywhere() -> None:
    text = (
        "INT. HOUSE - DAY\n\nMRS. LAN (50) waits.\n\nMRS. LAN\nWell?\n\n"
        "INT. HOUSE - NIGHT\n\nLAN\nNothing.\n"
    )
    script = script_from_fountain(text)
    breakdown = break_down(script)
    assert any(a.canonical in ("MRS. LAN", "LAN") for a in breakdown.aliases)
    merge = Decision.create(
        Action.MERGE_ALIAS,
        scene=None,
        category="cast",
        name="MRS. LAN",
        aliases=("LAN",),
        author="an",
        at=AT,
    )
    decided, unapplied = apply_decisions(breakdown, Decisions((merge,)), script)
    assert unapplied == ()
    assert decided.scenes[1].names("cast") == ("MRS. LAN",)


def test_the_decisions_document_round_trips_and_is_versioned() -> None:
    text = a_revision("garage")
    decisions = Decisions(
        (decide(text, "1", "edit", "props", "radio", new_category="set_dressing", quantity=2),)
    )
    document = json.loads(json.dumps(decisions.to_dict()))
    assert document["schema"] == "Decisions.1"
    assert Decisions.from_dict(document) == decisions


def test_an_unversioned_list_of_decisions_is_upgraded_on_read() -> None:
    legacy = [{"action": "reject", "scene": "1", "category": "props", "name": "radio"}]
    decisions = Decisions.from_dict(legacy)
    assert decisions.decisions[0].action is Action.REJECT


def test_a_malformed_decision_is_refused_with_its_position() -> None:
    with pytest.raises(ValidationError, match="decision 2"):
        Decisions.from_dict(
            {
                "schema": "Decisions.1",
                "decisions": [{"action": "accept", "name": "x"}, {"action": "shout", "name": "y"}],
            }
        )


def test_the_platform_form_of_a_merge_and_a_stored_breakdown_without_its_script_work() -> None:
    text = "INT. HOUSE - DAY\n\nMRS. LAN (50) waits.\n\nMRS. LAN\nWell?\n\nINT. YARD - NIGHT\n\nLAN\nNothing.\n"
    breakdown = break_down(script_from_fountain(text))
    decisions = Decisions.from_dict(
        {
            "schema": "Decisions.1",
            "decisions": [
                {"action": "merge", "name": "LAN", "into": "MRS. LAN", "by": "u1"},
                {
                    "action": "reject",
                    "scene": "1",
                    "category": "cast",
                    "name": "MRS. LAN",
                    "by": "u1",
                },
            ],
        }
    )
    decided, unapplied = apply_decisions(breakdown, decisions)
    assert unapplied == ()
    assert decided.scenes[1].names("cast") == ("MRS. LAN",)
    assert decided.scenes[0].names("cast") == ()
    assert decisions.decisions[0].author == "u1"
