"""The sandbox as a real HTTP server on 127.0.0.1, and the handle tests and the demo hold.

tweepy's own code must run unchanged against it, so this is genuine HTTP (a
``ThreadingHTTPServer`` on a daemon thread) rather than a mock: requests are
authenticated, rate limited, optionally sabotaged by a staged fault, and
answered with X's headers and bodies. ``XSandbox`` also exposes the world so a
test can stage what customers do without going through HTTP.
"""

from __future__ import annotations

import json
import logging
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from inbox.sandbox import routes
from inbox.sandbox.auth import ROUTE_SCOPES, AuthRegistry, Identity
from inbox.sandbox.call import Call
from inbox.sandbox.limits import Fault, FaultQueue, RateLimiter
from inbox.sandbox.oauth2 import OAuth2Provider
from inbox.sandbox.shapes import (
    ApiError,
    forbidden,
    not_found_route,
    simple_problem,
    too_many_requests,
    unsupported_auth,
)
from inbox.sandbox.world import JSON, Clock, SandboxUser, When, World

log = logging.getLogger(__name__)

_HTML_503 = (
    "<!DOCTYPE html><html><head><title>Over capacity</title></head><body>"
    "<h1>Something is technically wrong.</h1><p>Thanks for noticing—we're going to fix it "
    "up and have things back to normal soon.</p></body></html>"
)
_STATUS_TITLES = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
                  500: "Internal Server Error", 502: "Bad Gateway",
                  503: "Service Unavailable", 504: "Gateway Timeout"}


