"""Crash safety of ingest with real process kills.

The sandbox serves a large backlog from this process; a child process
(``python -m tests.crash_child``) syncs it into a SQLite file and is SIGKILLed
at seeded-random moments: before its first request, between and during pages,
or not at all. New mentions and DMs arrive between kills. After a final sync the
store must hold every message X has for the brand exactly once, each with
exactly one message_in/message_out event, and counters that match.

Note: X only serves the newest 800 mentions, so the backlog stays below that
(700 + what arrives between kills); beyond it X itself has forgotten the rest.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from inbox.credentials import MemoryCredentials
from inbox.sandbox import SandboxUser, XSandbox
from inbox.store import open_sqlite
from inbox.store.sqlite import DB_FILENAME
from inbox.sync import Syncer
from tests.crash_child import ENV
from tests.sandbox_fixtures import channel_factory, oauth1_credentials

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TRIALS = 16
SEED = 20261121
UNLIMITED = {"mentions": 10**6, "user_tweets": 10**6, "dm_lookup": 10**6, "users_me": 10**6}


def stage_backlog(sb: XSandbox, brand: SandboxUser, people: list[SandboxUser],
                  rng: random.Random) -> None:
    """700 mentions in reply trees (with some brand replies) and ~400 DM events."""
    at = datetime.now(UTC) - timedelta(hours=6)
    step = timedelta(seconds=7)
    roots: list[str] = []
    last_in: dict[str, str] = {}
    mentions = 0
    while mentions < 700:
        at += step
        who = rng.choice(people)
        roll = rng.random()
        if roots and roll < 0.12 and who.id in last_in:  # the brand answers on X
            sb.post_tweet(brand.id, f"@{who.username} نحن هنا للمساعدة 🙏",
                          in_reply_to=last_in[who.id], created_at=at)
            continue
        parent = rng.choice(roots) if roots and roll < 0.45 else None
        text = rng.choice(["@AcmeHelp طلبي متأخر", "@AcmeHelp <b>help</b> 😡",
                           f"@AcmeHelp order {mentions} \u202elate"])
        tweet = sb.post_tweet(who.id, text, in_reply_to=parent, created_at=at)
        last_in[who.id] = tweet["id"]
        if parent is None:
            roots.append(tweet["id"])
        mentions += 1
    for i in range(380):
        at += step
        who = people[i % len(people)]
        if i % 7 == 6:
            sb.send_dm(brand.id, who.id, f"رد {i}", created_at=at)
        else:
            sb.send_dm(who.id, brand.id, f"رسالة {i} 📦", created_at=at)
    a, b, c = people[:3]
    at += step
    group = sb.create_group_dm(a.id, [brand.id, b.id], created_at=at)
    for i in range(14):
        at += step
        sb.send_group_dm(group, rng.choice([a, b, brand]).id, f"group {i}", created_at=at)
    sb.join_group(group, c.id, added_by=a.id, created_at=at + step)
    sb.leave_group(group, b.id, created_at=at + 2 * step)


def arrive(sb: XSandbox, brand: SandboxUser, people: list[SandboxUser],
           rng: random.Random, trial: int) -> None:
    """What customers (and the brand, on X) do between two kills: at most 2 mentions."""
    who = rng.choice(people)
    first = sb.post_tweet(who.id, f"@AcmeHelp still waiting ({trial})")
    sb.post_tweet(who.id, f"@AcmeHelp hello again {trial} 👋", in_reply_to=first["id"])
    if trial % 3 == 0:
        sb.post_tweet(brand.id, f"@{who.username} on it ({trial})", in_reply_to=first["id"])
    sb.send_dm(rng.choice(people).id, brand.id, f"new dm {trial}")
    if trial % 2:
        sb.send_dm(brand.id, who.id, f"answered {trial}")


def cursors(db: Path) -> dict[str, dict[str, object]]:
    with sqlite3.connect(db) as conn:
        return {s: json.loads(v) for s, v in conn.execute("SELECT stream, value FROM cursors")}


def run_and_kill(sb: XSandbox, env: dict[str, str], rng: random.Random,
                 db: Path) -> str:
    """One child sync, killed at a seeded-random moment; what happened to it."""
    start = len(sb.requests_log)
    child = subprocess.Popen([sys.executable, "-m", "tests.crash_child"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    if rng.random() < 0.4:  # after a delay from spawn: often before any request
        until = time.monotonic() + rng.uniform(0.0, 0.9)
        while time.monotonic() < until and child.poll() is None:
            time.sleep(0.005)
    else:  # after the k-th request, a few milliseconds into handling its page
        k = rng.randint(1, 9)
        while (len(sb.requests_log) - start < k and child.poll() is None
               and time.monotonic() < deadline):
            time.sleep(0.001)
        time.sleep(rng.uniform(0.0, 0.04))
    requests_made = len(sb.requests_log) - start
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
        _, err = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL, err.decode()
        if requests_made == 0:
            return "killed before any request"
        running = cursors(db)
        mid_run = any("run" in c or "run_newest" in c for c in running.values())
        return "killed mid-run" if mid_run else "killed between pages/streams"
    _, err = child.communicate(timeout=10)
    assert child.returncode == 0, err.decode()
    return "finished"


def test_sigkill_during_sync_never_loses_or_doubles_a_message(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    began = time.monotonic()
    with XSandbox(limits=UNLIMITED) as sb:
        brand = sb.add_user("AcmeHelp", "Acme Support", followers=184_000, verified=True)
        people = [sb.add_user(f"cust{i}", f"عميل {i}", followers=i * 37) for i in range(40)]
        stage_backlog(sb, brand, people, rng)
        data = tmp_path / "data"
        store = open_sqlite(data)
        keys = sb.issue_oauth1(brand.id)
        store.add_account(name="brand", handle="AcmeHelp", user_id=brand.id,
                          api_base=sb.base_url, credential_ref="x:brand", auth_kind="oauth1")
        store.close()
        db = data / DB_FILENAME
        env = {**os.environ, ENV: json.dumps({"db": str(db), "credentials": {"x:brand": keys}})}

        outcomes = []
        for trial in range(TRIALS):
            outcomes.append(run_and_kill(sb, env, rng, db))
            arrive(sb, brand, people, rng, trial)

        creds = MemoryCredentials()
        creds.save("x:brand", oauth1_credentials(keys))
        store = open_sqlite(data)
        try:
            reports = Syncer(store, creds, channel_factory=channel_factory()).sync_all(force=True)
            assert [r.error for r in reports] == [""]
        finally:
            store.close()

        mentions = {("mention", t["id"]) for t in sb.mentions_of(brand.id)}
        own_replies = {("mention", t["id"]) for t in sb.tweets_by(brand.id)
                       if t.get("referenced_tweets")}
        dm_events = sb.dm_events_of(brand.id)
        dms = {("dm", e["id"]) for e in dm_events if e["event_type"] == "MessageCreate"}
        participants = Counter(
            (e["event_type"], pid) for e in dm_events if e["event_type"] != "MessageCreate"
            for pid in e.get("participant_ids", []))

    kinds = Counter(outcomes)
    assert kinds["killed mid-run"] >= 2, kinds
    assert sum(n for k, n in kinds.items() if k.startswith("killed")) >= TRIALS // 2, kinds
    assert len(mentions) < 800  # all still within X's mention horizon

    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT kind, platform_id FROM messages").fetchall()
        assert len(stored) == len(set(stored)), "a message was stored twice"
        assert set(stored) == mentions | own_replies | dms

        per_message = conn.execute(
            "SELECT m.direction, COUNT(e.id), GROUP_CONCAT(e.type) FROM messages m"
            " LEFT JOIN events e ON e.message_id = m.id"
            " AND e.type IN ('message_in', 'message_out') GROUP BY m.id").fetchall()
        assert len(per_message) == len(stored)
        assert all(n == 1 and types == f"message_{d}" for d, n, types in per_message)

        counts = conn.execute(
            "SELECT c.message_count, (SELECT COUNT(*) FROM messages m"
            " WHERE m.conversation_id = c.id) FROM conversations c").fetchall()
        assert all(kept == actual for kept, actual in counts)

        joined_left = Counter(
            ("ParticipantsJoin" if t == "participant_joined" else "ParticipantsLeave",
             json.loads(d)["participant"])
            for t, d in conn.execute(
                "SELECT type, data FROM events"
                " WHERE type IN ('participant_joined', 'participant_left')"))
        assert joined_left == participants

    assert time.monotonic() - began < 60
