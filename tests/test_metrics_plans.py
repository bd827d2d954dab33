"""The response-time aggregates read their covering indexes: no table rows, no sort."""

from __future__ import annotations

from inbox.business_hours import ALWAYS
from inbox.metrics_query import Filters, column, index, where
from inbox.store import SqlStore


def plan(store: SqlStore, sql: str, params: tuple[object, ...]) -> str:
    return " | ".join(str(r[3]) for r in store._all(f"EXPLAIN QUERY PLAN {sql}", params))


def test_percentile_walk_and_grouped_pass_use_covering_indexes(store: SqlStore) -> None:
    for business in (False, True):
        v = column(business)
        w = where(Filters(), ALWAYS)
        walk = plan(store, f"SELECT {v} FROM metric_samples{index(store, '', business)}"
                    f" WHERE metric = ?{w.sql} ORDER BY {v} LIMIT 2 OFFSET ?", (1, 10))
        assert "COVERING INDEX metric_samples_" in walk and "TEMP B-TREE" not in walk
        grouped = plan(store, f"SELECT metric, agent, COUNT(*), SUM({v}), MAX({v}) FROM"
                       f" metric_samples{index(store, 'agent', business)} WHERE metric >= 0"
                       " GROUP BY metric, agent", ())
        assert "COVERING INDEX metric_samples_agent_" in grouped
        assert "TEMP B-TREE" not in grouped
        heat = plan(store, "SELECT (created_at / 900000), COUNT(*) FROM messages m"
                    " INDEXED BY messages_inbound_quarters WHERE m.direction = 'in'"
                    " GROUP BY (created_at / 900000)", ())
        # in quarter order without a sort (not covering: SQLite reads created_at from the row)
        assert "INDEX messages_inbound_quarters" in heat and "TEMP B-TREE" not in heat
