"""Sync against the local X sandbox: tweepy over real HTTP, a real SQLite file, real Syncer.

What a support team relies on: everything customers send arrives once, grouped
the way X groups it, with its text untouched; paging never drops or doubles a
message; X saying "not now" (429, 5xx, slow, garbled) delays the sync without
losing anything; revoked credentials stop the account with a reason.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
import tweepy

from inbox.channels.x import parse_dm_events, parse_mentions
from inbox.credentials import XCredentials
from inbox.domain import AccountStatus, ChannelKind, Direction, EventType, Origin, Status, View
from inbox.sandbox import Fault, SandboxUser, XSandbox, dm_pair_id
from inbox.sandbox.testing import FakeClock, oauth1_client
from inbox.store import SqlStore
from inbox.sync import (
    BACKOFF_MAX_S,
    DMS,
    LATE_ARRIVAL_MS,
    MENTIONS,
    backoff_seconds,
    rewind,
)
from inbox.timeutil import parse_x_time
from tests.sandbox_fixtures import Rig, build_rig, connect, oauth1_credentials, start_sandbox

RLO = "\u202e"

RigFactory = Callable[..., Rig]


@pytest.fixture
def clock() -> FakeClock:
    # Start at the real "now": the store stamps resolve/snooze with the wall
    # clock, and reopening compares that with the messages' X created_at.
    return FakeClock(start=float(int(datetime.now(UTC).timestamp())))


@pytest.fixture
def make_rig(clock: FakeClock, store: SqlStore) -> Iterator[RigFactory]:
    started: list[XSandbox] = []

    def make(limits: dict[str, int] | None = None) -> Rig:
        sandbox = start_sandbox(clock, limits)
        started.append(sandbox)
        return build_rig(sandbox, clock, store)

    yield make
    for sandbox in started:
        sandbox.stop()


@pytest.fixture
def rig(make_rig: RigFactory) -> Rig:
    return make_rig()


def customers(rig: Rig, n: int) -> list[SandboxUser]:
    people = [rig.sandbox.add_user(f"cust{i}", f"Customer {i}", followers=10 * i)
              for i in range(n)]
    rig.customers += people
    return people


def backlog(rig: Rig, people: list[SandboxUser], mentions: int, dms: int) -> None:
    """``mentions`` mentions (some threaded) and ``dms`` inbound DMs, one second apart."""
    last: dict[str, str] = {}
    for i in range(mentions):
        who = people[i % len(people)]
        text = f"@AcmeHelp طلب رقم {i} لم يصل" if i % 2 else f"@AcmeHelp order {i} is late"
        parent = last.get(who.id) if i % 5 == 4 else None
        last[who.id] = rig.sandbox.post_tweet(who.id, text, in_reply_to=parent,
                                              created_at=rig.tick())["id"]
    for i in range(dms):
        who = people[i % len(people)]
        rig.sandbox.send_dm(who.id, rig.brand.id, f"dm {i} مرحبا", created_at=rig.tick())


def assert_exactly_once(rig: Rig) -> None:
    stored = rig.stored_messages()
    assert len(stored) == len(set(stored)), "a message was stored twice"
    assert set(stored) == rig.sandbox_messages()


# ---- arrival, grouping, contacts, text ----------------------------------


def test_mentions_and_dms_grouped_with_contacts_and_exact_text(rig: Rig) -> None:
    sb, brand = rig.sandbox, rig.brand
    sara = sb.add_user("sara_k", "سارة", followers=120,
                       created_at=datetime(2019, 5, 1, tzinfo=UTC))
    omar = sb.add_user("omar_dev", "Omar", followers=5_400, verified=True,
                       created_at=datetime(2015, 7, 9, 12, 30, tzinfo=UTC))
    root = sb.post_tweet(sara.id, "@AcmeHelp طلبي لم يصل بعد 😡📦", created_at=rig.tick())
    ours = sb.post_tweet(brand.id, "@sara_k نعتذر! راسلينا", in_reply_to=root["id"],
                         created_at=rig.tick())
    follow = sb.post_tweet(sara.id, "<b>hi</b> &amp; شكراً 🙏🏽", in_reply_to=ours["id"],
                           created_at=rig.tick())
    other = sb.post_tweet(omar.id, f"@AcmeHelp invoice {RLO}fdp.exe <script>x</script>",
                          created_at=rig.tick())
    dm_in = sb.send_dm(sara.id, brand.id, "مرحبا 👋 <i>x</i>\nسطر ثانٍ", created_at=rig.tick())
    dm_out = sb.send_dm(brand.id, sara.id, "أهلاً، كيف نساعدك؟", created_at=rig.tick())
    dm_omar = sb.send_dm(omar.id, brand.id, f"{RLO}abc 🧾 ", created_at=rig.tick())

    report = rig.syncer().sync_account(rig.account)

    assert report.error == ""
    assert report.new_messages == 7
    convs = rig.conversations()
    assert set(convs) == {
        (ChannelKind.MENTION, root["id"]), (ChannelKind.MENTION, other["id"]),
        (ChannelKind.DM, dm_pair_id(brand.id, sara.id)),
        (ChannelKind.DM, dm_pair_id(brand.id, omar.id)),
    }
    thread = rig.store.thread(convs[ChannelKind.MENTION, root["id"]].id)
    assert [(m.platform_id, m.direction, m.author_handle, m.text) for m in thread] == [
        (root["id"], Direction.IN, "sara_k", root["text"]),
        (ours["id"], Direction.OUT, "AcmeHelp", "@sara_k نعتذر! راسلينا"),
        (follow["id"], Direction.IN, "sara_k", "<b>hi</b> &amp; شكراً 🙏🏽"),
    ]
    assert thread[1].origin is Origin.EXTERNAL  # answered directly on X
    public = rig.store.conversation(convs[ChannelKind.MENTION, root["id"]].id)
    assert public.waiting_since == parse_x_time(follow["created_at"])
    assert [m.text for m in rig.store.thread(convs[ChannelKind.MENTION, other["id"]].id)] == [
        f"@AcmeHelp invoice {RLO}fdp.exe <script>x</script>"]
    dm_thread = rig.store.thread(convs[ChannelKind.DM, dm_pair_id(brand.id, sara.id)].id)
    assert [(m.platform_id, m.direction, m.text) for m in dm_thread] == [
        (dm_in["id"], Direction.IN, "مرحبا 👋 <i>x</i>\nسطر ثانٍ"),
        (dm_out["id"], Direction.OUT, "أهلاً، كيف نساعدك؟"),
    ]
    omar_dm = rig.store.thread(convs[ChannelKind.DM, dm_pair_id(brand.id, omar.id)].id)
    assert [m.text for m in omar_dm] == [f"{RLO}abc 🧾 "]
    assert omar_dm[0].created_at == parse_x_time(dm_omar["created_at"])

    for key in [(ChannelKind.MENTION, root["id"]), (ChannelKind.DM,
                                                       dm_pair_id(brand.id, sara.id))]:
        c = convs[key].contact
        assert (c.platform_id, c.handle, c.display_name) == (sara.id, "sara_k", "سارة")
        assert (c.followers, c.verified) == (120, False)
        assert c.account_created_at == datetime(2019, 5, 1, tzinfo=UTC)
    o = convs[ChannelKind.MENTION, other["id"]].contact
    assert (o.handle, o.followers, o.verified) == ("omar_dev", 5_400, True)
    assert o.account_created_at == datetime(2015, 7, 9, 12, 30, tzinfo=UTC)


def test_oauth2_user_token_account_syncs_mentions_and_dms(rig: Rig) -> None:
    other = rig.sandbox.add_user("AcmeBilling", "Acme Billing")
    account = connect(rig.store, rig.sandbox, rig.creds, other, "billing", bearer=True)
    sara = rig.sandbox.add_user("sara_k", "Sara")
    rig.sandbox.post_tweet(sara.id, "@AcmeBilling charged twice", created_at=rig.tick())
    rig.sandbox.send_dm(sara.id, other.id, "please refund", created_at=rig.tick())

    report = rig.syncer().sync_account(account)

    assert report.error == ""
    assert set(rig.stored_messages(account)) == rig.sandbox_messages(other)
    assert len(rig.stored_messages(account)) == 2


# ---- paging and cursors ---------------------------------------------------


def test_paging_ingests_everything_once_and_cursor_advances(rig: Rig) -> None:
    people = customers(rig, 13)
    backlog(rig, people, mentions=260, dms=270)
    for i in range(0, 270, 10):  # the brand answers some DMs directly on X
        rig.sandbox.send_dm(rig.brand.id, people[i % 13].id, f"reply {i}", created_at=rig.tick())

    first = rig.syncer().sync_account(rig.account)

    assert first.error == ""
    assert first.new_messages == 260 + 270 + 27
    assert_exactly_once(rig)
    mention_calls, dm_calls = rig.requests_to("/mentions"), rig.requests_to("/dm_events")
    assert len(mention_calls) >= 3 and sum("pagination_token" in q for q in mention_calls) >= 2
    assert len(dm_calls) >= 3 and sum("pagination_token" in q for q in dm_calls) >= 2
    newest = max((t["id"] for t in rig.sandbox.mentions_of(rig.brand.id)), key=int)
    assert rig.cursor(MENTIONS) == {"since_id": newest}

    before = len(rig.sandbox.requests_log)
    second = rig.syncer().sync_account(rig.account)
    # Nothing new; only the short overlap behind the cursor is read again, and dropped.
    assert (second.error, second.new_messages) == ("", 0)
    assert second.duplicates <= 2 * LATE_ARRIVAL_MS // 1000
    assert_exactly_once(rig)
    calls = [q for _, p, q in rig.sandbox.requests_log[before:] if p.endswith("/mentions")]
    assert calls[0].get("since_id") == rewind(newest)
    # DMs have no since_id: paging stops at the first page reaching the overlap's floor
    assert [p for _, p, _ in rig.sandbox.requests_log[before:]].count("/2/dm_events") <= 2

    late = rig.sandbox.post_tweet(people[3].id, "@AcmeHelp still waiting", created_at=rig.tick())
    late_dm = rig.sandbox.send_dm(people[4].id, rig.brand.id, "hello?", created_at=rig.tick())
    third = rig.syncer().sync_account(rig.account)

    assert third.new_messages == 2
    assert {("mention", late["id"]), ("dm", late_dm["id"])} <= set(rig.stored_messages())
    assert_exactly_once(rig)
    assert rig.cursor(MENTIONS) == {"since_id": late["id"]}


def test_items_x_shows_late_are_not_skipped_by_the_cursor(rig: Rig) -> None:
    """X can make a DM or post visible after a newer one; the overlap still finds it."""
    people = customers(rig, 3)
    rig.tick(60)
    rig.sandbox.post_tweet(people[0].id, "@AcmeHelp first", created_at=rig.tick())
    newest_at = rig.tick(30)
    rig.sandbox.send_dm(people[1].id, rig.brand.id, "newest DM", created_at=newest_at)
    rig.sandbox.post_tweet(people[1].id, "@AcmeHelp newest post", created_at=newest_at)
    rig.syncer().sync_account(rig.account)
    # these become visible only now, though written 20 s before what we already saw
    late_dm = rig.sandbox.send_dm(people[2].id, rig.brand.id, "late DM",
                                  created_at=newest_at - 20)
    late_post = rig.sandbox.post_tweet(people[2].id, "@AcmeHelp late post",
                                       created_at=newest_at - 20)
    report = rig.syncer().sync_account(rig.account)
    assert report.new_messages == 2
    assert {("dm", late_dm["id"]), ("mention", late_post["id"])} <= set(rig.stored_messages())
    assert_exactly_once(rig)


# ---- the brand's own DMs, group joins and leaves ---------------------------


def test_brand_dm_sent_on_x_is_outbound_external_and_answers_the_customer(rig: Rig) -> None:
    sara = rig.sandbox.add_user("sara_k", "Sara")
    asked_at = rig.tick()
    rig.sandbox.send_dm(sara.id, rig.brand.id, "where is my order?", created_at=asked_at)
    rig.syncer().sync_account(rig.account)
    conv = rig.conversations()[ChannelKind.DM, dm_pair_id(rig.brand.id, sara.id)]
    assert conv.waiting_since == datetime.fromtimestamp(asked_at, UTC)
    assert conv.id in rig.store.queue_ids(View.NEEDS_REPLY)

    answered_at = rig.tick(90)
    sent = rig.sandbox.send_dm(rig.brand.id, sara.id, "on its way 🚚", created_at=answered_at)
    rig.syncer().sync_account(rig.account)

    out = rig.store.thread(conv.id)[-1]
    assert out.platform_id == sent["id"]
    assert (out.direction, out.origin, out.automatic) == (Direction.OUT, Origin.EXTERNAL, False)
    conv = rig.store.conversation(conv.id)
    assert conv.waiting_since is None
    assert conv.first_reply_at == datetime.fromtimestamp(answered_at, UTC)
    assert conv.id not in rig.store.queue_ids(View.NEEDS_REPLY)
    out_events = [e for e in rig.store.events(conv.id) if e.type is EventType.MESSAGE_OUT]
    assert [e.message_id for e in out_events] == [out.id]


def test_group_dm_joins_and_leaves_are_events_not_messages(rig: Rig) -> None:
    sb = rig.sandbox
    sara, omar, lina = (sb.add_user(u, u.title()) for u in ("sara", "omar", "lina"))
    group = sb.create_group_dm(sara.id, [rig.brand.id, omar.id], created_at=rig.tick())
    hello = sb.send_group_dm(group, sara.id, "hello team 👋", created_at=rig.tick())
    sb.join_group(group, lina.id, added_by=sara.id, created_at=rig.tick())
    sb.leave_group(group, omar.id, created_at=rig.tick())

    report = rig.syncer().sync_account(rig.account)

    assert report.error == ""
    conv = rig.conversations()[ChannelKind.DM, group]
    assert [m.platform_id for m in rig.store.thread(conv.id)] == [hello["id"]]
    people = [(e.type, e.data["participant"]) for e in rig.store.events(conv.id)
              if e.type in (EventType.PARTICIPANT_JOINED, EventType.PARTICIPANT_LEFT)]
    assert sorted(people) == sorted([
        (EventType.PARTICIPANT_JOINED, rig.brand.id),
        (EventType.PARTICIPANT_JOINED, omar.id),
        (EventType.PARTICIPANT_JOINED, lina.id),
        (EventType.PARTICIPANT_LEFT, omar.id),
    ])
    # syncing again (or re-reading the same page after a crash) adds no event twice
    rig.syncer().sync_account(rig.account, force=True)
    rig.store.set_cursor(rig.account.id, DMS, None)
    rig.syncer().sync_account(rig.account, force=True)
    again = [e for e in rig.store.events(conv.id)
             if e.type in (EventType.PARTICIPANT_JOINED, EventType.PARTICIPANT_LEFT)]
    assert len(again) == 4


# ---- reopening --------------------------------------------------------------


def test_new_inbound_reopens_resolved_and_snoozed_conversations(rig: Rig) -> None:
    sara = rig.sandbox.add_user("sara_k", "Sara")
    omar = rig.sandbox.add_user("omar", "Omar")
    root = rig.sandbox.post_tweet(sara.id, "@AcmeHelp app crashes", created_at=rig.tick())
    rig.sandbox.send_dm(omar.id, rig.brand.id, "refund please", created_at=rig.tick())
    rig.syncer().sync_account(rig.account)
    convs = rig.conversations()
    public = convs[ChannelKind.MENTION, root["id"]].id
    private = convs[ChannelKind.DM, dm_pair_id(rig.brand.id, omar.id)].id
    rig.store.resolve(public, actor="mona")
    rig.store.snooze(private, datetime.now(UTC) + timedelta(days=1), actor="mona")
    assert rig.store.queue_ids(View.NEEDS_REPLY) == []

    rig.tick(120)  # later than the resolve and the snooze
    rig.sandbox.post_tweet(sara.id, "@AcmeHelp it crashed again", in_reply_to=root["id"],
                           created_at=rig.tick())
    rig.sandbox.send_dm(omar.id, rig.brand.id, "any news?", created_at=rig.tick())
    report = rig.syncer().sync_account(rig.account)

    assert report.error == ""
    for conv_id in (public, private):
        conv = rig.store.conversation(conv_id)
        assert conv.status is Status.OPEN
        assert conv.snoozed_until is None
        assert EventType.REOPENED in [e.type for e in rig.store.events(conv_id)]
    assert set(rig.store.queue_ids(View.NEEDS_REPLY)) == {public, private}


# ---- rate limits ------------------------------------------------------------


def _reset_header(rig: Rig) -> int:
    """Ask X (the sandbox) directly when the brand's mentions window resets."""
    client = oauth1_client(rig.sandbox, rig.brand.id)
    client.return_type = requests.Response
    with pytest.raises(tweepy.TooManyRequests) as caught:
        client.get_users_mentions(rig.brand.id, user_auth=True)
    return int(caught.value.response.headers["x-rate-limit-reset"])


