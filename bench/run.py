"""Measure issue 8's targets on a seeded store: `.venv/bin/python bench/run.py [--messages N]`.

Seeds (or reuses, keyed by N, seed and schema version, under
``$COMMUNITY_INBOX_BENCH_CACHE`` or /tmp/community-inbox-bench) a store with
``community-inbox dev seed``, then measures every figure, with its baseline
(bare SQLite doing the same work by hand) in the same run, and prints a table
and one JSON line per figure: {"name", "value", "unit", "target", "ok"}.
GUI figures run the real MainWindow offscreen in child processes
(bench/gui_probe.py). Run it with ``nice``: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inbox import outbox, seed  # noqa: E402
from inbox.channels.x import parse_dm_events, parse_mentions  # noqa: E402
from inbox.domain import ChannelKind, Direction, IncomingMessage, IngestBatch, View  # noqa: E402
from inbox.rules_run import RuleRunner  # noqa: E402
from inbox.store import SqlStore, open_sqlite  # noqa: E402
from inbox.store.schema import SCHEMA_VERSION  # noqa: E402
from inbox.timeutil import from_ms, to_ms, utcnow  # noqa: E402

PY = sys.executable
LONG_THREADS = 40  # conversations of 50 messages, for "open a conversation"
SEARCHES = ["استرداد", "refund", "احتيال", "order", "الطلب", "delivery", "شكوى رسمية",
            "scam", "فاتوره", "app crashing", "سارة", "mohd", "تأخر", "damaged",
            "ORD-1234567", "التوصيل", "Patel", "the"]


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str
    ok: bool
    note: str = ""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


# -- the store under test ----------------------------------------------------------


def cache_root() -> Path:
    return Path(os.environ.get("COMMUNITY_INBOX_BENCH_CACHE",
                               Path(tempfile.gettempdir()) / "community-inbox-bench"))


def seeded(n: int, s: int) -> tuple[Path, float]:
    """A data dir holding N seeded messages (made once), and how long seeding took."""
    home = cache_root() / f"m{n}-s{s}-v{SCHEMA_VERSION}"
    meta = home / "meta.json"
    if meta.exists():
        return home / "data", float(json.loads(meta.read_text())["seed_s"])
    if home.exists():
        shutil.rmtree(home)
    home.mkdir(parents=True)
    print(f"seeding {n:,} messages into {home} ...", file=sys.stderr)
    load_before = os.getloadavg()[0]  # others' work: the seed itself adds about 2
    began = time.perf_counter()
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([PY, str(ROOT / "main.py"), "--data-dir", str(home / "data"), "dev", "seed",
                    "--messages", str(n), "--seed", str(s)], check=True)
    took = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    add_long_threads(home / "data")
    meta.write_text(json.dumps({"seed_s": took, "seed_cpu_s": cpu_s, "messages": n, "seed": s,
                                "load_before": load_before, "load_after": os.getloadavg()[0]}))
    return home / "data", took


def add_long_threads(data: Path) -> None:
    """Conversations of exactly 50 messages, through ingest (the seed's are shorter)."""
    store = open_sqlite(data)
    account = seed.seed_account(store)
    base = to_ms(utcnow()) - 3 * 86_400_000
    for t in range(LONG_THREADS):
        customer = f"{3_000_000_000 + t}"
        msgs = [IncomingMessage(
            kind=ChannelKind.MENTION, platform_id=f"{9_000_000_000 + t * 100 + i}",
            thread_id=f"long-{t}", direction=Direction.IN if i % 2 == 0 else Direction.OUT,
            author_platform_id=customer if i % 2 == 0 else seed.BRAND_USER_ID,
            counterpart_platform_id=customer, text=f"message {i} of a long thread {t}",
            created_at=from_ms(base + t * 3_600_000 + i * 60_000), language="en")
            for i in range(50)]
        store.ingest(account.id, IngestBatch(messages=msgs))
    store.close()


def long_thread_ids(store: SqlStore) -> list[int]:
    return [int(r[0]) for r in store._all(
        "SELECT id FROM conversations WHERE thread_id LIKE 'long-%' AND message_count = 50")]


# -- reads --------------------------------------------------------------------------


def bench_queue(store: SqlStore, raw: sqlite3.Connection) -> list[Figure]:
    figures = []
    all_times: list[float] = []
    for view in View:
        times: list[float] = []
        key = None
        pages = 0
        while True:
            t = time.perf_counter()
            page = store.queue_page(view, key, 100)
            times.append((time.perf_counter() - t) * 1000)
            pages += 1
            key = page.next_key
            if key is None or pages >= 4000:
                break
        all_times += times
        figures.append(Figure(f"queue_page_{view.value}_p95", pct(times, 0.95), "ms", "<= 10",
                              pct(times, 0.95) <= 10,
                              f"{pages} pages of 100 walked end to end, median "
                              f"{statistics.median(times):.2f} ms"))
    # baseline: one hand-written keyset query with the joins, rows as tuples
    sql = ("SELECT c.id, c.waiting_since, c.kind, c.status, c.priority, c.preview,"
           " c.last_message_at, k.handle, k.display_name, a.handle FROM conversations c"
           " INDEXED BY conversations_needs_reply JOIN contacts k ON k.id = c.contact_id"
           " JOIN accounts a ON a.id = c.account_id WHERE c.status = 'open' AND"
           " c.waiting_since IS NOT NULL AND (c.waiting_since, c.id) > (?, ?)"
           " ORDER BY c.waiting_since, c.id LIMIT 100")
    base: list[float] = []
    after: tuple[int, int] = (-1, -1)
    while True:
        t = time.perf_counter()
        rows = raw.execute(sql, after).fetchall()
        base.append((time.perf_counter() - t) * 1000)
        if len(rows) < 100:
            break
        after = (rows[-1][1], rows[-1][0])
    ours = next(f for f in figures if f.name == "queue_page_needs_reply_p95").value
    figures.append(Figure("queue_page_all_views_p95", pct(all_times, 0.95), "ms", "<= 10",
                          pct(all_times, 0.95) <= 10,
                          f"baseline hand-written needs_reply page p95 {pct(base, 0.95):.2f} ms"
                          f" (ratio {ours / max(pct(base, 0.95), 1e-6):.1f}x)"))
    return figures


def bench_thread(store: SqlStore, raw: sqlite3.Connection) -> list[Figure]:
    ids = long_thread_ids(store)
    rng = random.Random(1)

    def open_one(conv_id: int) -> None:  # what MainWindow.show_conversation reads
        store.conversation(conv_id)
        outbox.items(store, conv_id)
        assert len(store.thread(conv_id)) == 50
        store.draft(conv_id)

    picks = [rng.choice(ids) for _ in range(300)]
    times = [timed(lambda c=c: open_one(c)) for c in picks]  # type: ignore[misc]
    base = [timed(lambda c=c: raw.execute(  # type: ignore[misc]
        "SELECT m.*, k.handle, k.display_name FROM messages m LEFT JOIN contacts k ON"
        " k.id = m.author_contact_id WHERE m.conversation_id = ? ORDER BY m.created_at, m.id",
        (c,)).fetchall()) for c in picks]
    return [Figure("open_conversation_50_p95", pct(times, 0.95), "ms", "<= 20",
                   pct(times, 0.95) <= 20,
                   f"median {statistics.median(times):.2f} ms; baseline bare thread query p95 "
                   f"{pct(base, 0.95):.2f} ms")]


def bench_search(store: SqlStore, raw: sqlite3.Connection) -> list[Figure]:
    from inbox.search import match_expression

    times: list[float] = []
    base: list[float] = []
    hits = 0
    for _ in range(8):
        for q in SEARCHES:
            t = time.perf_counter()
            hits += len(store.search(q, 50))
            times.append((time.perf_counter() - t) * 1000)
            base.append(timed(lambda q=q: raw.execute(  # type: ignore[misc]
                "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?"
                " ORDER BY rowid DESC LIMIT 50", (match_expression(q),)).fetchall()))
    return [Figure("search_p95", pct(times, 0.95), "ms", "<= 50", pct(times, 0.95) <= 50,
                   f"{len(SEARCHES)} Arabic/English queries x8, median "
                   f"{statistics.median(times):.2f} ms, {hits // 8} hits a round; baseline bare"
                   f" FTS5 query p95 {pct(base, 0.95):.2f} ms")]


# -- ingest -------------------------------------------------------------------------


def x_pages(n: int, s: int = 77, ahead_days: int = 40) -> list[tuple[ChannelKind, dict[str, Any]]]:
    """About ``n`` messages as X pages of up to 100 items (new threads, known customers)."""
    gen = seed.Generator(n, s, now_ms=to_ms(utcnow()) + ahead_days * 86_400_000, days=30)
    pages: list[tuple[ChannelKind, dict[str, Any]]] = []
    current: dict[ChannelKind, dict[str, Any]] = {}
    for script in gen.scripts():
        for step in script.steps:
            if not isinstance(step, seed.Page):
                continue
            body = current.setdefault(step.kind, {"data": [], "includes": {"users": []},
                                                  "meta": {}})
            body["data"] += step.body["data"]
            body["includes"]["users"] += step.body["includes"]["users"]
            if len(body["data"]) >= 100:
                pages.append((step.kind, current.pop(step.kind)))
    pages += list(current.items())
    return pages


def copy_store(data: Path, into: Path) -> None:
    """A consistent copy (the backup API: the source may have a WAL)."""
    source = sqlite3.connect(data / "inbox.sqlite3")
    target = sqlite3.connect(into / "inbox.sqlite3")
    source.backup(target)
    target.close()
    source.close()


def ingest_pages(store: SqlStore, pages: list[tuple[ChannelKind, dict[str, Any]]],
                 rules: RuleRunner | None, rows: list[tuple[Any, ...]]) -> tuple[int, float]:
    """Parse each X page and ingest it with its cursor and its rules (one transaction),
    as the sync does."""
    account = seed.seed_account(store)
    began = time.perf_counter()
    stored = 0
    for kind, body in pages:
        page = (parse_dm_events(body, seed.BRAND_USER_ID) if kind is ChannelKind.DM
                else parse_mentions(body, seed.BRAND_USER_ID))
        result = store.ingest(account.id, page.batch, {"bench": str(stored)},
                              then=None if rules is None else rules.on_page)
        stored += result.new_messages
        rows += [(m.kind.value, m.platform_id, m.direction.value, m.author_platform_id,
                  m.text, m.language, to_ms(m.created_at)) for m in page.batch.messages]
    return stored, time.perf_counter() - began


INGEST_ROUNDS = 3


def bench_ingest(data: Path, n: int) -> list[Figure]:
    """Each round ingests ``n`` fresh messages without rules, then ``n`` with rules, into
    one copy of the seeded store (later windows of time, so nothing is a repeat);
    the figures are the medians of the rounds' rates."""
    with tempfile.TemporaryDirectory(dir=cache_root()) as tmp:
        copy = Path(tmp)
        copy_store(data, copy)
        store = open_sqlite(copy)
        core_rates: list[float] = []
        rates: list[float] = []
        rows: list[tuple[Any, ...]] = []
        stored = pages = 0
        for r in range(INGEST_ROUNDS):
            core_stored, core_took = ingest_pages(store, x_pages(n, 178 + r, 90 + 100 * r),
                                                  None, [])
            core_rates.append(core_stored / core_took)
            round_pages = x_pages(n, 77 + r, 40 + 100 * r)
            round_stored, took = ingest_pages(store, round_pages, RuleRunner(store), rows)
            rates.append(round_stored / took)
            stored, pages = stored + round_stored, pages + len(round_pages)
        store.close()
        bare = sqlite3.connect(copy / "bare.sqlite3", isolation_level=None)
        bare.execute("PRAGMA journal_mode=WAL")
        bare.execute("PRAGMA synchronous=NORMAL")
        bare.execute("CREATE TABLE m (id INTEGER PRIMARY KEY, kind TEXT, platform_id TEXT,"
                     " direction TEXT, author TEXT, text TEXT, language TEXT, created_at INT,"
                     " UNIQUE (kind, platform_id))")
        began = time.perf_counter()
        for i in range(0, len(rows), 100):  # the same pages, one transaction each
            bare.execute("BEGIN")
            bare.executemany("INSERT INTO m (kind, platform_id, direction, author, text,"
                             " language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             rows[i:i + 100])
            bare.execute("COMMIT")
        bare_took = time.perf_counter() - began
        bare.close()
    rate, core, bare_rate = statistics.median(rates), statistics.median(core_rates), \
        len(rows) / bare_took
    spread = ", ".join(f"{x:,.0f}" for x in rates)
    core_spread = ", ".join(f"{x:,.0f}" for x in core_rates)
    return [Figure("ingest_full_path", rate, "msg/s", ">= 5000", rate >= 5000,
                   f"median of {INGEST_ROUNDS} rounds ({spread}); {stored:,} messages in"
                   f" {pages} X pages into the seeded store (parse, ingest, events, search"
                   f" index, rules); bare executemany of the same rows {bare_rate:,.0f} msg/s,"
                   f" ratio {bare_rate / rate:.1f}x"),
            Figure("ingest_without_rules", core, "msg/s", ">= 5000", core >= 5000,
                   f"median of {INGEST_ROUNDS} rounds ({core_spread}): parse, ingest, events,"
                   f" search index; bare executemany {bare_rate:,.0f} msg/s,"
                   f" ratio {bare_rate / core:.1f}x")]


# -- the GUI (child processes) -------------------------------------------------------


def probe(mode: str, data: Path) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([PY, str(ROOT / "bench" / "gui_probe.py"), mode, str(data)],
                          capture_output=True, text=True, env=env, timeout=1200)
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        raise RuntimeError(f"gui_probe {mode} failed ({done.returncode})")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def bench_gui(data: Path, small: Path, skip_stall: bool) -> list[Figure]:
    figures = []
    # One start first, not counted: the first start after seeding also runs the rule
    # timers' first pass over every waiting conversation (SLA events, once).
    probe("start", data)
    probe("start", small)
    big = [probe("start", data)["first_paint_s"] for _ in range(5)]
    little = [probe("start", small)["first_paint_s"] for _ in range(5)]
    b, s = statistics.median(big), statistics.median(little)
    figures.append(Figure("start_to_first_paint", b, "s", "<= 1.5", b <= 1.5,
                          f"median of 5 cold starts; max {max(big):.2f} s"))
    figures.append(Figure("start_ratio_1m_vs_1k", b / s, "x", "<= 1.2", b / s <= 1.2,
                          f"1k store: median {s:.2f} s"))
    scrolled = probe("scroll", data)
    figures.append(Figure("scroll_peak_rss", scrolled["peak_rss_mb"], "MB", "<= 350",
                          scrolled["peak_rss_mb"] <= 350,
                          f"{scrolled['rows']:,} rows of '{scrolled['view']}' end to end in "
                          f"{scrolled['steps']:,} screenfuls ({scrolled['seconds']:.0f} s), "
                          f"worst step {scrolled['worst_step_ms']:.0f} ms, "
                          f"{scrolled['cached_rows']} rows cached at the end"))
    switched = probe("switch", data)["switches"]
    first = max(s["first_rows_ms"] for s in switched)
    figures.append(Figure("switch_view_first_rows_max", first, "ms", "<= 100", first <= 100,
                          f"{len(switched)} switches between views of up to"
                          f" {max(s['rows'] for s in switched):,} rows: first rows on screen;"
                          f" the whole id list in {max(s['rows_in_ms'] for s in switched):.0f} ms"
                          f" at most, read on the reader thread; worst GUI-thread lateness"
                          f" {max(s['worst_tick_late_ms'] for s in switched):.0f} ms"))
    if not skip_stall:
        with tempfile.TemporaryDirectory(dir=cache_root()) as tmp:
            copy_store(data, Path(tmp))
            st = probe("stall", Path(tmp))
        figures.append(Figure("gui_stall_during_sync_max", st["max_ms"], "ms", "<= 50",
                              st["max_ms"] <= 50,
                              f"sync of {st['ingested']:,} messages from the sandbox in "
                              f"{st['sync_s']:.1f} s; p99 {st['p99_ms']:.1f} ms over "
                              f"{st['ticks']} ticks of a 5 ms timer; slowest GUI-thread calls"
                              f" {_ms(st['slowest_gui_calls_ms'])} {st['errors'] or ''}"))
        figures.append(Figure("gui_stall_during_sync_p99", st["p99_ms"], "ms", "<= 50",
                              st["p99_ms"] <= 50))
    return figures


def _ms(calls: dict[str, float]) -> str:
    return ", ".join(f"{name} {ms:.1f} ms" for name, ms in sorted(calls.items(),
                                                                key=lambda kv: -kv[1]))


def show(figures: list[Figure]) -> list[Figure]:
    """Each figure on stderr as soon as it is known (a long run shows progress)."""
    for f in figures:
        print(f"  {f.name}: {f.value:.2f} {f.unit} (target {f.target}) {f.note}",
              file=sys.stderr)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ingest", type=int, default=20_000, help="messages to ingest")
    parser.add_argument("--no-gui", action="store_true")
    parser.add_argument("--no-stall", action="store_true")
    args = parser.parse_args()
    data, seed_s = seeded(args.messages, args.seed)
    small, _ = seeded(1000, args.seed)
    meta = json.loads((data.parent / "meta.json").read_text())
    figures = [Figure("seed_time", seed_s, "s", "<= 120" if args.messages >= 1_000_000 else "-",
                      seed_s <= 120,
                      f"dev seed --messages {args.messages}: {meta.get('seed_cpu_s', 0):.0f} s"
                      f" of CPU over 2 processes; load average {meta.get('load_before', 0):.1f}"
                      f" before, {meta.get('load_after', 0):.1f} when done (shared machine)")]
    store = open_sqlite(data)
    raw = sqlite3.connect(data / "inbox.sqlite3")
    counts = {v.value: store.count(v) for v in View}
    figures += show(bench_queue(store, raw))
    figures += show(bench_thread(store, raw))
    figures += show(bench_search(store, raw))
    store.close()
    raw.close()
    figures += show(bench_ingest(data, args.ingest))
    if not args.no_gui:
        figures += show(bench_gui(data, small, args.no_stall))
    print(f"\nstore: {args.messages:,} messages, views {counts}")
    print(f"{'figure':34} {'value':>12} {'unit':6} {'target':>8}  ok   note")
    for f in figures:
        print(f"{f.name:34} {f.value:12.2f} {f.unit:6} {f.target:>8}  "
              f"{'yes' if f.ok else 'NO ':3}  {f.note}")
    for f in figures:
        print(json.dumps({"name": f.name, "value": round(f.value, 3), "unit": f.unit,
                          "target": f.target, "ok": f.ok}, ensure_ascii=False))


if __name__ == "__main__":
    main()
