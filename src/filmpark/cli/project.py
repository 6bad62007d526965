"""``filmpark project ...``: projects on the platform's database, through the same services.

The command acts as the account named by ``--as EMAIL`` (its permissions apply, as in the API).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from filmpark.cli.common import console, print_json, read_input_file, say
from filmpark.errors import NotFound
from filmpark.text import t

if TYPE_CHECKING:
    from filmpark.config import Settings
    from filmpark.store import Database, Tx
    from filmpark.store.records import User

project_app = typer.Typer(help="Projects on the platform database (as the account --as EMAIL).")


def _open() -> tuple[Settings, Database]:
    from filmpark.config import load_settings
    from filmpark.store import Database

    settings = load_settings()
    database = Database(settings.database_url, pool_size=1)
    database.migrate()
    return settings, database


def _actor(tx: Tx, email: str) -> User:
    from filmpark.services.accounts import normalise_email

    user = tx.users.by_email(normalise_email(email))
    if user is None:
        raise NotFound(t("cli.project.no_account", email=email))
    return user


@project_app.command("list")
def list_projects(
    as_email: str = typer.Option(..., "--as", help="The account whose projects to list."),
    json_output: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The projects the account is a member of."""
    from filmpark.services import projects

    _settings, database = _open()
    with database.transaction(readonly=True) as tx:
        views = projects.list_projects(tx, _actor(tx, as_email))
    rows = [{"id": v.id, "title": v.title, "role": v.role.value} for v in views]
    if json_output:
        print_json(rows)
        return
    for row in rows:
        console.print(f"{row['id']}  {row['role']:<18} {row['title']}")


@project_app.command("create")
def create_project(
    title: str = typer.Argument(..., help="The project's title."),
    as_email: str = typer.Option(..., "--as", help="The account that will own it."),
) -> None:
    """Create a project owned by the account."""
    from filmpark.services import projects

    _settings, database = _open()
    with database.transaction() as tx:
        view = projects.create_project(tx, _actor(tx, as_email), title)
    console.print(view.id)


@project_app.command("add-member")
def add_member(
    project_id: str = typer.Argument(...),
    email: str = typer.Argument(..., help="The account to add."),
    role: str = typer.Argument(
        ..., help="owner, producer, assistant_director, crew, viewer, investor"
    ),
    as_email: str = typer.Option(..., "--as", help="The account making the change."),
) -> None:
    """Give an account a role in a project (owners and producers)."""
    from filmpark.services import projects

    _settings, database = _open()
    with database.transaction() as tx:
        member = projects.add_member(tx, _actor(tx, as_email), project_id, email, role, ip="cli")
    say(t("cli.project.member_now", email=member.email, role=member.role.value))


@project_app.command("upload")
def upload(
    project_id: Annotated[str, typer.Argument()],
    file: Annotated[Path, typer.Argument(help="The screenplay (Fountain, FDX, PDF, text).")],
    as_email: Annotated[str, typer.Option("--as", help="The account uploading it.")],
) -> None:
    """Upload a new revision of the project's script."""
    from filmpark.services import scripts
    from filmpark.store import FileStore

    settings, database = _open()
    data = read_input_file(file)
    with database.transaction() as tx:
        revision = scripts.upload_revision(
            tx,
            _actor(tx, as_email),
            project_id,
            file.name,
            data,
            files=FileStore(settings.scripts_dir),
            max_bytes=settings.max_upload_bytes,
            ip="cli",
        )
    say(
        t(
            "cli.project.uploaded",
            number=revision.number,
            colour=revision.colour,
            scenes=t("cli.count.scenes", count=revision.scene_count),
            id=revision.id,
        )
    )


def register(app: typer.Typer) -> None:
    app.add_typer(project_app, name="project")
