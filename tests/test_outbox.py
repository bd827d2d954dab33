"""The outbox against the local X sandbox: tweepy over real HTTP, a real SQLite file.

What an agent relies on: a reply goes out once, to the right post or DM
thread, in order; X saying "not now" (429, 5xx, slow) keeps it waiting with a
time; X saying "no" fails it with the way forward; undo means it never leaves;
a sent reply counts as the response and a later sync does not double it.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from inbox import outbox
from inbox.credentials import XCredentials
from inbox.domain import (
    AccountStatus,
    ChannelKind,
    Direction,
    EventType,
    IncomingMessage,
    IngestBatch,
    Origin,
    OutboxState,
)
from inbox.outbox import Outbox, OutboxError
from inbox.sandbox import Fault, SandboxUser, dm_pair_id
from inbox.sandbox.testing import FakeClock
from inbox.store import SqlStore
from inbox.xtext import weighted_length
from tests.sandbox_fixtures import Rig, build_rig, channel_factory, start_sandbox

_names = itertools.count(1)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=float(int(datetime.now(UTC).timestamp())))


@pytest.fixture
def rig(clock: FakeClock, store: SqlStore) -> Iterator[Rig]:
    sandbox = start_sandbox(clock)
    yield build_rig(sandbox, clock, store)
    sandbox.stop()


def make_outbox(rig: Rig, *, timeout: float = 5.0, settle: float = 2.0) -> Outbox:
    return Outbox(rig.store, rig.creds, clock=rig.now, channel_factory=channel_factory(timeout),
                  rng=random.Random(5), dm_settle_seconds=settle)


def customer(rig: Rig) -> SandboxUser:
    n = next(_names)
    return rig.sandbox.add_user(f"cust{n}", f"Customer {n}", followers=10 * n)


def mention(rig: Rig, text: str = "@AcmeHelp my order is late") -> tuple[int, str, SandboxUser]:
    """A customer's mention, synced: (conversation id, the tweet's id, the customer)."""
    who = customer(rig)
    tweet = rig.sandbox.post_tweet(who.id, text, created_at=rig.tick())
    rig.syncer().sync_all(force=True)
    conv = rig.conversations()[(ChannelKind.MENTION, tweet["conversation_id"])]
    return conv.id, tweet["id"], who


def dm_conversation(rig: Rig, text: str = "hello, a question") -> tuple[int, SandboxUser]:
    who = customer(rig)
    rig.sandbox.send_dm(who.id, rig.brand.id, text, created_at=rig.tick())
    rig.syncer().sync_all(force=True)
    conv = rig.conversations()[(ChannelKind.DM, dm_pair_id(who.id, rig.brand.id))]
    return conv.id, who


def brand_tweets(rig: Rig) -> list[dict[str, object]]:
    return rig.sandbox.tweets_by(rig.brand.id)


def brand_dms(rig: Rig) -> list[dict[str, object]]:
    return [e for e in rig.sandbox.dm_events_of(rig.brand.id)
            if e["event_type"] == "MessageCreate" and e["sender_id"] == rig.brand.id]


def creates(rig: Rig) -> int:
    return sum(1 for m, path, _ in rig.sandbox.requests_log
               if m == "POST" and (path == "/2/tweets" or path.endswith("/messages")))


def send(rig: Rig, conv_id: int, text: str, *, dm: bool = False, agent: str = "nour",
         ob: Outbox | None = None) -> outbox.OutboxResult:
    item = outbox.enqueue(rig.store, conv_id, text, dm=dm, agent=agent, undo_seconds=0,
                          now=rig.now())
    results = (ob or make_outbox(rig)).deliver_due()
    return next(r for r in results if r.item_id == item.id)


# ---- happy paths ----------------------------------------------------------


def test_public_reply_goes_to_the_latest_inbound_post_and_counts_as_the_response(
        rig: Rig) -> None:
    conv_id, first, who = mention(rig)
    later = rig.sandbox.post_tweet(who.id, "@AcmeHelp still waiting", in_reply_to=first,
                                   created_at=rig.tick())
    rig.syncer().sync_all(force=True)
    assert rig.store.conversation(conv_id).waiting_since is not None
    rig.tick()

    result = send(rig, conv_id, "Sorry! We're on it. شكراً")

    assert result.state is OutboxState.SENT and not result.reconciled
    [posted] = brand_tweets(rig)
    assert posted["id"] == result.platform_id
    assert posted["referenced_tweets"] == [{"type": "replied_to", "id": later["id"]}]
    assert posted["text"] == "Sorry! We're on it. شكراً"
    out = [m for m in rig.store.thread(conv_id) if m.direction is Direction.OUT]
    assert len(out) == 1
    assert (out[0].platform_id, out[0].origin, out[0].agent, out[0].automatic) == (
        result.platform_id, Origin.APP, "nour", False)
    assert out[0].created_at == datetime.fromisoformat(
        str(posted["created_at"]).replace("Z", "+00:00"))
    conv = rig.store.conversation(conv_id)
    assert conv.first_reply_at == out[0].created_at and conv.waiting_since is None
    events = [e for e in rig.store.events(conv_id) if e.type is EventType.MESSAGE_OUT]
    assert [(e.actor, e.message_id, e.data["origin"]) for e in events] == [
        ("nour", out[0].id, "app")]
    item = rig.store.outbox_item(result.item_id)
    assert item is not None and item.state is OutboxState.SENT
    assert (item.sent_platform_id, item.message_id, item.attempts) == (posted["id"], out[0].id, 1)

    rig.syncer().sync_all(force=True)  # the same post seen by sync: not a second message
    assert len([m for m in rig.store.thread(conv_id) if m.direction is Direction.OUT]) == 1
    assert rig.store.thread(conv_id)[-1].origin is Origin.APP
    assert len([e for e in rig.store.events(conv_id) if e.type is EventType.MESSAGE_OUT]) == 1


def test_dm_into_an_existing_dm_conversation(rig: Rig) -> None:
    conv_id, who = dm_conversation(rig)
    rig.tick()
    result = send(rig, conv_id, "Hi! Could you send your order number?", dm=True)
    assert result.state is OutboxState.SENT
    [dm] = brand_dms(rig)
    assert dm["id"] == result.platform_id
    assert dm["dm_conversation_id"] == dm_pair_id(who.id, rig.brand.id)
    [out] = [m for m in rig.store.thread(conv_id) if m.direction is Direction.OUT]
    assert (out.kind, out.agent, out.origin) == (ChannelKind.DM, "nour", Origin.APP)
    assert out.created_at == datetime.fromisoformat(
        str(dm["created_at"]).replace("Z", "+00:00"))
    assert rig.store.conversation(conv_id).waiting_since is None
    rig.syncer().sync_all(force=True)
    assert len(rig.store.thread(conv_id)) == 2


def test_dm_from_a_public_thread_opens_the_one_to_one_conversation(rig: Rig) -> None:
    conv_id, _, who = mention(rig)
    rig.tick()
    result = send(rig, conv_id, "Let's continue in DM: what is your order number?", dm=True)
    assert result.state is OutboxState.SENT
    [dm] = brand_dms(rig)
    pair = dm_pair_id(who.id, rig.brand.id)
    assert dm["dm_conversation_id"] == pair
    dm_conv = rig.conversations()[(ChannelKind.DM, pair)]
    assert dm_conv.contact.platform_id == who.id
    [out] = rig.store.thread(dm_conv.id)
    assert (out.platform_id, out.agent) == (dm["id"], "nour")
    rig.syncer().sync_all(force=True)
    assert len(rig.store.thread(dm_conv.id)) == 1
    assert len(rig.stored_messages()) == len(set(rig.stored_messages()))


# ---- refusals before anything is stored --------------------------------------


def test_bad_input_is_refused_and_nothing_is_queued_or_sent(rig: Rig) -> None:
    conv_id, _, _ = mention(rig)
    dm_conv, _ = dm_conversation(rig)
    too_long = "ي" * 279 + " 🫶🏽"  # 279 + 1 + emoji (2) = 282
    assert weighted_length(too_long) == 282
    cases = [
        (conv_id, too_long, False, "282 characters"),
        (conv_id, "x" * 10_001, True, "10,001 characters"),
        (conv_id, "   ", False, "empty"),
        (99_999, "hello", False, "no conversation 99999"),
        (dm_conv, "hello", False, "as a DM"),
    ]
    for cid, text, dm, reason in cases:
        with pytest.raises(OutboxError, match=reason) as err:
            outbox.enqueue(rig.store, cid, text, dm=dm, agent="nour", now=rig.now())
        assert "\n" not in str(err.value)
    # exactly 280 as X counts it (a URL is 23) is fine
    ok = "https://example.com/orders/123456789 " + "a" * 256
    assert weighted_length(ok) == 280
    outbox.enqueue(rig.store, conv_id, ok, dm=False, agent="nour", now=rig.now())
    assert len(outbox.pending(rig.store)) == 1
    assert creates(rig) == 0


# ---- undo and ordering ----------------------------------------------------------


def test_undo_inside_the_window_means_it_never_leaves(rig: Rig) -> None:
    conv_id, _, _ = mention(rig)
    ob = make_outbox(rig)
    item = outbox.enqueue(rig.store, conv_id, "oops, wrong customer", dm=False, agent="nour",
                          undo_seconds=5, now=rig.now())
    assert "undo" in outbox.describe(item, now=rig.now())
    rig.tick(2)
    assert ob.deliver_due() == []
    assert outbox.cancel(rig.store, item.id, now=rig.now())
    rig.tick(60)
    assert ob.deliver_due(ignore_undo=True) == []
    assert creates(rig) == 0 and brand_tweets(rig) == []
    assert rig.store.outbox_item(item.id).state is OutboxState.CANCELLED  # type: ignore[union-attr]

    late = outbox.enqueue(rig.store, conv_id, "this one goes", dm=False, agent="nour",
                          undo_seconds=5, now=rig.now())
    rig.tick(6)
    assert not outbox.cancel(rig.store, late.id, now=rig.now())  # window over
    assert [r.state for r in ob.deliver_due()] == [OutboxState.SENT]


def test_replies_of_a_conversation_go_out_in_order(rig: Rig) -> None:
    conv_id, _, _ = mention(rig)
    other_id, _, _ = mention(rig, "@AcmeHelp another question")
    ob = make_outbox(rig)
    texts = ["first: we are checking", "second: found it", "third: it ships today"]
    queued = [outbox.enqueue(rig.store, conv_id, t, dm=False, agent="nour", undo_seconds=0,
                             now=rig.now()) for t in texts]
    unrelated = outbox.enqueue(rig.store, other_id, "for someone else", dm=False, agent="sam",
                               undo_seconds=0, now=rig.now())
    rig.sandbox.faults.add(Fault(status=503, route="create_tweet"))

    results = ob.deliver_due()
    assert [(r.item_id, r.state, r.error_kind) for r in results] == [
        (queued[0].id, OutboxState.QUEUED, "offline")]
    # X unreachable: the account's other replies wait too, and say until when
    assert all(i.error_kind == "offline" for i in outbox.pending(rig.store))
    assert "offline, retrying at" in outbox.describe(outbox.pending(rig.store)[1])
    assert rig.store.outbox_item(unrelated.id).state is OutboxState.QUEUED  # type: ignore[union-attr]

    rig.tick(20 * 60)
    results = ob.deliver_due()
    assert [r.item_id for r in results] == [q.id for q in queued] + [unrelated.id]
    assert all(r.state is OutboxState.SENT for r in results)
    posted = sorted(brand_tweets(rig), key=lambda t: int(str(t["id"])))
    assert [t["text"] for t in posted if t["text"] in texts] == texts


# ---- X says "not now" -------------------------------------------------------------


def test_429_waits_until_xs_reset_then_sends(rig: Rig) -> None:
    conv_id, _, _ = mention(rig)
    dm_conv, _ = dm_conversation(rig)
    ob = make_outbox(rig)
    rig.sandbox.faults.add(Fault(status=429, route="create_tweet"))
    reset = int(rig.clock.now) + 15 * 60  # the brand's first create: its window opens now
    result = send(rig, conv_id, "we're looking into it", ob=ob)
    assert (result.state, result.error_kind) == (OutboxState.QUEUED, "rate_limited")
    assert result.not_before == datetime.fromtimestamp(reset, UTC)
    item = rig.store.outbox_item(result.item_id)
    assert item is not None and not item.in_doubt  # a 429 proves nothing was created
    assert outbox.describe(item, tz=UTC) == (
        f"waiting: rate-limited until {datetime.fromtimestamp(reset, UTC):%H:%M}")
    # DMs have their own limit: a DM still goes
    assert send(rig, dm_conv, "a DM is not held back", dm=True, ob=ob).state is OutboxState.SENT

    rig.tick(60)
    assert ob.deliver_due() == []  # not before X's reset
    rig.clock.now = float(reset) + 1
    [again] = ob.deliver_due()
    assert again.state is OutboxState.SENT and not again.reconciled
    assert len(brand_tweets(rig)) == 1
    assert not [q for _, path, q in rig.sandbox.requests_log if path.endswith("/tweets")
                and "start_time" in q]  # no search: nothing could have gone out


def test_503_backs_off_then_checks_before_sending_again(rig: Rig) -> None:
    conv_id, _, _ = mention(rig)
    ob = make_outbox(rig)
    rig.sandbox.faults.add(Fault(status=503, route="create_tweet", times=2))
    first = send(rig, conv_id, "thanks for waiting", ob=ob)
    assert (first.state, first.error_kind) == (OutboxState.QUEUED, "offline")
    assert first.not_before is not None
    assert timedelta(seconds=2.5) <= first.not_before - rig.now() <= timedelta(seconds=5)
    rig.tick(5)
    second = ob.deliver_due()[0]
    assert second.error_kind == "offline" and second.not_before is not None
    assert second.not_before - rig.now() >= timedelta(seconds=5)  # exponential
    rig.tick(11)
    third = ob.deliver_due()[0]
    assert third.state is OutboxState.SENT and not third.reconciled
    searches = [q for _, path, q in rig.sandbox.requests_log
                if path == f"/2/users/{rig.brand.id}/tweets" and "start_time" in q]
    assert len(searches) == 2  # looked for an earlier success before each re-send
    assert len(brand_tweets(rig)) == 1


def test_timeout_after_x_accepted_is_reconciled_not_resent(rig: Rig) -> None:
    conv_id, _, _ = mention(rig)
    ob = make_outbox(rig, timeout=0.3)
    rig.sandbox.faults.add(Fault(route="create_tweet", delay=0.8))
    result = send(rig, conv_id, "on its way", ob=ob)
    assert (result.state, result.error_kind) == (OutboxState.QUEUED, "offline")
    _wait_for(lambda: len(brand_tweets(rig)) == 1)  # X carried it out all the same
    # sync sees it first, as a reply written on X
    rig.syncer().sync_all(force=True)
    assert [m.origin for m in rig.store.thread(conv_id) if m.direction is Direction.OUT] == [
        Origin.EXTERNAL]

    rig.tick(10)
    [again] = ob.deliver_due()
    assert again.state is OutboxState.SENT and again.reconciled
    assert creates(rig) == 1 and len(brand_tweets(rig)) == 1
    out = [m for m in rig.store.thread(conv_id) if m.direction is Direction.OUT]
    assert [(m.origin, m.agent, m.platform_id) for m in out] == [
        (Origin.APP, "nour", brand_tweets(rig)[0]["id"])]
    assert rig.store.outbox_item(again.item_id).message_id == out[0].id  # type: ignore[union-attr]


def test_dm_timeout_waits_for_the_settle_time_before_looking(rig: Rig) -> None:
    conv_id, _ = dm_conversation(rig)
    rig.sandbox.dm_visibility_delay = 1.0  # X lists a fresh DM only after a moment
    ob = make_outbox(rig, timeout=0.3, settle=30)
    rig.sandbox.faults.add(Fault(route="dm_send", delay=0.8))
    result = send(rig, conv_id, "checking your order now", dm=True, ob=ob)
    assert result.error_kind == "offline"
    _wait_for(lambda: len(brand_dms(rig)) == 1)
    rig.tick(6)  # past the backoff, inside the settle time
    [wait] = ob.deliver_due()
    assert (wait.state, wait.error_kind) == (OutboxState.QUEUED, "confirming")
    assert not [p for _, p, _ in rig.sandbox.requests_log if p.endswith("/dm_events")
                and "dm_conversations" in p]
    rig.tick(30)
    [done] = ob.deliver_due()
    assert done.state is OutboxState.SENT and done.reconciled
    assert creates(rig) == 1 and len(brand_dms(rig)) == 1
    assert len([m for m in rig.store.thread(conv_id) if m.direction is Direction.OUT]) == 1


# ---- X says "no" ----------------------------------------------------------------


def test_reply_not_allowed_fails_offering_a_dm_and_retry_sends_it(rig: Rig) -> None:
    who = customer(rig)
    tweet = rig.sandbox.post_tweet(who.id, "this brand never answers", created_at=rig.tick())
    rig.store.ingest(rig.account.id, IngestBatch(messages=[IncomingMessage(
        kind=ChannelKind.MENTION, platform_id=tweet["id"], thread_id=tweet["conversation_id"],
        direction=Direction.IN, author_platform_id=who.id, text=tweet["text"],
        created_at=rig.now())]))
    conv_id = rig.conversations()[(ChannelKind.MENTION, tweet["conversation_id"])].id
    result = send(rig, conv_id, "We're sorry to hear that, can we help?")
    assert (result.state, result.error_kind) == (OutboxState.FAILED, "reply_not_allowed")
    assert "DM" in result.message and "\n" not in result.message
    assert brand_tweets(rig) == []
    assert outbox.describe(outbox.pending(rig.store)[0]).startswith("failed: X does not allow")
    assert rig.store.conversation(conv_id).first_reply_at is None

    rig.sandbox.enforce_reply_restrictions = False  # say the author has engaged since
    assert outbox.retry(rig.store, result.item_id, now=rig.now())
    assert not outbox.retry(rig.store, result.item_id, now=rig.now())  # already queued
    [again] = make_outbox(rig).deliver_due()
    assert again.state is OutboxState.SENT
    item = rig.store.outbox_item(result.item_id)
    assert item is not None and item.attempts == 2 and item.error_kind is None
    assert len(brand_tweets(rig)) == 1


def test_duplicate_content_on_the_first_attempt_fails(rig: Rig) -> None:
    conv_id, _, _ = mention(rig)
    rig.sandbox.post_tweet(rig.brand.id, "Thanks, we will DM you", created_at=rig.tick())
    result = send(rig, conv_id, "Thanks, we will DM you")
    assert (result.state, result.error_kind) == (OutboxState.FAILED, "duplicate")
    assert "reword" in result.message
    assert len(brand_tweets(rig)) == 1
    assert outbox.discard(rig.store, result.item_id)
    assert outbox.pending(rig.store) == []


def test_too_long_from_x_fails(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    conv_id, _, _ = mention(rig)
    item = outbox.enqueue(rig.store, conv_id, "fits here", dm=False, agent="nour",
                          undo_seconds=0, now=rig.now())
    # X counting differently from us (a newer emoji table, say): the 400 is explained
    monkeypatch.setattr("inbox.sandbox.routes._too_long", lambda text: True)
    [result] = make_outbox(rig).deliver_due()
    assert (result.item_id, result.state, result.error_kind) == (
        item.id, OutboxState.FAILED, "too_long")
    assert "shorten" in result.message


def test_401_fails_and_marks_the_account_for_reconnection(rig: Rig) -> None:
    conv_id, _, _ = mention(rig)
    rig.creds.save(rig.account.credential_ref, XCredentials(
        consumer_key="revoked", consumer_secret="revoked", access_token="1-revoked",
        access_token_secret="revoked"))
    result = send(rig, conv_id, "hello again")
    assert (result.state, result.error_kind) == (OutboxState.FAILED, "reconnect")
    assert "reconnect" in result.message
    assert rig.fresh_account().status is AccountStatus.NEEDS_RECONNECT
    assert brand_tweets(rig) == []


def test_idempotency_key_queues_once(rig: Rig) -> None:
    conv_id, _, _ = mention(rig)
    a = outbox.enqueue(rig.store, conv_id, "once", dm=False, agent="nour",
                       idempotency_key="draft-7-send-1", now=rig.now())
    b = outbox.enqueue(rig.store, conv_id, "once", dm=False, agent="nour",
                       idempotency_key="draft-7-send-1", now=rig.now())
    assert a.id == b.id and len(outbox.items(rig.store, conv_id)) == 1


def _wait_for(condition: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
