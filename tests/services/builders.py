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


# A screenplay whose stripboard moves are known in advance: two long kitchen scenes (six and
# five eighths pages each, some ten hours of shooting) and two short ones, all interior, by day,
# at one place. No schedule can put both long scenes on one day (the day would run past the
# longest day the rules allow), while a short scene can join either day without breaking a rule.
_BEATS = 90  # paragraphs of action per long scene: 53 eighths, 617 estimated minutes


def _action(who: str) -> str:
    return "\n\n".join(
        f"Beat {i}: {who} chops spring onions, rinses the bowls one by one and sets them out "
        "in a long row on the table by the window, counting them under the breath."
        for i in range(_BEATS)
    )


def a_script_with_two_long_scenes() -> str:
    """Scenes 1 (LAN) and 2 (MINH) are long; 3 (LAN, MINH) and 4 (HÙNG) are short."""
    return f"""Title: Hai Ngày Dài

INT. KITCHEN - DAY

LAN cooks the broth.

{_action("LAN")}

LAN
Ready.

INT. KITCHEN - DAY

MINH cleans the counter.

{_action("MINH")}

MINH
Done.

INT. KITCHEN - DAY

LAN and MINH taste the broth.

LAN
Salt?

MINH
More.

INT. KITCHEN - DAY

HÙNG carries the bowls out.

HÙNG
Table two.
"""
