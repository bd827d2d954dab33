"""Connecting an X account with OAuth 2.0 (Authorization Code + PKCE), and keeping it connected.

The flow X wants for a desktop app: open the system browser on x.com's
authorize page, listen on a loopback redirect (127.0.0.1, random port), check
``state``, exchange the code with the PKCE verifier. oauthlib builds the PKCE
pair and the token requests and parses the answers; the authorize URL and the
loopback callback are built and read here because oauthlib insists on HTTPS
for them, and a loopback redirect is plain HTTP by design.

Access tokens last 2 hours. ``RefreshingCredentials`` refreshes a few minutes
before expiry and saves the rotated pair to the keyring *before* the new
access token is used: X's refresh tokens are single use, so losing the new one
would disconnect the account.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import requests
from oauthlib.oauth2 import WebApplicationClient
from oauthlib.oauth2.rfc6749.errors import OAuth2Error

from inbox.channels.x_http import DEFAULT_API_BASE
from inbox.credentials import CredentialError, KeyringCredentials, XCredentials

SCOPES = ("tweet.read", "users.read", "tweet.write", "dm.read", "dm.write", "offline.access")
X_AUTHORIZE_URL = "https://x.com/i/oauth2/authorize"
REFRESH_MARGIN_S = 300
CALLBACK_PATH = "/callback"
DONE_PAGE = (b"<!doctype html><meta charset=utf-8><title>Community Inbox</title>"
             b"<p>Done. You can close this tab and go back to Community Inbox.</p>")


class OAuthError(CredentialError):
    """The connect flow or a refresh failed; the message says what to do."""


def authorize_url(api_base: str) -> str:
    """x.com's consent page for the real API; the sandbox's own page otherwise."""
    base = api_base.rstrip("/")
    return X_AUTHORIZE_URL if base == DEFAULT_API_BASE else base + "/i/oauth2/authorize"


def token_url(api_base: str) -> str:
    return api_base.rstrip("/") + "/2/oauth2/token"


class _Callback(HTTPServer):
    query: dict[str, str] | None = None


class _CallbackHandler(BaseHTTPRequestHandler):
    server: _Callback

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != CALLBACK_PATH:
            self.send_error(404)
            return
        self.server.query = dict(parse_qsl(parts.query))
        self.send_response(200)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(DONE_PAGE)))
        self.end_headers()
        self.wfile.write(DONE_PAGE)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the query holds the authorization code: never logged


class PkceConnect:
    """One connect attempt: ``start()`` gives the URL to open, ``finish()`` the tokens."""

    def __init__(self, client_id: str, *, client_secret: str = "",
                 api_base: str = DEFAULT_API_BASE, scopes: tuple[str, ...] = SCOPES,
                 session: requests.Session | None = None) -> None:
        self.client_id, self.client_secret, self.api_base = client_id, client_secret, api_base
        self.scopes = scopes
        self._oauth = WebApplicationClient(client_id)
        self._verifier = self._oauth.create_code_verifier(64)
        self._state = self._oauth.create_code_verifier(43)
        self._server = _Callback(("127.0.0.1", 0), _CallbackHandler)
        self.redirect_uri = f"http://127.0.0.1:{self._server.server_port}{CALLBACK_PATH}"
        self._session = session or requests.Session()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Stop waiting for the browser (the admin closed the dialog)."""
        self._cancelled.set()

    def start(self) -> str:
        challenge = self._oauth.create_code_challenge(self._verifier, "S256")
        query = urlencode({
            "response_type": "code", "client_id": self.client_id,
            "redirect_uri": self.redirect_uri, "scope": " ".join(self.scopes),
            "state": self._state, "code_challenge": challenge, "code_challenge_method": "S256",
        })
        return f"{authorize_url(self.api_base)}?{query}"

    def finish(self, timeout_s: float = 300.0) -> XCredentials:
        """Wait for the browser to come back, then exchange the code for tokens."""
        deadline = time.monotonic() + timeout_s
        self._server.timeout = 0.5
        try:
            while (self._server.query is None and time.monotonic() < deadline
                   and not self._cancelled.is_set()):
                self._server.handle_request()
        finally:
            self._server.server_close()
        query = self._server.query
        if self._cancelled.is_set():
            raise OAuthError("connecting was cancelled")
        if query is None:
            raise OAuthError("X did not send the browser back in time; try connecting again")
        if not hmac.compare_digest(query.get("state", ""), self._state):
            raise OAuthError("the answer from the browser does not belong to this attempt; "
                             "try connecting again")
        if "error" in query:
            if query["error"] == "access_denied":
                raise OAuthError("the account owner did not approve Community Inbox on X")
            raise OAuthError(f"X refused the request ({query['error']}); check the client id "
                             "and the app's callback URL on the X developer portal")
        body = self._oauth.prepare_request_body(
            code=query.get("code", ""), redirect_uri=self.redirect_uri,
            code_verifier=self._verifier, include_client_id=not self.client_secret)
        return self._token_request(body)

    def _token_request(self, body: str) -> XCredentials:
        return request_tokens(self._session, self.api_base, body, self.client_id,
                              self.client_secret, self._oauth)