@pytest.mark.parametrize("how", ["small_limit", "fault"])
def test_rate_limit_waits_for_reset_without_requests_and_loses_nothing(
    make_rig: RigFactory, how: str
) -> None:
    rig = make_rig({"mentions": 2} if how == "small_limit" else None)
    backlog(rig, customers(rig, 7), mentions=260, dms=30)
    pages = 0

    def after_page() -> None:
        nonlocal pages
        pages += 1
        if how == "fault" and pages == 1:
            rig.sandbox.faults.add(Fault(status=429, route="mentions"))

    report = rig.syncer(on_page=after_page).sync_account(rig.account)

    assert "rate limit" in report.error
    reset = _reset_header(rig)
    state = rig.store.sync_state(rig.account.id)
    assert state.next_attempt_at == datetime.fromtimestamp(reset, UTC)
    assert report.next_attempt_at == state.next_attempt_at
    assert "rate limit" in state.last_error
    assert 0 < len(rig.stored_messages()) < 290  # the pages before the 429 are kept

    rig.tick(60)
    before = len(rig.sandbox.requests_log)
    skipped = rig.syncer().sync_account(rig.fresh_account())
    assert skipped.skipped
    assert rig.syncer().sync_all()[0].skipped
    assert len(rig.sandbox.requests_log) == before  # not a single request to X

    rig.clock.now = reset + 1
    done = rig.syncer().sync_account(rig.fresh_account())

    assert done.error == "" and not done.skipped
    assert_exactly_once(rig)
    state = rig.store.sync_state(rig.account.id)
    assert (state.next_attempt_at, state.failures, state.last_error) == (None, 0, "")
    assert state.last_success_at == rig.now()


