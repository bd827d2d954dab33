"""The store: every read and write the app makes, in SQL both engines understand.

``SqlStore`` holds the logic once; ``SqliteStore`` (one desk) and a PostgreSQL
store (team mode) differ only in how they connect, begin transactions and
spell placeholders. Tests run the same suite against each.

A store object wraps one database connection and must be used from one thread
only; each thread (GUI reads, the sync worker, the CLI) opens its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inbox.domain import (
    Account,
    AccountStatus,
    ChannelKind,
    Contact,
    Conversation,
    Direction,
    Event,
    EventType,
    Message,
    Origin,
    Priority,
    Status,
    View,
)
from inbox.search import DEFAULT_LIMIT, SearchHit, index_text, match_expression
from inbox.store.drafts import DraftStore
from inbox.store.ingest import IngestStore
from inbox.store.outbox import OutboxStore
from inbox.store.rules import RuleStore
from inbox.store.saved_replies import SavedReplyStore
from inbox.store.sqlparts import INSERT_EVENT, event_row
from inbox.timeutil import from_ms, maybe_from_ms, to_ms, utcnow

Row = Sequence[Any]


class StoreError(Exception):
    """A problem the user can act on (missing conversation, duplicate account name ...)."""


@dataclass(frozen=True, slots=True)
class SyncState:
    next_attempt_at: datetime | None
    failures: int
    last_error: str
    last_success_at: datetime | None


_CONVERSATION_COLUMNS = """
    c.id, c.account_id, a.handle, c.kind, c.thread_id, c.status, c.priority,
    k.id, k.platform_id, k.handle, k.display_name, k.followers, k.verified,
    k.account_created_at, c.preview, c.last_message_at, c.message_count,
    c.waiting_since, c.first_reply_at, c.snoozed_until, c.assignee, c.team, c.language
"""
_CONVERSATION_FROM = """
    FROM conversations c
    JOIN accounts a ON a.id = c.account_id
    JOIN contacts k ON k.id = c.contact_id
