"""dev seed's fast path: the rows the app would have written, computed apart, stored in bulk.

``inbox.seed`` scripts a year of history and ``replay`` feeds it through the
store's own methods and ``metrics.recompute_all``: the reference, and minutes
at a million messages. Here ``RowMaker`` computes the very same rows in plain
Python (ids, contacts' final state, events, the response-time samples) and
``write_chunk`` only stores them, a few ``executemany`` per 20,000
conversations; the per-day summaries are then built in SQL, as
``recompute_all`` builds them. For a big history the generator and
``RowMaker`` run in a second process (``chunks_from_child``), so one core does
the Python while the other writes: 1,000,000 messages in ~75 s on 2 cores.
tests/test_seed.py checks that both ways leave identical tables.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from inbox import metrics, metrics_rollup
from inbox.business_hours import Calendar, load_calendar
from inbox.domain import (
    Contact,
    Direction,
    EventType,
    IngestBatch,
    Priority,
    Status,
)
from inbox.search import index_text
from inbox.seed import Act, Generator, Page, Script, Sent, parse_page
from inbox.store import SqlStore
from inbox.store.ingest import preview
from inbox.timeutil import to_ms

CHUNK = 20_000  # conversations per transaction


def _json(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False)


@lru_cache(maxsize=4096)
def _data(key: str, value: object, key2: str = "", value2: object = None) -> str:
    """An event's JSON: the same few values recur a million times (``{"to": "sara"}``),
    so each is encoded once."""
    data = {key: value}
    if key2:
        data[key2] = value2
    return _json(data)


@lru_cache(maxsize=65_536)
def _words(text: str) -> str:
    """A message's search form (``index_text``): two thirds of the generated texts repeat
    one seen shortly before (auto-replies, stock answers), so those are normalised once."""
    return index_text(text)


_MESSAGE_DATA = {
    (origin, automatic, kind): _json({"origin": origin, "automatic": automatic, "kind": kind})
    for origin in (None, "app", "external") for automatic in (False, True)
    for kind in ("mention", "dm")
}
_STATUS_OF = {"resolve": "resolved", "reopen": "open", "pending": "pending",
              "snooze": "snoozed"}
_MEASURED = frozenset(metrics._TYPES)  # the event types response times are computed from


@dataclass(frozen=True, slots=True)
class Start:
    """What the store holds already that new rows continue from: its contacts (seeding
    needs a store without conversations, so messages and conversations start at 1)."""

    contacts: list[tuple[Any, ...]]  # id, platform_id, handle, name, followers, verified ...
    next_event: int

    @classmethod
    def read(cls, store: SqlStore) -> Start:
        row = store._one("SELECT COUNT(*) FROM conversations")
        if row is not None and row[0]:
            raise ValueError("bulk seeding needs a store without conversations")
        contacts = [tuple(r) for r in store._all(
            "SELECT id, platform_id, handle, display_name, followers, verified,"
            " account_created_at, updated_at FROM contacts ORDER BY id")]
        top = store._one("SELECT MAX(id) FROM events")
        return cls(contacts, int(top[0] or 0) + 1 if top else 1)


@dataclass(slots=True)
class Chunk:
    """One transaction's rows, in the order the tables are written."""

    contacts: list[tuple[Any, ...]] = field(default_factory=list)  # final state, upserted
    renamed: list[tuple[int, str, str]] = field(default_factory=list)  # to index again
    fresh: list[tuple[int, str, str]] = field(default_factory=list)  # never indexed
    conversations: list[tuple[Any, ...]] = field(default_factory=list)
    messages: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    tags: list[tuple[int, str]] = field(default_factory=list)
    samples: list[tuple[Any, ...]] = field(default_factory=list)  # metric_samples
    messages_done: int = 0  # messages in this chunk and all before it


@dataclass(slots=True)
class _Conv:
    id: int
    contact_id: int
    status: str
    changed_at: int
    snoozed_until: int | None
    language: str | None
    created_at: int
    last_message_at: int
    preview: str = ""
    count: int = 0
    priority: int = 0
    assignee: str | None = None
    tags: set[str] = field(default_factory=set)
    inbound: list[int] = field(default_factory=list)
    human_out: list[int] = field(default_factory=list)


