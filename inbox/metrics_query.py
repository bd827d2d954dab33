"""The figures a supervisor reads, aggregated in SQL over ``metric_samples``.

Counts, sums and maxima are one grouped pass over a covering index. Medians
and p90s are exact, without a sort: the samples sit in value order in an index
(per metric, per agent, per day), so the k-th value is an index walk to an
offset (from the nearer end). Percentiles interpolate linearly between the two
closest ranks, as numpy's default and Excel's PERCENTILE.INC do, so a
supervisor's spreadsheet over the CSV export gives the same numbers.

A sample counts for the period in which it ended (the answer, the resolve).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from inbox.business_hours import Calendar
from inbox.domain import ChannelKind
from inbox.metrics import Metric, local_day
from inbox.sla import SlaPolicy
from inbox.store import SqlStore
from inbox.timeutil import to_ms

RESPONSES = (Metric.FIRST_RESPONSE, Metric.NEXT_RESPONSE, Metric.RESOLUTION)
NO_AGENT = "(on X)"  # responses written on X directly: no agent is known


@dataclass(frozen=True, slots=True)
class Filters:
    """What to count: samples that ended in ``[since, until)``, and optionally one
    account, channel kind, agent (``NO_AGENT`` for replies made on X) or tag."""

    since: datetime | None = None
    until: datetime | None = None
    account_id: int | None = None
    kind: ChannelKind | None = None
    agent: str | None = None
    tag: str | None = None

    @classmethod
    def for_dates(cls, calendar: Calendar, first: date, last: date, **rest: Any) -> Filters:
        """Whole local days ``first``..``last`` (inclusive) in the calendar's zone."""
        zone = calendar.zone
        return cls(datetime.combine(first, time(), zone),
                   datetime.combine(last + timedelta(days=1), time(), zone), **rest)


@dataclass(frozen=True, slots=True)
class Stat:
    """One metric over a set of samples: seconds; SLA hits against the policy targets."""

    count: int = 0
    mean_s: float | None = None
    median_s: float | None = None
    p90_s: float | None = None
    max_s: float | None = None
    sla_hits: int = 0
    sla_total: int = 0  # samples with a target (their kind and priority have one)

    @property
    def sla_rate(self) -> float | None:
        return self.sla_hits / self.sla_total if self.sla_total else None

    def as_json(self) -> dict[str, Any]:
        """DESIGN.md's S: count, mean_s, median_s, p90_s, max_s (plus the SLA figures)."""
        return {"count": self.count, "mean_s": self.mean_s, "median_s": self.median_s,
                "p90_s": self.p90_s, "max_s": self.max_s, "sla_hits": self.sla_hits,
                "sla_total": self.sla_total, "sla_rate": self.sla_rate}


@dataclass(slots=True)
class _Acc:
    count: int = 0
    total: int = 0
    top: int | None = None
    hits: int = 0
    targets: int = 0

    def add(self, count: int, total: int, top: int | None, hits: int, targets: int) -> None:
        self.count += count
        self.total += total
        if top is not None:
            self.top = top if self.top is None else max(self.top, top)
        self.hits += hits
        self.targets += targets

    def stat(self, median_ms: float | None = None, p90_ms: float | None = None) -> Stat:
        if not self.count:
            return Stat()
        return Stat(self.count, self.total / self.count / 1000, _s(median_ms), _s(p90_ms),
                    _s(self.top), self.hits, self.targets)


def _s(ms: float | None) -> float | None:
    return None if ms is None else ms / 1000


@dataclass(frozen=True, slots=True)
class Where:
    """A WHERE clause over metric_samples for some filters, and its parameters."""

    sql: str
    params: tuple[Any, ...]


def where(f: Filters, calendar: Calendar, *, days: bool = False) -> Where:
    """``days``: also bound the ``day`` column (the prefix of the per-day indexes)."""
    parts: list[str] = []
    params: list[Any] = []
    if f.since is not None:
        parts.append("ended_at >= ?")
        params.append(to_ms(f.since))
    if f.until is not None:
        parts.append("ended_at < ?")
        params.append(to_ms(f.until))
    if days and f.since is not None:
        parts.append("day >= ?")
        params.append(local_day(calendar, to_ms(f.since)))
    if days and f.until is not None:
        parts.append("day <= ?")
        params.append(local_day(calendar, to_ms(f.until)))
    if f.account_id is not None:
        parts.append("account_id = ?")
        params.append(f.account_id)
    if f.kind is not None:
        parts.append("kind = ?")
        params.append(f.kind.value)
    if f.agent == NO_AGENT:
        parts.append("agent IS NULL")
    elif f.agent is not None:
        parts.append("agent = ?")
        params.append(f.agent)
    if f.tag is not None:
        parts.append("conversation_id IN (SELECT conversation_id FROM conversation_tags"
                     " WHERE tag = ?)")
        params.append(f.tag)
    return Where("".join(f" AND {p}" for p in parts), tuple(params))


