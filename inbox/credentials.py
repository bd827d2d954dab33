"""The only place that touches the OS keyring: X tokens live there, never in the database.

The database stores a *reference* (``Account.credential_ref``); the secrets are
one JSON blob per account in the keyring under the service name below. Secret
values never appear in ``repr``, logs or error messages.

With no usable keyring (a bare server with no Secret Service), saving refuses
with instructions rather than falling back to a plaintext file: keyring's own
``keyrings.alt`` plaintext backends are rejected on purpose.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, fields
from typing import Any, Protocol

from inbox import logconfig

SERVICE = "community-inbox"

ENV_OAUTH1 = ("X_CONSUMER_KEY", "X_CONSUMER_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET")
ENV_BEARER = "X_BEARER_TOKEN"


class CredentialError(Exception):
    """Credentials are missing, incomplete or cannot be stored; the message says what to do."""


class KeyringUnavailable(CredentialError):
    pass


@dataclass(frozen=True)
class XCredentials:
    """OAuth 1.0a user context (four keys) or an OAuth 2.0 user access token."""

    consumer_key: str = ""
    consumer_secret: str = ""
    access_token: str = ""
    access_token_secret: str = ""
    bearer_token: str = ""  # OAuth 2.0 user access token
    refresh_token: str = ""
    expires_at: float = 0.0  # epoch seconds when the OAuth 2.0 access token expires
    client_id: str = ""  # the X app (OAuth 2.0 client) that issued the tokens
    client_secret: str = ""  # only for confidential clients
    token_api_base: str = ""  # where the OAuth 2.0 tokens came from (and are refreshed)

    @property
    def auth_kind(self) -> str:
        return "oauth1" if self.consumer_key else "oauth2"

    @property
    def user_auth(self) -> bool:
        """tweepy's ``user_auth`` flag: True signs with OAuth 1.0a, False sends the bearer."""
        return self.auth_kind == "oauth1"

    def register_for_redaction(self) -> XCredentials:
        """From now on, logs mask these values wherever they appear."""
        for value in self.secrets():
            logconfig.register_secret(value)
        return self

    def secrets(self) -> list[str]:
        """Every secret value, so logs and tests can redact or look for them."""
        return [v for v in (self.consumer_key, self.consumer_secret, self.access_token,
                            self.access_token_secret, self.bearer_token, self.refresh_token,
                            self.client_secret) if v]

    def __repr__(self) -> str:
        return f"XCredentials(auth_kind={self.auth_kind!r}, <redacted>)"

    __str__ = __repr__

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> XCredentials:
        try:
            raw = json.loads(text)
            known = {f.name for f in fields(cls)}
            return cls(**{k: v for k, v in raw.items() if k in known})
        except (ValueError, TypeError) as exc:
            raise CredentialError(
                "the stored credentials are unreadable; reconnect the account"
            ) from exc

    @classmethod
    def from_env(cls, environ: dict[str, str]) -> XCredentials:
        """Read the variables DESIGN.md names; OAuth 1.0a wins when all four are set."""
        oauth1 = [environ.get(name, "") for name in ENV_OAUTH1]
        if all(oauth1):
            key, secret, token, token_secret = oauth1
            return cls(key, secret, token, token_secret).register_for_redaction()
        if any(oauth1):
            missing = [n for n, v in zip(ENV_OAUTH1, oauth1, strict=True) if not v]
            raise CredentialError(
                f"incomplete OAuth 1.0a credentials: {', '.join(missing)} not set"
            )
        if environ.get(ENV_BEARER):
            return cls(bearer_token=environ[ENV_BEARER]).register_for_redaction()
        raise CredentialError(
            f"no credentials in the environment: set {', '.join(ENV_OAUTH1)} or {ENV_BEARER}"
        )


class CredentialSource(Protocol):
    """Where the sync and send paths get an account's credentials from."""

    def load(self, ref: str) -> XCredentials: ...


class MemoryCredentials:
    """Credentials held only in this process: the built-in demo's sandbox keys."""

    def __init__(self) -> None:
        self._items: dict[str, XCredentials] = {}

    def save(self, ref: str, creds: XCredentials) -> None:
        self._items[ref] = creds.register_for_redaction()

    def load(self, ref: str) -> XCredentials:
        try:
            return self._items[ref]
        except KeyError:
            raise CredentialError(f"no credentials for {ref}") from None

    def delete(self, ref: str) -> None:
        self._items.pop(ref, None)


class KeyringCredentials:
    """Credentials in the OS keyring (Secret Service, macOS Keychain, Windows Vault)."""

    def _keyring(self) -> Any:
        import keyring
        import keyring.backends.fail
        import keyring.errors

        backend = keyring.get_keyring()
        name = type(backend).__module__ + "." + type(backend).__name__
        unusable = isinstance(backend, keyring.backends.fail.Keyring) or (
            name.startswith("keyrings.alt") and "Plaintext" in name
        )
        if unusable:
            raise KeyringUnavailable(
                "no secure keyring is available to store X credentials. On Linux install and "
                "unlock a Secret Service (gnome-keyring or KWallet) in your desktop session, "
                "or select a backend with PYTHON_KEYRING_BACKEND"
            )
        return keyring

    def save(self, ref: str, creds: XCredentials) -> None:
        creds.register_for_redaction()
        keyring = self._keyring()
        try:
            keyring.set_password(SERVICE, ref, creds.to_json())
        except Exception as exc:  # keyring raises backend-specific errors
            raise KeyringUnavailable(
                f"the keyring refused to store the credentials ({type(exc).__name__}); "
                "is it unlocked?"
            ) from None

    def load(self, ref: str) -> XCredentials:
        keyring = self._keyring()
        try:
            text = keyring.get_password(SERVICE, ref)
        except Exception as exc:
            raise KeyringUnavailable(
                f"the keyring could not be read ({type(exc).__name__}); is it unlocked?"
            ) from None
        if text is None:
            raise CredentialError(f"no credentials stored for {ref}; reconnect the account")
        return XCredentials.from_json(text).register_for_redaction()

    def delete(self, ref: str) -> None:
        keyring = self._keyring()
        # already gone is fine: removal is idempotent
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(SERVICE, ref)
