"""Small pieces of SQL text the store modules share (one spelling each)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

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
