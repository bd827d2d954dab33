"""The store keeps the queue right: grouping, dedupe, waiting times, statuses, events."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from inbox.domain import ChannelKind, Direction, EventType, IngestBatch, Priority, Status, View
from inbox.store import SqlStore, StoreError, open_sqlite
from inbox.store.schema import SCHEMA_VERSION
from inbox.timeutil import utcnow
from tests.conftest import T0, contact, msg


def test_new_file_is_wal_with_foreign_keys_and_current_schema(data_dir: Path) -> None:
    s = open_sqlite(data_dir)
    assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert s.schema_version == SCHEMA_VERSION
    s.close()
    # reopening does not re-run migrations
    again = open_sqlite(data_dir)
    assert again.schema_version == SCHEMA_VERSION
    again.close()


def test_refuses_a_file_from_a_newer_app(data_dir: Path) -> None:
    open_sqlite(data_dir).close()
    raw = sqlite3.connect(data_dir / "inbox.sqlite3")
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.close()
    with pytest.raises(StoreError, match="newer Community Inbox"):
        open_sqlite(data_dir)


def test_replies_in_one_x_thread_form_one_conversation(store: SqlStore, account_id: int) -> None:
    batch = IngestBatch(messages=[msg("1"), msg("2", minutes=5), msg("3", thread="t2")],
                        contacts=[contact()])
    result = store.ingest(account_id, batch)
    assert result.new_messages == 3
    ids = store.queue_ids(View.NEEDS_REPLY)
    assert len(ids) == 2
    conv = store.conversations(ids)[ids[0]]
    assert conv.message_count == 2
    assert conv.contact.handle == "sara"
    assert conv.waiting_since == T0


def test_ingesting_the_same_page_twice_stores_nothing_new(store: SqlStore, account_id: int) -> None:
    batch = IngestBatch(messages=[msg("1"), msg("2", minutes=1)], contacts=[contact()])
    store.ingest(account_id, batch)
    again = store.ingest(account_id, batch)
    assert again.new_messages == 0 and again.duplicates == 2
    (conv_id,) = store.queue_ids(View.NEEDS_REPLY)
    assert len(store.thread(conv_id)) == 2
    types = [e.type for e in store.events(conv_id)]
    assert types.count(EventType.MESSAGE_IN) == 2


def test_cursor_is_written_with_the_page(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(messages=[msg("1")]), {"mentions": '{"since_id": "1"}'})
    assert store.cursor(account_id, "mentions") == '{"since_id": "1"}'


def test_a_failed_page_leaves_neither_messages_nor_cursor(store: SqlStore, account_id: int) -> None:
    good = msg("1")
    bad = msg("2", minutes=1)
    object.__setattr__(bad, "text", None)  # violates NOT NULL inside the transaction
    with pytest.raises(sqlite3.IntegrityError):
        store.ingest(account_id, IngestBatch(messages=[good, bad]), {"mentions": "x"})
    assert store.queue_ids(View.ALL_OPEN) == []
    assert store.cursor(account_id, "mentions") is None


def test_waiting_since_follows_human_replies_not_automatic_ones(
    store: SqlStore, account_id: int
) -> None:
    store.ingest(account_id, IngestBatch(messages=[
        msg("1"),
        msg("2", minutes=1, direction=Direction.OUT, author="100", automatic=True),
    ]))
    (conv_id,) = store.queue_ids(View.NEEDS_REPLY)
    assert store.conversation(conv_id).waiting_since == T0
    store.ingest(account_id, IngestBatch(messages=[
        msg("3", minutes=10, direction=Direction.OUT, author="100"),
    ]))
    conv = store.conversation(conv_id)
    assert conv.waiting_since is None
    assert conv.first_reply_at == T0 + timedelta(minutes=10)
    assert store.queue_ids(View.NEEDS_REPLY) == []
    assert store.queue_ids(View.ALL_OPEN) == [conv_id]
    store.ingest(account_id, IngestBatch(messages=[msg("4", minutes=30)]))
    assert store.conversation(conv_id).waiting_since == T0 + timedelta(minutes=30)


def test_pages_arriving_newest_first_give_the_same_waiting_time(
    store: SqlStore, account_id: int
) -> None:
    # the newer page (customer's follow-up) is ingested before the older one
    store.ingest(account_id, IngestBatch(messages=[msg("4", minutes=30)]))
    store.ingest(account_id, IngestBatch(messages=[
        msg("1"), msg("3", minutes=10, direction=Direction.OUT, author="100"),
    ]))
    (conv_id,) = store.queue_ids(View.NEEDS_REPLY)
    assert store.conversation(conv_id).waiting_since == T0 + timedelta(minutes=30)
    assert store.conversation(conv_id).preview == "hello"


def test_needs_reply_is_longest_waiting_first(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(messages=[
        msg("1", thread="late", minutes=50), msg("2", thread="early", minutes=5),
        msg("3", thread="mid", minutes=20),
    ]))
    convs = store.conversations(store.queue_ids(View.NEEDS_REPLY))
    order = [convs[i].thread_id for i in store.queue_ids(View.NEEDS_REPLY)]
    assert order == ["early", "mid", "late"]


def test_new_inbound_message_reopens_resolved_and_snoozed(store: SqlStore, account_id: int) -> None:
    now = utcnow()
    store.ingest(account_id, IngestBatch(messages=[
        msg("1", thread="a"), msg("2", thread="b"),
    ]))
    a, b = store.queue_ids(View.NEEDS_REPLY)
    store.resolve(a, actor="amal")
    store.snooze(b, now + timedelta(hours=3), actor="amal")
    assert store.queue_ids(View.NEEDS_REPLY) == []
    assert store.queue_ids(View.RESOLVED) == [a]
    assert store.queue_ids(View.SNOOZED) == [b]
    later = (now - T0).total_seconds() / 60 + 1
    result = store.ingest(account_id, IngestBatch(messages=[
        msg("3", thread="a", minutes=later), msg("4", thread="b", minutes=later),
    ]))
    assert result.reopened == {a, b}
    assert set(store.queue_ids(View.NEEDS_REPLY)) == {a, b}
    assert store.conversation(b).snoozed_until is None
    assert EventType.REOPENED in [e.type for e in store.events(a)]


def test_backfilled_old_message_does_not_reopen(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(messages=[msg("2", minutes=5)]))
    (conv_id,) = store.queue_ids(View.NEEDS_REPLY)
    store.resolve(conv_id)
    store.ingest(account_id, IngestBatch(messages=[msg("1")]))  # older than the resolve
    assert store.conversation(conv_id).status is Status.RESOLVED


def test_snooze_ends_and_conversation_needs_reply_again(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(messages=[msg("1")]))
    (conv_id,) = store.queue_ids(View.NEEDS_REPLY)
    until = utcnow() + timedelta(minutes=30)
    store.snooze(conv_id, until)
    assert store.wake_snoozed(utcnow()) == []
    assert store.wake_snoozed(until + timedelta(seconds=1)) == [conv_id]
    assert store.queue_ids(View.NEEDS_REPLY) == [conv_id]


def test_snooze_into_the_past_is_refused(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(messages=[msg("1")]))
    (conv_id,) = store.queue_ids(View.NEEDS_REPLY)
    with pytest.raises(StoreError, match="future"):
        store.snooze(conv_id, utcnow() - timedelta(minutes=1))


def test_actions_are_logged_as_events(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(messages=[msg("1")]))
    (conv_id,) = store.queue_ids(View.NEEDS_REPLY)
    store.set_priority(conv_id, Priority.URGENT, actor="amal")
    assert store.add_tag(conv_id, "refund", actor="amal")
    assert not store.add_tag(conv_id, "refund", actor="amal")
    store.assign(conv_id, "omar", actor="amal")
    store.resolve(conv_id, actor="omar")
    conv = store.conversation(conv_id)
    assert (conv.priority, conv.tags, conv.assignee, conv.status) == (
        Priority.URGENT, ("refund",), "omar", Status.RESOLVED)
    types = [e.type for e in store.events(conv_id)]
    assert types == [EventType.MESSAGE_IN, EventType.PRIORITY, EventType.TAG_ADDED,
                     EventType.ASSIGNED, EventType.STATUS]


def test_event_log_cannot_be_rewritten(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(messages=[msg("1")]))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store._exec("UPDATE events SET type = 'note'")


def test_dm_conversation_belongs_to_the_customer_even_when_we_wrote_first(
    store: SqlStore, account_id: int
) -> None:
    store.ingest(account_id, IngestBatch(
        messages=[msg("9", kind=ChannelKind.DM, thread="100-200", direction=Direction.OUT,
                      author="100", counterpart="200")],
        contacts=[contact()],
    ))
    (conv_id,) = store.queue_ids(View.ALL_OPEN)
    conv = store.conversation(conv_id)
    assert conv.contact.handle == "sara" and conv.kind is ChannelKind.DM
    assert conv.waiting_since is None


def test_text_is_stored_exactly_as_received(store: SqlStore, account_id: int) -> None:
    hostile = "<b>bold</b> \u202egnp.exe مرحباً 👋🏽 {{agent.name}}\r\n" + "x" * 20000
    store.ingest(account_id, IngestBatch(messages=[msg("1", text=hostile)]))
    (conv_id,) = store.queue_ids(View.NEEDS_REPLY)
    assert store.thread(conv_id)[0].text == hostile
    assert "\n" not in store.conversation(conv_id).preview


def test_export_rows_carry_the_contract_keys(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(messages=[msg("1")], contacts=[contact()]))
    (row,) = list(store.export_rows())
    for key in ("conversation_id", "kind", "direction", "platform_id", "author_handle", "text",
                "created_at", "status", "priority", "tags", "assignee"):
        assert key in row
    assert row["author_handle"] == "sara" and row["created_at"] == "2026-11-02T09:00:00Z"


def test_removing_an_account_removes_its_conversations(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(messages=[msg("1")]))
    store.remove_account("brand")
    assert store.queue_ids(View.ALL_OPEN) == []
    with pytest.raises(StoreError):
        store.remove_account("brand")


def test_two_connections_opening_a_new_file_at_once_both_succeed(data_dir: Path) -> None:
    import threading

    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def open_one() -> None:
        try:
            start.wait()
            open_sqlite(data_dir).close()
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert open_sqlite(data_dir).schema_version == SCHEMA_VERSION