# ---- server errors, timeouts, backoff ------------------------------------


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    rng = random.Random(3)
    for failures in range(1, 12):
        ceiling = min(BACKOFF_MAX_S, 5.0 * 2 ** (failures - 1))
        draws = [backoff_seconds(failures, rng) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in draws)
        assert len(set(draws)) > 40  # jittered: accounts do not retry in lock-step
    assert backoff_seconds(50, rng) <= BACKOFF_MAX_S


@pytest.mark.parametrize("trouble", ["503_mid_run", "slow_dms"])
def test_server_errors_and_timeouts_back_off_and_lose_nothing(rig: Rig, trouble: str) -> None:
    backlog(rig, customers(rig, 5), mentions=230, dms=40)
    timeout = 0.5
    staged = False

    def stage() -> None:
        nonlocal staged
        if not staged:
            staged = True
            if trouble == "503_mid_run":
                rig.sandbox.faults.add(Fault(status=503, route="mentions"))
            else:
                rig.sandbox.faults.add(Fault(delay=timeout * 4, route="dm_lookup"))

    expected_error = "server error (503)" if trouble == "503_mid_run" else "did not answer"
    for failures in (1, 2):
        seed = 10 + failures
        staged = False
        report = rig.syncer(timeout=timeout, seed=seed,
                            on_page=stage).sync_account(rig.account, force=True)
        assert expected_error in report.error
        state = rig.store.sync_state(rig.account.id)
        assert state.failures == failures
        assert expected_error in state.last_error
        assert state.next_attempt_at is not None
        wait = (state.next_attempt_at - rig.now()).total_seconds()
        ceiling = 5.0 * 2 ** (failures - 1)
        assert ceiling / 2 <= wait <= ceiling
        assert wait == pytest.approx(backoff_seconds(failures, random.Random(seed)), abs=0.002)

    before = len(rig.sandbox.requests_log)
    assert rig.syncer().sync_account(rig.account).skipped
    assert len(rig.sandbox.requests_log) == before

    rig.tick(11)
    done = rig.syncer().sync_account(rig.account)
    assert done.error == ""
    assert_exactly_once(rig)
    assert rig.store.sync_state(rig.account.id).failures == 0


