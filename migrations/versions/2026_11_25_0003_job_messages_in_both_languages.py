"""Job progress messages and failures in Vietnamese beside English.

A job's progress line and its failure are shown to people reading either language; the English
stays in ``message`` / ``error`` (as the API has always returned it) and the Vietnamese goes into
``message_vi`` / ``error_vi``. Jobs kept before this migration have no Vietnamese and show their
English.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 13:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("message_vi", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("error_vi", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("error_vi")
        batch_op.drop_column("message_vi")
