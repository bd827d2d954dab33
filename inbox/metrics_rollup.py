"""Per-day summaries of the response-time samples, so long ranges read thousands of rows.

A year is ~900,000 samples; the dashboard must answer in well under a second.
So ``metric_samples`` (migration 7) is summarised (migration 8), always from
the samples themselves, in SQL, for the days that changed:

- ``metric_daily``: per local day x metric x account x kind x agent the count,
  sums and maxima of both clocks, and SLA hits against the stored policy;
- ``metric_hist``: counts per duration bucket (``inbox.histogram``), per day
  (span 0) and per calendar month (span 1, summed from its days), both clocks;
- ``metric_inbound``: inbound messages per quarter hour x account x kind, the
  heat map and the chart's volume, added up as messages arrive (a watermark on
  ``messages.id``), so the heat map never reads ``messages``.

``inbox.metrics`` calls ``rebuild_days`` for the days a recompute touched and
``rebuild_all`` after recomputing all history; ``is_current`` says whether the
summaries match the SLA policy (its targets decide the hits).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from inbox.sla import SlaPolicy
from inbox.store import SqlStore

VERSION = "1"  # bump when the summaries' shape or the buckets change: all is rebuilt
STATE_SUMMARY = "summaries"
STATE_INBOUND = "inbound_upto"
QUARTER_MS = 900_000
_EPOCH_DAY = date(1970, 1, 1).toordinal()
_KEY = "metric, account_id, kind, agent"


def fingerprint(policy: SlaPolicy) -> str:
    """What the stored hits were computed with."""
    return VERSION + ":" + json.dumps(policy.to_json()["targets"], sort_keys=True)


def state(store: SqlStore) -> str | None:
    row = store._one("SELECT value FROM metric_state WHERE key = ?", (STATE_SUMMARY,))
    return None if row is None else str(row[0])


def is_current(store: SqlStore, policy: SlaPolicy) -> bool:
    return state(store) == fingerprint(policy)


def _set(store: SqlStore, key: str, value: str) -> None:
    store._exec("INSERT INTO metric_state (key, value) VALUES (?, ?) ON CONFLICT (key)"
                " DO UPDATE SET value = excluded.value", (key, value))


def month_of(day: int) -> tuple[int, int]:
    """First and last day (days since 1970-01-01) of the calendar month holding ``day``."""
    d = date.fromordinal(day + _EPOCH_DAY)
    first = d.replace(day=1)
    following = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return first.toordinal() - _EPOCH_DAY, following.toordinal() - _EPOCH_DAY - 1


def _days_clause(days: list[int] | None) -> tuple[str, list[object]]:
    if days is None:
        return "", []
    return f" AND day IN ({', '.join('?' * len(days))})", list(days)


def _insert(store: SqlStore, policy: SlaPolicy, days: list[int] | None) -> None:
    from inbox.metrics_query import target_case  # metrics_query imports inbox.metrics

    target = target_case(policy)
    clause, params = _days_clause(days)
    store._exec(
        f"INSERT INTO metric_daily (day, {_KEY}, n, wall_sum, wall_max, business_sum,"
        " business_max, wall_hits, business_hits, targets)"
        f" SELECT day, {_KEY}, COUNT(*), SUM(wall_ms), MAX(wall_ms), SUM(business_ms),"
        f" MAX(business_ms), SUM(CASE WHEN wall_ms <= {target} THEN 1 ELSE 0 END),"
        f" SUM(CASE WHEN business_ms <= {target} THEN 1 ELSE 0 END),"
        f" SUM(CASE WHEN {target} IS NULL THEN 0 ELSE 1 END)"
        f" FROM metric_samples WHERE metric >= 0{clause} GROUP BY day, {_KEY}", params)
    for clock, col in ((0, "wall_bucket"), (1, "business_bucket")):
        store._exec(
            f"INSERT INTO metric_hist (clock, span, start, {_KEY}, bucket, n)"
            f" SELECT {clock}, 0, day, {_KEY}, {col}, COUNT(*) FROM metric_samples"
            f" WHERE metric > 0{clause} GROUP BY day, {_KEY}, {col}", params)


def _months(store: SqlStore, months: Iterable[tuple[int, int]]) -> None:
    for first, last in sorted(set(months)):
        store._exec("DELETE FROM metric_hist WHERE clock IN (0, 1) AND span = 1 AND start = ?",
                    (first,))
        store._exec(
            f"INSERT INTO metric_hist (clock, span, start, {_KEY}, bucket, n)"
            f" SELECT clock, 1, ?, {_KEY}, bucket, SUM(n) FROM metric_hist"
            " WHERE clock IN (0, 1) AND span = 0 AND start BETWEEN ? AND ?"
            f" GROUP BY clock, {_KEY}, bucket", (first, first, last))


def rebuild_days(store: SqlStore, days: Iterable[int], policy: SlaPolicy | None = None) -> None:
    """Summaries of these local days (and their months) from their samples, inside the
    caller's transaction."""
    wanted = sorted(set(days))
    if not wanted:
        return
    policy = policy or SlaPolicy.load(store)
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        clause, params = _days_clause(chunk)
        store._exec(f"DELETE FROM metric_daily WHERE day >= 0{clause}", params)
        store._exec(f"DELETE FROM metric_hist WHERE clock IN (0, 1) AND span = 0"
                    f"{clause.replace('day', 'start')}", params)
        _insert(store, policy, chunk)
    _months(store, (month_of(d) for d in wanted))
    inbound(store)


def rebuild_all(store: SqlStore, policy: SlaPolicy | None = None) -> None:
    """Every summary from scratch (after ``recompute_all`` or a policy change)."""
    policy = policy or SlaPolicy.load(store)
    with store.transaction():
        store._exec("DELETE FROM metric_daily")
        store._exec("DELETE FROM metric_hist")
        store._exec("DELETE FROM metric_inbound")
        _set(store, STATE_INBOUND, "0")
        _insert(store, policy, None)
        days = [int(r[0]) for r in store._all(
            "SELECT DISTINCT start FROM metric_hist WHERE clock IN (0, 1) AND span = 0")]
        _months(store, (month_of(d) for d in days))
        inbound(store)
        _set(store, STATE_SUMMARY, fingerprint(policy))


def inbound(store: SqlStore) -> int:
    """Add the inbound messages stored since the last call to ``metric_inbound``; cheap
    when none arrived (one read of the newest id). Returns the messages added."""
    row = store._one("SELECT value FROM metric_state WHERE key = ?", (STATE_INBOUND,))
    upto = int(row[0]) if row else 0
    top_row = store._one("SELECT MAX(id) FROM messages")
    top = int(top_row[0]) if top_row and top_row[0] is not None else 0
    if top <= upto:
        return 0
    with store.transaction():
        added = store._one("SELECT COUNT(*) FROM messages WHERE id > ? AND id <= ?"
                           " AND direction = 'in'", (upto, top))
        store._exec(
            "INSERT INTO metric_inbound (quarter, account_id, kind, n)"
            f" SELECT created_at / {QUARTER_MS}, account_id, kind, COUNT(*) FROM messages"
            " WHERE id > ? AND id <= ? AND direction = 'in'"
            f" GROUP BY created_at / {QUARTER_MS}, account_id, kind"
            " ON CONFLICT (quarter, account_id, kind) DO UPDATE SET n = metric_inbound.n"
            " + excluded.n", (upto, top))
        _set(store, STATE_INBOUND, str(top))
    return int(added[0]) if added else 0
