"""Who is calling the sandbox: OAuth 1.0a signatures checked for real, and bearer tokens.

The app's credential handling is only trustworthy if a wrong secret fails here
the way it fails on X, so OAuth 1.0a HMAC-SHA1 signatures are verified with
oauthlib against the URL the server actually received (the app's session
rewrites the host before signing). Bearer tokens are either app-only (no user:
X refuses them on user-context endpoints) or OAuth 2.0 user access tokens.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from oauthlib.common import Request
from oauthlib.oauth1.rfc5849 import signature

from inbox.sandbox.shapes import ApiError, unauthorized


@dataclass(frozen=True)
class Identity:
    """The authenticated caller: a user (``user_id``) or the app alone (``user_id=None``)."""

    user_id: str | None
    kind: str  # "oauth1", "oauth2_user" or "app"
    key: str  # what rate limits are counted against
    scopes: frozenset[str] | None = None  # an OAuth 2.0 user token's scopes

    @property
    def is_user(self) -> bool:
        return self.user_id is not None


@dataclass(frozen=True)
class _Bearer:
    user_id: str | None  # None: app-only
    expires_at: float | None = None  # OAuth 2.0 user tokens expire (2 h on X)
    scopes: frozenset[str] | None = None  # None: not scope-limited


# What each route needs from an OAuth 2.0 user token (X's documented scopes).
ROUTE_SCOPES: dict[str, frozenset[str]] = {
    "users_me": frozenset({"users.read", "tweet.read"}),
    "mentions": frozenset({"tweet.read", "users.read"}),
    "user_tweets": frozenset({"tweet.read", "users.read"}),
    "tweets_lookup": frozenset({"tweet.read", "users.read"}),
    "users_lookup": frozenset({"users.read"}),
    "create_tweet": frozenset({"tweet.read", "tweet.write", "users.read"}),
    "delete_tweet": frozenset({"tweet.read", "tweet.write", "users.read"}),
    "dm_lookup": frozenset({"dm.read", "tweet.read", "users.read"}),
    "dm_send": frozenset({"dm.read", "dm.write", "tweet.read", "users.read"}),
}


@dataclass(frozen=True)
class _AccessToken:
    secret: str
    user_id: str
    consumer_key: str


class AuthRegistry:
    """Issued credentials, and the check of each request's Authorization header."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.consumer_key = secrets.token_urlsafe(18)[:25]
        self.consumer_secret = secrets.token_urlsafe(38)[:50]
        self._consumers = {self.consumer_key: self.consumer_secret}
        self._access: dict[str, _AccessToken] = {}
        self._bearers: dict[str, _Bearer] = {}
        self._nonces: set[tuple[str, str, str]] = set()
        self._nonce_order: deque[tuple[str, str, str]] = deque()

    def issue_oauth1(self, user_id: str) -> dict[str, str]:
        """Keys for the sandbox app plus a new access token for ``user_id``."""
        token = f"{user_id}-{secrets.token_urlsafe(30)[:40]}"
        with self._lock:
            self._access[token] = _AccessToken(
                secrets.token_urlsafe(34)[:45], user_id, self.consumer_key
            )
            return {
                "consumer_key": self.consumer_key,
                "consumer_secret": self.consumer_secret,
                "access_token": token,
                "access_token_secret": self._access[token].secret,
            }

    def issue_bearer(self, user_id: str | None, *, expires_at: float | None = None,
                     scopes: frozenset[str] | None = None) -> str:
        """An app-only bearer token (``None``) or an OAuth 2.0 user access token."""
        if user_id is None:
            token = "AAAAAAAAAAAAAAAAAAAAA" + secrets.token_urlsafe(60)
        else:
            token = secrets.token_urlsafe(64)
        with self._lock:
            self._bearers[token] = _Bearer(user_id, expires_at, scopes)
        return token

    def revoke(self, token: str) -> None:
        """Forget an access or bearer token, as when a user revokes the app on X."""
        with self._lock:
            self._access.pop(token, None)
            self._bearers.pop(token, None)

    def identify(self, method: str, url: str, authorization: str | None) -> Identity:
        """The caller behind ``authorization``, or a 401 exactly as X words it."""
        if not authorization:
            raise unauthorized()
        scheme, _, rest = authorization.partition(" ")
        if scheme.lower() == "bearer":
            with self._lock:
                bearer = self._bearers.get(rest)
            if bearer is None or (bearer.expires_at is not None
                                  and bearer.expires_at <= self._clock()):
                raise unauthorized()
            if bearer.user_id is None:
                return Identity(None, "app", "app:" + rest[-16:])
            return Identity(bearer.user_id, "oauth2_user", "user:" + bearer.user_id,
                            bearer.scopes)
        if scheme.lower() == "oauth":
            return self._verify_oauth1(method, url, authorization)
        raise unauthorized()

    def _verify_oauth1(self, method: str, url: str, authorization: str) -> Identity:
        try:
            oauth = dict(signature.collect_parameters(
                headers={"Authorization": authorization}, exclude_oauth_signature=False))
        except (ValueError, IndexError):
            raise unauthorized() from None
        oauth.pop("realm", None)
        consumer, token = oauth.get("oauth_consumer_key", ""), oauth.get("oauth_token", "")
        with self._lock:
            consumer_secret = self._consumers.get(consumer)
            access = self._access.get(token)
        if (
            consumer_secret is None
            or access is None
            or access.consumer_key != consumer
            or oauth.get("oauth_signature_method") != "HMAC-SHA1"
            or "oauth_signature" not in oauth
        ):
            raise unauthorized()
        request = Request(url, method, "", {"Authorization": authorization})
        query = urlsplit(url).query
        request.params = signature.collect_parameters(
            uri_query=query, headers={"Authorization": authorization},
            exclude_oauth_signature=True,
        )
        request.signature = oauth["oauth_signature"]
        if not signature.verify_hmac_sha1(request, consumer_secret, access.secret):
            raise unauthorized()
        self._check_nonce((token, oauth.get("oauth_nonce", ""), oauth.get("oauth_timestamp", "")))
        return Identity(access.user_id, "oauth1", "user:" + access.user_id)

    def _check_nonce(self, seen: tuple[str, str, str]) -> None:
        """Refuse a replayed signed request, remembering a bounded number of nonces."""
        with self._lock:
            if seen in self._nonces:
                raise ApiError(401, unauthorized().body)
            self._nonces.add(seen)
            self._nonce_order.append(seen)
            if len(self._nonce_order) > 50_000:
                self._nonces.discard(self._nonce_order.popleft())
