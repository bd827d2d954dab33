"""The queries the agent waits on use their indexes: an index regression fails here.

Timings are bench/'s business (no timed assertions in tests). What a test can
pin down is the plan: every queue page is a range scan of its view's partial
index with no sort, opening a conversation reads ``messages_by_conversation``,
search reads the FTS tables. The SQL is captured as the store really sends it
(trace callback, parameters bound) and handed to EXPLAIN QUERY PLAN.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest

from inbox import seed
from inbox.domain import View
from inbox.store import SqlStore
from inbox.store.base import _VIEWS
from inbox.store.sqlite import SqliteStore

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def seeded(store: SqlStore) -> SqlStore:
    seed.seed(store, 3000, 4, now=NOW)
    return store


@contextmanager
def captured(store: SqlStore) -> Iterator[list[str]]:
    assert isinstance(store, SqliteStore)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        store._conn.set_trace_callback(None)


def plans(store: SqlStore, action: Callable[[], object], table: str) -> list[str]:
    """The plan lines of every SELECT ``action`` sends that reads ``table``."""
    with captured(store) as statements:
        action()
    found = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT") and table in sql:
            rows = store._all("EXPLAIN QUERY PLAN " + sql)
            found.append("\n".join(str(r[3]) for r in rows))
    assert found, f"no query on {table} captured"
    return found


INDEX = {
    View.NEEDS_REPLY: ["conversations_needs_reply"],
    View.ALL_OPEN: ["conversations_open_waiting", "conversations_open_idle"],
    View.SNOOZED: ["conversations_snoozed"],
    View.RESOLVED: ["conversations_resolved"],
}


@pytest.mark.parametrize("view", list(View))
def test_queue_pages_range_scan_their_view_index_without_sorting(seeded: SqlStore,
                                                                 view: View) -> None:
    first = seeded.queue_page(view, None, 20)
    assert first.next_key is not None or view is View.SNOOZED
    for after in (None, first.next_key):
        for plan in plans(seeded, lambda a=after: seeded.queue_page(view, a, 20),  # type: ignore[misc]
                          "FROM conversations c INDEXED BY"):
            assert "TEMP B-TREE" not in plan, plan
            assert any(f"INDEX {i}" in plan for i in INDEX[view]), plan
            if after is not None and view is not View.SNOOZED:
                assert "SEARCH" in plan, plan  # a range from the key, not a scan from the top


@pytest.mark.parametrize("view", list(View))
def test_the_whole_id_list_is_read_in_index_order(seeded: SqlStore, view: View) -> None:
    for plan in plans(seeded, lambda: seeded.queue_ids(view), "FROM conversations"):
        assert "TEMP B-TREE" not in plan, plan
        assert any(f"INDEX {i}" in plan for i in INDEX[view]), plan


def test_a_page_of_rows_is_read_by_primary_key(seeded: SqlStore) -> None:
    page = seeded.queue_page(View.RESOLVED, None, 50)
    ids = [c.id for c in page.conversations]
    for plan in plans(seeded, lambda: seeded.conversations(ids), "FROM conversations"):
        assert "SEARCH c USING INTEGER PRIMARY KEY" in plan, plan
        assert "SCAN" not in plan, plan


def test_opening_a_conversation_reads_its_messages_by_index(seeded: SqlStore) -> None:
    row = seeded._one("SELECT id FROM conversations ORDER BY message_count DESC LIMIT 1")
    assert row is not None
    for plan in plans(seeded, lambda: seeded.thread(int(row[0])), "FROM messages"):
        assert "USING INDEX messages_by_conversation (conversation_id=?)" in plan, plan
        assert "TEMP B-TREE" not in plan and "SCAN" not in plan, plan


def test_search_reads_the_full_text_indexes(seeded: SqlStore) -> None:
    found = plans(seeded, lambda: seeded.search("refund"), "_fts")
    assert any("VIRTUAL TABLE INDEX" in p and "messages_fts" in p for p in found), found
    assert any("contacts_fts" in p for p in found), found
    for plan in found:
        if "messages m" in plan or "MAX" in plan:
            assert "messages_by_author" in plan, plan
    for plan in plans(seeded, lambda: seeded.search("refund"), "WHERE m.id IN"):
        assert "INTEGER PRIMARY KEY" in plan and "SCAN" not in plan, plan


@pytest.mark.parametrize("view", list(View))
@pytest.mark.parametrize("size", [1, 7, 100])
def test_keyset_pages_walk_the_whole_view_in_queue_order(seeded: SqlStore, view: View,
                                                          size: int) -> None:
    """Pages (any size, across the two runs of "all open") add up to the id list,
    which is the order _VIEWS defines."""
    walked: list[int] = []
    key = None
    while True:
        page = seeded.queue_page(view, key, size)
        walked += [c.id for c in page.conversations]
        assert len(page.conversations) <= size
        key = page.next_key
        if key is None:
            break
    where, order = _VIEWS[view]
    expected = [int(r[0]) for r in seeded._all(
        f"SELECT c.id FROM conversations c WHERE {where} ORDER BY {order}")]
    assert walked == seeded.queue_ids(view) == expected
    if view is not View.SNOOZED:
        assert len(expected) > 20


def test_rules_read_a_pages_effects_by_conversation(seeded: SqlStore) -> None:
    """On a big store the planner preferred the event-type index: ~1 s per synced page."""
    ids = [int(r[0]) for r in seeded._all("SELECT id FROM conversations LIMIT 100")]
    for plan in plans(seeded, lambda: seeded.rule_effect_rows(ids), "FROM events"):
        assert "events_by_conversation" in plan, plan
        assert "events_by_type_time" not in plan, plan


def test_rules_read_a_pages_messages_by_primary_key(seeded: SqlStore) -> None:
    """The heat map's (direction, ...) index lured this into reading every inbound message."""
    ids = [int(r[0]) for r in seeded._all("SELECT id FROM messages ORDER BY id DESC LIMIT 100")]
    for plan in plans(seeded, lambda: seeded.message_fact_rows(ids), "FROM messages"):
        assert "SEARCH m USING INTEGER PRIMARY KEY" in plan, plan
