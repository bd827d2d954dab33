"""Response times a supervisor can trust: samples computed from the event log, one way.

The definitions are DESIGN.md's, applied to one conversation's events in time
order (platform ``created_at`` for messages, the moment of the action for a
status change):

- a *human response* is an outbound message that is not automatic, sent from
  the app or seen on X (the agent is read from ``messages``, because the outbox
  may take over a row that sync had stored as written on X);
- an *episode* starts at the first inbound message, and again at the first
  inbound message after a resolve;
- first response: episode start -> first human response;
- next response: every later wait, earliest unanswered inbound -> next human
  response (a resolve ends a wait without a sample);
- resolution: episode start -> the resolve;
- plus a "received" row per episode, so counts and filters read one table.

Each sample is kept in wall-clock and business milliseconds (``Calendar``)
and counts on the day it ended (the answer, the resolve): a week's figures
are final once the week is over. Samples live in ``metric_samples``;
``refresh`` recomputes the conversations the store marked dirty, and
``recompute_all`` rebuilds everything (after a calendar change).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from inbox import metrics_rollup
from inbox.business_hours import Calendar, load_calendar
from inbox.histogram import bucket_of
from inbox.store import SqlStore

DAY_MS = 86_400_000
STATE_CALENDAR = "calendar"
_EPOCH_DAY = date(1970, 1, 1).toordinal()
_TYPES = ("message_in", "message_out", "status", "priority", "assigned")
_PRIORITIES = {"none": 0, "low": 1, "medium": 2, "high": 3, "urgent": 4}
BATCH = 500  # conversations recomputed per statement batch


class Metric(enum.IntEnum):
    RECEIVED = 0
    FIRST_RESPONSE = 1
    NEXT_RESPONSE = 2
    RESOLUTION = 3


@dataclass(frozen=True, slots=True)
class Sample:
    """One measured stretch (or a received episode) of one conversation."""

    conversation_id: int
    metric: Metric
    episode: int
    started_at: int  # epoch ms
    ended_at: int
    agent: str | None
    priority: int


@dataclass(frozen=True, slots=True)
class _Event:
    type: str
    at: int
    actor: str | None
    data: str
    automatic: bool
    agent: str | None


def samples_of(conversation_id: int, events: Sequence[_Event]) -> list[Sample]:
    """DESIGN.md's definitions over one conversation's events (any order in, time order
    used). Pure, so the hand-computed timelines in the tests exercise exactly this."""
    out: list[Sample] = []
    episode = 0
    start: int | None = None  # first inbound of the open episode
    waiting: int | None = None  # earliest unanswered inbound
    answered = False
    closed = False  # resolved since the last inbound
    priority = 0
    assignee: str | None = None
    received_at = -1  # index in out of this episode's "received" row
    for ev in sorted(events, key=lambda e: e.at):
        if ev.type == "message_in":
            if start is None or closed:
                episode += 1
                start, waiting, answered, closed = ev.at, ev.at, False, False
                received_at = len(out)
                out.append(Sample(conversation_id, Metric.RECEIVED, episode, ev.at, ev.at,
                                  None, priority))
            elif waiting is None:
                waiting = ev.at
        elif ev.type == "message_out":
            if ev.automatic or waiting is None or start is None:
                continue
            agent = ev.agent if ev.agent is not None else ev.actor
            metric = Metric.NEXT_RESPONSE if answered else Metric.FIRST_RESPONSE
            out.append(Sample(conversation_id, metric, episode,
                              start if metric is Metric.FIRST_RESPONSE else waiting,
                              ev.at, agent, priority))
            if metric is Metric.FIRST_RESPONSE and out[received_at].agent is None:
                out[received_at] = _with_agent(out[received_at], agent)
            waiting, answered = None, True
        elif ev.type == "status":
            to = _to(ev.data)
            if to == "resolved" and start is not None and not closed:
                agent = ev.actor or assignee
                out.append(Sample(conversation_id, Metric.RESOLUTION, episode, start, ev.at,
                                  agent, priority))
                if out[received_at].agent is None:
                    out[received_at] = _with_agent(out[received_at], agent)
                closed, waiting = True, None
        elif ev.type == "priority":
            priority = _PRIORITIES.get(str(_to(ev.data)), priority)
        elif ev.type == "assigned":
            value = _to(ev.data)
            assignee = None if value is None else str(value)
    return out


@lru_cache(maxsize=4096)
def _to(data: str) -> Any:
    """An event's ``"to"`` (cached: a year's log repeats a few hundred JSON values)."""
    return json.loads(data).get("to")


def _with_agent(s: Sample, agent: str | None) -> Sample:
    return Sample(s.conversation_id, s.metric, s.episode, s.started_at, s.ended_at, agent,
                  s.priority)


def local_day(calendar: Calendar, at_ms: int) -> int:
    """Days since 1970-01-01 of an instant's date in the calendar's zone."""
    return calendar.local_date(at_ms * 1000).toordinal() - _EPOCH_DAY


def day_date(day: int) -> date:
    return date.fromordinal(day + _EPOCH_DAY)


# -- reading the log ------------------------------------------------------------------


def _events(store: SqlStore, ids: Sequence[int] | None) -> Iterator[tuple[int, _Event]]:
    """(conversation id, event) in conversation order; all conversations when ``ids`` is
    None (streamed: the whole log of a year never sits in memory at once)."""
    kinds = ", ".join(f"'{t}'" for t in _TYPES)
    sql = ("SELECT e.conversation_id, e.type, e.at, e.actor, e.data, m.automatic, m.agent"
           " FROM events e LEFT JOIN messages m ON m.id = e.message_id"
           f" WHERE e.type IN ({kinds}) AND e.conversation_id IS NOT NULL")
    params: list[Any] = []
    if ids is not None:
        sql += f" AND e.conversation_id IN ({', '.join('?' * len(ids))})"
        params = list(ids)
    cursor = store._exec(sql + " ORDER BY e.conversation_id, e.id", params)
    while rows := cursor.fetchmany(5000):
        for r in rows:
            yield int(r[0]), _Event(r[1], int(r[2]), r[3], r[4], bool(r[5]), r[6])


def _grouped(pairs: Iterable[tuple[int, _Event]]) -> Iterator[tuple[int, list[_Event]]]:
    current: int | None = None
    bucket: list[_Event] = []
    for conv, ev in pairs:
        if conv != current:
            if current is not None:
                yield current, bucket
            current, bucket = conv, []
        bucket.append(ev)
    if current is not None:
        yield current, bucket


def _rows(calendar: Calendar, samples: list[Sample],
          meta: dict[int, tuple[int, str]]) -> list[tuple[Any, ...]]:
    rows = []
    for s in samples:
        account, kind = meta[s.conversation_id]
        wall, business = s.ended_at - s.started_at, calendar.business_ms(s.started_at, s.ended_at)
        rows.append((s.conversation_id, account, kind, int(s.metric), s.episode, s.started_at,
                     s.ended_at, local_day(calendar, s.ended_at), s.agent, s.priority,
                     wall, business, bucket_of(wall), bucket_of(business)))
    return rows


_INSERT = ("INSERT INTO metric_samples (conversation_id, account_id, kind, metric, episode,"
           " started_at, ended_at, day, agent, priority, wall_ms, business_ms, wall_bucket,"
           " business_bucket) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _meta(store: SqlStore, ids: Sequence[int] | None) -> dict[int, tuple[int, str]]:
    sql = "SELECT id, account_id, kind FROM conversations"
    if ids is not None:
        sql += f" WHERE id IN ({', '.join('?' * len(ids))})"
    return {int(r[0]): (int(r[1]), str(r[2])) for r in store._all(sql, list(ids or ()))}


def _recompute(store: SqlStore, calendar: Calendar, ids: Sequence[int]) -> int:
    """Replace the samples of these conversations (inside the caller's transaction)."""
    marks = ", ".join("?" * len(ids))
    days = {int(r[0]) for r in store._all(
        f"SELECT DISTINCT day FROM metric_samples WHERE conversation_id IN ({marks})", ids)}
    store._exec(f"DELETE FROM metric_samples WHERE conversation_id IN ({marks})", list(ids))
    meta = _meta(store, ids)
    samples = [s for conv, evs in _grouped(_events(store, ids)) if conv in meta
               for s in samples_of(conv, evs)]
    rows = _rows(calendar, samples, meta)
    store._conn.cursor().executemany(store._sql(_INSERT), rows)
    store._exec(f"DELETE FROM metric_dirty WHERE conversation_id IN ({marks})", list(ids))
    metrics_rollup.rebuild_days(store, days | {int(r[7]) for r in rows})
    return len(samples)


def _set_state(store: SqlStore, calendar: Calendar) -> None:
    store._exec("INSERT INTO metric_state (key, value) VALUES (?, ?) ON CONFLICT (key)"
                " DO UPDATE SET value = excluded.value", (STATE_CALENDAR, calendar.fingerprint()))


def recompute_all(store: SqlStore, calendar: Calendar | None = None, *,
                  progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild every sample from the event log with ``calendar`` (default: the stored
    one). ``progress(done, total)`` counts conversations. Returns the samples written.

    One transaction: readers keep seeing the old figures until the new ones are all
    there, and a crash half-way leaves the old ones."""
    calendar = calendar or load_calendar(store)
    total_row = store._one("SELECT COUNT(*) FROM conversations")
    total = int(total_row[0]) if total_row else 0
    written = done = 0
    with store.transaction():
        store._exec("DELETE FROM metric_samples")
        store._exec("DELETE FROM metric_dirty")
        meta = _meta(store, None)
        cursor = store._conn.cursor()
        batch: list[Sample] = []
        for conv, evs in _grouped(_events(store, None)):
            if conv in meta:
                batch += samples_of(conv, evs)
            done += 1
            if done % 5000 == 0:
                cursor.executemany(store._sql(_INSERT), _rows(calendar, batch, meta))
                written += len(batch)
                batch = []
                if progress:
                    progress(done, total)
        cursor.executemany(store._sql(_INSERT), _rows(calendar, batch, meta))
        written += len(batch)
        metrics_rollup.rebuild_all(store)
        _set_state(store, calendar)
    if progress:
        progress(total, total)
    return written


def is_current(store: SqlStore, calendar: Calendar) -> bool:
    """Were the stored samples computed with this calendar (and computed at all)?"""
    row = store._one("SELECT value FROM metric_state WHERE key = ?", (STATE_CALENDAR,))
    return row is not None and row[0] == calendar.fingerprint()


def refresh(store: SqlStore, calendar: Calendar | None = None, *,
            progress: Callable[[int, int], None] | None = None) -> int:
    """Bring the samples up to date: the dirty conversations only, or all history when
    the calendar changed (or samples were never computed: a store from before metrics,
    or ``dev seed``). Cheap when nothing changed: one indexed read."""
    calendar = calendar or load_calendar(store)
    if not is_current(store, calendar) or metrics_rollup.state(store) is None:
        return recompute_all(store, calendar, progress=progress)  # buckets unknown before v8
    from inbox.sla import SlaPolicy

    policy = SlaPolicy.load(store)
    if not metrics_rollup.is_current(store, policy):
        metrics_rollup.rebuild_all(store, policy)  # new SLA targets: new hits
    metrics_rollup.inbound(store)
    written = 0
    while True:
        ids = [int(r[0]) for r in store._all(
            "SELECT conversation_id FROM metric_dirty ORDER BY conversation_id LIMIT ?",
            (BATCH,))]
        if not ids:
            return written
        with store.transaction():
            written += _recompute(store, calendar, ids)


def recompute(store: SqlStore, conversation_ids: Sequence[int],
              calendar: Calendar | None = None) -> int:
    """Recompute some conversations now (tests, or a caller that knows what it touched)."""
    calendar = calendar or load_calendar(store)
    with store.transaction():
        return _recompute(store, calendar, list(conversation_ids)) if conversation_ids else 0
