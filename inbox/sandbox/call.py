"""One parsed request as the endpoint handlers see it, and X's query-parameter rules.

Shared by the tweet/user endpoints (``routes``) and the DM endpoints (``dms``):
how X validates ``max_results`` and ids, and the opaque page tokens.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from inbox.sandbox.auth import Identity
from inbox.sandbox.shapes import Renderer, invalid_request
from inbox.sandbox.world import JSON, World
from inbox.timeutil import parse_x_time, to_ms


class Settings(Protocol):
    """The sandbox switches that change endpoint behaviour."""

    enforce_reply_restrictions: bool
    dm_visibility_delay: float


@dataclass
class Call:
    """One authenticated request, parsed."""

    world: World
    settings: Settings
    identity: Identity
    query: dict[str, str]
    params: dict[str, str]
    body: Any
    base_url: str

    def renderer(self, expansions: frozenset[str]) -> Renderer:
        return Renderer(self.world, self.query, self.base_url, expansions)

    @property
    def user_id(self) -> str:
        assert self.identity.user_id is not None
        return self.identity.user_id


Result = tuple[int, JSON]
Handler = Callable[[Call], Result]

# ---- query parameters ---------------------------------------------------


def int_param(query: dict[str, str], name: str, default: int, lo: int, hi: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not lo <= int(raw) <= hi:
        raise invalid_request(name, raw, f"The `{name}` query parameter value [{raw}] is not "
                                         f"between {lo} and {hi}")
    return int(raw)


def id_param(query: dict[str, str], name: str) -> int | None:
    raw = query.get(name)
    if raw is None:
        return None
    if not raw.isdigit() or len(raw) > 19:
        raise invalid_request(name, raw, f"The `{name}` query parameter value [{raw}] does "
                                         "not match ^[0-9]{1,19}$")
    return int(raw)


def time_param(query: dict[str, str], name: str) -> int | None:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        return to_ms(parse_x_time(raw))
    except ValueError:
        raise invalid_request(name, raw, f"Invalid '{name}':'{raw}'. '{name}' must be a "
                                         "valid RFC 3339 date-time.") from None


def make_token(kind: str, cursor: str) -> str:
    """An opaque page token (X's look different, and clients must not parse them)."""
    return base64.b32encode(f"{kind}:{cursor}".encode()).decode().rstrip("=").lower()


def read_token(query: dict[str, str]) -> tuple[str, int] | None:
    raw = query.get("pagination_token")
    if raw is None:
        return None
    try:
        padded = raw.upper() + "=" * (-len(raw) % 8)
        kind, _, cursor = base64.b32decode(padded).decode().partition(":")
        if kind in ("n", "p") and cursor.isdigit():
            return kind, int(cursor)
    except ValueError:
        pass
    raise invalid_request("pagination_token", raw, f"The `pagination_token` query parameter "
                                                   f"value [{raw}] is invalid")


def ids_param(query: dict[str, str], name: str, pattern: re.Pattern[str]) -> list[str]:
    raw = query.get(name)
    items = [i for i in (raw or "").split(",") if i]
    if not 1 <= len(items) <= 100:
        raise invalid_request(name, raw or "", f"The `{name}` query parameter value "
                                               f"[{raw or ''}] must have 1 to 100 items")
    for item in items:
        if not pattern.match(item):
            raise invalid_request(name, item, f"The `{name}` query parameter value [{item}] "
                                              f"does not match {pattern.pattern}")
    return list(dict.fromkeys(items))


def page(data: list[JSON], renderer: Renderer, meta: JSON) -> Result:
    if not data:
        return 200, {"meta": {"result_count": 0}}
    out: JSON = {"data": data}
    includes = renderer.includes()
    if includes:
        out["includes"] = includes
    out["meta"] = meta
    return 200, out