class RowMaker:
    """Scripts in, ``Chunk``s out: the rows ``replay`` and ``metrics.recompute_all`` would
    leave. Pure Python (no store), so it can run in another process."""

    def __init__(self, account_id: int, calendar: Calendar, start: Start,
                 chunk: int = CHUNK) -> None:
        self.account_id = account_id
        self.calendar = calendar
        self.chunk = chunk
        self.contacts: dict[str, list[Any]] = {str(r[1]): list(r) for r in start.contacts}
        self.indexed: dict[int, tuple[str, str]] = {int(r[0]): (r[2], r[3])
                                                    for r in start.contacts}
        self.next_contact = max((int(r[0]) for r in start.contacts), default=0) + 1
        self.next_conv = 1
        self.next_message = 1
        self.next_event = start.next_event
        self.messages_done = 0
        self._reset()

    def _reset(self) -> None:
        self.out = Chunk()
        self.dirty: dict[str, list[Any]] = {}
        self.measured: list[metrics.Sample] = []
        self.meta: dict[int, tuple[int, str]] = {}
        self.log: list[metrics._Event] = []  # the open conversation's measured events

    def chunks(self, scripts: Iterable[Script]) -> Iterator[Chunk]:
        """A chunk every ``chunk`` conversations, and the rest at the end."""
        for n, script in enumerate(scripts, 1):
            self.add(script)
            if n % self.chunk == 0:
                yield self.take()
        last = self.take()
        if last.conversations or last.contacts:
            yield last

    def take(self) -> Chunk:
        """The rows added since the last take; contacts with their state as of now."""
        out = self.out
        out.contacts = [tuple(r) for r in self.dirty.values()]
        for r in self.dirty.values():
            was = self.indexed.get(r[0])
            if was != (r[2], r[3]):
                (out.fresh if was is None else out.renamed).append((r[0], r[2], r[3]))
                self.indexed[r[0]] = (r[2], r[3])
        out.samples = metrics._rows(self.calendar, self.measured, self.meta)
        out.messages_done = self.messages_done
        self._reset()
        return out

    # -- contacts -------------------------------------------------------------------

    def _upsert(self, c: Contact, now: int) -> int:
        created = None if c.account_created_at is None else to_ms(c.account_created_at)
        row = self.contacts.get(c.platform_id)
        if row is None:
            row = [self.next_contact, c.platform_id, c.handle, c.display_name, c.followers,
                   int(c.verified), created, now]
            self.next_contact += 1
            self.contacts[c.platform_id] = row
        else:
            row[2:6] = [c.handle, c.display_name, c.followers, int(c.verified)]
            if created is not None:
                row[6] = created
            row[7] = now
        self.dirty[c.platform_id] = row
        return int(row[0])

    def _contact_for(self, platform_id: str, known: dict[str, int], now: int) -> int:
        if platform_id not in known:
            row = self.contacts.get(platform_id)
            known[platform_id] = (int(row[0]) if row is not None else
                                  self._upsert(Contact(platform_id, platform_id, platform_id),
                                               now))
        return known[platform_id]

    # -- one conversation ---------------------------------------------------------------

    def _event(self, conv: int, message_id: int | None, type_: str, at: int,
               actor: str | None, data: str, automatic: bool = False,
               agent: str | None = None) -> None:
        self.out.events.append((self.next_event, conv, message_id, type_, at, actor, data))
        self.next_event += 1
        if type_ in _MEASURED:  # what metrics._events reads back (messages joined)
            self.log.append(metrics._Event(type_, at, actor, data, automatic, agent))

    def _ingest(self, state: list[_Conv], batch: IngestBatch, now: int) -> None:
        """``SqlStore.ingest`` for one conversation's batch, without the SQL."""
        known = {c.platform_id: self._upsert(c, now) for c in batch.contacts}
        for msg in sorted(batch.messages, key=lambda m: (m.created_at, m.platform_id)):
            at = to_ms(msg.created_at)
            inbound = msg.direction is Direction.IN
            customer = (msg.author_platform_id if inbound
                        else msg.counterpart_platform_id or msg.author_platform_id)
            if not state:
                state.append(_Conv(self.next_conv, self._contact_for(customer, known, now),
                                   "open", at, None, msg.language, now, at))
                self.next_conv += 1
            conv = state[0]
            origin = msg.origin.value if msg.origin else None
            kind = msg.kind.value
            message_id = self.next_message
            self.next_message += 1
            self.out.messages.append((
                message_id, conv.id, self.account_id, kind, msg.platform_id,
                msg.direction.value, self._contact_for(msg.author_platform_id, known, now),
                msg.author_platform_id, msg.text, msg.language, msg.in_reply_to_platform_id,
                at, now, msg.agent, origin, int(msg.automatic)))
            self._event(conv.id, message_id, "message_in" if inbound else "message_out", at,
                        msg.agent, _MESSAGE_DATA[(origin, msg.automatic, kind)],
                        msg.automatic, msg.agent)
            conv.count += 1
            if at >= conv.last_message_at:
                conv.preview = preview(msg.text)
                conv.last_message_at = at
            if inbound:
                conv.inbound.append(at)
                if conv.status in ("snoozed", "resolved") and at > conv.changed_at:
                    old = conv.status
                    conv.status, conv.changed_at, conv.snoozed_until = "open", at, None
                    self._event(conv.id, message_id, EventType.REOPENED.value, at, None,
                                _data("from", old))
                    self._event(conv.id, None, EventType.STATUS.value, at, None,
                                _data("from", old, "to", Status.OPEN.value))
            elif not msg.automatic:
                conv.human_out.append(at)

    def _act(self, conv: _Conv, step: Act) -> None:
        at = step.at
        if step.op in _STATUS_OF:
            to = _STATUS_OF[step.op]
            if step.op == "snooze":
                data = _json({"from": conv.status, "to": to, "until": step.value})
            else:
                data = _data("from", conv.status, "to", to)
            conv.snoozed_until = step.value if step.op == "snooze" else None
            conv.status, conv.changed_at = to, at
            self._event(conv.id, None, EventType.STATUS.value, at, step.actor, data)
        elif step.op == "priority":
            conv.priority = int(step.value)
            self._event(conv.id, None, EventType.PRIORITY.value, at, step.actor,
                        _data("to", Priority(step.value).name.lower()))
        elif step.op == "assign":
            conv.assignee = step.value
            self._event(conv.id, None, EventType.ASSIGNED.value, at, step.actor,
                        _data("to", step.value))
        elif step.op == "tag":
            if step.value not in conv.tags:
                conv.tags.add(step.value)
                self.out.tags.append((conv.id, step.value))
                self._event(conv.id, None, EventType.TAG_ADDED.value, at, step.actor,
                            _data("tag", step.value))
        else:
            raise ValueError(f"unknown action {step.op!r}")

    def add(self, script: Script) -> None:
        state: list[_Conv] = []
        self.log = []
        for step in script.steps:
            if isinstance(step, Page):
                self._ingest(state, parse_page(step), step.at)
            elif isinstance(step, Sent):
                self._ingest(state, IngestBatch(messages=[step.message]), step.at)
            else:
                self._act(state[0], step)
        if not state:
            return
        c = state[0]
        first_reply = min(c.human_out) if c.human_out else None
        last_human = max(c.human_out) if c.human_out else -1
        waiting = min((t for t in c.inbound if t > last_human), default=None)
        self.out.conversations.append((
            c.id, self.account_id, script.kind.value, script.thread_id, c.contact_id, c.status,
            c.changed_at, c.snoozed_until, c.priority, c.assignee, c.language, c.preview,
            c.count, c.last_message_at, waiting, first_reply, c.created_at))
        self.meta[c.id] = (self.account_id, script.kind.value)
        self.measured += metrics.samples_of(c.id, self.log)
        self.messages_done += c.count


