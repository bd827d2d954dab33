"""Long ranges from the summaries (``inbox.metrics_rollup``), not from every sample.

Used when a range is longer than ``EXACT_DAYS`` and holds more than
``EXACT_SAMPLES`` samples (then an exact percentile is an index walk over
hundreds of thousands of rows); shorter or smaller ranges stay exact. The range
is cut at local midnights into:

- whole calendar months (monthly histograms),
- the other whole days (daily rows and histograms),
- at most two partial days at the edges, read from the samples.

Counts, means, maxima and SLA hits are exact. Medians and p90s come from the
summed histograms and are within ``inbox.histogram``'s bound (0.5 s + 0.99 %).
A tag filter is not summarised (tags are per conversation): it stays exact.
"""

from __future__ import annotations

import time as clock
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from inbox import histogram, metrics_rollup
from inbox.business_hours import Calendar
from inbox.domain import ChannelKind
from inbox.metrics import DAY_MS, Metric, day_date, local_day
from inbox.metrics_query import (
    NO_AGENT,
    RESPONSES,
    Filters,
    Stat,
    Summary,
    _Acc,
    column,
    index,
    target_case,
    where,
)
from inbox.sla import SlaPolicy
from inbox.store import SqlStore
from inbox.timeutil import to_ms

EXACT_DAYS = 31
EXACT_SAMPLES = 100_000
Hist = dict[int, int]


@dataclass(frozen=True, slots=True)
class Pieces:
    """A range cut at local midnights: inclusive day ranges (None: unbounded)."""

    months: tuple[int | None, int | None] | None  # month starts, span 1
    days: list[tuple[int | None, int | None]]  # span 0 / metric_daily
    edges: list[tuple[int, int, int]]  # (day, from ms, until ms) read from samples


def _midnight(calendar: Calendar, day: int) -> int:
    return to_ms(datetime.combine(day_date(day), time(), calendar.zone))


def pieces(f: Filters, calendar: Calendar) -> Pieces:
    edges: list[tuple[int, int, int]] = []
    first: int | None = None
    last: int | None = None
    if f.since is not None:
        since = to_ms(f.since)
        first = local_day(calendar, since)
        if _midnight(calendar, first) != since:
            edges.append((first, since, _midnight(calendar, first + 1)))
            first += 1
    if f.until is not None:
        until = to_ms(f.until)
        end = local_day(calendar, until)
        last = end - 1
        if _midnight(calendar, end) != until:
            edges.append((end, _midnight(calendar, end), until))
    if first is not None and last is not None and first > last:
        return Pieces(None, [], edges)
    # whole months inside [first, last]
    m_first = first if first is None or metrics_rollup.month_of(first)[0] == first \
        else metrics_rollup.month_of(first)[1] + 1
    if last is None:
        m_last_end: int | None = None
    else:
        start, end_ = metrics_rollup.month_of(last)
        m_last_end = last if end_ == last else start - 1
    if m_first is not None and m_last_end is not None and m_first > m_last_end:
        return Pieces(None, [(first, last)], edges)
    days: list[tuple[int | None, int | None]] = []
    if first is not None and m_first is not None and m_first > first:
        days.append((first, m_first - 1))
    if last is not None and m_last_end is not None and m_last_end < last:
        days.append((m_last_end + 1, last))
    return Pieces((m_first, m_last_end), days, edges)


def _between(col: str, lo: int | None, hi: int | None) -> tuple[str, list[Any]]:
    parts, params = [], []
    if lo is not None:
        parts.append(f" AND {col} >= ?")
        params.append(lo)
    if hi is not None:
        parts.append(f" AND {col} <= ?")
        params.append(hi)
    return "".join(parts), params


def _dims(f: Filters, calendar: Calendar) -> tuple[str, tuple[Any, ...]]:
    w = where(Filters(account_id=f.account_id, kind=f.kind, agent=f.agent), calendar)
    return w.sql, w.params


def usable(store: SqlStore, f: Filters, calendar: Calendar, policy: SlaPolicy) -> bool:
    """Should this range be read from the summaries? (Long, big, summarisable.)"""
    if f.tag is not None or not metrics_rollup.is_current(store, policy):
        return False
    if f.since is not None:
        until = to_ms(f.until) if f.until is not None else int(clock.time() * 1000)
        if until - to_ms(f.since) <= EXACT_DAYS * DAY_MS:
            return False
    p = pieces(f, calendar)
    dims, params = _dims(f, calendar)
    total = 0
    for lo, hi in _day_ranges(p):
        sql, more = _between("day", lo, hi)
        row = store._one(f"SELECT SUM(n) FROM metric_daily WHERE metric > 0{sql}{dims}",
                         (*more, *params))
        total += int(row[0]) if row and row[0] is not None else 0
    return total > EXACT_SAMPLES


def _day_ranges(p: Pieces) -> Iterator[tuple[int | None, int | None]]:
    if p.months is not None:  # whole months as days: metric_daily has no month rows
        lo, hi = p.months
        yield lo, (None if hi is None else hi)
    yield from p.days


def _group(agent: Any) -> str:
    return NO_AGENT if agent is None else str(agent)