# ---- credentials rejected ---------------------------------------------------


@pytest.mark.parametrize("how", ["wrong_secret", "revoked_bearer"])
def test_unauthorized_account_needs_reconnect_and_is_skipped(rig: Rig, how: str) -> None:
    sara = rig.sandbox.add_user("sara_k", "Sara")
    sales = rig.sandbox.add_user("AcmeSales", "Acme Sales")
    rig.sandbox.post_tweet(sara.id, "@AcmeHelp hi", created_at=rig.tick())
    rig.sandbox.post_tweet(sara.id, "@AcmeSales hi", created_at=rig.tick())
    healthy = connect(rig.store, rig.sandbox, rig.creds, sales, "sales")
    if how == "wrong_secret":
        keys = rig.sandbox.issue_oauth1(rig.brand.id)
        secret = "not-the-" + keys["access_token_secret"]
        rig.creds.save(rig.account.credential_ref,
                       oauth1_credentials({**keys, "access_token_secret": secret}))
    else:
        secret = rig.sandbox.issue_bearer(rig.brand.id)
        rig.creds.save(rig.account.credential_ref, XCredentials(bearer_token=secret))
        rig.sandbox.auth.revoke(secret)

    reports = {r.account: r for r in rig.syncer().sync_all()}

    assert "401" in reports["brand"].error
    account = rig.fresh_account()
    assert account.status is AccountStatus.NEEDS_RECONNECT
    assert "401" in account.status_reason and secret not in account.status_reason
    assert reports["sales"].error == ""
    assert len(rig.stored_messages(healthy)) == 1

    before = len(rig.sandbox.requests_log)
    skipped = rig.syncer().sync_account(account, force=True)
    assert skipped.skipped and "401" in skipped.error
    assert len(rig.sandbox.requests_log) == before  # no request made for it
    again = {r.account: r for r in rig.syncer().sync_all(force=True)}
    assert again["brand"].skipped and again["sales"].error == ""
    assert rig.stored_messages() == []