# -- writing ------------------------------------------------------------------------------


_UPSERT_CONTACTS = (
    "INSERT INTO contacts (id, network, platform_id, handle, display_name, followers,"
    " verified, account_created_at, updated_at) VALUES (?, 'x', ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (id) DO UPDATE SET handle = excluded.handle,"
    " display_name = excluded.display_name, followers = excluded.followers,"
    " verified = excluded.verified, account_created_at = excluded.account_created_at,"
    " updated_at = excluded.updated_at")
_INSERT_CONVERSATIONS = (
    "INSERT INTO conversations (id, account_id, kind, thread_id, contact_id, status,"
    " status_changed_at, snoozed_until, priority, assignee, language, preview, message_count,"
    " last_message_at, waiting_since, first_reply_at, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_MESSAGES = (
    "INSERT INTO messages (id, conversation_id, account_id, kind, platform_id, direction,"
    " author_contact_id, author_platform_id, text, language, in_reply_to, created_at,"
    " ingested_at, agent, origin, automatic)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_EVENTS = ("INSERT INTO events (id, conversation_id, message_id, type, at, actor, data)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)")


def write_chunk(store: SqlStore, chunk: Chunk) -> None:
    """One transaction: contacts first (foreign keys), then the rest, the search index
    as the store's ``_index_contacts`` / ``_index_messages`` write it."""
    with store.transaction():
        cur = store._conn.cursor()
        cur.executemany(_UPSERT_CONTACTS, chunk.contacts)
        store._index_contacts(chunk.renamed, fresh=False)  # older ids first, as ingest
        store._index_contacts(chunk.fresh, fresh=True)
        cur.executemany(_INSERT_CONVERSATIONS, chunk.conversations)
        cur.executemany(_INSERT_MESSAGES, chunk.messages)
        # store._index_messages, with each distinct text normalised once
        cur.executemany("INSERT INTO messages_fts (rowid, text) VALUES (?, ?)",
                        [(m[0], _words(m[8])) for m in chunk.messages])
        cur.executemany(_INSERT_EVENTS, chunk.events)
        cur.executemany("INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?)",
                        chunk.tags)
        cur.executemany(metrics._INSERT, chunk.samples)


