"""The real main window in a child process, for bench/run.py: start-up, scrolling, sync stalls.

Run as ``python bench/gui_probe.py MODE DATA_DIR`` (offscreen). Prints one JSON
line of figures. A child process so each start-up is cold and peak RSS
(``resource.getrusage``) belongs to the window alone.

- ``start``: time from process start to the first paint of a non-empty queue.
- ``scroll``: scroll the largest view end to end, one screenful at a time; peak RSS.
- ``stall``: a sync ingests 10,000 messages from the local X sandbox while a 5 ms
  timer measures how late the GUI thread's event loop runs (max, p99).
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

STARTED = time.time()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from inbox.credentials import MemoryCredentials, XCredentials  # noqa: E402
from inbox.domain import View  # noqa: E402
from inbox.store import SqlStore, open_sqlite  # noqa: E402
from ui.main_window import VIEW_ORDER, MainWindow  # noqa: E402


class FirstPaint(QObject):
    """Notes when the queue's viewport first paints with rows in it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self.at is None and event.type() == QEvent.Type.Paint
                and self.window.model.rowCount() > 0):
            self.at = time.time()
        return False


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def start(data_dir: Path) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(sys.argv)
    store = open_sqlite(data_dir)
    window = MainWindow(store, lambda: open_sqlite(data_dir), MemoryCredentials(),
                        poll_ms=3_600_000)
    probe = FirstPaint(window)
    window.table.viewport().installEventFilter(probe)
    window.show()
    deadline = time.time() + 30
    while probe.at is None and time.time() < deadline:
        app.processEvents()
    result = {"first_paint_s": (probe.at or time.time()) - STARTED,
              "rows": window.model.rowCount(), "rss_mb": rss_mb()}
    window.close()
    return result


def scroll(data_dir: Path) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(sys.argv)
    store = open_sqlite(data_dir)
    window = MainWindow(store, lambda: open_sqlite(data_dir), MemoryCredentials(),
                        poll_ms=3_600_000)
    window.show()
    biggest = max(VIEW_ORDER, key=store.count)
    window.views.setCurrentRow(VIEW_ORDER.index(biggest))
    app.processEvents()
    bar = window.table.verticalScrollBar()
    rows = window.model.rowCount()
    step = max(1, bar.pageStep())
    worst = 0.0
    began = time.perf_counter()
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + step)
        t = time.perf_counter()
        bar.setValue(value)
        window.table.viewport().repaint()
        app.processEvents()
        worst = max(worst, time.perf_counter() - t)
    last = window.model.data(window.model.index(rows - 1, 1))
    result = {"view": biggest.value, "rows": rows, "steps": rows // step,
              "seconds": time.perf_counter() - began, "worst_step_ms": worst * 1000,
              "peak_rss_mb": rss_mb(), "cached_rows": len(window.model._rows),
              "last_row_painted": bool(last)}
    window.close()
    return result


def _sandbox(messages: int, conn: Any) -> None:
    """The X sandbox in its own process, as X is: its HTTP threads must not compete
    with the window for the GIL. Limits raised: we measure the GUI, not X's pacing."""
    from inbox.sandbox import XSandbox, corpus
    from inbox.sandbox.traffic import TrafficGenerator

    sandbox = XSandbox(limits={"mentions": 100_000, "user_tweets": 100_000,
                               "dm_lookup": 100_000, "users_me": 100_000})
    sandbox.start()
    brand = sandbox.add_user("StallBrand", "Stall Brand", followers=5000, verified=True)
    traffic = TrafficGenerator(sandbox, brand.id, seed=11, customers=600)
    traffic.backfill(300)  # public threads: X lists only the latest 800 mentions
    rng = random.Random(5)
    now = time.time()
    dms = messages - min(800, len(sandbox.world.tweets))
    for i in range(dms):  # DM conversations, the bulk of a busy backlog (X keeps 30 days)
        c = rng.choice(traffic.customers)
        at = now - 4 * 86400 + i * (4 * 86400 - 120) / dms
        if rng.random() < 0.65:
            sandbox.send_dm(c.user.id, brand.id, corpus.customer_followup(rng, c.lang),
                            created_at=at)
        else:
            sandbox.send_dm(brand.id, c.user.id, corpus.brand_reply(rng, "complaint", c.lang,
                                                                    c.user.name), created_at=at)
    staged = min(800, len(sandbox.world.tweets)) + dms
    conn.send({"base_url": sandbox.base_url, "brand_id": brand.id, "handle": brand.username,
               "keys": sandbox.issue_oauth1(brand.id), "staged": staged})
    conn.recv()  # until told to stop
    sandbox.stop()


