"""Ingest: storing a page from X, the sync's hot path, in as few statements as its rows allow.

A mixin ``SqlStore`` inherits (as the outbox, drafts and rules SQL are), so
``base.py`` stays about reading and acting on the inbox.

Issue 8 asks for >= 5,000 messages/s through the whole path with rules, so a
page costs one query for its known contacts and one per channel for its
conversations, one INSERT per new contact, conversation and message (their ids
are needed, and a message's tells a new one from a repeat), and executemany
for everything else: contact updates, events, the per-conversation roll-up,
metrics marks and the search index. ``then`` lets the caller (the sync's
rules) work inside the page's transaction.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

from inbox.domain import (
    ChannelKind,
    Contact,
    Direction,
    EventType,
    IngestBatch,
    IngestResult,
    Status,
)
from inbox.store.sqlparts import INSERT_EVENT, event_row
from inbox.store.sqlparts import chunks as _chunks
from inbox.store.sqlparts import marks as _marks
from inbox.timeutil import to_ms

Row = Sequence[Any]

PREVIEW_CHARS = 200

UPSERT_CONTACT = (
    "INSERT INTO contacts (network, platform_id, handle, display_name, followers,"
    " verified, account_created_at, updated_at) VALUES ('x', ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (network, platform_id) DO UPDATE SET handle = excluded.handle,"
    " display_name = excluded.display_name, followers = excluded.followers,"
    " verified = excluded.verified,"
    " account_created_at = COALESCE(excluded.account_created_at,"
    " contacts.account_created_at), updated_at = excluded.updated_at"
)
# Derived from the messages themselves, not nudged, because pages arrive out of
# order (mentions come newest first): the first human reply, and since when the
# customer waits (the oldest inbound message newer than the last human reply;
# automatic replies do not count).
WAITING_COLUMNS = (
    "first_reply_at = (SELECT MIN(created_at) FROM messages m WHERE"
    " m.conversation_id = conversations.id AND m.direction = 'out' AND m.automatic = 0),"
    " waiting_since = (SELECT MIN(created_at) FROM messages m WHERE"
    " m.conversation_id = conversations.id AND m.direction = 'in' AND m.created_at >"
    " COALESCE((SELECT MAX(created_at) FROM messages o WHERE o.conversation_id ="
    " conversations.id AND o.direction = 'out' AND o.automatic = 0), -1))"
)


@functools.lru_cache(maxsize=64)
def _message_data(origin: str | None, automatic: bool, kind: str) -> str:
    """A message event's data as JSON (a handful of combinations; encoded once each)."""
    return json.dumps({"origin": origin, "automatic": automatic, "kind": kind},
                      ensure_ascii=False)


def preview(text: str) -> str:
    """One line for the queue: leading @mentions dropped (as X shows replies), whitespace
    folded, cut at a readable length."""
    words = text.split()
    while len(words) > 1 and words[0].startswith("@"):
        words.pop(0)
    line = " ".join(words)
    return line if len(line) <= PREVIEW_CHARS else line[: PREVIEW_CHARS - 1] + "…"


