"""Rate limits and staged faults: the ways X says "not now" that the app must survive.

Limits follow X's 15-minute windows per route and per caller, on the sandbox's
injectable clock so tests can move time instead of waiting. Faults are queued
on purpose by a test or the demo (a 503, a slow answer, a garbled body) and
consumed by the next matching requests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

WINDOW_S = 15 * 60
DAY_S = 24 * 3600

# Requests per 15-minute window, per route key (X_API.md, 2026). A key ending
# in "_app" applies when the caller is an app-only bearer token.
DEFAULT_LIMITS: dict[str, int] = {
    "users_me": 75,
    "mentions": 300,
    "mentions_app": 450,
    "user_tweets": 900,
    "user_tweets_app": 1500,
    "dm_lookup": 15,
    "dm_send": 15,
    "create_tweet": 100,
    "delete_tweet": 50,
    "tweets_lookup": 900,
    "tweets_lookup_app": 3500,
    "users_lookup": 900,
    "users_lookup_app": 300,
    # 24-hour caps on the create endpoints
    "dm_send_24h_user": 1440,
    "dm_send_24h_app": 15000,
    "create_tweet_24h_user": 2400,
    "create_tweet_24h_app": 10000,
}
CREATE_ROUTES = frozenset({"dm_send", "create_tweet"})


@dataclass
class _Window:
    start: float
    used: int = 0


@dataclass(frozen=True)
class Verdict:
    """Whether a request may go ahead, and the headers that say where the caller stands."""

    allowed: bool
    headers: dict[str, str]


class RateLimiter:
    """Counts requests per (route key, caller) in 15-minute and 24-hour windows."""

    def __init__(self, clock: Callable[[], float], limits: dict[str, int] | None = None) -> None:
        self.clock = clock
        self.limits = {**DEFAULT_LIMITS, **(limits or {})}
        self._lock = threading.Lock()
        self._windows: dict[tuple[str, str], _Window] = {}

    def limit_for(self, route: str, app_only: bool) -> int:
        if app_only and f"{route}_app" in self.limits:
            return self.limits[f"{route}_app"]
        return self.limits.get(route, 900)

    def _window(self, key: tuple[str, str], now: float, length: int) -> _Window:
        window = self._windows.get(key)
        if window is None or now >= window.start + length:
            window = self._windows[key] = _Window(now)
        return window

    def check(self, route: str, caller: str, app_only: bool) -> Verdict:
        """Count one request; refuse it once any of its windows is spent."""
        now = self.clock()
        limit = self.limit_for(route, app_only)
        with self._lock:
            win = self._window((route, caller), now, WINDOW_S)
            windows = [("x-rate-limit", win, limit, WINDOW_S)]
            if route in CREATE_ROUTES:
                windows.append(("x-user-limit-24hour", self._window(
                    (route + "_24h", caller), now, DAY_S),
                    self.limits[f"{route}_24h_user"], DAY_S))
                windows.append(("x-app-limit-24hour", self._window(
                    (route + "_24h", "app"), now, DAY_S),
                    self.limits[f"{route}_24h_app"], DAY_S))
            allowed = all(w.used < cap for _, w, cap, _ in windows)
            headers: dict[str, str] = {}
            for prefix, w, cap, length in windows:
                if allowed:
                    w.used += 1
                headers[f"{prefix}-limit"] = str(cap)
                headers[f"{prefix}-remaining"] = str(max(cap - w.used, 0))
                headers[f"{prefix}-reset"] = str(int(w.start + length))
            return Verdict(allowed, headers)

    def exhaust(self, route: str, caller: str, app_only: bool) -> dict[str, str]:
        """Spend the caller's window (for an injected 429) and return its headers."""
        now = self.clock()
        cap = self.limit_for(route, app_only)
        with self._lock:
            win = self._window((route, caller), now, WINDOW_S)
            win.used = max(win.used, cap)
            return {"x-rate-limit-limit": str(cap), "x-rate-limit-remaining": "0",
                    "x-rate-limit-reset": str(int(win.start + WINDOW_S))}

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()


@dataclass
class Fault:
    """A staged failure for the next ``times`` requests matching ``route`` (None: any).

    ``status`` None means "answer normally" and is how a pure ``delay`` (a slow
    answer, for client timeouts) or ``malformed`` (200 with a cut-off JSON
    body) is staged. The request is still carried out in those two cases: the
    post may exist on X even though the app never got a readable answer.
    """

    status: int | None = None
    route: str | None = None
    times: int = 1
    delay: float = 0.0
    malformed: bool = False


class FaultQueue:
    """Faults waiting for their requests, first added first used."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.times < 1:
            raise ValueError("a fault must apply at least once")
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(self, route: str | None) -> Fault | None:
        """Consume one use of the first fault that matches ``route``."""
        with self._lock:
            for fault in self._faults:
                if fault.route is None or fault.route == route:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
            return None