def column(business: bool) -> str:
    return "business_ms" if business else "wall_ms"


def index(store: SqlStore, kind: str, business: bool) -> str:
    """INDEXED BY one of migration 7's covering indexes (SQLite; others plan alone)."""
    suffix = "business" if business else "wall"
    name = f"metric_samples_{kind}_{suffix}" if kind else f"metric_samples_{suffix}"
    return store._indexed_by(name)


def target_case(policy: SlaPolicy) -> str:
    """The SLA target in ms of a sample's metric, kind and priority, as one SQL CASE
    (NULL: no target). Built from the policy, which is a handful of numbers."""
    whens = []
    for (kind, priority), t in sorted(policy.targets.items()):
        for metric, seconds in ((Metric.FIRST_RESPONSE, t.first_response_s),
                                (Metric.NEXT_RESPONSE, t.next_response_s),
                                (Metric.RESOLUTION, t.resolution_s)):
            key = int(metric) * 100 + (10 if kind is ChannelKind.DM else 0) + int(priority)
            whens.append(f"WHEN {key} THEN {int(seconds) * 1000}")
    if not whens:
        return "NULL"
    return ("(CASE metric * 100 + (CASE kind WHEN 'dm' THEN 10 ELSE 0 END) + priority "
            + " ".join(whens) + " END)")


