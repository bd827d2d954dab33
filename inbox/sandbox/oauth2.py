"""OAuth 2.0 Authorization Code with PKCE, as X runs it: the connect flow tested for real.

- ``GET /i/oauth2/authorize`` stands in for x.com's consent page: the sandbox's
  "signed-in" user (``login_as``) approves (or, if told to, denies) and the
  browser is redirected to the app's loopback ``redirect_uri`` with ``code``
  and ``state``.
- ``POST /2/oauth2/token`` exchanges a code (single use, 30 s, S256 check of
  ``code_verifier``, same ``redirect_uri`` and ``client_id``) and refreshes.
  Access tokens last 2 hours (on the sandbox's clock); a refresh token comes
  only with ``offline.access`` and is single use: each refresh returns a new
  pair and the old refresh token stops working (rotation).

Public clients send ``client_id`` in the form; confidential ones use HTTP Basic.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from inbox.sandbox.auth import AuthRegistry

ACCESS_TTL_S = 7200
CODE_TTL_S = 30
SCOPES = {"tweet.read", "users.read", "tweet.write", "dm.read", "dm.write", "offline.access",
          "like.read", "follows.read"}
Answer = tuple[int, dict[str, str], bytes]


@dataclass(frozen=True)
class _Code:
    client_id: str
    redirect_uri: str
    challenge: str
    scopes: frozenset[str]
    user_id: str
    expires_at: float


@dataclass(frozen=True)
class _Refresh:
    client_id: str
    user_id: str
    scopes: frozenset[str]


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _json_error(status: int, error: str, description: str) -> Answer:
    body = json.dumps({"error": error, "error_description": description}).encode()
    return status, {"content-type": "application/json"}, body


class OAuth2Provider:
    """Clients, consent, codes and tokens of the sandbox's OAuth 2.0 server."""

    def __init__(self, auth: AuthRegistry, clock: Callable[[], float]) -> None:
        self._auth = auth
        self._clock = clock
        self._lock = threading.Lock()
        self._clients: dict[str, str | None] = {}  # client_id -> secret (None: public)
        self._codes: dict[str, _Code] = {}
        self._refresh: dict[str, _Refresh] = {}
        self.signed_in: str | None = None
        self.deny = False
        self.access_ttl = ACCESS_TTL_S

    def register_client(self, *, confidential: bool = False) -> tuple[str, str | None]:
        """A new app on the developer portal: its client id (and secret if confidential)."""
        client_id = secrets.token_urlsafe(24)
        secret = secrets.token_urlsafe(36) if confidential else None
        with self._lock:
            self._clients[client_id] = secret
        return client_id, secret

    def login_as(self, user_id: str | None, *, deny: bool = False) -> None:
        """Who is signed in to x.com in the 'browser', and whether they will approve."""
        self.signed_in, self.deny = user_id, deny

    # -- the consent page -------------------------------------------------------------

    def authorize(self, query: dict[str, str]) -> Answer:
        client_id = query.get("client_id", "")
        redirect = query.get("redirect_uri", "")
        with self._lock:
            known = client_id in self._clients
        if not known or not redirect:
            return 400, {"content-type": "text/html"}, b"<h1>Something went wrong</h1>"

        def back(**params: str) -> Answer:
            sep = "&" if urlsplit(redirect).query else "?"
            return 302, {"location": redirect + sep + urlencode(params)}, b""

        state = query.get("state", "")
        scopes = frozenset(query.get("scope", "").split())
        if (query.get("response_type") != "code" or query.get("code_challenge_method") != "S256"
                or not query.get("code_challenge") or not scopes or not scopes <= SCOPES):
            return back(error="invalid_request", state=state)
        if self.signed_in is None or self.deny:
            return back(error="access_denied", state=state)
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._codes[code] = _Code(client_id, redirect, query["code_challenge"], scopes,
                                      self.signed_in, self._clock() + CODE_TTL_S)
        return back(state=state, code=code)

    # -- the token endpoint ----------------------------------------------------------

    def token(self, raw_body: bytes, authorization: str | None) -> Answer:
        form = dict(parse_qsl(raw_body.decode("utf-8", "replace")))
        client_id = self._client(form, authorization)
        if client_id is None:
            return _json_error(401, "invalid_client", "Client authentication failed")
        grant = form.get("grant_type")
        if grant == "authorization_code":
            return self._exchange(form, client_id)
        if grant == "refresh_token":
            return self._rotate(form, client_id)
        return _json_error(400, "unsupported_grant_type", "Unsupported grant type")

    def _client(self, form: dict[str, str], authorization: str | None) -> str | None:
        with self._lock:
            if authorization and authorization.lower().startswith("basic "):
                try:
                    raw = base64.b64decode(authorization[6:]).decode()
                except (ValueError, binascii.Error):
                    return None
                cid, _, secret = raw.partition(":")
                cid, secret = unquote(cid), unquote(secret)
                ok = cid in self._clients and self._clients[cid] == secret
                return cid if ok else None
            cid = form.get("client_id", "")
            return cid if cid in self._clients and self._clients[cid] is None else None

    def _exchange(self, form: dict[str, str], client_id: str) -> Answer:
        with self._lock:
            code = self._codes.pop(form.get("code", ""), None)  # single use, even on failure
        if (code is None or code.client_id != client_id or code.expires_at < self._clock()
                or code.redirect_uri != form.get("redirect_uri")):
            return _json_error(400, "invalid_request", "Value passed for the authorization code "
                                                       "was invalid.")
        if s256(form.get("code_verifier", "")) != code.challenge:
            return _json_error(400, "invalid_request", "Value passed for the code verifier "
                                                       "was invalid.")
        return self._tokens(client_id, code.user_id, code.scopes)

    def _rotate(self, form: dict[str, str], client_id: str) -> Answer:
        with self._lock:
            old = self._refresh.pop(form.get("refresh_token", ""), None)
        if old is None or old.client_id != client_id:
            return _json_error(400, "invalid_request", "Value passed for the token was invalid.")
        return self._tokens(client_id, old.user_id, old.scopes)

    def _tokens(self, client_id: str, user_id: str, scopes: frozenset[str]) -> Answer:
        access = self._auth.issue_bearer(user_id, expires_at=self._clock() + self.access_ttl,
                                         scopes=scopes)
        body: dict[str, object] = {"token_type": "bearer", "expires_in": self.access_ttl,
                                   "access_token": access, "scope": " ".join(sorted(scopes))}
        if "offline.access" in scopes:
            refresh = secrets.token_urlsafe(48)
            with self._lock:
                self._refresh[refresh] = _Refresh(client_id, user_id, scopes)
            body["refresh_token"] = refresh
        return 200, {"content-type": "application/json"}, json.dumps(body).encode()
