"""Rules inside the real sync pipeline: tweepy over HTTP to the X sandbox, a real SQLite
file, the real Syncer. Message rules fire as pages are stored, timers after the sync."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from inbox.domain import ChannelKind, EventType, Priority
from inbox.rules import parse_rules
from inbox.rules_run import save_rules
from inbox.sandbox import XSandbox
from inbox.sandbox.testing import FakeClock
from inbox.store import SqlStore
from tests.sandbox_fixtures import Rig, build_rig, start_sandbox


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=float(int(datetime.now(UTC).timestamp())))


@pytest.fixture
def rig(clock: FakeClock, store: SqlStore) -> Iterator[Rig]:
    sandbox: XSandbox = start_sandbox(clock)
    try:
        yield build_rig(sandbox, clock, store)
    finally:
        sandbox.stop()


def test_starter_rules_fire_during_sync(rig: Rig) -> None:
    sb = rig.sandbox
    star = sb.add_user("star", "Famous", followers=120_000, verified=True)
    noura = sb.add_user("noura", "نورة", followers=40)
    sb.post_tweet(star.id, "@AcmeHelp where is my order?", created_at=rig.tick())
    sb.send_dm(noura.id, rig.brand.id, "هذا نصب! أريد إسترداد فلوسي", created_at=rig.tick())
    sb.post_tweet(noura.id, "@AcmeHelp هل صحيح انكم بتسكروا؟", created_at=rig.tick())

    reports = rig.syncer().sync_all(force=True)

    assert [r.error for r in reports] == [""]
    convs = rig.conversations()
    vip = next(c for c in convs.values() if c.contact.handle == "star")
    dm = next(c for c in convs.values() if c.kind is ChannelKind.DM)
    rumour = next(c for c in convs.values()
                  if c.kind is ChannelKind.MENTION and c.contact.handle == "noura")
    assert "vip" in vip.tags and vip.priority is Priority.HIGH
    assert "urgent" in dm.tags and dm.priority is Priority.HIGH
    assert rumour.tags == ("rumour",)
    reasons = [e.data["reason"] for e in rig.store.events(vip.id)
               if e.type is EventType.RULE_FIRED]
    assert reasons == ["rule 'VIP' fired: followers 120,000 >= 10,000"]
    # A second sync brings nothing new and fires nothing again.
    before = len(rig.store.events(vip.id))
    rig.syncer().sync_all(force=True)
    assert len(rig.store.events(vip.id)) == before


def test_waiting_rule_fires_from_the_sync_job(rig: Rig) -> None:
    save_rules(rig.store, parse_rules([{
        "name": "Waited 20", "when": "waiting", "after_minutes": 20, "match": "all",
        "conditions": [{"field": "kind", "op": "==", "value": "mention"}],
        "actions": [{"type": "assign", "value": "team:leads"}]}]), replace_all=True)
    who = rig.sandbox.add_user("sami", "Sami")
    rig.sandbox.post_tweet(who.id, "@AcmeHelp hello?", created_at=rig.tick())
    rig.syncer().sync_all(force=True)
    [conv] = rig.conversations().values()
    assert conv.team is None
    rig.tick(20 * 60)
    rig.syncer().sync_all(force=True)
    assert rig.store.conversation(conv.id).team == "leads"
    rig.tick(60 * 60)
    rig.syncer().sync_all(force=True)
    fired = [e for e in rig.store.events(conv.id) if e.type is EventType.RULE_FIRED]
    assert len(fired) == 1 and fired[0].actor == "rule:Waited 20"
