from __future__ import annotations

from pathlib import Path

import pytest

from filmpark.errors import PermissionDenied, ValidationError
from filmpark.services import breakdowns, ledger, scripts
from filmpark.store import Database, FileStore
from filmpark.store.records import LedgerStatus, Role, User
from tests.services.builders import a_member, a_project_with, a_user

SCRIPT = """INT. CAFÉ - DAY

LAN pours coffee. A dozen CUSTOMERS wait.

LAN
Ai gọi cà phê sữa đá?

EXT. RIVER - NIGHT

MINH rows a BOAT past a LANTERN.
""".encode()


def a_project_with_a_script(database: Database, tmp_path: Path) -> tuple[User, str]:
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)
        scripts.upload_revision(
            tx,
            owner,
            project_id,
            "cafe.fountain",
            SCRIPT,
            files=FileStore(tmp_path),
            max_bytes=10**6,
        )
    return owner, project_id


def test_an_upload_keeps_the_machines_proposal_and_its_ledger(
    database: Database, tmp_path: Path
) -> None:
    owner, project_id = a_project_with_a_script(database, tmp_path)
    with database.transaction() as tx:
        document = breakdowns.get_breakdown(tx, owner, project_id)
        entries = ledger.get_ledger(tx, owner, project_id, kind="breakdown")
    assert document["schema"] == "Breakdown.1"
    assert document["revision"]["colour"] == "White"
    cast = [e["name"] for e in document["scenes"][0]["elements"]["cast"]]
    assert "LAN" in cast
    assert entries
    assert all(e.status is LedgerStatus.PROPOSED for e in entries)
    assert any(e.subject == "breakdown/1/cast/LAN" and e.source != "human" for e in entries)


def test_decisions_are_stored_in_order_and_close_their_proposals(
    database: Database, tmp_path: Path
) -> None:
    owner, project_id = a_project_with_a_script(database, tmp_path)
    with database.transaction(readonly=True) as tx:
        other = next(
            e for e in ledger.get_ledger(tx, owner, project_id) if "/cast/" not in e.subject
        )
    _, scene, category, name = other.subject.split("/")
    with database.transaction() as tx:
        stored = breakdowns.record_decisions(
            tx,
            owner,
            project_id,
            [
                {"action": "accept", "scene": "1", "category": "cast", "name": "LAN"},
                {
                    "action": "reject",
                    "scene": scene,
                    "category": category,
                    "name": name,
                    "note": "not in this scene",
                },
                {
                    "action": "add",
                    "scene": "2",
                    "category": "props",
                    "name": "mái chèo",
                    "quantity": 2,
                },
            ],
        )
    assert [d.seq for d in stored] == [1, 2, 3]
    with database.transaction(readonly=True) as tx:
        by_subject = {e.subject: e for e in ledger.get_ledger(tx, owner, project_id)}
        document = breakdowns.decisions_document(tx, owner, project_id)
    assert by_subject["breakdown/1/cast/LAN"].status is LedgerStatus.ACCEPTED
    assert by_subject["breakdown/1/cast/LAN"].decided_by == owner.id
    assert by_subject["breakdown/1/cast/LAN"].decided_at is not None
    assert by_subject[other.subject].status is LedgerStatus.REJECTED
    assert by_subject[other.subject].note == "not in this scene"
    assert document["schema"] == "Decisions.1"
    assert [d["action"] for d in document["decisions"]] == ["accept", "reject", "add"]
    assert document["decisions"][2]["quantity"] == 2


def test_one_bad_decision_stores_none_of_the_batch(database: Database, tmp_path: Path) -> None:
    owner, project_id = a_project_with_a_script(database, tmp_path)

    def record() -> None:
        with database.transaction() as tx:
            breakdowns.record_decisions(
                tx,
                owner,
                project_id,
                [
                    {"action": "accept", "scene": "1", "category": "cast", "name": "LAN"},
                    {"action": "edit", "scene": "1", "category": "cast", "name": "LAN"},
                ],
            )

    with pytest.raises(ValidationError, match="an edit needs"):
        record()
    with database.transaction(readonly=True) as tx:
        assert breakdowns.list_decisions(tx, owner, project_id) == []


def test_an_investor_reads_the_ledger_without_evidence_and_never_the_breakdown(
    database: Database, tmp_path: Path
) -> None:
    owner, project_id = a_project_with_a_script(database, tmp_path)
    with database.transaction() as tx:
        investor = a_member(tx, owner, project_id, Role.INVESTOR)
    with database.transaction(readonly=True) as tx:
        with pytest.raises(PermissionDenied):
            breakdowns.get_breakdown(tx, investor, project_id)
        entries = ledger.get_ledger(tx, investor, project_id)
    assert entries
    assert all("evidence" not in e.proposal for e in entries)


def test_the_disclosure_says_what_machines_proposed_and_who_decided(
    database: Database, tmp_path: Path
) -> None:
    owner, project_id = a_project_with_a_script(database, tmp_path)
    with database.transaction() as tx:
        breakdowns.record_decisions(
            tx,
            owner,
            project_id,
            [{"action": "accept", "scene": "1", "category": "cast", "name": "LAN"}],
        )
    with database.transaction(readonly=True) as tx:
        english = ledger.disclosure(tx, owner, project_id, locale="en")
        vietnamese = ledger.disclosure(tx, owner, project_id, locale="vi")
    line = english.lines[0]
    assert line.kind == "breakdown"
    assert line.accepted == 1
    assert line.proposed == line.accepted + line.changed + line.rejected + line.open
    assert f"{line.proposed} proposals" in english.text
    assert owner.name in english.text
    assert "phân tích kịch bản" in vietnamese.text.lower()


def test_people_deciding_at_the_same_time_all_get_their_decisions_stored(
    database: Database, tmp_path: Path
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    owner, project_id = a_project_with_a_script(database, tmp_path)

    def decide(n: int) -> int:
        with database.transaction() as tx:
            stored = breakdowns.record_decisions(
                tx,
                owner,
                project_id,
                [{"action": "add", "scene": "1", "category": "props", "name": f"prop {n}"}],
            )
        return stored[0].seq

    with ThreadPoolExecutor(max_workers=8) as pool:
        seqs = list(pool.map(decide, range(40)))
    assert sorted(seqs) == list(range(1, 41))


def test_the_breakdown_is_served_with_peoples_decisions_applied(
    database: Database, tmp_path: Path
) -> None:
    owner, project_id = a_project_with_a_script(database, tmp_path)
    with database.transaction() as tx:
        breakdowns.record_decisions(
            tx,
            owner,
            project_id,
            [
                {
                    "action": "edit",
                    "scene": "1",
                    "category": "cast",
                    "name": "LAN",
                    "new_name": "CÔ LAN",
                },
                {
                    "action": "add",
                    "scene": "2",
                    "category": "props",
                    "name": "mái chèo",
                    "quantity": 2,
                },
            ],
        )
        stored = breakdowns.decisions_document(tx, owner, project_id)
    assert stored["decisions"][0]["scene_heading"] == "INT. CAFÉ - DAY"
    with database.transaction(readonly=True) as tx:
        document = breakdowns.get_breakdown(tx, owner, project_id)
    assert document["decisions_applied"] is True
    assert not document.get("unapplied")
    first, second = document["scenes"][0], document["scenes"][1]
    assert "CÔ LAN" in [e["name"] for e in first["elements"]["cast"]]
    assert "LAN" not in [e["name"] for e in first["elements"]["cast"]]
    oar = next(e for e in second["elements"]["props"] if e["name"] == "mái chèo")
    assert oar["quantity"] == 2
    assert oar["source"] == "human"