def finish_metrics(store: SqlStore, calendar: Calendar) -> None:
    """What ``metrics.recompute_all`` does once its samples are in: the per-day summaries
    (SQL, from the samples) and the calendar they were computed with."""
    with store.transaction():
        store._exec("DELETE FROM metric_dirty")
        metrics_rollup.rebuild_all(store)
        metrics._set_state(store, calendar)


class BulkWriter:
    """Writes scripts as ``replay`` and ``metrics.recompute_all`` would leave them.

    Requires a store without conversations (it numbers rows itself)."""

    CHUNK = CHUNK

    def __init__(self, store: SqlStore, account_id: int) -> None:
        self.store = store
        self.account_id = account_id
        self.calendar = load_calendar(store)
        self.start = Start.read(store)

    def rows(self) -> RowMaker:
        return RowMaker(self.account_id, self.calendar, self.start, self.CHUNK)

    def write(self, scripts: Iterable[Script],
              progress: Callable[[int], None] | None = None) -> int:
        """Every script, computed here; returns the messages written."""
        return self.write_chunks(self.rows().chunks(scripts), progress)

    def write_chunks(self, chunks: Iterable[Chunk],
                     progress: Callable[[int], None] | None = None) -> int:
        """Store chunks as they come, then the response-time summaries."""
        done = 0
        for chunk in chunks:
            write_chunk(self.store, chunk)
            done = chunk.messages_done
            if progress:
                progress(done)
        finish_metrics(self.store, self.calendar)
        return done


# -- the second process ---------------------------------------------------------------


def _produce(messages: int, seed: int, now_ms: int, maker: RowMaker, out: Any) -> None:
    """The generator and ``RowMaker`` in their own process (the second core)."""
    try:
        for chunk in maker.chunks(Generator(messages, seed, now_ms=now_ms).scripts()):
            out.put(chunk)
        out.put(None)
    except BaseException:
        out.put(traceback.format_exc())
        raise


def chunks_from_child(messages: int, seed: int, now_ms: int,
                      maker: RowMaker) -> Iterator[Chunk]:
    """The chunks of ``maker.chunks(Generator(...).scripts())``, made in a child process
    while the caller writes the previous ones; the same chunks (one seeded rng)."""
    context = multiprocessing.get_context("spawn")
    channel = context.Queue(maxsize=4)
    child = context.Process(target=_produce, args=(messages, seed, now_ms, maker, channel),
                            daemon=True)
    child.start()
    try:
        while True:
            try:
                item = channel.get(timeout=1.0)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(f"the seed generator process died (exit code"
                                       f" {child.exitcode})") from None
                continue
            if item is None:
                return
            if isinstance(item, str):
                raise RuntimeError(f"the seed generator process failed:\n{item}")
            yield item
    finally:
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()
