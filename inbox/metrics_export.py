"""Response times as CSV for spreadsheets: one row per conversation, and the aggregates.

The per-conversation rows hold the raw seconds, so a supervisor's own
PERCENTILE.INC over them gives the figures the dashboard shows.
"""

from __future__ import annotations

from typing import Any, Protocol

from inbox.business_hours import Calendar
from inbox.metrics import Metric
from inbox.metrics_query import Filters, Stat, per_day, summary, where
from inbox.sla import SlaPolicy
from inbox.store import SqlStore
from inbox.timeutil import from_ms

CONVERSATION_FIELDS = [
    "conversation_id", "account", "kind", "thread_id", "status", "assignee", "tags",
    "episodes", "first_inbound_at", "first_response_s", "first_response_business_s",
    "first_response_agent", "next_responses", "next_response_mean_s",
    "next_response_max_s", "next_response_business_mean_s", "resolution_s",
    "resolution_business_s", "resolved_by",
]
AGGREGATE_FIELDS = ["scope", "key", "metric", "count", "mean_s", "median_s", "p90_s", "max_s",
                    "sla_hits", "sla_total"]


class Writer(Protocol):
    def writerow(self, row: list[Any], /) -> Any: ...


def _iso(ms: int | None) -> str:
    return "" if ms is None else from_ms(ms).isoformat().replace("+00:00", "Z")


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def write_conversations(store: SqlStore, f: Filters, out: Writer) -> int:
    """Every conversation with a sample in the period: its first episode there, its
    waits, its resolution (seconds, wall clock and business)."""
    w = where(f, Calendar())  # no day bounds: the calendar is not needed
    cursor = store._exec(
        "SELECT s.conversation_id, a.name, c.kind, c.thread_id, c.status, c.assignee,"
        " s.metric, s.started_at, s.wall_ms, s.business_ms, s.agent"
        " FROM metric_samples s JOIN conversations c ON c.id = s.conversation_id"
        " JOIN accounts a ON a.id = c.account_id"
        f" WHERE s.conversation_id IN (SELECT conversation_id FROM metric_samples"
        f" WHERE metric >= 0{w.sql}) ORDER BY s.conversation_id, s.ended_at, s.id", w.params)
    tags: dict[int, list[str]] = {}
    for conv, tag in store._all("SELECT conversation_id, tag FROM conversation_tags"
                                " ORDER BY tag"):
        tags.setdefault(int(conv), []).append(str(tag))
    out.writerow(CONVERSATION_FIELDS)
    written = 0
    current: list[Any] | None = None
    rows: list[Any] = []
    for r in [*cursor.fetchall(), None]:
        if r is None or (current is not None and r[0] != current[0]):
            if current is not None:
                out.writerow(_conversation_row(current, rows, tags.get(int(current[0]), [])))
                written += 1
            if r is None:
                break
            rows = []
        current = list(r)
        rows.append(r)
    return written


def _conversation_row(head: list[Any], rows: list[Any], tags: list[str]) -> list[Any]:
    by: dict[int, list[Any]] = {}
    for r in rows:
        by.setdefault(int(r[6]), []).append(r)
    first = (by.get(Metric.FIRST_RESPONSE) or [None])[0]
    nexts = by.get(Metric.NEXT_RESPONSE, [])
    res = (by.get(Metric.RESOLUTION) or [None])[0]
    received = by.get(Metric.RECEIVED, [])
    return [
        head[0], head[1], head[2], head[3], head[4], head[5] or "", ";".join(tags),
        len(received), _iso(received[0][7]) if received else "",
        _num(first[8] / 1000) if first else "", _num(first[9] / 1000) if first else "",
        (first[10] or "") if first else "", len(nexts),
        _num(sum(r[8] for r in nexts) / len(nexts) / 1000) if nexts else "",
        _num(max(r[8] for r in nexts) / 1000) if nexts else "",
        _num(sum(r[9] for r in nexts) / len(nexts) / 1000) if nexts else "",
        _num(res[8] / 1000) if res else "", _num(res[9] / 1000) if res else "",
        (res[10] or "") if res else "",
    ]


def _stat_row(scope: str, key: str, metric: str, st: Stat) -> list[Any]:
    return [scope, key, metric, st.count, _num(st.mean_s), _num(st.median_s), _num(st.p90_s),
            _num(st.max_s), st.sla_hits, st.sla_total]


def write_aggregates(store: SqlStore, f: Filters, calendar: Calendar, out: Writer, *,
                     business: bool = False) -> int:
    """The dashboard's tables, long format: overall, per channel, per agent, per day."""
    s = summary(store, f, calendar, SlaPolicy.load(store), business=business)
    names = {Metric.FIRST_RESPONSE: "first_response", Metric.NEXT_RESPONSE: "next_response",
             Metric.RESOLUTION: "resolution"}
    rows: list[list[Any]] = []
    for m, name in names.items():
        rows.append(_stat_row("overall", "", name, s.overall[m]))
    for kind, stats in s.by_channel.items():
        rows += [_stat_row("channel", kind, name, stats[m]) for m, name in names.items()]
    for agent, stats in s.by_agent.items():
        rows += [_stat_row("agent", agent, name, stats[m]) for m, name in names.items()]
    for day in sorted(per_day(store, f, calendar, business=business).values(),
                      key=lambda d: d.day):
        key = day.day.isoformat()
        rows.append(["day", key, "received", day.received, "", "", "", "", "", ""])
        rows.append(["day", key, "answered", day.answered, "",
                     _num(day.median_first_response_s), "", "", "", ""])
        rows.append(["day", key, "resolved", day.resolved, "", "", "", "", "", ""])
    out.writerow(AGGREGATE_FIELDS)
    for row in rows:
        out.writerow(row)
    return len(rows)
