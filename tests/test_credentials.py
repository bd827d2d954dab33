"""Secrets stay in the keyring and out of reprs, logs and error messages."""

from __future__ import annotations

import logging

import pytest

from inbox import logconfig
from inbox.credentials import (
    CredentialError,
    KeyringCredentials,
    KeyringUnavailable,
    XCredentials,
)

ENV = {"X_CONSUMER_KEY": "ck-123456", "X_CONSUMER_SECRET": "cs-SECRET-987",
       "X_ACCESS_TOKEN": "42-at-abcdef", "X_ACCESS_TOKEN_SECRET": "ats-SECRET-654"}


def test_oauth1_from_env_and_repr_hides_everything() -> None:
    creds = XCredentials.from_env(ENV)
    assert creds.auth_kind == "oauth1" and creds.user_auth
    for secret in ENV.values():
        assert secret not in repr(creds) and secret not in str(creds)


def test_bearer_from_env_is_oauth2() -> None:
    creds = XCredentials.from_env({"X_BEARER_TOKEN": "user-token-xyz"})
    assert creds.auth_kind == "oauth2" and not creds.user_auth


def test_incomplete_env_names_what_is_missing_without_values() -> None:
    partial = {k: v for k, v in ENV.items() if k != "X_ACCESS_TOKEN_SECRET"}
    with pytest.raises(CredentialError) as err:
        XCredentials.from_env(partial)
    assert "X_ACCESS_TOKEN_SECRET" in str(err.value)
    assert all(v not in str(err.value) for v in ENV.values())
    with pytest.raises(CredentialError, match="no credentials"):
        XCredentials.from_env({})


def test_unreadable_stored_credentials_say_reconnect() -> None:
    with pytest.raises(CredentialError, match="reconnect"):
        XCredentials.from_json("{not json")


def test_log_records_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    logconfig.register_secret("ats-SECRET-654")
    filt = logconfig.RedactingFilter()
    logger = logging.getLogger("test.redact")
    logger.addFilter(filt)
    try:
        with caplog.at_level(logging.INFO, logger="test.redact"):
            logger.info("headers: {'Authorization': 'Bearer AAAAtoken123'} secret=%s",
                        "ats-SECRET-654")
            logger.info('OAuth oauth_consumer_key="ck-123456", oauth_signature="abc%3D"')
    finally:
        logger.removeFilter(filt)
    text = caplog.text
    assert "AAAAtoken123" not in text and "ats-SECRET-654" not in text
    assert "ck-123456" not in text and "abc%3D" not in text
    assert text.count("<redacted>") >= 4


def test_refuses_to_store_without_a_secure_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import keyring.core

    keyring.core.set_keyring(keyring.core.load_env() or keyring.core.load_keyring(
        "keyring.backends.fail.Keyring"))
    try:
        with pytest.raises(KeyringUnavailable, match="Secret Service"):
            KeyringCredentials().save("x:test", XCredentials.from_env(ENV))
    finally:
        keyring.core.set_keyring(keyring.core.load_keyring(
            "keyring.backends.chainer.ChainerBackend"))
        keyring.core._keyring_backend = None  # re-detect on next use


def _secret_service_available() -> bool:
    import keyring
    import keyring.backends.fail

    return not isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring)


@pytest.mark.keyring
def test_round_trip_through_the_real_keyring() -> None:
    if not _secret_service_available():
        pytest.skip("no Secret Service: run under dbus-run-session with gnome-keyring"
                    " (scripts/test does)")
    store = KeyringCredentials()
    creds = XCredentials.from_env(ENV)
    store.save("x:roundtrip", creds)
    try:
        assert store.load("x:roundtrip") == creds
    finally:
        store.delete("x:roundtrip")
    with pytest.raises(CredentialError, match="reconnect"):
        store.load("x:roundtrip")
    store.delete("x:roundtrip")  # idempotent
