from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from filmpark.config import Settings
from filmpark.errors import AuthenticationError, Conflict, RateLimited, ValidationError
from filmpark.services import accounts
from filmpark.store import Database
from tests.services.builders import PASSWORD, a_user, an_email


def settings(tmp_path_factory: pytest.TempPathFactory | None = None) -> Settings:
    return Settings(
        data_dir=__import__("pathlib").Path("/nonexistent"),
        database_url="sqlite://",
        broker_url=None,
        secret_key="k" * 48,
        login_attempts=3,
    )


def test_a_registered_user_can_sign_in_and_use_the_token(database: Database) -> None:
    with database.transaction() as tx:
        user = a_user(tx)
    with database.transaction() as tx:
        result = accounts.attempt_login(
            tx, user.email.upper(), PASSWORD, ip="127.0.0.1", settings=settings()
        )
    signed_in = result.unwrap()
    token = accounts.issue_token(signed_in, settings())
    with database.transaction(readonly=True) as tx:
        assert accounts.user_for_token(tx, token, settings()).id == user.id
        actions = [e.action for e in tx.audit.entries(actor_id=user.id)]
    assert "user.login" in actions
    assert "user.register" in actions


def test_the_password_is_never_stored_in_clear(database: Database) -> None:
    with database.transaction() as tx:
        user = a_user(tx)
        stored = tx.users.password_hash(user.id)
    assert PASSWORD not in stored
    assert stored.startswith("$argon2id$")


def test_registering_the_same_email_twice_is_a_conflict(database: Database) -> None:
    email = an_email()
    with database.transaction() as tx:
        accounts.register(tx, email, PASSWORD, "One")
    with pytest.raises(Conflict, match="already exists"), database.transaction() as tx:
        accounts.register(tx, email.upper(), PASSWORD, "Two")


@pytest.mark.parametrize(
    ("email", "password", "name", "field"),
    [
        ("not-an-email", PASSWORD, "A", "email"),
        ("a@example.vn", "short", "A", "password"),
        ("a@example.vn", PASSWORD, "   ", "name"),
    ],
)
def test_bad_registration_input_names_the_field(
    database: Database, email: str, password: str, name: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught, database.transaction() as tx:
        accounts.register(tx, email, password, name)
    assert caught.value.field == field


def test_a_wrong_password_fails_and_is_recorded(database: Database) -> None:
    with database.transaction() as tx:
        user = a_user(tx)
    with database.transaction() as tx:
        result = accounts.attempt_login(
            tx, user.email, "wrong password!", ip="10.0.0.9", settings=settings()
        )
    with pytest.raises(AuthenticationError):
        result.unwrap()
    with database.transaction(readonly=True) as tx:
        assert "user.login_failed" in [e.action for e in tx.audit.entries(actor_id=user.id)]


def test_repeated_failures_from_one_address_are_rate_limited_but_not_from_another(
    database: Database,
) -> None:
    with database.transaction() as tx:
        user = a_user(tx)
    for _ in range(3):
        with database.transaction() as tx:
            accounts.attempt_login(
                tx, user.email, "wrong password!", ip="10.0.0.1", settings=settings()
            )
    with database.transaction() as tx:
        blocked = accounts.attempt_login(
            tx, user.email, PASSWORD, ip="10.0.0.1", settings=settings()
        )
    with pytest.raises(RateLimited):
        blocked.unwrap()
    with database.transaction() as tx:
        other = accounts.attempt_login(tx, user.email, PASSWORD, ip="10.0.0.2", settings=settings())
    assert other.unwrap().id == user.id


def test_an_expired_token_is_refused(database: Database) -> None:
    with database.transaction() as tx:
        user = a_user(tx)
    expired = accounts.issue_token(user, replace(settings(), token_lifetime=timedelta(seconds=-5)))
    with pytest.raises(AuthenticationError, match="expired"), database.transaction() as tx:
        accounts.user_for_token(tx, expired, settings())


def test_a_token_signed_with_another_key_is_refused(database: Database) -> None:
    with database.transaction() as tx:
        user = a_user(tx)
    forged = accounts.issue_token(user, replace(settings(), secret_key="x" * 48))
    with pytest.raises(AuthenticationError, match="not valid"), database.transaction() as tx:
        accounts.user_for_token(tx, forged, settings())