"""

# What each queue view shows and in which order. Longest-waiting first where
# someone waits; every order ends on the id so keyset paging is total.
_VIEWS: dict[View, tuple[str, str]] = {
    View.NEEDS_REPLY: (
        "c.status = 'open' AND c.waiting_since IS NOT NULL",
        "c.waiting_since ASC, c.id ASC",
    ),
    View.ALL_OPEN: (
        "c.status IN ('open', 'pending')",
        "CASE WHEN c.waiting_since IS NULL THEN 1 ELSE 0 END ASC,"
        " c.waiting_since ASC, c.last_message_at DESC, c.id ASC",
    ),
    View.SNOOZED: ("c.status = 'snoozed'", "c.snoozed_until ASC, c.id ASC"),
    View.RESOLVED: ("c.status = 'resolved'", "c.status_changed_at DESC, c.id DESC"),
}


@dataclass(frozen=True, slots=True)
class _Run:
    """A stretch of a view that one partial index (schema migration 6) holds in queue
    order: its filter, and its sort columns (the last is the id) with DESC flags."""

    index: str
    where: str
    columns: tuple[tuple[str, bool], ...]


# The same views and orders as _VIEWS, spelled as index runs so a page is an
# index range scan from the previous page's last key, however deep the agent is.
_RUNS: dict[View, tuple[_Run, ...]] = {
    View.NEEDS_REPLY: (_Run("conversations_needs_reply",
                            "c.status = 'open' AND c.waiting_since IS NOT NULL",
                            (("c.waiting_since", False), ("c.id", False))),),
    View.ALL_OPEN: (
        _Run("conversations_open_waiting",
             "c.status IN ('open', 'pending') AND c.waiting_since IS NOT NULL",
             (("c.waiting_since", False), ("c.last_message_at", True), ("c.id", False))),
        _Run("conversations_open_idle",
             "c.status IN ('open', 'pending') AND c.waiting_since IS NULL",
             (("c.last_message_at", True), ("c.id", False))),
    ),
    View.SNOOZED: (_Run("conversations_snoozed", "c.status = 'snoozed'",
                        (("c.snoozed_until", False), ("c.id", False))),),
    View.RESOLVED: (_Run("conversations_resolved", "c.status = 'resolved'",
                         (("c.status_changed_at", True), ("c.id", True))),),
}

QueueKey = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class QueuePage:
    """Rows of a queue view in order; ``next_key`` continues after them (None: the end)."""

    conversations: list[Conversation]
    next_key: QueueKey | None


def _after(columns: tuple[tuple[str, bool], ...]) -> str:
    """Rows strictly after a key in this order: a bound on the first column (the index
    range to start from) and, for ties, each following column in its own direction."""
    first, first_desc = columns[0]
    parts = []
    for i, (column, desc) in enumerate(columns):
        ties = [f"{c} = ?" for c, _ in columns[:i]]
        parts.append("(" + " AND ".join([*ties, f"{column} {'<' if desc else '>'} ?"]) + ")")
    return f"{first} {'<=' if first_desc else '>='} ? AND (" + " OR ".join(parts) + ")"


def _after_params(key: Sequence[Any]) -> list[Any]:
    params: list[Any] = [key[0]]
    for i in range(len(key)):
        params += [*key[:i], key[i]]
    return params


class SqlStore(IngestStore, OutboxStore, DraftStore, SavedReplyStore, RuleStore):
    """Engine-neutral store logic over a DB-API connection."""

    def __init__(self, connection: Any) -> None:
        self._conn = connection
        self._depth = 0
        # When the store's own writes happen (ingested_at, event times of agent
        # actions): a replaceable clock, so a replay (dev seed's reference, tests)
        # can write history at the moment each step happened.
        self.clock: Callable[[], datetime] = utcnow

    # -- engine hooks -------------------------------------------------------

    def _sql(self, sql: str) -> str:
        """Placeholders are written ``?``; engines that spell them otherwise override."""
        return sql

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        self._conn.commit()

    def _rollback(self) -> None:
        self._conn.rollback()

    def close(self) -> None:
        self._conn.close()

    # -- plumbing -----------------------------------------------------------

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cursor = self._conn.cursor()
        cursor.execute(self._sql(sql), tuple(params))
        return cursor

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self._exec(sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row: Row | None = self._exec(sql, params).fetchone()
        return row

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing; nested uses join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        self._commit()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the open transaction that fails alone: on an exception only its
        own writes are undone (and the exception goes on); the rest still commits."""
        if not self._depth:
            with self.transaction():
                yield
            return
        name = f"part{self._depth}"
        self._exec(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._exec(f"ROLLBACK TO SAVEPOINT {name}")
            self._exec(f"RELEASE SAVEPOINT {name}")
            raise
        finally:
            self._depth -= 1
        self._exec(f"RELEASE SAVEPOINT {name}")

    def _event(
        self,
        conversation_id: int | None,
        type_: EventType,
        at: int,
        *,
        actor: str | None = None,
        data: dict[str, object] | None = None,
        message_id: int | None = None,
        dedupe_key: str | None = None,
    ) -> None:
        self._exec(INSERT_EVENT, event_row(conversation_id, type_, at, actor=actor, data=data,
                                             message_id=message_id, dedupe_key=dedupe_key))

    # -- accounts -----------------------------------------------------------

    def add_account(
        self,
        *,
        name: str,
        handle: str,
        user_id: str,
        api_base: str,
        credential_ref: str,
        auth_kind: str,
        poll_seconds: int = 60,
    ) -> Account:
        if self._one("SELECT 1 FROM accounts WHERE name = ?", (name,)):
            raise StoreError(f"an account named {name!r} already exists")
        with self.transaction():
            self._exec(
                "INSERT INTO accounts (name, handle, user_id, api_base, credential_ref,"
                " auth_kind, poll_seconds, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (name, handle, user_id, api_base, credential_ref, auth_kind, poll_seconds,
                 to_ms(self.clock())),
            )
        account = self.account(name)
        assert account is not None
        return account

    _ACCOUNT_COLUMNS = (
        "id, name, handle, user_id, api_base, credential_ref, auth_kind, status,"
        " status_reason, poll_seconds"
    )

    @staticmethod
    def _account(row: Row) -> Account:
        return Account(
            id=row[0], name=row[1], handle=row[2], user_id=row[3], api_base=row[4],
            credential_ref=row[5], auth_kind=row[6], status=AccountStatus(row[7]),
            status_reason=row[8], poll_seconds=row[9],
        )

    def accounts(self) -> list[Account]:
        rows = self._all(f"SELECT {self._ACCOUNT_COLUMNS} FROM accounts ORDER BY name")
        return [self._account(r) for r in rows]

    def account(self, name: str) -> Account | None:
        row = self._one(f"SELECT {self._ACCOUNT_COLUMNS} FROM accounts WHERE name = ?", (name,))
        return None if row is None else self._account(row)

    def account_by_id(self, account_id: int) -> Account | None:
        row = self._one(
            f"SELECT {self._ACCOUNT_COLUMNS} FROM accounts WHERE id = ?", (account_id,)
        )
        return None if row is None else self._account(row)

    def remove_account(self, name: str) -> Account:
        account = self.account(name)
        if account is None:
            raise StoreError(f"no account named {name!r}")
        with self.transaction():
            self._unindex_messages(self._all(
                "SELECT id, text FROM messages WHERE account_id = ?", (account.id,)))
            self._exec("DELETE FROM accounts WHERE id = ?", (account.id,))
        return account

    def set_account_status(self, account_id: int, status: AccountStatus, reason: str = "") -> None:
        with self.transaction():
            self._exec(
                "UPDATE accounts SET status = ?, status_reason = ? WHERE id = ?",
                (status.value, reason, account_id),
            )

    # -- sync bookkeeping ---------------------------------------------------

    def cursor(self, account_id: int, stream: str) -> str | None:
        row = self._one(
            "SELECT value FROM cursors WHERE account_id = ? AND stream = ?", (account_id, stream)
        )
        return None if row is None else str(row[0])

    def _set_cursor(self, account_id: int, stream: str, value: str | None) -> None:
        if value is None:
            self._exec(
                "DELETE FROM cursors WHERE account_id = ? AND stream = ?", (account_id, stream)
            )
            return
        self._exec(
            "INSERT INTO cursors (account_id, stream, value) VALUES (?, ?, ?)"
            " ON CONFLICT (account_id, stream) DO UPDATE SET value = excluded.value",
            (account_id, stream, value),
        )

    def set_cursor(self, account_id: int, stream: str, value: str | None) -> None:
        with self.transaction():
            self._set_cursor(account_id, stream, value)

    def sync_state(self, account_id: int) -> SyncState:
        row = self._one(
            "SELECT next_attempt_at, failures, last_error, last_success_at FROM account_sync"
            " WHERE account_id = ?",
            (account_id,),
        )
        if row is None:
            return SyncState(None, 0, "", None)
        return SyncState(maybe_from_ms(row[0]), row[1], row[2], maybe_from_ms(row[3]))

    def set_sync_state(self, account_id: int, state: SyncState) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO account_sync (account_id, next_attempt_at, failures, last_error,"
                " last_success_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET"
                " next_attempt_at = excluded.next_attempt_at, failures = excluded.failures,"
                " last_error = excluded.last_error, last_success_at = excluded.last_success_at",
                (
                    account_id,
                    None if state.next_attempt_at is None else to_ms(state.next_attempt_at),
                    state.failures,
                    state.last_error,
                    None if state.last_success_at is None else to_ms(state.last_success_at),
                ),
            )

    def message_exists(self, account_id: int, kind: ChannelKind, platform_id: str) -> bool:
        return (
            self._one(
                "SELECT 1 FROM messages WHERE account_id = ? AND kind = ? AND platform_id = ?",
                (account_id, kind.value, platform_id),
            )
            is not None
        )

    # -- search ---------------------------------------------------------------
    # The index holds ``inbox.search.index_text`` of each message and of each
    # contact's handle and name, written in the transaction that writes the row.
    # The SQL below suits SQLite's FTS5 tables and PostgreSQL's plain ones (see
    # the schema); only the query itself (``_search_ids``) is engine-specific.

    def _index_messages(self, rows: Sequence[tuple[int, str]]) -> None:
        """Index new messages: (message id, text as received)."""
        if rows:
            self._conn.cursor().executemany(
                self._sql("INSERT INTO messages_fts (rowid, text) VALUES (?, ?)"),
                [(i, index_text(t)) for i, t in rows])

    def _unindex_messages(self, rows: Sequence[Row]) -> None:
        """Drop messages about to be deleted (id, text) from the index."""
        if rows:
            self._conn.cursor().executemany(
                self._sql("DELETE FROM messages_fts WHERE rowid = ?"), [(r[0],) for r in rows])

    def _index_contacts(self, rows: Sequence[tuple[int, str, str]], *, fresh: bool) -> None:
        """(Re)index contacts: (id, handle, display name); ``fresh`` when never indexed.

        In ascending id order: FTS5 writes its pending terms out as a new segment
        (to be merged later) whenever a write's rowid is not above the previous
        one, so unsorted ids cost a segment per contact."""
        rows = sorted(rows)
        cursor = self._conn.cursor()
        if not fresh:
            cursor.executemany(self._sql("DELETE FROM contacts_fts WHERE rowid = ?"),
                               [(r[0],) for r in rows])
        cursor.executemany(self._sql("INSERT INTO contacts_fts (rowid, name) VALUES (?, ?)"),
                           [(i, index_text(h, n)) for i, h, n in rows])

    def _search_ids(self, match: str, limit: int) -> list[tuple[int, str]]:
        """Newest matching message ids with why they matched ("text" or "contact")."""
        raise NotImplementedError

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        """Messages whose text, or whose author's handle or name, has every word of
        ``query`` (Arabic-aware, case-insensitive); newest first."""
        match = match_expression(query)
        if match is None or limit <= 0:
            return []
        found = self._search_ids(match, limit)
        if not found:
            return []
        why = dict(found)
        marks = ", ".join("?" * len(why))
        rows = self._all(
            "SELECT m.id, m.conversation_id, m.kind, m.direction,"
            " COALESCE(k.handle, m.author_platform_id), COALESCE(k.display_name, ''), m.text,"
            f" m.created_at FROM messages m LEFT JOIN contacts k ON k.id = m.author_contact_id"
            f" WHERE m.id IN ({marks}) ORDER BY m.id DESC",
            list(why),
        )
        return [
            SearchHit(message_id=r[0], conversation_id=r[1], kind=ChannelKind(r[2]),
                      direction=Direction(r[3]), author_handle=r[4], author_name=r[5],
                      text=r[6], created_at=from_ms(r[7]), matched=why[int(r[0])])
            for r in rows
        ]

    # -- the queue ----------------------------------------------------------

    def _indexed_by(self, index: str) -> str:
        """SQLite names the index a queue query must use (plans must not depend on
        statistics); engines without the syntax leave it to their planner."""
        return ""

    def _run_rows(self, run: _Run, after: Sequence[Any] | None, limit: int | None,
                  account_id: int | None, *, keys: bool) -> list[Row]:
        """One index run of a view in order: ids (and their sort keys when ``keys``)."""
        where = run.where
        params: list[Any] = []
        if account_id is not None:
            where += " AND c.account_id = ?"
            params.append(account_id)
        if after is not None:
            where += " AND " + _after(run.columns)
            params += _after_params(after)
        order = ", ".join(f"{c} {'DESC' if d else 'ASC'}" for c, d in run.columns)
        wanted = ", ".join(c for c, _ in run.columns) if keys else "c.id"
        sql = (f"SELECT {wanted} FROM conversations c{self._indexed_by(run.index)}"
               f" WHERE {where} ORDER BY {order}")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._all(sql, params)

    def queue_ids(self, view: View, *, account_id: int | None = None) -> list[int]:
        """Every conversation id of a view, in queue order (the Qt model pages rows in).

        Read from the views' covering partial indexes: no sort, no table rows."""
        ids: list[int] = []
        for run in _RUNS[view]:
            ids += [r[0] for r in self._run_rows(run, None, None, account_id, keys=False)]
        return ids

    def queue_page(self, view: View, after_key: QueueKey | None = None, limit: int = 100, *,
                   account_id: int | None = None) -> QueuePage:
        """``limit`` rows of a view after ``after_key`` (None: from the top).

        Keyset paging: the cost of a page does not grow with its depth, unlike
        OFFSET (QT_NOTES: 54 ms at 900,000 rows)."""
        runs = _RUNS[view]
        first = 0 if after_key is None else int(after_key[0])
        found: list[tuple[int, Row]] = []
        for number in range(first, len(runs)):
            after = after_key[1:] if after_key is not None and number == first else None
            rows = self._run_rows(runs[number], after, limit - len(found), account_id,
                                  keys=True)
            found += [(number, r) for r in rows]
            if len(found) >= limit:
                break
        by_id = self.conversations(int(r[-1]) for _, r in found)
        next_key = None
        if found and len(found) >= limit:
            number, last = found[-1]
            next_key = (number, *last)
        return QueuePage([by_id[int(r[-1])] for _, r in found if int(r[-1]) in by_id], next_key)

    def count(self, view: View) -> int:
        """Rows in a view, counted on its own index(es): the window shows every view's
        count after each sync, so this must not touch the table (40 ms at 300,000)."""
        total = 0
        for run in _RUNS[view]:
            row = self._one(f"SELECT COUNT(*) FROM conversations c{self._indexed_by(run.index)}"
                            f" WHERE {run.where}")
            total += int(row[0]) if row else 0
        return total

    def conversations(self, ids: Iterable[int]) -> dict[int, Conversation]:
        """Conversations by id, with their contact and tags (one page of the queue)."""
        wanted = list(ids)
        if not wanted:
            return {}
        marks = ", ".join("?" * len(wanted))
        rows = self._all(
            f"SELECT {_CONVERSATION_COLUMNS} {_CONVERSATION_FROM} WHERE c.id IN ({marks})",
            wanted,
        )
        tags: dict[int, list[str]] = {}
        for conv_id, tag in self._all(
            f"SELECT conversation_id, tag FROM conversation_tags WHERE conversation_id IN"
            f" ({marks}) ORDER BY tag",
            wanted,
        ):
            tags.setdefault(int(conv_id), []).append(str(tag))
        return {int(r[0]): _conversation(r, tuple(tags.get(int(r[0]), ()))) for r in rows}

    def conversation(self, conversation_id: int) -> Conversation:
        found = self.conversations([conversation_id]).get(conversation_id)
        if found is None:
            raise StoreError(f"no conversation {conversation_id}")
        return found

    def thread(self, conversation_id: int) -> list[Message]:
        """All messages of a conversation, oldest first."""
        rows = self._all(
            "SELECT m.id, m.conversation_id, m.kind, m.platform_id, m.direction,"
            " m.author_platform_id, COALESCE(k.handle, m.author_platform_id),"
            " COALESCE(k.display_name, ''), m.text, m.created_at, m.ingested_at, m.agent,"
            " m.origin, m.automatic FROM messages m"
            " LEFT JOIN contacts k ON k.id = m.author_contact_id"
            " WHERE m.conversation_id = ? ORDER BY m.created_at, m.id",
            (conversation_id,),
        )
        return [
            Message(
                id=r[0], conversation_id=r[1], kind=ChannelKind(r[2]), platform_id=r[3],
                direction=Direction(r[4]), author_platform_id=r[5], author_handle=r[6],
                author_name=r[7], text=r[8], created_at=from_ms(r[9]),
                ingested_at=from_ms(r[10]), agent=r[11],
                origin=Origin(r[12]) if r[12] else None, automatic=bool(r[13]),
            )
            for r in rows
        ]

    def events(self, conversation_id: int) -> list[Event]:
        rows = self._all(
            "SELECT id, conversation_id, type, at, actor, data, message_id FROM events"
            " WHERE conversation_id = ? ORDER BY id",
            (conversation_id,),
        )
        return [
            Event(id=r[0], conversation_id=r[1], type=EventType(r[2]), at=from_ms(r[3]),
                  actor=r[4], data=json.loads(r[5]), message_id=r[6])
            for r in rows
        ]

    # -- agent actions --------------------------------------------------------

    def _set_status(self, conversation_id: int, to: Status, actor: str | None,
                    until: datetime | None = None) -> None:
        current = self.conversation(conversation_id)
        now = to_ms(self.clock())
        with self.transaction():
            self._exec(
                "UPDATE conversations SET status = ?, status_changed_at = ?, snoozed_until = ?"
                " WHERE id = ?",
                (to.value, now, None if until is None else to_ms(until), conversation_id),
            )
            data: dict[str, object] = {"from": current.status.value, "to": to.value}
            if until is not None:
                data["until"] = to_ms(until)
            self._event(conversation_id, EventType.STATUS, now, actor=actor, data=data)
            self._metrics_dirty(conversation_id)

    def resolve(self, conversation_id: int, actor: str | None = None) -> None:
        self._set_status(conversation_id, Status.RESOLVED, actor)

    def reopen(self, conversation_id: int, actor: str | None = None) -> None:
        self._set_status(conversation_id, Status.OPEN, actor)

    def set_pending(self, conversation_id: int, actor: str | None = None) -> None:
        self._set_status(conversation_id, Status.PENDING, actor)

    def snooze(self, conversation_id: int, until: datetime, actor: str | None = None) -> None:
        if until <= self.clock():
            raise StoreError("a snooze must end in the future")
        self._set_status(conversation_id, Status.SNOOZED, actor, until)

    def wake_snoozed(self, now: datetime | None = None) -> list[int]:
        """Reopen snoozed conversations whose time has come; returns their ids."""
        at = to_ms(now or self.clock())
        ids = [
            int(r[0])
            for r in self._all(
                "SELECT id FROM conversations WHERE status = 'snoozed' AND snoozed_until <= ?",
                (at,),
            )
        ]
        with self.transaction():
            for conv_id in ids:
                self._exec(
                    "UPDATE conversations SET status = 'open', status_changed_at = ?,"
                    " snoozed_until = NULL WHERE id = ?",
                    (at, conv_id),
                )
                self._event(conv_id, EventType.STATUS, at,
                            data={"from": Status.SNOOZED.value, "to": Status.OPEN.value,
                                  "reason": "snooze ended"})
        return ids

    def set_priority(self, conversation_id: int, priority: Priority,
                     actor: str | None = None) -> None:
        now = to_ms(self.clock())
        with self.transaction():
            self._exec("UPDATE conversations SET priority = ? WHERE id = ?",
                       (int(priority), conversation_id))
            self._event(conversation_id, EventType.PRIORITY, now, actor=actor,
                        data={"to": priority.name.lower()})

    def assign(self, conversation_id: int, assignee: str | None, actor: str | None = None) -> None:
        now = to_ms(self.clock())
        with self.transaction():
            self._exec("UPDATE conversations SET assignee = ? WHERE id = ?",
                       (assignee, conversation_id))
            self._event(conversation_id, EventType.ASSIGNED, now, actor=actor,
                        data={"to": assignee})

    def add_tag(self, conversation_id: int, tag: str, actor: str | None = None) -> bool:
        """Tag a conversation; False when it already had the tag."""
        now = to_ms(self.clock())
        with self.transaction():
            row = self._one(
                "INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?)"
                " ON CONFLICT DO NOTHING RETURNING tag",
                (conversation_id, tag),
            )
            if row is not None:
                self._event(conversation_id, EventType.TAG_ADDED, now, actor=actor,
                            data={"tag": tag})
        return row is not None

    def remove_tag(self, conversation_id: int, tag: str, actor: str | None = None) -> None:
        now = to_ms(self.clock())
        with self.transaction():
            self._exec("DELETE FROM conversation_tags WHERE conversation_id = ? AND tag = ?",
                       (conversation_id, tag))
            self._event(conversation_id, EventType.TAG_REMOVED, now, actor=actor,
                        data={"tag": tag})

    # -- export ---------------------------------------------------------------

    def export_rows(self) -> Iterator[dict[str, object]]:
        """One record per message for ``community-inbox export`` (keys fixed by DESIGN.md)."""
        cursor = self._exec(
            "SELECT m.conversation_id, m.kind, m.direction, m.platform_id,"
            " COALESCE(k.handle, m.author_platform_id), m.text, m.created_at, c.status,"
            " c.priority, c.assignee, a.name, m.agent, m.origin, m.automatic, c.thread_id"
            " FROM messages m JOIN conversations c ON c.id = m.conversation_id"
            " JOIN accounts a ON a.id = c.account_id"
            " LEFT JOIN contacts k ON k.id = m.author_contact_id"
            " ORDER BY m.conversation_id, m.created_at, m.id"
        )
        tags: dict[int, list[str]] = {}
        for conv_id, tag in self._all(
            "SELECT conversation_id, tag FROM conversation_tags ORDER BY tag"
        ):
            tags.setdefault(int(conv_id), []).append(str(tag))
        for r in cursor:
            yield {
                "conversation_id": r[0],
                "kind": r[1],
                "direction": r[2],
                "platform_id": r[3],
                "author_handle": r[4],
                "text": r[5],
                "created_at": from_ms(r[6]).isoformat().replace("+00:00", "Z"),
                "status": r[7],
                "priority": Priority(r[8]).name.lower(),
                "tags": tags.get(int(r[0]), []),
                "assignee": r[9],
                "account": r[10],
                "agent": r[11],
                "origin": r[12],
                "automatic": bool(r[13]),
                "thread_id": r[14],
            }


def _conversation(r: Row, tags: tuple[str, ...]) -> Conversation:
    contact = Contact(
        id=r[7], platform_id=r[8], handle=r[9], display_name=r[10], followers=r[11],
        verified=bool(r[12]), account_created_at=maybe_from_ms(r[13]),
    )
    return Conversation(
        id=r[0], account_id=r[1], account_handle=r[2], kind=ChannelKind(r[3]), thread_id=r[4],
        status=Status(r[5]), priority=Priority(r[6]), contact=contact, preview=r[14],
        last_message_at=from_ms(r[15]), message_count=r[16],
        waiting_since=maybe_from_ms(r[17]), first_reply_at=maybe_from_ms(r[18]),
        snoozed_until=maybe_from_ms(r[19]), assignee=r[20], team=r[21], language=r[22],
        tags=tags,
    )
