"""Persistence: SQLAlchemy 2 rows to domain objects and back; the only package that imports sqlalchemy."""
