"""Settings of the platform, read from the environment (``FILMPARK_*``).

One machine needs nothing set: the data directory defaults to the user's data directory
(``$XDG_DATA_HOME/filmpark`` or ``~/.local/share/filmpark``), the database to a SQLite file in
it, jobs to the in-process executor, and the secret key is generated once and kept in the data
directory (mode 0600). A film park at scale sets:

=============================== ============================================================
``FILMPARK_DATA_DIR``            where uploaded scripts, rendered books and the SQLite file live
``FILMPARK_DATABASE_URL``        a SQLAlchemy URL (``postgresql+psycopg://...``)
``FILMPARK_BROKER_URL``          a Redis URL: jobs go to Celery workers (``filmpark worker``)
``FILMPARK_SECRET_KEY``          the key that signs access tokens (shared by every API process)
``FILMPARK_MAX_UPLOAD_MB``       largest accepted script upload, in MiB (default 20)
``FILMPARK_TOKEN_MINUTES``       lifetime of an access token (default 720 = 12 hours)
``FILMPARK_LOGIN_ATTEMPTS``      failed logins allowed per account and address per window (5)
``FILMPARK_LOGIN_WINDOW_MINUTES`` the window of that limit (15)
``FILMPARK_JOB_WORKERS``         threads of the in-process executor (2)
``FILMPARK_JOB_STALE_SECONDS``   a running job without a heartbeat this long is re-run (60)
``FILMPARK_SOLVE_SECONDS``       default time limit of a schedule solve (20)
``FILMPARK_REQUEST_THREADS``     threads serving requests in one server process (8)
=============================== ============================================================

This module imports nothing of filmpark but the error tree, so anyone may import it.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from filmpark.errors import ConfigError
from filmpark.text import t


def default_data_dir(environ: dict[str, str] | None = None) -> Path:
    """The user's data directory for filmpark (XDG base directory spec)."""
    env = os.environ if environ is None else environ
    xdg = env.get("XDG_DATA_HOME", "").strip()
    home = env.get("HOME", "").strip()
    base = Path(xdg) if xdg else (Path(home) if home else Path.home()) / ".local" / "share"
    return base / "filmpark"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the platform reads from the environment, resolved once."""

    data_dir: Path
    database_url: str
    broker_url: str | None
    secret_key: str
    max_upload_bytes: int = 20 * 1024 * 1024
    token_lifetime: timedelta = timedelta(hours=12)
    login_attempts: int = 5
    login_window: timedelta = timedelta(minutes=15)
    job_workers: int = 2
    job_stale_after: timedelta = timedelta(seconds=60)
    solve_seconds: float = 20.0
    request_threads: int = 8

    @property
    def database_kind(self) -> str:
        """``sqlite`` or ``postgresql`` (the dialect name of the URL)."""
        return self.database_url.split(":", 1)[0].split("+", 1)[0]

    @property
    def jobs_kind(self) -> str:
        """``celery`` when a broker is configured, else ``inline``."""
        return "celery" if self.broker_url else "inline"

    @property
    def scripts_dir(self) -> Path:
        return self.data_dir / "scripts"

    @property
    def renders_dir(self) -> Path:
        return self.data_dir / "renders"


def _int(env: dict[str, str], key: str, default: int, *, minimum: int = 1) -> int:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(t("settings.whole_number", got=repr(raw)), key=key) from None
    if value < minimum:
        raise ConfigError(t("settings.at_least", minimum=minimum, got=value), key=key)
    return value


def _secret_key(data_dir: Path) -> str:
    """The signing key kept in the data directory, made on first use with mode 0600."""
    path = data_dir / "secret_key"
    try:
        existing = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        existing = ""
    except OSError as error:
        raise ConfigError(
            t("settings.cannot_read", path=str(path), error=str(error.strerror)),
            key="FILMPARK_SECRET_KEY",
        ) from None
    if existing:
        return existing
    key = secrets.token_urlsafe(48)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two processes starting together agree on the first key written.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    except OSError as error:
        raise ConfigError(
            t("settings.cannot_create", path=str(path), error=str(error.strerror)),
            key="FILMPARK_SECRET_KEY",
        ) from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read the settings from ``environ`` (default: the process environment)."""
    env = dict(os.environ if environ is None else environ)
    raw_dir = env.get("FILMPARK_DATA_DIR", "").strip()
    data_dir = Path(raw_dir).expanduser() if raw_dir else default_data_dir(env)
    database_url = env.get("FILMPARK_DATABASE_URL", "").strip()
    if not database_url:
        database_url = f"sqlite:///{data_dir / 'filmpark.db'}"
    elif not database_url.startswith(("sqlite", "postgresql")):
        raise ConfigError(t("settings.database_url"), key="FILMPARK_DATABASE_URL")
    broker_url = env.get("FILMPARK_BROKER_URL", "").strip() or None
    if broker_url and not broker_url.startswith(("redis://", "rediss://")):
        raise ConfigError(t("settings.broker_url"), key="FILMPARK_BROKER_URL")
    secret = env.get("FILMPARK_SECRET_KEY", "").strip()
    if secret and len(secret) < 32:
        raise ConfigError(t("settings.secret_length"), key="FILMPARK_SECRET_KEY")
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        broker_url=broker_url,
        secret_key=secret or _secret_key(data_dir),
        max_upload_bytes=_int(env, "FILMPARK_MAX_UPLOAD_MB", 20) * 1024 * 1024,
        token_lifetime=timedelta(minutes=_int(env, "FILMPARK_TOKEN_MINUTES", 720)),
        login_attempts=_int(env, "FILMPARK_LOGIN_ATTEMPTS", 5),
        login_window=timedelta(minutes=_int(env, "FILMPARK_LOGIN_WINDOW_MINUTES", 15)),
        job_workers=_int(env, "FILMPARK_JOB_WORKERS", 2),
        job_stale_after=timedelta(seconds=_int(env, "FILMPARK_JOB_STALE_SECONDS", 60)),
        solve_seconds=float(_int(env, "FILMPARK_SOLVE_SECONDS", 20)),
        request_threads=_int(env, "FILMPARK_REQUEST_THREADS", 8),
    )
