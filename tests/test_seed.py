"""dev seed: the bulk writer leaves exactly what the app's own ingest and actions would.

The fast path computes rows in Python and writes them with ``executemany``;
if it ever drifts from ``SqlStore.ingest`` (a new column, a changed preview
rule, a new event) the benchmarks would measure a store the app never makes.
So a small history is written both ways and every table compared row by row.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inbox import metrics, seed, seed_bulk
from inbox.business_hours import ALWAYS
from inbox.domain import ChannelKind, View
from inbox.store import SqlStore, open_sqlite

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TABLES = {
    "contacts": "SELECT * FROM contacts ORDER BY id",
    "conversations": "SELECT * FROM conversations ORDER BY id",
    "messages": "SELECT * FROM messages ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "conversation_tags": "SELECT * FROM conversation_tags ORDER BY conversation_id, tag",
    # response times: the samples and the per-day summaries built from them
    "metric_samples": "SELECT * FROM metric_samples ORDER BY id",
    "metric_daily": "SELECT * FROM metric_daily ORDER BY rowid",
    "metric_hist": "SELECT * FROM metric_hist ORDER BY rowid",
    "metric_inbound": "SELECT * FROM metric_inbound ORDER BY quarter, account_id, kind",
    "metric_state": "SELECT * FROM metric_state ORDER BY key",
    "metric_dirty": "SELECT * FROM metric_dirty ORDER BY conversation_id",
}


def _scripts(n: int, s: int = 3) -> list[seed.Script]:
    return list(seed.Generator(n, s, now_ms=int(NOW.timestamp() * 1000)).scripts())


def _dump(store: SqlStore) -> dict[str, list[tuple[object, ...]]]:
    dump = {name: [tuple(r) for r in store._all(sql)] for name, sql in TABLES.items()}
    # the search index, word by word (fts5vocab reads a contentless table too)
    store._exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.words USING fts5vocab("
                "main, messages_fts, instance)")
    dump["messages_fts"] = [tuple(r) for r in store._all(
        "SELECT term, doc, col, offset FROM temp.words ORDER BY doc, offset")]
    dump["contacts_fts"] = [tuple(r) for r in store._all(
        "SELECT rowid, name FROM contacts_fts ORDER BY rowid")]
    return dump


def test_bulk_writer_matches_ingest_and_the_agent_actions(tmp_path: Path) -> None:
    scripts = _scripts(1500)
    reference = open_sqlite(tmp_path / "reference")
    account = seed.seed_account(reference)
    seed.replay(reference, account.id, scripts)
    metrics.recompute_all(reference)

    bulk = open_sqlite(tmp_path / "bulk")
    writer = seed_bulk.BulkWriter(bulk, seed.seed_account(bulk).id)
    writer.CHUNK = 7  # several transactions, contacts updated across them
    assert writer.write(iter(scripts)) == 1500

    want, got = _dump(reference), _dump(bulk)
    assert len(want["messages_fts"]) > 10_000
    assert len(want["metric_samples"]) > 1000 and len(want["metric_hist"]) > 1000
    for table in want:
        assert len(got[table]) == len(want[table]), table
        for a, b in zip(want[table], got[table], strict=True):
            assert a == b, table
    for view in View:
        assert bulk.queue_ids(view) == reference.queue_ids(view)


def _maker() -> seed_bulk.RowMaker:
    return seed_bulk.RowMaker(1, ALWAYS, seed_bulk.Start([], 1), chunk=300)


def test_the_second_process_makes_the_same_chunks() -> None:
    """A big seed computes its rows in a child process (the comparison above runs them
    in this one): what comes back must be what the same RowMaker makes here."""
    now_ms = int(NOW.timestamp() * 1000)
    here = list(_maker().chunks(seed.Generator(4000, 7, now_ms=now_ms).scripts()))
    there = list(seed_bulk.chunks_from_child(4000, 7, now_ms, _maker()))
    assert len(here) > 2 and there == here


def test_a_failing_generator_process_fails_the_seed() -> None:
    maker = _maker()
    maker.calendar = None  # type: ignore[assignment]  # the child fails on its first samples
    with pytest.raises(RuntimeError, match="generator process failed"):
        list(seed_bulk.chunks_from_child(2000, 1, int(NOW.timestamp() * 1000), maker))


def test_history_looks_like_a_busy_brand_inbox(tmp_path: Path) -> None:
    store = open_sqlite(tmp_path)
    assert seed.seed(store, 6000, 5, now=NOW) == 6000
    counts = {k: int(n) for k, n in store._all(
        "SELECT kind, COUNT(*) FROM conversations GROUP BY kind")}
    assert counts[ChannelKind.MENTION.value] > counts[ChannelKind.DM.value] > 0
    assert 1200 < sum(counts.values()) < 2400  # about 3.3 messages a conversation
    statuses = Counter({k: int(n) for k, n in store._all(
        "SELECT status, COUNT(*) FROM conversations GROUP BY status")})
    assert set(statuses) == {"open", "pending", "resolved", "snoozed"}
    assert statuses["resolved"] > statuses["open"]
    langs = {k for (k,) in store._all("SELECT DISTINCT language FROM messages")}
    assert {"ar", "en"} <= langs
    origins = {(o, a) for o, a in store._all(
        "SELECT origin, automatic FROM messages WHERE direction = 'out'")}
    assert {("app", 0), ("app", 1), ("external", 0)} <= origins
    types = {t for (t,) in store._all("SELECT DISTINCT type FROM events")}
    assert {"message_in", "message_out", "status", "reopened", "assigned", "priority",
            "tag_added"} <= types
    span = store._one("SELECT MIN(created_at), MAX(created_at) FROM messages")
    assert span is not None and span[1] - span[0] > 300 * 86_400_000
    assert store._one("SELECT COUNT(*) FROM contacts WHERE verified = 1 AND followers > 0")
    assert store.accounts()[0].status.value == "paused"


def test_the_same_seed_gives_the_same_history() -> None:
    a = [(s.kind, s.thread_id, len(s.steps)) for s in _scripts(800, 9)]
    b = [(s.kind, s.thread_id, len(s.steps)) for s in _scripts(800, 9)]
    assert a == b


def test_cli_seeds_an_empty_store_and_refuses_a_full_one(tmp_path: Path) -> None:
    cmd = [sys.executable, "main.py", "--data-dir", str(tmp_path), "dev", "seed",
           "--messages", "300", "--seed", "2"]
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "seeded 300 messages" in done.stdout
    again = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=120)
    assert again.returncode == 1
    assert "already holds 300 messages" in again.stderr


@pytest.mark.parametrize("bad", ["0", "-5"])
def test_cli_rejects_a_nonsense_count(tmp_path: Path, bad: str) -> None:
    from inbox.cli import main

    assert main(["--data-dir", str(tmp_path), "dev", "seed", "--messages", bad]) == 1