# ---- malformed bodies ---------------------------------------------------------


@pytest.mark.parametrize("route", ["mentions", "dm_lookup"])
def test_malformed_body_is_logged_and_skipped_and_nothing_is_lost(
    rig: Rig, route: str, caplog: pytest.LogCaptureFixture
) -> None:
    backlog(rig, customers(rig, 4), mentions=150, dms=20)
    other_user = rig.sandbox.add_user("AcmeSales", "Acme Sales")
    other = connect(rig.store, rig.sandbox, rig.creds, other_user, "sales")
    rig.sandbox.post_tweet(rig.customers[0].id, "@AcmeSales quote?", created_at=rig.tick())
    armed = False

    def arm() -> None:  # garble the brand's next page on this route, mid-run
        nonlocal armed
        if not armed:
            armed = True
            rig.sandbox.faults.add(Fault(malformed=True, route=route))

    with caplog.at_level(logging.WARNING):
        reports = {r.account: r for r in rig.syncer(on_page=arm).sync_all()}

    assert "not JSON" in reports["brand"].error
    assert any(r.levelno == logging.WARNING and "brand" in r.getMessage()
               and "not JSON" in r.getMessage() for r in caplog.records)
    assert 0 < len(rig.stored_messages()) < 170
    assert reports["sales"].error == ""
    assert set(rig.stored_messages(other)) == rig.sandbox_messages(other_user)

    rig.tick(10)
    retry = {r.account: r for r in rig.syncer().sync_all()}
    assert retry["brand"].error == ""
    assert_exactly_once(rig)


