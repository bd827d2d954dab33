"""Kill -9 the sending process at random moments; after a restart each reply is on X once.

Each trial queues one reply (public replies and DMs alternate), starts
``tests.outbox_child`` to deliver it and SIGKILLs it at a seeded random moment:
before it claims the row, while the request is held on the sandbox (a
``Fault(delay=...)`` widens that window), or right after X accepted it and
before the outbox recorded it (the child lingers there on request). Then the
``outbox flush`` logic runs in this process. For every trial the sandbox must
hold the post/DM exactly once, and the store exactly one outbound message and
one sent outbox row for it. One sandbox serves all trials.
"""

from __future__ import annotations

import collections
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from inbox import outbox
from inbox.credentials import MemoryCredentials, XCredentials
from inbox.domain import ChannelKind, Direction, IncomingMessage, IngestBatch, OutboxState
from inbox.outbox import Outbox
from inbox.sandbox import Fault, XSandbox, dm_pair_id
from inbox.store import open_sqlite
from inbox.sync import Syncer
from inbox.timeutil import utcnow
from tests.sandbox_fixtures import channel_factory

TRIALS = 50
SEED = 20261121
ROOT = Path(__file__).resolve().parents[1]
UNLIMITED = {key: 1_000_000 for key in (
    "create_tweet", "dm_send", "dm_lookup", "user_tweets", "tweets_lookup", "mentions",
    "create_tweet_24h_user", "create_tweet_24h_app", "dm_send_24h_user", "dm_send_24h_app")}
SETTLE_S = 0.5
MAX_DELAY_S = 0.25


@pytest.mark.slow
def test_kill_at_random_moments_then_flush_delivers_each_reply_exactly_once(
        tmp_path: Path) -> None:
    rng = random.Random(SEED)
    with XSandbox(limits=UNLIMITED) as sandbox:
        brand = sandbox.add_user("AcmeHelp", "Acme Support", followers=5000)
        people = [sandbox.add_user(f"crash{i}", f"Crash {i}") for i in range(4)]
        store = open_sqlite(tmp_path)
        keys = sandbox.issue_oauth1(brand.id)
        creds = MemoryCredentials()
        creds.save("x:brand", XCredentials(**keys))
        account = store.add_account(name="brand", handle=brand.username, user_id=brand.id,
                                    api_base=sandbox.base_url, credential_ref="x:brand",
                                    auth_kind="oauth1")
        env = {**os.environ, "OUTBOX_CHILD_CONFIG": json.dumps({
            "db": str(store.path), "credentials": {"x:brand": keys}, "timeout": 5.0,
            "settle": SETTLE_S, "pause_after_send": 0.3})}
        restart = Outbox(store, creds, channel_factory=channel_factory(5.0),
                         dm_settle_seconds=SETTLE_S, rng=random.Random(SEED))
        seen: collections.Counter[str] = collections.Counter()

        for trial in range(TRIALS):
            dm = trial % 2 == 1
            who = people[trial % len(people)]
            text = f"Trial {trial}: we have refunded order #{1000 + trial} ✅"
            if dm:
                event = sandbox.send_dm(who.id, brand.id, f"DM question {trial}")
                incoming = IncomingMessage(
                    kind=ChannelKind.DM, platform_id=event["id"],
                    thread_id=dm_pair_id(who.id, brand.id), direction=Direction.IN,
                    author_platform_id=who.id, text=event["text"], created_at=utcnow(),
                    counterpart_platform_id=who.id)
            else:
                tweet = sandbox.post_tweet(who.id, f"@AcmeHelp where is order {trial}?")
                incoming = IncomingMessage(
                    kind=ChannelKind.MENTION, platform_id=tweet["id"],
                    thread_id=tweet["conversation_id"], direction=Direction.IN,
                    author_platform_id=who.id, text=tweet["text"], created_at=utcnow())
            result = store.ingest(account.id, IngestBatch(messages=[incoming]))
            [conv_id] = result.conversations_touched
            item = outbox.enqueue(store, conv_id, text, dm=dm, agent="crash", undo_seconds=0)

            delay = rng.uniform(0.0, MAX_DELAY_S)
            sandbox.faults.add(Fault(route="dm_send" if dm else "create_tweet", delay=delay))
            mode = rng.choice(["before", "during", "during", "after_accept", "after_accept",
                               "finish"])
            seen[mode] += 1
            on_x = _count_on_x(sandbox, brand.id, text, dm)
            child = subprocess.Popen([sys.executable, "-m", "tests.outbox_child"], env=env,
                                     cwd=ROOT, stdout=subprocess.PIPE)
            assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
            killed_at = time.monotonic()
            if mode == "before":
                time.sleep(rng.uniform(0.0, 0.01))
            elif mode == "during":
                time.sleep(rng.uniform(0.0, delay + 0.05))
            elif mode == "after_accept":
                deadline = time.monotonic() + 5
                while on_x(0) == 0 and time.monotonic() < deadline:
                    time.sleep(0.002)
            else:
                child.wait(timeout=10)
            child.kill()
            child.wait(timeout=10)
            child.stdout.close()
            sandbox.faults.clear()  # a delay the killed child never reached must not linger

            finished = restart.deliver_until_settled([item.id], timeout_s=10, ignore_undo=True)
            seen["reconciled"] += sum(r.reconciled for r in finished)
            seen["sent_by_restart"] += sum(
                r.state is OutboxState.SENT and not r.reconciled for r in finished)
            seen["done_by_child"] += not finished
            # let a request the killed child left on the sandbox finish, then count
            time.sleep(max(0.0, killed_at + delay + 0.1 - time.monotonic()))

            assert on_x(0) == 1, f"trial {trial} ({mode}, dm={dm}): {on_x(0)} on X"
            row = store.outbox_item(item.id)
            assert row is not None and row.state is OutboxState.SENT, (trial, mode, row)
            out = [r for r in store.export_rows() if r["direction"] == "out"
                   and r["text"] == text]
            assert len(out) == 1, (trial, mode, out)
            assert out[0]["platform_id"] == row.sent_platform_id
            assert out[0]["origin"] == "app" and out[0]["agent"] == "crash"
            sent_rows = [i for i in store.outbox_in_states([OutboxState.SENT])
                         if i.text == text]
            assert len(sent_rows) == 1

        # what sync later sees of all this changes nothing
        Syncer(store, creds, channel_factory=channel_factory(5.0)).sync_all(force=True)
        rows = list(store.export_rows())
        outbound = [r for r in rows if r["direction"] == "out"]
        assert len(outbound) == TRIALS
        assert len({(r["kind"], r["platform_id"]) for r in rows}) == len(rows)
        store.close()
    print(f"\ncrash trials: {TRIALS}/{TRIALS} exactly once; {dict(seen)}")
    assert seen["reconciled"] > 0 and seen["sent_by_restart"] > 0 and seen["done_by_child"] > 0


def _count_on_x(sandbox: XSandbox, brand_id: str, text: str,
                dm: bool) -> Callable[[int], int]:
    """A probe counting the brand's posts or DMs with exactly ``text``."""

    def count(_: int) -> int:
        if dm:
            return sum(1 for e in sandbox.dm_events_of(brand_id)
                       if e.get("sender_id") == brand_id and e.get("text") == text)
        return sum(1 for t in sandbox.tweets_by(brand_id) if t["text"] == text)

    return count
