from __future__ import annotations

import stat
from pathlib import Path

import pytest

from filmpark.config import load_settings
from filmpark.errors import ConfigError


def test_with_nothing_set_everything_lives_in_the_data_directory(tmp_path: Path) -> None:
    settings = load_settings({"XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)})
    assert settings.data_dir == tmp_path / "filmpark"
    assert settings.database_url == f"sqlite:///{tmp_path / 'filmpark' / 'filmpark.db'}"
    assert settings.jobs_kind == "inline"
    key_file = tmp_path / "filmpark" / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    again = load_settings({"XDG_DATA_HOME": str(tmp_path)})
    assert again.secret_key == settings.secret_key


def test_postgres_and_redis_are_chosen_by_url(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "FILMPARK_DATA_DIR": str(tmp_path),
            "FILMPARK_DATABASE_URL": "postgresql+psycopg://u@h/db",
            "FILMPARK_BROKER_URL": "redis://127.0.0.1:6379/0",
            "FILMPARK_SECRET_KEY": "k" * 40,
        }
    )
    assert (settings.database_kind, settings.jobs_kind) == ("postgresql", "celery")
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("FILMPARK_MAX_UPLOAD_MB", "lots"),
        ("FILMPARK_TOKEN_MINUTES", "0"),
        ("FILMPARK_DATABASE_URL", "mysql://x"),
        ("FILMPARK_BROKER_URL", "amqp://x"),
        ("FILMPARK_SECRET_KEY", "short"),
    ],
)
def test_a_bad_setting_names_its_variable(tmp_path: Path, key: str, value: str) -> None:
    with pytest.raises(ConfigError, match=key):
        load_settings({"FILMPARK_DATA_DIR": str(tmp_path), key: value})