# ---- a crash in the middle of a run ---------------------------------------------


class Crash(Exception):
    pass


def test_crash_mid_mentions_run_resumes_from_saved_until_id(rig: Rig) -> None:
    backlog(rig, customers(rig, 9), mentions=350, dms=15)
    newest_first = [t["id"] for t in rig.sandbox.mentions_of(rig.brand.id)]
    pages = 0

    def crash_after_second_page() -> None:
        nonlocal pages
        pages += 1
        if pages == 2:
            raise Crash

    with pytest.raises(Crash):
        rig.syncer(on_page=crash_after_second_page).sync_account(rig.account)

    cursor = rig.cursor(MENTIONS)
    assert cursor["run"]["until_id"] == newest_first[199]
    assert cursor["since_id"] is None
    assert set(rig.stored_messages()) == {("mention", i) for i in newest_first[:200]}

    arrived = [rig.sandbox.post_tweet(rig.customers[i].id, f"@AcmeHelp late {i}",
                                      created_at=rig.tick())["id"] for i in range(3)]
    before = len(rig.sandbox.requests_log)
    resumed = rig.syncer().sync_account(rig.account)

    assert resumed.error == "" and resumed.duplicates == 0
    first_call = next(q for _, p, q in rig.sandbox.requests_log[before:]
                      if p.endswith("/mentions"))
    assert first_call.get("until_id") == newest_first[199]
    assert rig.cursor(MENTIONS) == {"since_id": newest_first[0]}

    rig.syncer().sync_account(rig.account)
    assert {("mention", i) for i in arrived} <= set(rig.stored_messages())
    assert_exactly_once(rig)


