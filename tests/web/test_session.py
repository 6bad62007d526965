"""The session cookie: signed, tamper-evident, with a CSRF token that outlives a sign-in."""

from __future__ import annotations

import time

from filmpark.web.session import SessionCodec, SessionData, new_session, tokens_match


def test_a_session_survives_the_round_trip_through_its_cookie() -> None:
    codec = SessionCodec("k" * 40)
    session = new_session().with_subject("token-of-lan", 600)
    assert codec.decode(codec.encode(session)) == session


def test_a_cookie_signed_with_another_key_is_not_trusted() -> None:
    cookie = SessionCodec("a" * 40).encode(new_session().with_subject("someone", 600))
    assert SessionCodec("b" * 40).decode(cookie) is None


def test_a_tampered_cookie_is_not_trusted() -> None:
    codec = SessionCodec("k" * 40)
    payload, signature = codec.encode(new_session()).split(".")
    forged = SessionCodec("x" * 40).encode(new_session().with_subject("admin", 600)).split(".")[0]
    assert codec.decode(f"{forged}.{signature}") is None
    assert codec.decode(f"{payload}.{signature[:-2]}AA") is None
    for garbage in ("", "no-dot", "a.b.c", "!!!.???"):
        assert codec.decode(garbage) is None


def test_an_expired_sign_in_keeps_its_csrf_token_so_the_edit_can_be_kept() -> None:
    session = SessionData(csrf="page-token", subject="tok", expires_at=int(time.time()) - 1)
    assert session.expired()
    assert not session.signed_in()
    assert session.csrf == "page-token"


def test_signing_in_and_out_changes_the_csrf_token() -> None:
    anonymous = new_session()
    signed_in = anonymous.with_subject("tok", 600)
    assert signed_in.signed_in()
    assert signed_in.csrf != anonymous.csrf
    signed_out = signed_in.signed_out()
    assert not signed_out.signed_in()
    assert not signed_out.expired()
    assert signed_out.csrf != signed_in.csrf


def test_a_missing_or_wrong_csrf_token_does_not_match() -> None:
    assert tokens_match("abc", "abc")
    assert not tokens_match("abc", "abd")
    assert not tokens_match("abc", None)
    assert not tokens_match("abc", "")
