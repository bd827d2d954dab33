"""Pieces of SQL the store modules share: IN lists, and the one INSERT every event goes
through (one spelling each)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from inbox.domain import EventType

T = TypeVar("T")

# SQLite allows 32,766 bound values per statement (3.32+) and PostgreSQL 65,535;
# IN lists are cut well below both so a statement stays cheap to prepare.
IN_LIST_MAX = 500


def marks(values: Iterable[object]) -> str:
    """``?, ?, ?``: one placeholder per value, for an ``IN (...)`` list."""
    return ", ".join("?" for _ in values)


def chunks(values: Sequence[T], size: int = IN_LIST_MAX) -> Iterator[Sequence[T]]:
    """``values`` in slices of at most ``size`` (for IN lists of any length)."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


INSERT_EVENT = (
    "INSERT INTO events (conversation_id, message_id, type, at, actor, data, dedupe_key)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING"
)


def event_row(conversation_id: int | None, type_: EventType, at: int, *,
              actor: str | None = None, data: dict[str, object] | str | None = None,
              message_id: int | None = None, dedupe_key: str | None = None
              ) -> tuple[Any, ...]:
    """The values of ``INSERT_EVENT``; ``data`` as a dict or already as JSON."""
    encoded = data if isinstance(data, str) else json.dumps(data or {}, ensure_ascii=False)
    return (conversation_id, message_id, type_.value, at, actor, encoded, dedupe_key)