def stall(data_dir: Path, messages: int = 10_500) -> dict[str, Any]:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=_sandbox, args=(messages, theirs), daemon=True)
    server.start()
    world = ours.recv()
    app = QApplication.instance() or QApplication(sys.argv)
    keys = world["keys"]
    credentials = MemoryCredentials()
    credentials.save("bench:stall", XCredentials(keys["consumer_key"], keys["consumer_secret"],
                                                 keys["access_token"],
                                                 keys["access_token_secret"]))
    store: SqlStore = open_sqlite(data_dir)
    window = MainWindow(store, lambda: open_sqlite(data_dir), credentials, poll_ms=3_600_000)
    window.show()
    window.model.set_view(View.NEEDS_REPLY)
    began = time.perf_counter()
    while not window.last_reports and time.perf_counter() - began < 120:
        app.processEvents()  # the start-up sync (nothing new yet for the old accounts)
        time.sleep(0.001)
    store.add_account(name="stall", handle=world["handle"], user_id=world["brand_id"],
                      api_base=world["base_url"], credential_ref="bench:stall",
                      auth_kind="oauth1", poll_seconds=3600)
    lateness: list[float] = []
    last = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, (now - last[0]) * 1000 - 5))
        last[0] = now

    timer.timeout.connect(tick)
    spent: dict[str, float] = {}

    def timed(name: str, fn: Any) -> Any:
        def run(*args: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args)
            finally:
                spent[name] = max(spent.get(name, 0.0), (time.perf_counter() - t) * 1000)
        return run

    window._synced = timed("synced_ms", window._synced)  # type: ignore[method-assign]
    window.model.refresh = timed("model_refresh_ms", window.model.refresh)  # type: ignore[method-assign]
    window.update_counts = timed("update_counts_ms", window.update_counts)  # type: ignore[method-assign]
    window.deliver_now = timed("deliver_now_ms", window.deliver_now)  # type: ignore[method-assign]
    window.last_reports = []
    timer.start()
    window.sync_now()
    began = time.perf_counter()
    while not window.last_reports and time.perf_counter() - began < 600:
        app.processEvents()
        time.sleep(0.0005)
    settle = time.perf_counter()
    while time.perf_counter() - settle < 0.3:  # the refresh after the sync, too
        app.processEvents()
        time.sleep(0.0005)
    timer.stop()
    ingested = sum(r.new_messages for r in window.last_reports)
    errors = [r.error for r in window.last_reports if r.error and r.account == "stall"]
    ours.send("stop")
    ordered = sorted(lateness)
    return {"ingested": ingested, "staged": world["staged"],
            "sync_s": settle - began, "ticks": len(lateness),
            "max_ms": ordered[-1] if ordered else 0.0,
            "p99_ms": ordered[int(len(ordered) * 0.99)] if ordered else 0.0, "errors": errors,
            "slowest_gui_calls_ms": spent}


if __name__ == "__main__":
    mode, where = sys.argv[1], Path(sys.argv[2])
    figures = {"start": start, "scroll": scroll, "stall": stall}[mode](where)
    print(json.dumps(figures))
    sys.stdout.flush()
    os._exit(0)  # skip Qt teardown: not what is measured
