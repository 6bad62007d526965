"""Builders of platform data for tests: accounts and projects with unique names."""

from __future__ import annotations

import uuid

from filmpark.services import accounts, projects
from filmpark.store import Tx
from filmpark.store.records import Role, User

PASSWORD = "correct horse battery staple"


def an_email(name: str = "user") -> str:
    return f"{name}-{uuid.uuid4().hex[:10]}@example.vn"


def a_user(tx: Tx, name: str = "Lan Nguyễn") -> User:
    return accounts.register(tx, an_email(name.split()[0].lower()), PASSWORD, name)


def a_project_with(tx: Tx, owner: User, title: str = "Mùa hè") -> str:
    return projects.create_project(tx, owner, title).id


def a_member(tx: Tx, owner: User, project_id: str, role: Role) -> User:
    user = a_user(tx, f"{role.value} person")
    projects.add_member(tx, owner, project_id, user.email, role)
    return user
