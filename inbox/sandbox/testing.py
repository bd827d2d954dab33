"""Helpers for tests that drive the real tweepy client against the sandbox.

Any test in the project that needs "an X account answering on 127.0.0.1"
should not have to repeat the session wiring (host rewrite, no proxies from the
environment, short timeouts) or invent a controllable clock.
"""

from __future__ import annotations

from typing import Any

import tweepy

from inbox.channels.x_http import RewritingSession
from inbox.sandbox.server import XSandbox


class FakeClock:
    """A settable epoch-seconds clock: tests move time instead of sleeping."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def session_for(sandbox: XSandbox, timeout: float = 5.0) -> RewritingSession:
    """A session that sends tweepy's api.twitter.com calls to the sandbox, never elsewhere."""
    return RewritingSession(sandbox.base_url, timeout=timeout, trust_env=False)


def oauth1_client(sandbox: XSandbox, user_id: str, *, timeout: float = 5.0,
                  **overrides: Any) -> tweepy.Client:
    """A tweepy client with fresh OAuth 1.0a user-context keys for ``user_id``."""
    keys: dict[str, Any] = {**sandbox.issue_oauth1(user_id), **overrides}
    client = tweepy.Client(**keys)
    client.session = session_for(sandbox, timeout)
    return client


def bearer_client(sandbox: XSandbox, user_id: str | None, *,
                  timeout: float = 5.0) -> tweepy.Client:
    """A tweepy client with an OAuth 2.0 user token (or an app-only token for ``None``)."""
    client = tweepy.Client(bearer_token=sandbox.issue_bearer(user_id))
    client.session = session_for(sandbox, timeout)
    return client