# ---- parsing keeps the good items of a page ---------------------------------------


def _tweet(tid: str, **extra: Any) -> dict[str, Any]:
    return {"id": tid, "text": f"@AcmeHelp {tid}", "author_id": "7", "conversation_id": tid,
            "created_at": "2026-11-02T09:00:00.000Z", "edit_history_tweet_ids": [tid], **extra}


def test_parse_mentions_skips_malformed_items_and_keeps_good_ones(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bad: list[Any] = [
        {k: v for k, v in _tweet("2").items() if k != "id"},
        {k: v for k, v in _tweet("3").items() if k != "text"},
        {k: v for k, v in _tweet("4").items() if k != "created_at"},
        _tweet("5", created_at="yesterday"),
        _tweet("6", created_at=None),
        _tweet("7", text=None),
        _tweet("8", id=None),
        "not a tweet",
    ]
    body = {"data": [_tweet("9"), *bad, _tweet("1", text="شكراً 🙏")],
            "includes": {"users": [{"id": "7", "name": "Sara", "username": "sara"},
                                   {"name": "no id"}]},
            "meta": {"newest_id": "9", "oldest_id": "1", "result_count": 10}}

    with caplog.at_level(logging.WARNING):
        page = parse_mentions(body, our_user_id="100")

    assert [(m.platform_id, m.text) for m in page.batch.messages] == [
        ("9", "@AcmeHelp 9"), ("1", "شكراً 🙏")]
    assert [c.handle for c in page.batch.contacts] == ["sara"]
    assert (page.newest_id, page.oldest_id, page.next_token) == ("9", "1", None)
    assert sum("malformed" in r.getMessage() for r in caplog.records) == len(bad) + 1


def _dm(eid: str, **extra: Any) -> dict[str, Any]:
    return {"id": eid, "event_type": "MessageCreate", "text": f"dm {eid}", "sender_id": "7",
            "dm_conversation_id": "7-100", "created_at": "2026-11-02T09:00:00.000Z", **extra}


def test_parse_dm_events_skips_malformed_items_and_keeps_good_ones(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bad: list[Any] = [
        {k: v for k, v in _dm("2").items() if k != "id"},
        {k: v for k, v in _dm("3").items() if k != "text"},
        {k: v for k, v in _dm("4").items() if k != "created_at"},
        {k: v for k, v in _dm("5").items() if k != "dm_conversation_id"},
        _dm("6", created_at=None),
        _dm("7", text=None),
        _dm("8", sender_id=None),
        {"id": "9", "event_type": "ParticipantsJoin", "dm_conversation_id": "555"},
        42,
    ]
    body = {"data": [_dm("20", text="مرحبا <b>x</b>"), *bad,
                     {"id": "10", "event_type": "ParticipantsLeave", "sender_id": "8",
                      "participant_ids": ["8"], "dm_conversation_id": "555",
                      "created_at": "2026-11-02T08:00:00.000Z"},
                     _dm("1", sender_id="100", text="ours")],
            "meta": {"result_count": 12, "next_token": "abc"}}

    with caplog.at_level(logging.WARNING):
        page = parse_dm_events(body, our_user_id="100")

    assert [(m.platform_id, m.text, m.direction) for m in page.batch.messages] == [
        ("20", "مرحبا <b>x</b>", Direction.IN), ("1", "ours", Direction.OUT)]
    assert page.batch.messages[0].counterpart_platform_id == "7"
    assert page.batch.messages[1].counterpart_platform_id == "7"
    assert [(e.platform_id, e.type, e.actor_platform_id) for e in page.batch.events] == [
        ("10", EventType.PARTICIPANT_LEFT, "8")]
    assert page.next_token == "abc"
    assert sum("malformed" in r.getMessage() for r in caplog.records) == len(bad)