def percentile(store: SqlStore, idx: str, business: bool, w: Where, prefix: str,
               prefix_params: Sequence[Any], n: int, p: float) -> float | None:
    """The p-quantile (0..1, linear between closest ranks) of ``n`` samples matching
    ``prefix`` + ``w``, read at an offset in value order from the nearer end."""
    if n <= 0:
        return None
    v = column(business)
    pos = p * (n - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    if lo < n / 2:
        order, offset = "ASC", lo
    else:
        order, offset = "DESC", n - 1 - hi
    rows = store._all(
        f"SELECT {v} FROM metric_samples{idx} WHERE {prefix}{w.sql}"
        f" ORDER BY {v} {order} LIMIT ? OFFSET ?",
        (*prefix_params, *w.params, 1 if lo == hi else 2, offset))
    values = sorted(int(r[0]) for r in rows)
    if not values:
        return None
    a, b = values[0], values[-1]
    return a + (b - a) * (pos - lo)


@dataclass(frozen=True, slots=True)
class Summary:
    """The three metrics overall, by channel kind and by agent (``stats``' figures)."""

    overall: dict[Metric, Stat]
    by_channel: dict[str, dict[Metric, Stat]]
    by_agent: dict[str, dict[Metric, Stat]]
    received: int = 0
    answered: int = 0
    resolved: int = 0
    by_agent_received: dict[str, int] = field(default_factory=dict)


def summarised(store: SqlStore, f: Filters, calendar: Calendar, policy: SlaPolicy,
               histogram: bool | None) -> bool:
    """Read from the per-day summaries? ``None``: when the range is long and big
    (``inbox.metrics_long.usable``); ``True`` forces it where it can apply."""
    if histogram is False:
        return False
    from inbox import metrics_long, metrics_rollup  # they import this module

    if histogram:
        return f.tag is None and metrics_rollup.is_current(store, policy)
    return metrics_long.usable(store, f, calendar, policy)


def summary(store: SqlStore, f: Filters, calendar: Calendar, policy: SlaPolicy, *,
            business: bool = False, channels: bool = True, agents: bool = True,
            histogram: bool | None = None) -> Summary:
    """Counts, means, maxima and SLA hits in one grouped pass (metric, agent); medians
    and p90s by offset walks: overall, and per channel / per agent when asked. Long,
    big ranges read the summaries instead (``summarised``; percentiles within 1 %)."""
    if summarised(store, f, calendar, policy, histogram):
        from inbox import metrics_long

        return metrics_long.summary(store, f, calendar, policy, business=business,
                                    channels=channels, agents=agents)
    w = where(f, calendar)
    v = column(business)
    target = target_case(policy)
    # A range reads only its days (the per-day index, then a small sort); all history
    # reads the per-agent index in group order (no sort, but every sample).
    ranged = where(f, calendar, days=True) if f.since is not None else w
    rows = store._all(
        f"SELECT metric, agent, kind, COUNT(*), SUM({v}), MAX({v}),"
        f" SUM(CASE WHEN {v} <= {target} THEN 1 ELSE 0 END),"
        f" SUM(CASE WHEN {target} IS NULL THEN 0 ELSE 1 END)"
        f" FROM metric_samples{index(store, 'day' if f.since else 'agent', business)}"
        f" WHERE metric IN (0, 1, 2, 3){ranged.sql} GROUP BY metric, agent, kind",
        ranged.params)
    overall: dict[Metric, _Acc] = {}
    chan: dict[tuple[str, Metric], _Acc] = {}
    agent: dict[tuple[str, Metric], _Acc] = {}
    for metric_, who, kind, count, total, top, hits, targets in rows:
        m = Metric(metric_)
        name = NO_AGENT if who is None else str(who)
        for acc in (overall.setdefault(m, _Acc()), chan.setdefault((kind, m), _Acc()),
                    agent.setdefault((name, m), _Acc())):
            acc.add(int(count), int(total or 0), top, int(hits or 0), int(targets or 0))

    def stat(acc: _Acc | None, prefix: str, params: Sequence[Any], idx: str) -> Stat:
        if acc is None:
            return Stat()
        return acc.stat(percentile(store, idx, business, w, prefix, params, acc.count, 0.5),
                        percentile(store, idx, business, w, prefix, params, acc.count, 0.9))

    plain = index(store, "", business)
    by_agent_idx = index(store, "agent", business)
    result_overall = {m: stat(overall.get(m), "metric = ?", (int(m),), plain)
                      for m in RESPONSES}
    by_channel: dict[str, dict[Metric, Stat]] = {}
    for kind in (ChannelKind.MENTION.value, ChannelKind.DM.value):
        by_channel[kind] = {
            m: stat(chan.get((kind, m)), "metric = ? AND kind = ?", (int(m), kind), plain)
            if channels else (chan.get((kind, m)) or _Acc()).stat() for m in RESPONSES}
    by_agent: dict[str, dict[Metric, Stat]] = {}
    received: dict[str, int] = {}
    for name in sorted({a for a, _ in agent}):
        clause = "metric = ? AND agent IS NULL" if name == NO_AGENT else \
            "metric = ? AND agent = ?"
        extra: tuple[Any, ...] = () if name == NO_AGENT else (name,)
        by_agent[name] = {
            m: stat(agent.get((name, m)), clause, (int(m), *extra), by_agent_idx)
            if agents else (agent.get((name, m)) or _Acc()).stat() for m in RESPONSES}
        received[name] = (agent.get((name, Metric.RECEIVED)) or _Acc()).count
    counts = {m: (overall.get(m) or _Acc()).count for m in Metric}
    return Summary(result_overall, by_channel, by_agent, counts[Metric.RECEIVED],
                   counts[Metric.FIRST_RESPONSE], counts[Metric.RESOLUTION], received)


@dataclass(frozen=True, slots=True)
class Day:
    """One local day of the chart."""

    day: date
    inbound: int = 0  # inbound messages
    received: int = 0  # conversations (episodes) that began
    answered: int = 0  # first responses given
    resolved: int = 0
    median_first_response_s: float | None = None


def per_day(store: SqlStore, f: Filters, calendar: Calendar, *, business: bool,
            summaries: bool = False) -> dict[int, Day]:
    """Counts per local day and the exact median first response of each day: a grouped
    pass (or the per-day summaries) and one offset walk per day on the per-day index."""
    from inbox.metrics import day_date

    w = where(f, calendar, days=True)
    v = column(business)
    idx = index(store, "day", business)
    out: dict[int, Day] = {}
    grouped = (f"SELECT metric, day, COUNT(*) FROM metric_samples{idx}"
               f" WHERE metric IN (0, 1, 3){w.sql}")
    if summaries:
        from inbox import metrics_long

        rows: list[Sequence[Any]] = [
            (m, d, n) for d, per in metrics_long.day_counts(store, f, calendar).items()
            for m, n in per.items()]
        for edge, _, _ in metrics_long.pieces(f, calendar).edges:
            rows += store._all(f"{grouped} AND day = ? GROUP BY metric, day",
                               (*w.params, edge))
    else:
        rows = store._all(f"{grouped} GROUP BY metric, day", w.params)
    for metric_, day_, count in rows:
        if metric_ not in (0, 1, 3):
            continue
        d = out.get(int(day_)) or Day(day_date(int(day_)))
        n = int(count)
        out[int(day_)] = (replace(d, received=n) if metric_ == 0 else
                          replace(d, answered=n) if metric_ == 1 else
                          replace(d, resolved=n))
    counts = [(day_, d.answered) for day_, d in out.items() if d.answered]
    for day_, n in counts:  # LIMIT cannot be correlated in SQLite: one walk per day
        rows = store._all(
            f"SELECT {v} FROM metric_samples{idx} WHERE metric = 1 AND day = ?{w.sql}"
            f" ORDER BY {v} LIMIT ? OFFSET ?",
            (day_, *w.params, 2 - int(n) % 2, (int(n) - 1) // 2))
        if rows:
            median = (int(rows[0][0]) + int(rows[-1][0])) / 2000
            out[int(day_)] = replace(out[int(day_)], median_first_response_s=median)
    return out
