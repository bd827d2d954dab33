"""SLA badges: the state at each boundary, which target applies, and the queue sorted by
time left (in SQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from inbox.domain import ChannelKind, Direction, IngestBatch, Priority, View
from inbox.sla import SlaPolicy, SlaState, SlaTarget, Targets, queue_by_time_left, sla_status
from inbox.store import SqlStore
from tests.conftest import T0, contact, msg


@pytest.fixture
def policy(store: SqlStore) -> SlaPolicy:
    return SlaPolicy.load(store)


@pytest.mark.parametrize(("minutes", "state"), [
    (0, SlaState.OK), (95.99, SlaState.OK), (96, SlaState.WARNING), (119.99, SlaState.WARNING),
    (120, SlaState.BREACHED), (600, SlaState.BREACHED),
])
def test_states_at_the_boundaries(store: SqlStore, account_id: int, policy: SlaPolicy,
                                  minutes: float, state: SlaState) -> None:
    store.ingest(account_id, IngestBatch([msg("1")], [contact()]))
    conv = store.conversation(1)
    status = sla_status(conv, T0 + timedelta(minutes=minutes), policy)
    assert status.state is state
    assert status.target is SlaTarget.FIRST_RESPONSE
    assert status.due_at == T0 + timedelta(minutes=120)
    assert status.seconds_left == pytest.approx((120 - minutes) * 60)


def test_next_response_priority_and_no_clock(store: SqlStore, account_id: int,
                                            policy: SlaPolicy) -> None:
    store.ingest(account_id, IngestBatch([
        msg("1"), msg("2", minutes=1, direction=Direction.OUT, author="100"),
        msg("3", minutes=10)], [contact()]))
    store.set_priority(1, Priority.HIGH)
    conv = store.conversation(1)
    status = sla_status(conv, T0 + timedelta(minutes=10), policy)
    assert status.target is SlaTarget.NEXT_RESPONSE
    assert status.due_at == T0 + timedelta(minutes=40)  # high mention: 30 min
    store.set_pending(1)
    assert sla_status(store.conversation(1), T0, policy).state is SlaState.NONE
    custom = SlaPolicy({(ChannelKind.MENTION, Priority.HIGH): Targets(60, 60, 600, 50)})
    assert sla_status(conv, T0 + timedelta(minutes=10, seconds=30), custom).state \
        is SlaState.WARNING


def test_policy_round_trip(store: SqlStore, policy: SlaPolicy) -> None:
    assert len(policy.targets) == 10
    again = SlaPolicy.from_json({"warning_percent": 80, **policy.to_json()})
    assert again == policy
    again.save(store)
    assert SlaPolicy.load(store) == policy


def test_queue_sorted_by_time_left(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch([
        msg("a", thread="ta", minutes=-10),                      # none mention: due +110
        msg("b", thread="tb", minutes=-5),                       # urgent: due +10
        msg("c", thread="tc", minutes=-50),                      # answered: no clock
        msg("c2", thread="tc", minutes=-40, direction=Direction.OUT, author="100"),
        msg("d", thread="td", minutes=-100, kind=ChannelKind.DM, counterpart="200"),  # +140
    ], [contact()]))
    by_thread = {store.conversation(i).thread_id: i for i in range(1, 5)}
    store.set_priority(by_thread["tb"], Priority.URGENT)
    order = queue_by_time_left(store, View.ALL_OPEN)
    assert order == [by_thread[t] for t in ("tb", "ta", "td", "tc")]
    assert queue_by_time_left(store, View.NEEDS_REPLY) == order[:3]
