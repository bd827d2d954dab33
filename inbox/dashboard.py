"""Everything the supervisors' dashboard shows, in one call: ``dashboard(store, filters)``.

Run it off the GUI thread (it refreshes stale samples first, and after a
calendar change that is a recompute of all history). The result is plain
frozen data: tiles, a per-day series, the agent table, the weekday x hour heat
map of inbound messages in the calendar's zone, the top tags.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from inbox.business_hours import Calendar, load_calendar
from inbox.metrics import Metric, local_day, refresh
from inbox.metrics_query import (
    NO_AGENT,
    Day,
    Filters,
    Stat,
    Summary,
    per_day,
    summarised,
    summary,
    where,
)
from inbox.sla import SlaPolicy
from inbox.store import SqlStore
from inbox.timeutil import from_ms, to_ms

QUARTER_MS = 900_000


@dataclass(frozen=True, slots=True)
class AgentRow:
    """One line of the agent table (``NO_AGENT``: replies written on X directly)."""

    agent: str
    first_response: Stat
    next_response: Stat
    resolution: Stat  # its count is the conversations this agent resolved


@dataclass(frozen=True, slots=True)
class Dashboard:
    filters: Filters
    business: bool
    timezone: str
    first_response: Stat
    next_response: Stat
    resolution: Stat
    received: int
    answered: int
    resolved: int
    backlog: int  # conversations waiting for an answer now (open, customer waiting)
    oldest_waiting_since: datetime | None
    oldest_waiting_conversation: int | None
    days: list[Day]  # every local day of the range (or of the data), oldest first
    agents: list[AgentRow]
    by_channel: dict[str, dict[Metric, Stat]]
    heatmap: list[list[int]]  # [weekday 0 = Monday][hour 0..23], inbound messages
    top_tags: list[tuple[str, int]]  # (tag, conversations received) most first; with tags=True
    sla_rate: float | None  # all response and resolution samples with a target
    computed_ms: float = 0.0
    notes: list[str] = field(default_factory=list)


def _conversation_filter(f: Filters, alias: str) -> tuple[str, list[object]]:
    parts: list[str] = []
    params: list[object] = []
    if f.account_id is not None:
        parts.append(f"{alias}.account_id = ?")
        params.append(f.account_id)
    if f.kind is not None:
        parts.append(f"{alias}.kind = ?")
        params.append(f.kind.value)
    if f.tag is not None:
        parts.append(f"{alias}.id IN (SELECT conversation_id FROM conversation_tags"
                     " WHERE tag = ?)")
        params.append(f.tag)
    return "".join(f" AND {p}" for p in parts), params


def backlog(store: SqlStore, f: Filters) -> tuple[int, datetime | None, int | None]:
    """Conversations waiting now, and the one waiting longest (the needs-reply index)."""
    extra, params = _conversation_filter(f, "c")
    if f.agent is not None:
        extra += " AND c.assignee IS NULL" if f.agent == NO_AGENT else " AND c.assignee = ?"
        params += [] if f.agent == NO_AGENT else [f.agent]
    base = "FROM conversations c WHERE c.status = 'open' AND c.waiting_since IS NOT NULL"
    row = store._one(f"SELECT COUNT(*) {base}{extra}", params)
    oldest = store._one(f"SELECT c.waiting_since, c.id {base}{extra}"
                        " ORDER BY c.waiting_since, c.id LIMIT 1", params)
    count = int(row[0]) if row else 0
    if oldest is None:
        return count, None, None
    return count, from_ms(int(oldest[0])), int(oldest[1])


def inbound_quarters(store: SqlStore, f: Filters) -> list[tuple[int, int]]:
    """(quarter hour since the epoch, inbound messages) in the range: a grouped walk of
    ``messages_inbound_quarters``. Quarter hours line up with every zone's midnight."""
    q = f"(created_at / {QUARTER_MS})"
    parts, params = [], []
    if f.since is not None:
        parts.append(f"{q} >= ?")
        params.append(-(-to_ms(f.since) // QUARTER_MS))
    if f.until is not None:
        parts.append(f"{q} < ?")
        params.append(-(-to_ms(f.until) // QUARTER_MS))
    extra, more = _conversation_filter(f, "m")
    extra = extra.replace("m.id IN", "m.conversation_id IN")
    if f.agent is not None:
        extra += (" AND m.conversation_id IN (SELECT id FROM conversations WHERE assignee"
                  + (" IS NULL)" if f.agent == NO_AGENT else " = ?)"))
        more += [] if f.agent == NO_AGENT else [f.agent]
    sql = (f"SELECT {q}, COUNT(*) FROM messages m{store._indexed_by('messages_inbound_quarters')}"
           f" WHERE m.direction = 'in'{''.join(f' AND {p}' for p in parts)}{extra}"
           f" GROUP BY {q}")
    return [(int(a), int(b)) for a, b in store._all(sql, [*params, *more])]


def whole_hours(calendar: Calendar) -> bool:
    """Is the zone's offset a whole number of hours all year (then a UTC hour is one
    local hour, and the heat map can be summed per hour: 4x fewer rows)?"""
    year = datetime.now(calendar.zone).year
    for y in (year - 1, year):
        for month in range(1, 13):
            offset = datetime(y, month, 1, tzinfo=calendar.zone).utcoffset()
            if offset is None or offset.total_seconds() % 3600:
                return False
    return True


def inbound_summary(store: SqlStore, f: Filters, *, hourly: bool = False
                    ) -> list[tuple[int, int]]:
    """``inbound_quarters`` from ``metric_inbound`` (account and kind filters only): a
    year is ~35,000 rows instead of a million messages; ``hourly`` sums each hour into
    its first quarter."""
    parts: list[str] = []
    params: list[object] = []
    if f.since is not None:
        parts.append(" AND quarter >= ?")
        params.append(-(-to_ms(f.since) // QUARTER_MS))
    if f.until is not None:
        parts.append(" AND quarter < ?")
        params.append(-(-to_ms(f.until) // QUARTER_MS))
    if f.account_id is not None:
        parts.append(" AND account_id = ?")
        params.append(f.account_id)
    if f.kind is not None:
        parts.append(" AND kind = ?")
        params.append(f.kind.value)
    q = "quarter / 4 * 4" if hourly else "quarter"
    sql = (f"SELECT {q}, SUM(n) FROM metric_inbound WHERE account_id IN"
           f" (SELECT id FROM accounts){''.join(parts)} GROUP BY {q}")
    return [(int(a), int(b)) for a, b in store._all(sql, params)]


def _local_quarters(calendar: Calendar, quarters: list[tuple[int, int]]
                    ) -> tuple[list[list[int]], dict[int, int]]:
    """Heat map [weekday][hour] and inbound per local day from UTC quarter hours. The
    zone's offset is looked up once per UTC day unless it changes within that day."""
    heat = [[0] * 24 for _ in range(7)]
    per_day: dict[int, int] = {}
    offsets: dict[int, int | None] = {}
    zone = calendar.zone
    for quarter, count in quarters:
        ms = quarter * QUARTER_MS
        utc_day = ms // 86_400_000
        offset = offsets.get(utc_day, -1)
        if offset == -1:
            a = from_ms(utc_day * 86_400_000).astimezone(zone).utcoffset()
            b = from_ms(utc_day * 86_400_000 + 86_399_000).astimezone(zone).utcoffset()
            offset = offsets[utc_day] = (
                None if a != b or a is None else int(a.total_seconds() * 1000))
        if offset is None:
            local_offset = from_ms(ms).astimezone(zone).utcoffset()
            offset_ms = int(local_offset.total_seconds() * 1000) if local_offset else 0
        else:
            offset_ms = offset
        local = ms + offset_ms
        day = local // 86_400_000
        hour = (local // 3_600_000) % 24
        heat[(day + 3) % 7][hour] += count  # 1970-01-01 was a Thursday
        per_day[day] = per_day.get(day, 0) + count
    return heat, per_day


def top_tags(store: SqlStore, f: Filters, calendar: Calendar, limit: int = 10
             ) -> list[tuple[str, int]]:
    """Tags of the conversations received in the range, most frequent first."""
    w = where(f, calendar)
    rows = store._all(
        "SELECT t.tag, COUNT(*) FROM conversation_tags t WHERE t.conversation_id IN"
        f" (SELECT conversation_id FROM metric_samples WHERE metric = 0{w.sql})"
        " GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag LIMIT ?", (*w.params, limit))
    return [(str(a), int(b)) for a, b in rows]


def dashboard(store: SqlStore, filters: Filters, business: bool = False, *,
              calendar: Calendar | None = None, policy: SlaPolicy | None = None,
              tags: bool = False, histogram: bool | None = None,
              progress: Callable[[int, int], None] | None = None) -> Dashboard:
    """Everything the dashboard window shows, for ``filters``, in wall-clock or business
    time. Refreshes stale samples first (``progress`` is called if that means all).
    ``histogram``: percentiles from the summaries (None: for long, big ranges)."""
    began = time.perf_counter()
    calendar = calendar or load_calendar(store)
    policy = policy or SlaPolicy.load(store)
    refresh(store, calendar, progress=progress)
    use = summarised(store, filters, calendar, policy, histogram)
    s: Summary = summary(store, filters, calendar, policy, business=business, channels=False,
                         histogram=use)
    daily = per_day(store, filters, calendar, business=business, summaries=use)
    plain = filters.agent is None and filters.tag is None
    heat, inbound = _local_quarters(calendar, inbound_summary(
        store, filters, hourly=whole_hours(calendar)) if plain
        else inbound_quarters(store, filters))
    known = set(daily) | set(inbound)
    first = (local_day(calendar, to_ms(filters.since)) if filters.since else
             min(known, default=None))
    last = (local_day(calendar, to_ms(filters.until) - 1) if filters.until else
            max(known, default=None))
    days: list[Day] = []
    if first is not None and last is not None:
        from inbox.metrics import day_date

        for d in range(first, last + 1):
            found = daily.get(d) or Day(day_date(d))
            days.append(Day(found.day, inbound.get(d, 0), found.received, found.answered,
                            found.resolved, found.median_first_response_s))
    waiting, oldest, oldest_id = backlog(store, filters)
    hits = sum(st.sla_hits for st in s.overall.values())
    total = sum(st.sla_total for st in s.overall.values())
    agents = [AgentRow(name, m[Metric.FIRST_RESPONSE], m[Metric.NEXT_RESPONSE],
                       m[Metric.RESOLUTION]) for name, m in s.by_agent.items()
              if any(st.count for st in m.values())]
    return Dashboard(
        filters=filters, business=business, timezone=calendar.timezone,
        first_response=s.overall[Metric.FIRST_RESPONSE],
        next_response=s.overall[Metric.NEXT_RESPONSE],
        resolution=s.overall[Metric.RESOLUTION],
        received=s.received, answered=s.answered, resolved=s.resolved,
        backlog=waiting, oldest_waiting_since=oldest, oldest_waiting_conversation=oldest_id,
        days=days, agents=agents, by_channel=s.by_channel, heatmap=heat,
        top_tags=top_tags(store, filters, calendar) if tags else [],
        sla_rate=hits / total if total else None,
        computed_ms=(time.perf_counter() - began) * 1000)


def choices(store: SqlStore) -> tuple[list[tuple[int, str]], list[str], list[str]]:
    """What the dashboard's filters offer: accounts (id, name), agents with samples, tags."""
    agents = [str(r[0]) for r in store._all(
        "SELECT DISTINCT agent FROM metric_samples WHERE agent IS NOT NULL ORDER BY agent")]
    tags = [str(r[0]) for r in store._all("SELECT DISTINCT tag FROM conversation_tags"
                                          " ORDER BY tag")]
    return [(a.id, a.name) for a in store.accounts()], agents, tags


def week_filters(calendar: Calendar, day: date, **rest: object) -> Filters:
    """The Monday-to-Sunday local week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return Filters.for_dates(calendar, monday, monday + timedelta(days=6), **rest)