def summary(store: SqlStore, f: Filters, calendar: Calendar, policy: SlaPolicy, *,
            business: bool, channels: bool, agents: bool) -> Summary:
    """``metrics_query.summary`` from the summaries (see the module docstring)."""
    p = pieces(f, calendar)
    dims, params = _dims(f, calendar)
    b = "business" if business else "wall"
    accs: dict[tuple[Metric, str, str], _Acc] = {}
    for lo, hi in _day_ranges(p):
        sql, more = _between("day", lo, hi)
        for metric_, who, kind, n, total, top, hits, targets in store._all(
                f"SELECT metric, agent, kind, SUM(n), SUM({b}_sum), MAX({b}_max),"
                f" SUM({b}_hits), SUM(targets) FROM metric_daily WHERE metric >= 0{sql}{dims}"
                " GROUP BY metric, agent, kind", (*more, *params)):
            accs.setdefault((Metric(metric_), _group(who), kind), _Acc()).add(
                int(n), int(total or 0), top, int(hits or 0), int(targets or 0))
    v = column(business)
    target = target_case(policy)
    hists: dict[tuple[Metric, str, str], Hist] = {}
    for day, since, until in p.edges:
        for metric_, who, kind, n, total, top, hits, targets in store._all(
                f"SELECT metric, agent, kind, COUNT(*), SUM({v}), MAX({v}),"
                f" SUM(CASE WHEN {v} <= {target} THEN 1 ELSE 0 END),"
                f" SUM(CASE WHEN {target} IS NULL THEN 0 ELSE 1 END) FROM metric_samples"
                f"{index(store, 'day', business)} WHERE metric IN (0, 1, 2, 3) AND day = ?"
                f" AND ended_at >= ? AND ended_at < ?{dims} GROUP BY metric, agent, kind",
                (day, since, until, *params)):
            accs.setdefault((Metric(metric_), _group(who), kind), _Acc()).add(
                int(n), int(total or 0), top, int(hits or 0), int(targets or 0))
        for metric_, who, kind, value in store._all(
                f"SELECT metric, agent, kind, {v} FROM metric_samples"
                f"{index(store, 'day', business)} WHERE metric IN (1, 2, 3) AND day = ?"
                f" AND ended_at >= ? AND ended_at < ?{dims}", (day, since, until, *params)):
            h = hists.setdefault((Metric(metric_), _group(who), kind), {})
            bucket = histogram.bucket_of(int(value))
            h[bucket] = h.get(bucket, 0) + 1
    ranges = [(1, lo, hi, "bucket") for lo, hi in ([p.months] if p.months else [])]
    ranges += [(0, lo, hi, "start") for lo, hi in p.days]  # a few days: by start
    for span, lo, hi, idx in ranges:
        sql, more = _between("start", lo, hi)
        for metric_, who, kind, bucket, n in store._all(
                "SELECT metric, agent, kind, bucket, SUM(n) FROM metric_hist"
                f"{store._indexed_by('metric_hist_by_' + idx)} WHERE clock = ? AND span = ?"
                f"{sql}{dims} GROUP BY metric, agent, kind, bucket",
                (int(business), span, *more, *params)):
            h = hists.setdefault((Metric(metric_), _group(who), kind), {})
            h[int(bucket)] = h.get(int(bucket), 0) + int(n)
    return _assemble(accs, hists, channels=channels, agents=agents)


def _assemble(accs: dict[tuple[Metric, str, str], _Acc],
              hists: dict[tuple[Metric, str, str], Hist], *, channels: bool,
              agents: bool) -> Summary:
    """Overall, per channel and per agent figures from the (metric, agent, kind) parts:
    each part is added once into each group it belongs to."""
    groups: dict[tuple[str, Metric, str], tuple[_Acc, Hist]] = {}

    def group(key: tuple[str, Metric, str]) -> tuple[_Acc, Hist]:
        found = groups.get(key)
        if found is None:
            found = groups[key] = (_Acc(), {})
        return found

    for (m, who, kind), a in accs.items():
        for key in (("all", m, ""), ("kind", m, kind), ("agent", m, who)):
            group(key)[0].add(a.count, a.total, a.top, a.hits, a.targets)
    for (m, who, kind), part in hists.items():
        wanted = [("all", m, "")] + ([("kind", m, kind)] if channels else []) + (
            [("agent", m, who)] if agents else [])
        for key in wanted:
            histogram.add(group(key)[1], part.items())

    def stat(key: tuple[str, Metric, str], percentiles: bool = True) -> Stat:
        acc, h = groups.get(key) or (_Acc(), {})
        if not acc.count:
            return Stat()
        if not percentiles:
            return acc.stat()
        return acc.stat(histogram.quantile_ms(h, 0.5), histogram.quantile_ms(h, 0.9))

    overall = {m: stat(("all", m, "")) for m in RESPONSES}
    by_channel = {kind.value: {m: stat(("kind", m, kind.value), channels) for m in RESPONSES}
                  for kind in (ChannelKind.MENTION, ChannelKind.DM)}
    names = sorted({who for _, who, _ in accs})
    by_agent = {name: {m: stat(("agent", m, name), agents) for m in RESPONSES}
                for name in names}
    received = {name: group(("agent", Metric.RECEIVED, name))[0].count for name in names}
    counts = {m: group(("all", m, ""))[0].count for m in Metric}
    return Summary(overall, by_channel, by_agent, counts[Metric.RECEIVED],
                   counts[Metric.FIRST_RESPONSE], counts[Metric.RESOLUTION], received)


def day_counts(store: SqlStore, f: Filters, calendar: Calendar) -> dict[int, dict[Metric, int]]:
    """Samples per local day and metric over the whole days of the range (metric_daily)."""
    p = pieces(f, calendar)
    dims, params = _dims(f, calendar)
    out: dict[int, dict[Metric, int]] = {}
    for lo, hi in _day_ranges(p):
        sql, more = _between("day", lo, hi)
        for metric_, day, n in store._all(
                f"SELECT metric, day, SUM(n) FROM metric_daily WHERE metric >= 0{sql}{dims}"
                " GROUP BY metric, day", (*more, *params)):
            out.setdefault(int(day), {})[Metric(metric_)] = int(n)
    return out
