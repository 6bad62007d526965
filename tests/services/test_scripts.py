from __future__ import annotations

from pathlib import Path

import pytest

from filmpark.errors import PermissionDenied, ScreenplayError, ValidationError
from filmpark.services import scripts
from filmpark.services.scripts import display_name, revision_colour, sniff_format
from filmpark.store import Database, FileStore
from filmpark.store.records import Role
from tests.services.builders import a_member, a_project_with, a_user

SCRIPT = b"INT. KITCHEN - DAY\n\nLAN cooks.\n\nLAN\nXin chao.\n"


def test_revision_colours_follow_the_industry_order_then_double() -> None:
    assert [revision_colour(n) for n in range(1, 12)] == [
        "White", "Blue", "Pink", "Yellow", "Green", "Goldenrod", "Buff", "Salmon", "Cherry",
        "Tan", "Double White",
    ]  # fmt: skip
    assert revision_colour(22) == "Triple Blue"


def test_a_client_file_name_is_shown_without_its_path() -> None:
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("C:\\Users\\lan\\kịch bản.fountain") == "kịch bản.fountain"
    assert display_name("\x00\x1b.hidden") == "hidden"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.fountain", SCRIPT, "fountain"),
        ("a.txt", SCRIPT, "text"),
        ("noname", SCRIPT, "fountain"),
        ("a.fdx", b'<?xml version="1.0"?><FinalDraft DocumentType="Script"/>', "fdx"),
        ("a.pdf", b"%PDF-1.7\n...", "pdf"),
        ("renamed.txt", b"%PDF-1.4\n", None),
        ("a.docx", b"PK\x03\x04rest", None),
        ("a.exe", SCRIPT, None),
    ],
)
def test_the_type_is_judged_from_content_and_name(
    name: str, data: bytes, expected: str | None
) -> None:
    if expected is None:
        with pytest.raises(ValidationError):
            sniff_format(name, data)
    else:
        assert sniff_format(name, data) == expected


def test_each_upload_is_kept_under_a_server_name_and_coloured(
    database: Database, tmp_path: Path
) -> None:
    files = FileStore(tmp_path / "scripts")
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)
        first = scripts.upload_revision(
            tx, owner, project_id, "../x.fountain", SCRIPT, files=files, max_bytes=10_000
        )
        second = scripts.upload_revision(
            tx, owner, project_id, "x.fountain", SCRIPT, files=files, max_bytes=10_000
        )
    assert (first.number, first.colour, second.number, second.colour) == (1, "White", 2, "Blue")
    assert first.stored_name != second.stored_name
    assert files.read(first.stored_name) == SCRIPT
    assert first.filename == "x.fountain"
    assert first.scene_count == 1


def test_a_failed_upload_leaves_no_file_behind(database: Database, tmp_path: Path) -> None:
    files = FileStore(tmp_path / "scripts")
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)

    def upload_then_fail() -> None:
        with database.transaction() as tx:
            scripts.upload_revision(
                tx, owner, project_id, "x.fountain", SCRIPT, files=files, max_bytes=10_000
            )
            raise RuntimeError("the request failed after the upload")

    with pytest.raises(RuntimeError, match="after the upload"):
        upload_then_fail()
    assert not any((tmp_path / "scripts").iterdir())


def test_a_crew_member_cannot_upload_and_an_investor_cannot_read(
    database: Database, tmp_path: Path
) -> None:
    files = FileStore(tmp_path / "scripts")
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)
        crew = a_member(tx, owner, project_id, Role.CREW)
        investor = a_member(tx, owner, project_id, Role.INVESTOR)
        revision = scripts.upload_revision(
            tx, owner, project_id, "x.fountain", SCRIPT, files=files, max_bytes=10_000
        )
    with database.transaction() as tx:
        with pytest.raises(PermissionDenied):
            scripts.upload_revision(
                tx, crew, project_id, "x.fountain", SCRIPT, files=files, max_bytes=10_000
            )
        with pytest.raises(PermissionDenied):
            scripts.get_script_document(tx, investor, project_id, revision.id)
        assert (
            scripts.get_script_document(tx, crew, project_id, revision.id)["schema"] == "Script.1"
        )


def test_a_file_without_scenes_is_refused_and_the_current_revision_stays(
    database: Database, tmp_path: Path
) -> None:
    files = FileStore(tmp_path)
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)
        scripts.upload_revision(
            tx, owner, project_id, "a.fountain", SCRIPT, files=files, max_bytes=10**6
        )

    def upload_prose() -> None:
        with database.transaction() as tx:
            scripts.upload_revision(
                tx,
                owner,
                project_id,
                "notes.txt",
                b"Just some notes.\n",
                files=files,
                max_bytes=10**6,
            )

    with pytest.raises(ScreenplayError, match="no scenes found"):
        upload_prose()
    with database.transaction(readonly=True) as tx:
        latest = scripts.latest_revision(tx, owner, project_id)
    assert latest is not None
    assert latest.number == 1


def test_a_file_over_the_limit_is_refused(database: Database, tmp_path: Path) -> None:
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)
        with pytest.raises(ValidationError, match="larger than"):
            scripts.upload_revision(
                tx,
                owner,
                project_id,
                "x.fountain",
                SCRIPT * 100,
                files=FileStore(tmp_path),
                max_bytes=1024,
            )