class IngestAccess(Protocol):
    """What the mixin needs from ``SqlStore`` (a protocol, so mypy checks the mixin alone)."""

    _conn: Any
    clock: Callable[[], datetime]

    def _sql(self, sql: str) -> str: ...
    def _exec(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def _one(self, sql: str, params: Sequence[Any] = ...) -> Row | None: ...
    def _all(self, sql: str, params: Sequence[Any] = ...) -> list[Row]: ...
    def transaction(self) -> AbstractContextManager[None]: ...
    def _set_cursor(self, account_id: int, stream: str, value: str | None) -> None: ...
    def _index_messages(self, rows: Sequence[tuple[int, str]]) -> None: ...
    def _index_contacts(self, rows: Sequence[tuple[int, str, str]], *, fresh: bool) -> None: ...
    def _upsert_contacts(self, contacts: Sequence[Contact], now: int) -> dict[str, int]: ...
    def _contact_id(self, platform_id: str, now: int) -> int: ...
    def _known_conversations(self, account_id: int, threads: Iterable[tuple[str, str]]
                             ) -> dict[tuple[str, str], tuple[int, str, int]]: ...
    def _metrics_dirty(self, *conv_ids: int) -> None: ...


class IngestStore:
    """Pages from X into the store (``ingest``) and what keeps a conversation's derived
    columns true (``_refresh_waiting``, ``_metrics_dirty``)."""

    def _upsert_contacts(self: IngestAccess, contacts: Sequence[Contact],
                         now: int) -> dict[str, int]:
        """Store profiles (the latest in the page wins) and index new or renamed ones;
        returns platform id -> contact id."""
        latest = {c.platform_id: c for c in contacts}
        known: dict[str, tuple[int, str, str]] = {}
        for chunk in _chunks(list(latest)):
            for pid, cid, handle, name in self._all(
                "SELECT platform_id, id, handle, display_name FROM contacts"
                f" WHERE network = 'x' AND platform_id IN ({_marks(chunk)})", chunk,
            ):
                known[str(pid)] = (int(cid), str(handle), str(name))
        ids: dict[str, int] = {}
        updates: list[tuple[Any, ...]] = []
        fresh: list[tuple[int, str, str]] = []
        renamed: list[tuple[int, str, str]] = []
        for pid, contact in latest.items():
            created = (None if contact.account_created_at is None
                       else to_ms(contact.account_created_at))
            values = (pid, contact.handle, contact.display_name, contact.followers,
                      int(contact.verified), created, now)
            before = known.get(pid)
            if before is None:
                row = self._one(UPSERT_CONTACT + " RETURNING id", values)
                assert row is not None
                ids[pid] = int(row[0])
                fresh.append((ids[pid], contact.handle, contact.display_name))
                continue
            ids[pid] = before[0]
            updates.append(values)
            if (before[1], before[2]) != (contact.handle, contact.display_name):
                renamed.append((before[0], contact.handle, contact.display_name))
        if updates:
            self._conn.cursor().executemany(self._sql(UPSERT_CONTACT), updates)
        # Renamed (older, lower ids) first, then new ones: see _index_contacts.
        if renamed:
            self._index_contacts(renamed, fresh=False)
        if fresh:
            self._index_contacts(fresh, fresh=True)
        return ids

    def _upsert_contact(self: IngestAccess, contact: Contact, now: int) -> int:
        return self._upsert_contacts([contact], now)[contact.platform_id]

    def _contact_id(self: IngestAccess, platform_id: str, now: int) -> int:
        """The contact for a platform id, creating a placeholder when X sent no profile."""
        row = self._one(
            "SELECT id FROM contacts WHERE network = 'x' AND platform_id = ?", (platform_id,)
        )
        if row is not None:
            return int(row[0])
        return self._upsert_contacts([Contact(platform_id, platform_id, platform_id)],
                                     now)[platform_id]

    def _known_conversations(self: IngestAccess, account_id: int, threads: Iterable[tuple[str, str]]
                             ) -> dict[tuple[str, str], tuple[int, str, int]]:
        """(kind, thread id) -> (id, status, status_changed_at) for those that exist."""
        by_kind: dict[str, list[str]] = {}
        for kind, thread_id in threads:
            by_kind.setdefault(kind, []).append(thread_id)
        found: dict[tuple[str, str], tuple[int, str, int]] = {}
        for kind, thread_ids in by_kind.items():
            for chunk in _chunks(sorted(set(thread_ids))):
                for thread_id, conv_id, status, changed in self._all(
                    "SELECT thread_id, id, status, status_changed_at FROM conversations"
                    f" WHERE account_id = ? AND kind = ? AND thread_id IN ({_marks(chunk)})",
                    [account_id, kind, *chunk],
                ):
                    found[(kind, str(thread_id))] = (int(conv_id), str(status), int(changed))
        return found

    def ingest(
        self: IngestAccess,
        account_id: int,
        batch: IngestBatch,
        cursors: dict[str, str | None] | None = None,
        *,
        then: Callable[[IngestResult], object] | None = None,
    ) -> IngestResult:
        """Store one page from a channel and its cursor in a single transaction.

        Re-ingesting the same page changes nothing: messages are unique per
        channel, events carry dedupe keys. A crash before commit leaves the old
        cursor, so the page is fetched again and deduplicated. ``then`` runs
        inside the same transaction once the page is written (the sync's rules),
        so a page and what was done about it commit together or not at all.
        """
        now = to_ms(self.clock())
        new_ids: list[int] = []
        duplicates = 0
        reopened: set[int] = set()
        events: list[tuple[Any, ...]] = []  # in the order things happened
        rollup: dict[int, list[Any]] = {}  # conversation -> [new messages, latest at, preview]
        indexed: list[tuple[int, str]] = []
        with self.transaction():
            contact_ids = self._upsert_contacts(batch.contacts, now)
            conv_cache = self._known_conversations(
                account_id, [(m.kind.value, m.thread_id) for m in batch.messages]
                + [(e.kind.value, e.thread_id) for e in batch.events])

            def contact_for(platform_id: str) -> int:
                if platform_id not in contact_ids:
                    contact_ids[platform_id] = self._contact_id(platform_id, now)
                return contact_ids[platform_id]

            def conversation_for(kind: ChannelKind, thread_id: str, customer: str,
                                 language: str | None, at: int) -> tuple[int, str, int]:
                key = (kind.value, thread_id)
                if key not in conv_cache:
                    row = self._one(
                        "INSERT INTO conversations (account_id, kind, thread_id, contact_id,"
                        " status, status_changed_at, language, last_message_at, created_at)"
                        " VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?)"
                        " RETURNING id, status, status_changed_at",
                        (account_id, kind.value, thread_id, contact_for(customer), at,
                         language, at, now),
                    )
                    assert row is not None
                    conv_cache[key] = (int(row[0]), str(row[1]), int(row[2]))
                return conv_cache[key]

            for msg in sorted(batch.messages, key=lambda m: (m.created_at, m.platform_id)):
                at = to_ms(msg.created_at)
                if msg.direction is Direction.IN:
                    customer = msg.author_platform_id
                else:
                    customer = msg.counterpart_platform_id or msg.author_platform_id
                conv_id, status, changed_at = conversation_for(
                    msg.kind, msg.thread_id, customer, msg.language, at
                )
                origin = msg.origin.value if msg.origin else None
                row = self._one(
                    "INSERT INTO messages (conversation_id, account_id, kind, platform_id,"
                    " direction, author_contact_id, author_platform_id, text, language,"
                    " in_reply_to, created_at, ingested_at, agent, origin, automatic)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (account_id, kind, platform_id) DO NOTHING RETURNING id",
                    (conv_id, account_id, msg.kind.value, msg.platform_id, msg.direction.value,
                     contact_for(msg.author_platform_id), msg.author_platform_id, msg.text,
                     msg.language, msg.in_reply_to_platform_id, at, now, msg.agent, origin,
                     int(msg.automatic)),
                )
                if row is None:
                    duplicates += 1
                    continue
                message_id = int(row[0])
                new_ids.append(message_id)
                indexed.append((message_id, msg.text))
                inbound = msg.direction is Direction.IN
                events.append(event_row(
                    conv_id, EventType.MESSAGE_IN if inbound else EventType.MESSAGE_OUT, at,
                    actor=msg.agent, message_id=message_id,
                    data=_message_data(origin, msg.automatic, msg.kind.value)))
                counted = rollup.setdefault(conv_id, [0, None, None])
                counted[0] += 1
                counted[1], counted[2] = at, msg.text  # sorted: the last is the latest
                if inbound and status in (Status.SNOOZED, Status.RESOLVED) and at > changed_at:
                    self._exec(
                        "UPDATE conversations SET status = 'open', status_changed_at = ?,"
                        " snoozed_until = NULL WHERE id = ?",
                        (at, conv_id),
                    )
                    events.append(event_row(conv_id, EventType.REOPENED, at,
                                             message_id=message_id, data={"from": status}))
                    events.append(event_row(conv_id, EventType.STATUS, at,
                                             data={"from": status, "to": Status.OPEN.value}))
                    reopened.add(conv_id)
                    conv_cache[(msg.kind.value, msg.thread_id)] = (conv_id, Status.OPEN, at)

            for ev in batch.events:
                conv_id, _, _ = conversation_for(
                    ev.kind, ev.thread_id, ev.actor_platform_id, None, to_ms(ev.created_at)
                )
                contact_for(ev.actor_platform_id)
                events.append(event_row(
                    conv_id, ev.type, to_ms(ev.created_at),
                    data={"participant": ev.actor_platform_id},
                    dedupe_key=f"{account_id}:{ev.kind.value}:{ev.platform_id}:{ev.type}"
                    f":{ev.actor_platform_id}"))
                rollup.setdefault(conv_id, [0, None, None])

            cursor = self._conn.cursor()
            cursor.executemany(self._sql(INSERT_EVENT), events)
            # The preview follows the page's latest message unless the conversation
            # already has a later one (pages can arrive out of order).
            cursor.executemany(self._sql(
                "UPDATE conversations SET message_count = message_count + ?,"
                " preview = CASE WHEN ? >= last_message_at THEN ? ELSE preview END,"
                " last_message_at = CASE WHEN ? > last_message_at THEN ?"
                " ELSE last_message_at END, " + WAITING_COLUMNS + " WHERE id = ?"),
                [(n, at, None if text is None else preview(text), at, at, conv_id)
                 for conv_id, (n, at, text) in rollup.items()])
            self._metrics_dirty(*rollup)
            self._index_messages(indexed)
            for stream, value in (cursors or {}).items():
                self._set_cursor(account_id, stream, value)
            result = IngestResult(
                new_messages=len(new_ids),
                duplicates=duplicates,
                conversations_touched=frozenset(rollup),
                reopened=frozenset(reopened),
                new_message_ids=tuple(new_ids),
            )
            if then is not None:
                then(result)
        return result

    def _refresh_waiting(self: IngestAccess, conv_id: int) -> None:
        """Derive ``waiting_since`` and ``first_reply_at`` from the messages themselves
        (see ``WAITING_COLUMNS``), and mark the conversation's metrics for recompute."""
        self._exec("UPDATE conversations SET " + WAITING_COLUMNS + " WHERE id = ?", (conv_id,))
        self._metrics_dirty(conv_id)

    def _metrics_dirty(self: IngestAccess, *conv_ids: int) -> None:
        """Their response-time samples must be recomputed (``inbox.metrics.refresh``): the
        messages or the status changed. Called wherever they do, in the same transaction."""
        self._conn.cursor().executemany(
            self._sql("INSERT INTO metric_dirty (conversation_id) VALUES (?)"
                      " ON CONFLICT DO NOTHING"), [(c,) for c in conv_ids])
