from __future__ import annotations

import pytest

from filmpark.errors import Conflict, NotFound, PermissionDenied
from filmpark.services import projects
from filmpark.services.permissions import Permission
from filmpark.store import Database
from filmpark.store.records import Role
from tests.services.builders import a_member, a_project_with, a_user


def test_the_creator_owns_the_project_and_only_members_list_it(database: Database) -> None:
    with database.transaction() as tx:
        owner = a_user(tx)
        stranger = a_user(tx, "Minh Trần")
        project_id = a_project_with(tx, owner, "  Đêm   trắng ")
    with database.transaction(readonly=True) as tx:
        mine = projects.list_projects(tx, owner)
        theirs = projects.list_projects(tx, stranger)
        view = projects.get_project(tx, owner, project_id)
    assert [p.id for p in mine] == [project_id]
    assert theirs == []
    assert view.role is Role.OWNER
    assert view.title == "Đêm trắng"


def test_a_stranger_cannot_tell_a_project_exists(database: Database) -> None:
    with database.transaction() as tx:
        owner = a_user(tx)
        stranger = a_user(tx)
        project_id = a_project_with(tx, owner)
    with database.transaction(readonly=True) as tx:
        with pytest.raises(NotFound) as hidden:
            projects.get_project(tx, stranger, project_id)
        with pytest.raises(NotFound) as missing:
            projects.get_project(tx, stranger, "0" * 32)
    assert str(hidden.value) == str(missing.value)


def test_adding_a_member_is_audited(database: Database) -> None:
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)
        crew = a_member(tx, owner, project_id, Role.CREW)
    with database.transaction(readonly=True) as tx:
        members = {m.user_id: m.role for m in projects.list_members(tx, owner, project_id)}
        log = tx.audit.entries(project_id=project_id)
    assert members == {owner.id: Role.OWNER, crew.id: Role.CREW}
    assert any(e.action == "member.add" and e.detail["user_id"] == crew.id for e in log)


def test_a_producer_cannot_make_an_owner(database: Database) -> None:
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)
        producer = a_member(tx, owner, project_id, Role.PRODUCER)
        other = a_user(tx)
    with pytest.raises(PermissionDenied), database.transaction() as tx:
        projects.add_member(tx, producer, project_id, other.email, Role.OWNER)
    with pytest.raises(PermissionDenied), database.transaction() as tx:
        projects.change_role(tx, producer, project_id, owner.id, Role.VIEWER)


def test_crew_cannot_manage_members(database: Database) -> None:
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)
        crew = a_member(tx, owner, project_id, Role.CREW)
        other = a_user(tx)
    with pytest.raises(PermissionDenied), database.transaction() as tx:
        projects.add_member(tx, crew, project_id, other.email, "viewer")


def test_the_last_owner_cannot_leave_or_be_demoted(database: Database) -> None:
    with database.transaction() as tx:
        owner = a_user(tx)
        project_id = a_project_with(tx, owner)
    with pytest.raises(Conflict), database.transaction() as tx:
        projects.remove_member(tx, owner, project_id, owner.id)
    with pytest.raises(Conflict), database.transaction() as tx:
        projects.change_role(tx, owner, project_id, owner.id, Role.PRODUCER)


def test_an_investor_sees_the_pitch_but_not_the_script() -> None:
    from filmpark.services.permissions import can

    assert can(Role.INVESTOR, Permission.VIEW_BUDGET)
    assert not can(Role.INVESTOR, Permission.VIEW_SCRIPT)
    assert not can(Role.INVESTOR, Permission.VIEW_BREAKDOWN)
    assert can(Role.VIEWER, Permission.VIEW_SCRIPT)
    assert not can(Role.VIEWER, Permission.EDIT_SCHEDULE)
