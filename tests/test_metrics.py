"""Response times on hand-computed timelines, through the real store: exact seconds.

Every timeline starts at T0 = Monday 2026-11-02 09:00 UTC (conftest). Messages
carry platform times; resolves happen at the store's clock, set by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

import pytest

from inbox import metrics
from inbox.business_hours import Calendar, gulf_week, save_calendar
from inbox.dashboard import dashboard
from inbox.domain import ChannelKind, Direction, IncomingMessage, IngestBatch, Origin
from inbox.metrics import Metric
from inbox.metrics_query import NO_AGENT, Filters, percentile, summary, where
from inbox.sla import SlaPolicy
from inbox.store import SqlStore
from tests.conftest import T0, contact, msg

M = 60.0


@contextmanager
def at(store: SqlStore, minutes: float) -> Iterator[None]:
    """The store's clock at T0 + minutes (when an agent's action happens)."""
    before, store.clock = store.clock, lambda: T0 + timedelta(minutes=minutes)
    try:
        yield
    finally:
        store.clock = before


def app_reply(pid: str, minutes: float, *, agent: str = "sara", thread: str = "t1",
              automatic: bool = False, kind: ChannelKind = ChannelKind.MENTION
              ) -> IncomingMessage:
    """What the outbox records when X confirms a reply sent from the app."""
    return IncomingMessage(kind=kind, platform_id=pid, thread_id=thread,
                           direction=Direction.OUT, author_platform_id="100", text="on it",
                           created_at=T0 + timedelta(minutes=minutes),
                           counterpart_platform_id="200", origin=Origin.APP,
                           automatic=automatic, agent=None if automatic else agent)


def ingest(store: SqlStore, account_id: int, *messages: IncomingMessage) -> int:
    result = store.ingest(account_id, IngestBatch(messages=list(messages),
                                                  contacts=[contact()]))
    return next(iter(result.conversations_touched))


def samples(store: SqlStore) -> list[tuple[str, float, str | None]]:
    metrics.refresh(store)
    rows = store._all("SELECT metric, wall_ms, agent FROM metric_samples WHERE metric > 0"
                      " ORDER BY ended_at, metric")
    return [(Metric(r[0]).name.lower(), r[1] / 1000, r[2]) for r in rows]


def test_public_first_response_from_the_app(store: SqlStore, account_id: int) -> None:
    ingest(store, account_id, msg("1", minutes=0), msg("2", minutes=3))
    ingest(store, account_id, app_reply("3", 17))
    assert samples(store) == [("first_response", 17 * M, "sara")]


def test_dm_reply_made_on_x_counts_and_auto_reply_does_not(store: SqlStore,
                                                           account_id: int) -> None:
    dm = ChannelKind.DM
    ingest(store, account_id,
           msg("d1", thread="dm1", kind=dm, minutes=0),
           app_reply("d2", 1, thread="dm1", kind=dm, automatic=True),
           msg("d3", thread="dm1", kind=dm, minutes=30, direction=Direction.OUT, author="100",
               counterpart="200"))  # written directly on X: origin external, no agent
    assert samples(store) == [("first_response", 30 * M, None)]


def test_reopen_after_resolve_starts_a_new_first_response(store: SqlStore,
                                                           account_id: int) -> None:
    conv = ingest(store, account_id, msg("1", minutes=0))
    ingest(store, account_id, app_reply("2", 10))
    with at(store, 60):
        store.resolve(conv, actor="sara")
    ingest(store, account_id, msg("3", minutes=24 * 60))  # reopens
    ingest(store, account_id, app_reply("4", 24 * 60 + 5, agent="omar"))
    assert samples(store) == [
        ("first_response", 10 * M, "sara"), ("resolution", 60 * M, "sara"),
        ("first_response", 5 * M, "omar")]
    episodes = store._all("SELECT episode, started_at FROM metric_samples WHERE metric = 0"
                          " ORDER BY episode")
    assert [e for e, _ in episodes] == [1, 2]


def test_every_wait_is_its_own_next_response(store: SqlStore, account_id: int) -> None:
    conv = ingest(store, account_id, msg("1", minutes=0))
    ingest(store, account_id, app_reply("2", 4))
    ingest(store, account_id, msg("3", minutes=20), msg("4", minutes=25))  # wait from 20
    ingest(store, account_id, app_reply("5", 32, agent="omar"))
    ingest(store, account_id, app_reply("6", 33, automatic=True))  # nobody waits: nothing
    ingest(store, account_id, msg("7", minutes=50))
    ingest(store, account_id, app_reply("8", 51, automatic=True))  # does not end the wait
    ingest(store, account_id, app_reply("9", 59))
    with at(store, 90):
        store.resolve(conv, actor="omar")
    assert samples(store) == [
        ("first_response", 4 * M, "sara"), ("next_response", 12 * M, "omar"),
        ("next_response", 9 * M, "sara"), ("resolution", 90 * M, "omar")]


def test_late_page_is_placed_by_platform_time(store: SqlStore, account_id: int) -> None:
    """A reply ingested before the message it answers (pages come out of order)."""
    ingest(store, account_id, app_reply("2", 8))
    ingest(store, account_id, msg("1", minutes=0))
    assert samples(store) == [("first_response", 8 * M, "sara")]


def test_business_hours_over_a_weekend_in_riyadh(store: SqlStore, account_id: int) -> None:
    save_calendar(store, gulf_week(), 0)
    # Thursday 2026-11-05 14:00 UTC = 17:00 Riyadh; answered Sunday 07:00 UTC = 10:00
    thu = (datetime(2026, 11, 5, 14, 0, tzinfo=T0.tzinfo) - T0).total_seconds() / 60
    sun = (datetime(2026, 11, 8, 7, 0, tzinfo=T0.tzinfo) - T0).total_seconds() / 60
    ingest(store, account_id, msg("1", minutes=thu))
    ingest(store, account_id, app_reply("2", sun))
    metrics.refresh(store)
    wall, business = store._one("SELECT wall_ms, business_ms FROM metric_samples"
                                " WHERE metric = 1") or (0, 0)
    assert wall == 65 * 3600 * 1000
    assert business == 2 * 3600 * 1000


def test_business_hours_across_a_dst_change(store: SqlStore, account_id: int) -> None:
    """London 9-17 on weekdays; Friday 2026-03-27 16:00 GMT -> Monday 10:00 BST (09:00 UTC)."""
    save_calendar(store, Calendar("Europe/London", {d: ((540, 1020),) for d in range(5)}), 0)
    fri = (datetime(2026, 3, 27, 16, 0, tzinfo=T0.tzinfo) - T0).total_seconds() / 60
    mon = (datetime(2026, 3, 30, 9, 0, tzinfo=T0.tzinfo) - T0).total_seconds() / 60
    ingest(store, account_id, msg("1", minutes=fri))
    ingest(store, account_id, app_reply("2", mon))
    metrics.refresh(store)
    row = store._one("SELECT wall_ms, business_ms, day FROM metric_samples WHERE metric = 1")
    assert row is not None
    assert row[0] == (65 * 3600) * 1000  # wall clock: 65 h
    assert row[1] == 2 * 3600 * 1000
    assert metrics.day_date(row[2]) == date(2026, 3, 30)


def test_recompute_after_a_calendar_change(store: SqlStore, account_id: int) -> None:
    ingest(store, account_id, msg("1", minutes=0))  # Monday 09:00 UTC
    ingest(store, account_id, app_reply("2", 24 * 60))  # Tuesday 09:00 UTC
    metrics.refresh(store)
    before = store._one("SELECT wall_ms, business_ms FROM metric_samples WHERE metric = 1")
    assert before == (86_400_000, 86_400_000)
    save_calendar(store, Calendar("UTC", {d: ((540, 1020),) for d in range(7)}), 0)
    assert not metrics.is_current(store, Calendar("UTC", {d: ((540, 1020),) for d in range(7)}))
    metrics.refresh(store)  # notices the new calendar: all history again
    after = store._one("SELECT wall_ms, business_ms FROM metric_samples WHERE metric = 1")
    assert after == (86_400_000, 8 * 3_600_000)


def test_percentiles_on_known_data(store: SqlStore, account_id: int) -> None:
    """Answers after 1..10 minutes: median 5.5 min, p90 9.1 min (linear, PERCENTILE.INC)."""
    for i in range(1, 11):
        ingest(store, account_id, msg(f"in{i}", thread=f"t{i}", minutes=0))
        ingest(store, account_id, app_reply(f"out{i}", i, thread=f"t{i}",
                                            agent="sara" if i <= 4 else "omar"))
    metrics.refresh(store)
    cal = Calendar()
    s = summary(store, Filters(), cal, SlaPolicy.load(store))
    first = s.overall[Metric.FIRST_RESPONSE]
    assert (first.count, first.mean_s, first.median_s, first.max_s) == (10, 330.0, 330.0, 600.0)
    assert first.p90_s == pytest.approx(546.0)
    assert s.by_agent["sara"][Metric.FIRST_RESPONSE].median_s == 150.0
    assert s.by_agent["omar"][Metric.FIRST_RESPONSE].p90_s == pytest.approx(570.0)
    w = where(Filters(), cal)
    assert percentile(store, "", False, w, "metric = ?", (1,), 10, 0.0) == 60_000
    assert percentile(store, "", False, w, "metric = ?", (1,), 10, 1.0) == 600_000


def test_filters(store: SqlStore, account_id: int) -> None:
    ingest(store, account_id, msg("1", thread="a", minutes=0))
    ingest(store, account_id, app_reply("2", 10, thread="a"))
    dm = ChannelKind.DM
    conv = ingest(store, account_id, msg("3", thread="b", kind=dm, minutes=2 * 24 * 60))
    ingest(store, account_id, app_reply("4", 2 * 24 * 60 + 20, thread="b", kind=dm,
                                        agent="omar"))
    store.add_tag(conv, "refund")
    metrics.refresh(store)
    cal, pol = Calendar(), SlaPolicy.load(store)

    def count(f: Filters) -> int:
        return summary(store, f, cal, pol).overall[Metric.FIRST_RESPONSE].count

    assert count(Filters()) == 2
    assert count(Filters(since=T0 + timedelta(days=1))) == 1
    assert count(Filters(until=T0 + timedelta(days=1))) == 1
    assert count(Filters(kind=dm)) == 1
    assert count(Filters(agent="omar")) == 1
    assert count(Filters(agent=NO_AGENT)) == 0
    assert count(Filters(tag="refund")) == 1
    assert count(Filters(account_id=account_id + 1)) == 0


def test_dashboard_in_one_call(store: SqlStore, account_id: int) -> None:
    ingest(store, account_id, msg("1", minutes=0))
    ingest(store, account_id, app_reply("2", 10))
    ingest(store, account_id, msg("3", thread="t2", minutes=30))  # still waiting
    d = dashboard(store, Filters.for_dates(Calendar(), date(2026, 11, 2), date(2026, 11, 8)))
    assert (d.received, d.answered, d.resolved, d.backlog) == (2, 1, 0, 1)
    assert d.first_response.median_s == 600.0
    assert d.oldest_waiting_since == T0 + timedelta(minutes=30)
    assert len(d.days) == 7 and d.days[0].inbound == 2 and d.days[0].received == 2
    assert d.days[0].median_first_response_s == 600.0
    assert d.heatmap[0][9] == 2  # Monday 09:00 UTC
    assert [a.agent for a in d.agents] == ["sara"]