def request_tokens(session: requests.Session, api_base: str, body: str, client_id: str,
                   client_secret: str, oauth: WebApplicationClient,
                   clock: Callable[[], float] = time.time) -> XCredentials:
    """POST to X's token endpoint and turn the answer into credentials to keep."""
    auth = (client_id, client_secret) if client_secret else None
    try:
        response = session.post(token_url(api_base), data=body, auth=auth, timeout=20,
                                 headers={"content-type": "application/x-www-form-urlencoded"})
    except requests.RequestException as exc:
        raise OAuthError(f"cannot reach X to get tokens ({type(exc).__name__})") from None
    try:
        token = oauth.parse_request_body_response(response.text)
    except (OAuth2Error, ValueError) as exc:
        detail = getattr(exc, "description", "") or type(exc).__name__
        raise OAuthError(f"X did not issue tokens: {detail}") from None
    return XCredentials(
        bearer_token=str(token["access_token"]),
        refresh_token=str(token.get("refresh_token") or ""),
        expires_at=clock() + float(token.get("expires_in") or 7200),
        client_id=client_id, client_secret=client_secret, token_api_base=api_base,
    )


def refresh(creds: XCredentials, api_base: str | None = None, *,
            session: requests.Session | None = None,
            clock: Callable[[], float] = time.time) -> XCredentials:
    """A new access token and (rotated) refresh token, from where the tokens came from."""
    api_base = api_base or creds.token_api_base or DEFAULT_API_BASE
    if not creds.refresh_token:
        raise OAuthError("the access token expired and there is no refresh token; "
                         "reconnect the account (allow offline access)")
    oauth = WebApplicationClient(creds.client_id)
    body = oauth.prepare_refresh_body(refresh_token=creds.refresh_token,
                                      client_id=creds.client_id if not creds.client_secret
                                      else None)
    fresh = request_tokens(session or requests.Session(), api_base, body, creds.client_id,
                           creds.client_secret, oauth, clock)
    if not fresh.refresh_token:  # X always rotates; keep the old one only if it did not
        fresh = replace(fresh, refresh_token=creds.refresh_token)
    return fresh


@dataclass
class RefreshingCredentials:
    """Keyring credentials whose OAuth 2.0 access token is renewed before it expires.

    One lock per process keeps the sync and send threads from both spending the
    same single-use refresh token.
    """

    keyring: KeyringCredentials
    clock: Callable[[], float] = time.time
    margin_s: float = REFRESH_MARGIN_S

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def load(self, ref: str) -> XCredentials:
        with self._lock:
            creds = self.keyring.load(ref)
            if creds.auth_kind != "oauth2" or not creds.expires_at:
                return creds
            if creds.expires_at - self.clock() > self.margin_s:
                return creds
            fresh = refresh(creds, clock=self.clock)
            self.keyring.save(ref, fresh)  # saved before anything uses it
            return fresh
