"""Scene headings of each script revision (number -> heading).

A breakdown decision records the heading of the scene it was made on, so that it finds its
scene again in a revision that renumbered the scenes. Revisions kept before this migration get
an empty map (their decisions fall back to the scene number).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 10:52:08
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("script_revisions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("headings", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("script_revisions", schema=None) as batch_op:
        batch_op.drop_column("headings")
