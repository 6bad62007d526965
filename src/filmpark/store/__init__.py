"""Persistence of the platform: SQLAlchemy 2 rows, repositories, migrations, stored files.

The only package that imports SQLAlchemy. Edges open :meth:`Database.transaction`; services
receive the :class:`Tx` it yields and read and write through its repositories, which return
the frozen records of :mod:`filmpark.store.records`.
"""

from filmpark.store.db import Database, migrations_dir, probe
from filmpark.store.files import FileStore
from filmpark.store.repositories import Tx

__all__ = ["Database", "FileStore", "Tx", "migrations_dir", "probe"]