def avatar_png(user_id: str) -> bytes:
    """A small solid-colour PNG per user, so the demo shows avatars without the internet."""
    seed = zlib.crc32(user_id.encode())
    rgb = bytes(((seed >> s) & 0x7F) + 0x60 for s in (0, 8, 16))
    size = 48
    raw = b"".join(b"\x00" + rgb * size for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class XSandbox:
    """A local X API v2: start it, point a RewritingSession at ``base_url``, stage a world.

    Route keys (for ``limits`` and ``Fault(route=...)``): users_me, mentions,
    user_tweets, users_lookup, tweets_lookup, create_tweet, delete_tweet,
    dm_lookup, dm_send. ``limits`` may also set ``<key>_app`` (app-only
    callers) and ``<key>_24h_user`` / ``<key>_24h_app`` for the create routes.
    """

    def __init__(self, clock: Clock | None = None, limits: dict[str, int] | None = None, *,
                 dm_visibility_delay: float = 0.0, port: int = 0) -> None:
        self.world = World(clock)
        self.auth = AuthRegistry(lambda: self.world.clock())
        self.oauth2 = OAuth2Provider(self.auth, lambda: self.world.clock())
        self.limiter = RateLimiter(lambda: self.world.clock(), limits)
        self.faults = FaultQueue()
        self.enforce_reply_restrictions = True
        self.dm_visibility_delay = dm_visibility_delay
        self.requests_log: list[tuple[str, str, dict[str, str]]] = []
        self._log_lock = threading.Lock()
        self._port = port
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._base_url = ""

    # ---- lifecycle ----------------------------------------------------

    @property
    def clock(self) -> Clock:
        return self.world.clock

    @clock.setter
    def clock(self, clock: Clock | None) -> None:
        self.world.clock = clock or time.time

    def start(self) -> XSandbox:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        httpd = ThreadingHTTPServer(("127.0.0.1", self._port), _make_handler(self))
        httpd.daemon_threads = True
        self._httpd = httpd
        self._base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="x-sandbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> XSandbox:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if not self._base_url:
            raise RuntimeError("the sandbox is not running: call start() first")
        return self._base_url

    # ---- credentials --------------------------------------------------

    def issue_oauth1(self, user_id: str) -> dict[str, str]:
        self.world.user(user_id)
        return self.auth.issue_oauth1(user_id)

    def issue_bearer(self, user_id: str | None) -> str:
        if user_id is not None:
            self.world.user(user_id)
        return self.auth.issue_bearer(user_id)

    # ---- staging the world (no HTTP) ------------------------------------

    def add_user(self, username: str, name: str, *, followers: int = 0, verified: bool = False,
                 created_at: When = None, user_id: str | None = None,
                 description: str = "") -> SandboxUser:
        return self.world.add_user(username, name, followers=followers, verified=verified,
                                   created_at=created_at, user_id=user_id,
                                   description=description)

    def user(self, user_id: str) -> SandboxUser:
        return self.world.user(user_id)

    def user_by_username(self, username: str) -> SandboxUser | None:
        with self.world.lock:
            uid = self.world.by_username.get(username.lower())
            return None if uid is None else self.world.users[uid]

    def post_tweet(self, author_id: str, text: str, *, in_reply_to: str | None = None,
                   created_at: When = None, lang: str | None = None) -> JSON:
        return self.world.post_tweet(author_id, text, in_reply_to=in_reply_to,
                                     created_at=created_at, lang=lang)

    def send_dm(self, sender_id: str, recipient_id: str, text: str, *,
                created_at: When = None) -> JSON:
        return self.world.send_dm(sender_id, recipient_id, text, created_at=created_at)

    def create_group_dm(self, creator_id: str, participant_ids: list[str], *,
                        created_at: When = None) -> str:
        return self.world.create_group_dm(creator_id, participant_ids, created_at=created_at)

    def send_group_dm(self, conv_id: str, sender_id: str, text: str, *,
                      created_at: When = None) -> JSON:
        return self.world.send_group_dm(conv_id, sender_id, text, created_at=created_at)

    def join_group(self, conv_id: str, user_id: str, *, added_by: str | None = None,
                   created_at: When = None) -> JSON:
        return self.world.join_group(conv_id, user_id, added_by=added_by, created_at=created_at)

    def leave_group(self, conv_id: str, user_id: str, *, created_at: When = None) -> JSON:
        return self.world.leave_group(conv_id, user_id, created_at=created_at)

    def tweets_by(self, user_id: str) -> list[JSON]:
        return self.world.tweets_by(user_id)

    def dm_events_of(self, user_id: str) -> list[JSON]:
        return self.world.dm_events_of(user_id)

    def mentions_of(self, user_id: str) -> list[JSON]:
        with self.world.lock:
            return [dict(self.world.tweets[i]) for i in self.world.mentions_of(user_id)]

    # ---- answering one request ----------------------------------------

    def _log(self, method: str, path: str, query: dict[str, str]) -> None:
        with self._log_lock:
            self.requests_log.append((method, path, query))

    def answer(self, method: str, url: str, authorization: str | None,
               raw_body: bytes) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one request (the HTTP handler only does I/O)."""
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        self._log(method, parts.path, query)
        if method == "GET" and parts.path.startswith("/sandbox/avatars/"):
            uid = parts.path.rsplit("/", 1)[1].split("_", 1)[0]
            return 200, {"content-type": "image/png"}, avatar_png(uid)
        if method == "GET" and parts.path == "/i/oauth2/authorize":
            return self.oauth2.authorize(query)
        if method == "POST" and parts.path == "/2/oauth2/token":
            return self.oauth2.token(raw_body, authorization)
        found = routes.match(method, parts.path.rstrip("/") or "/")
        if found is None:
            return _json(not_found_route().status, not_found_route().body, {})
        key, user_only, handler, params = found
        fault = self.faults.take(key)
        if fault is not None and fault.delay > 0:
            self._stopping.wait(fault.delay)
        identity: Identity | None = None
        headers: dict[str, str] = {}
        try:
            identity = self.auth.identify(method, url, authorization)
            if fault is not None and fault.status is not None:
                return self._fault(fault, key, identity)
            if user_only and not identity.is_user:
                raise unsupported_auth()
            if identity.scopes is not None and not ROUTE_SCOPES.get(key, frozenset()) <= (
                    identity.scopes):
                missing = sorted(ROUTE_SCOPES[key] - identity.scopes)
                raise forbidden("Missing the OAuth 2.0 scopes this endpoint needs: "
                                + ", ".join(missing))
            verdict = self.limiter.check(key, identity.key, not identity.is_user)
            headers = verdict.headers
            if not verdict.allowed:
                raise too_many_requests()
            body: Any = None
            if raw_body:
                try:
                    body = json.loads(raw_body)
                except ValueError:
                    raise ApiError(400, simple_problem(400, "Bad Request")) from None
            call = Call(self.world, self, identity, query, params, body, self._base_url)
            status, payload = handler(call)
        except ApiError as err:
            if fault is not None and fault.status is not None and identity is None:
                return self._fault(fault, key, None)
            return _json(err.status, err.body, headers)
        except Exception:  # a sandbox bug must still answer, like X's own 500s
            log.exception("sandbox failed on %s %s", method, url)
            return _json(500, simple_problem(500, "Internal Server Error"), headers)
        status, out_headers, data = _json(status, payload, headers)
        if fault is not None and fault.malformed:
            data = data[: max(len(data) // 2, 1)]
        return status, out_headers, data

    def _fault(self, fault: Fault, key: str,
               identity: Identity | None) -> tuple[int, dict[str, str], bytes]:
        status = fault.status or 500
        if status == 429:
            caller = identity.key if identity else "anonymous"
            app_only = identity is not None and not identity.is_user
            headers = self.limiter.exhaust(key, caller, app_only)
            return _json(429, too_many_requests().body, headers)
        if status in (502, 503, 504):
            return status, {"content-type": "text/html; charset=utf-8"}, _HTML_503.encode()
        return _json(status, simple_problem(status, _STATUS_TITLES.get(status, "Error")), {})


def _json(status: int, body: JSON | None, headers: dict[str, str],
          ) -> tuple[int, dict[str, str], bytes]:
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return status, {"content-type": "application/json; charset=utf-8", **headers}, data


def _make_handler(sandbox: XSandbox) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        """Reads one request, asks the sandbox for the answer, writes it back."""

        protocol_version = "HTTP/1.1"
        server_version = "tsa_b"
        sys_version = ""

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            host = self.headers.get("Host") or "127.0.0.1"
            status, headers, body = sandbox.answer(
                self.command, f"http://{host}{self.path}", self.headers.get("Authorization"), raw)
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(body)))
                self.send_header("cache-control", "no-cache, no-store, max-age=0")
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a staged slow answer outlived its timeout)

        do_GET = do_POST = do_DELETE = do_PUT = _serve

        def log_message(self, format: str, *args: Any) -> None:
            log.debug("sandbox: " + format, *args)

    return Handler
