"""Per-day summaries and histograms (migration 8) against exact computation.

A seeded year (inbox.seed) is read both ways: the summaries must give the same
counts, means, maxima and SLA hits, and medians/p90s within the documented
bound (inbox.histogram: 0.5 s + 0.99 %), for ranges cut anywhere, with filters,
on both clocks; and they must stay equal to a rebuild as the store changes.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from inbox import histogram, metrics, metrics_rollup, seed
from inbox.business_hours import gulf_week, load_calendar, save_calendar
from inbox.dashboard import (
    _local_quarters,
    dashboard,
    inbound_quarters,
    inbound_summary,
    whole_hours,
)
from inbox.domain import ChannelKind
from inbox.metrics import Metric
from inbox.metrics_query import NO_AGENT, Filters, Stat, per_day, summary
from inbox.sla import SlaPolicy, Targets
from inbox.store import SqlStore, open_sqlite

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def exact_quantile(values: list[int], p: float) -> float:
    ordered = sorted(values)
    pos = p * (len(ordered) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def test_bucket_edges_are_exact_and_every_value_is_within_the_bound() -> None:
    assert histogram.bucket_of(0) == 0
    assert histogram.bucket_of(999) == 0 and histogram.bucket_of(1000) == 1
    assert histogram.bucket_of(599_999) == 599 and histogram.bucket_of(600_000) == 600
    rng = random.Random(1)
    for ms in [*range(0, 700_000, 997), *(int(10 ** rng.uniform(3, 11)) for _ in range(20000))]:
        rep = histogram.representative_ms(histogram.bucket_of(ms))
        assert histogram.within_bound(rep, ms), ms
    assert histogram.ERROR < 0.01


@pytest.mark.parametrize("dist", ["lognormal", "uniform_small", "bimodal", "constant"])
@pytest.mark.parametrize("n", [1, 2, 7, 100, 5000])
def test_quantiles_from_histograms_stay_within_the_bound(dist: str, n: int) -> None:
    rng = random.Random(hash((dist, n)) & 0xFFFF)
    draw = {
        "lognormal": lambda: int(math.exp(rng.gauss(13, 2))),  # seconds to weeks
        "uniform_small": lambda: rng.randrange(0, 900_000),  # around the 10-minute seam
        "bimodal": lambda: rng.choice([rng.randrange(5_000, 60_000),
                                       rng.randrange(50_000_000, 90_000_000)]),
        "constant": lambda: 123_456,
    }[dist]
    values = [draw() for _ in range(n)]
    counts: dict[int, int] = {}
    histogram.add(counts, ((histogram.bucket_of(v), 1) for v in values))
    for p in (0.0, 0.5, 0.9, 1.0):
        approx = histogram.quantile_ms(counts, p)
        assert approx is not None
        assert histogram.within_bound(approx, exact_quantile(values, p)), (p, values[:5])


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> SqlStore:
    path: Path = tmp_path_factory.mktemp("summaries")
    store = open_sqlite(path)
    seed.seed(store, 12000, 3, now=NOW)
    metrics.recompute_all(store)
    return store


def _same(a: Stat, b: Stat) -> None:
    """``a`` from the summaries, ``b`` exact."""
    assert (a.count, a.max_s, a.sla_hits, a.sla_total) == (b.count, b.max_s, b.sla_hits,
                                                           b.sla_total)
    assert a.mean_s == pytest.approx(b.mean_s)
    for x, y in ((a.median_s, b.median_s), (a.p90_s, b.p90_s)):
        assert (x is None) == (y is None)
        if x is not None and y is not None:
            assert histogram.within_bound(x * 1000, y * 1000), (x, y)


def _ranges(store: SqlStore) -> list[Filters]:
    cal = load_calendar(store)
    odd = datetime(2026, 2, 13, 13, 37, 11, tzinfo=UTC)
    return [
        Filters(),
        Filters.for_dates(cal, date(2026, 1, 1), date(2026, 6, 30)),  # whole months
        Filters.for_dates(cal, date(2026, 1, 17), date(2026, 8, 3)),  # months and days
        Filters(since=odd, until=odd + timedelta(days=97, hours=5)),  # partial edge days
        Filters(since=odd),
        Filters(until=odd),
        Filters(since=odd, until=odd + timedelta(days=40), kind=ChannelKind.DM),
        Filters(account_id=store.accounts()[0].id),
        Filters(agent=NO_AGENT),
    ]


def _agents(store: SqlStore) -> list[str]:
    return [str(r[0]) for r in store._all(
        "SELECT DISTINCT agent FROM metric_samples WHERE agent IS NOT NULL ORDER BY 1")]


@pytest.mark.parametrize("business", [False, True])
def test_summaries_agree_with_exact_computation(year: SqlStore, business: bool) -> None:
    store = year
    cal, policy = load_calendar(store), SlaPolicy.load(store)
    cases = [*_ranges(store), Filters(agent=_agents(store)[0]),
             Filters(since=NOW - timedelta(days=200), agent=_agents(store)[1])]
    for f in cases:
        fast = summary(store, f, cal, policy, business=business, histogram=True)
        slow = summary(store, f, cal, policy, business=business, histogram=False)
        assert (fast.received, fast.answered, fast.resolved) == (
            slow.received, slow.answered, slow.resolved), f
        assert fast.answered > 0, f
        for m in (Metric.FIRST_RESPONSE, Metric.NEXT_RESPONSE, Metric.RESOLUTION):
            _same(fast.overall[m], slow.overall[m])
            for kind in fast.by_channel:
                _same(fast.by_channel[kind][m], slow.by_channel[kind][m])
        assert set(fast.by_agent) == set(slow.by_agent)
        for name in fast.by_agent:
            for m in fast.by_agent[name]:
                _same(fast.by_agent[name][m], slow.by_agent[name][m])
        assert fast.by_agent_received == slow.by_agent_received
        assert per_day(store, f, cal, business=business, summaries=True) == \
            per_day(store, f, cal, business=business, summaries=False)


def test_heat_map_and_volume_from_the_inbound_summary(year: SqlStore) -> None:
    for f in _ranges(year):
        if f.agent is None:
            assert inbound_summary(year, f) == inbound_quarters(year, f)
    cal = load_calendar(year)
    assert whole_hours(cal)
    for f in _ranges(year)[:4]:
        assert _local_quarters(cal, inbound_summary(year, f, hourly=True)) == \
            _local_quarters(cal, inbound_quarters(year, f))
    fast = dashboard(year, Filters(), histogram=True)
    slow = dashboard(year, Filters(), histogram=False)
    assert fast.heatmap == slow.heatmap and fast.days == slow.days
    assert sum(map(sum, fast.heatmap)) == year._one(
        "SELECT COUNT(*) FROM messages WHERE direction = 'in'")[0]  # type: ignore[index]


def _snapshot(store: SqlStore) -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted((tuple(r) for r in store._all(f"SELECT * FROM {t}")), key=repr)
            for t in ("metric_daily", "metric_hist", "metric_inbound")}


def test_summaries_follow_changes_and_equal_a_rebuild(tmp_path: Path) -> None:
    store = open_sqlite(tmp_path)
    seed.seed(store, 3000, 9, now=NOW)
    metrics.refresh(store)  # the seed computed them: nothing left to do
    assert metrics_rollup.is_current(store, SlaPolicy.load(store))
    convs = [int(r[0]) for r in store._all("SELECT id FROM conversations ORDER BY id LIMIT 40")]
    for conv in convs[::3]:
        store.resolve(conv, actor="sara")
    for conv in convs[1::3]:
        store.reopen(conv, actor="omar")
    assert store._one("SELECT COUNT(*) FROM metric_dirty")[0] > 0  # type: ignore[index]
    metrics.refresh(store)
    after_changes = _snapshot(store)
    metrics_rollup.rebuild_all(store)
    assert after_changes == _snapshot(store)
    # new SLA targets change the hits, and only those
    policy = SlaPolicy.load(store)
    tight = SlaPolicy({k: Targets(60, 60, 600) for k in policy.targets})
    tight.save(store)
    before = store._one("SELECT SUM(wall_hits), SUM(n) FROM metric_daily")
    metrics.refresh(store)
    assert metrics_rollup.is_current(store, SlaPolicy.load(store))
    after = store._one("SELECT SUM(wall_hits), SUM(n) FROM metric_daily")
    assert before is not None and after is not None
    assert after[1] == before[1] and after[0] < before[0]
    # a store from before migration 8 (no summary state) recomputes everything
    store._exec("DELETE FROM metric_state WHERE key = ?", (metrics_rollup.STATE_SUMMARY,))
    store._exec("UPDATE metric_samples SET wall_bucket = 0")
    metrics.refresh(store)
    assert store._one("SELECT COUNT(*) FROM metric_samples WHERE wall_bucket = 0 AND"
                      " wall_ms >= 1000")[0] == 0  # type: ignore[index]


def test_business_calendar_change_rebuilds_the_summaries(year: SqlStore, tmp_path: Path
                                                         ) -> None:
    store = open_sqlite(tmp_path)
    seed.seed(store, 2000, 4, now=NOW)
    metrics.refresh(store)
    wall = store._one("SELECT SUM(business_sum) FROM metric_daily")
    save_calendar(store, gulf_week(), 0)
    metrics.refresh(store)
    business = store._one("SELECT SUM(business_sum), SUM(wall_sum) FROM metric_daily")
    assert wall is not None and business is not None
    assert business[0] < wall[0] and business[1] == wall[0]
