"""The real main window in a child process, for bench/run.py: start-up, scrolling, sync stalls.

Run as ``python bench/gui_probe.py MODE DATA_DIR`` (offscreen). Prints one JSON
line of figures. A child process so each start-up is cold and peak RSS
(``resource.getrusage``) belongs to the window alone.

- ``start``: time from process start to the first paint of a non-empty queue.
- ``scroll``: scroll the largest view end to end, one screenful at a time; peak RSS.
- ``stall``: a sync ingests 10,000 messages from the local X sandbox while a 5 ms
  timer measures how late the GUI thread's event loop runs (max, p99), and says
  what ran during each late tick (collections, the sync's phases, GUI slots) and
  where the GUI thread's time went (on a CPU, waiting for one, waiting for the GIL).
- ``switch``: switch between views (the largest included); how long the switch
  call holds the GUI thread, when the rows are in, the 5 ms timer's worst lateness.
"""

from __future__ import annotations

import gc
import json
import os
import random
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any

STARTED = time.time()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from inbox.credentials import MemoryCredentials, XCredentials  # noqa: E402
from inbox.domain import View  # noqa: E402
from inbox.store import SqlStore, open_sqlite  # noqa: E402
from ui import gc_pauses  # noqa: E402
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


# from, to (s); then ms spent in it by the GUI thread on a CPU and waiting for one, and
# by the sync thread on a CPU and waiting for one
Gap = tuple[float, float, float, float, float, float]
SYNC_THREAD: list[int] = []  # its native id and Python ident, once it ran


def sched_ms(tid: int | None = None) -> tuple[float, float]:
    """A thread's time on a CPU and runnable but waiting for one (Linux schedstat), ms."""
    path = (Path("/proc/thread-self/schedstat") if tid is None
            else Path(f"/proc/self/task/{tid}/schedstat"))
    try:
        on_cpu, waiting = path.read_text().split()[:2]
        return int(on_cpu) / 1e6, int(waiting) / 1e6
    except (OSError, ValueError):
        return 0.0, 0.0


class Timeline:
    """What ran when, to explain late ticks: garbage collections (any thread) and
    timed GUI-thread calls, as (start, end, label) in ``time.perf_counter`` seconds."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float, str]] = []
        self._gc_started: dict[int, float] = {}

    def add(self, start: float, end: float, label: str) -> None:
        self.spans.append((start, end, label))

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        thread = threading.get_ident()
        if phase == "start":
            self._gc_started[thread] = time.perf_counter()
        elif thread in self._gc_started:
            began = self._gc_started.pop(thread)
            name = threading.current_thread().name
            self.add(began, time.perf_counter(), f"gc{info['generation']}@{name}")

    def watch_gc(self) -> None:
        gc.callbacks.append(self._on_gc)

    def unwatch_gc(self) -> None:
        gc.callbacks.remove(self._on_gc)

    def gc_summary(self) -> dict[str, Any]:
        by_gen: dict[str, list[float]] = {}
        for start, end, label in self.spans:
            if label.startswith("gc"):
                by_gen.setdefault(label[:3], []).append((end - start) * 1000)
        return {gen: {"count": len(ms), "max_ms": round(max(ms), 1),
                      "total_ms": round(sum(ms), 1)} for gen, ms in sorted(by_gen.items())}

    def explain(self, gaps: list[Gap], origin: float) -> list[dict[str, Any]]:
        """Each gap with the spans that overlapped it and for how long (ms), and how the
        GUI thread spent it: running (its own CPU time), waiting for a CPU (the kernel's
        run queue: a shared machine), the rest waiting for the GIL or a lock."""
        out = []
        for start, end, cpu, queued, sync_cpu, sync_queued in gaps:
            during: dict[str, float] = {}
            for s, e, label in self.spans:
                overlap = min(e, end) - max(s, start)
                if overlap > 0.0005:
                    during[label] = round(during.get(label, 0.0) + overlap * 1000, 1)
            wall = (end - start) * 1000
            out.append({"at_s": round(start - origin, 2), "late_ms": round(wall - 5, 1),
                        "gui_cpu_ms": round(cpu, 1), "gui_run_queue_ms": round(queued, 1),
                        "gui_waiting_ms": round(wall - cpu - queued, 1),
                        "sync_cpu_ms": round(sync_cpu, 1),
                        "sync_run_queue_ms": round(sync_queued, 1), "during": during})
        return out


def trace_sync_phases(timeline: Timeline) -> None:
    """Time the sync worker's phases (X call, parse, ingest, rules) into the timeline."""
    from inbox.channels import x
    from inbox.rules_run import RuleRunner

    def traced(owner: Any, name: str) -> None:
        fn = getattr(owner, name)

        def run(*args: Any, **kwargs: Any) -> Any:
            if not SYNC_THREAD and threading.current_thread() is not threading.main_thread():
                SYNC_THREAD[:] = [threading.get_native_id(), threading.get_ident()]
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timeline.add(t, time.perf_counter(), name)
        setattr(owner, name, run)

    for owner, name in ((x, "_call"), (x, "parse_mentions"), (x, "parse_dm_events"),
                        (SqlStore, "ingest"), (RuleRunner, "after_page"),
                        (RuleRunner, "on_page"), (RuleRunner, "after_sync")):
        if hasattr(owner, name):
            traced(owner, name)


def sample_gil_holds(timeline: Timeline, stop: threading.Event,
                     threshold_s: float = 0.015) -> threading.Thread:
    """Diagnosis (``GUI_PROBE_SAMPLE=1``): a thread that sleeps 1 ms at a time; when it
    gets the GIL back much later, another thread held it, and the sync thread's stack
    at that moment (stopped right after what held it) goes into the timeline."""

    def run() -> None:
        while not stop.is_set():
            began = time.perf_counter()
            time.sleep(0.001)
            end = time.perf_counter()
            if end - began > threshold_s and SYNC_THREAD:
                frame = sys._current_frames().get(SYNC_THREAD[1])
                where: list[str] = []
                while frame is not None and len(where) < 6:
                    where.append(f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}")
                    frame = frame.f_back
                timeline.add(began, end, "held, then at " + " < ".join(where))

    thread = threading.Thread(target=run, name="gil-sampler", daemon=True)
    thread.start()
    return thread


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
    gc_pauses.after_start_up()  # as ui/app.py does
    deadline = time.time() + 30
    while probe.at is None and time.time() < deadline:
        app.processEvents()
    result = {"first_paint_s": (probe.at or time.time()) - STARTED,
              "rows": window.model.rowCount(), "rss_mb": rss_mb()}
    window.close()
    return result


def wait_rows(app: QCoreApplication, window: MainWindow, limit_s: float = 30) -> None:
    """Until the view's ids, read on the window's reader thread, are in."""
    began = time.perf_counter()
    while (getattr(window.model, "loading", False) or window.model.rowCount() == 0) and (
            time.perf_counter() - began < limit_s):
        app.processEvents()
        time.sleep(0.0005)
    app.processEvents()  # the table lays the new rows out (scroll bar range)


def shown_window(data_dir: Path) -> tuple[QApplication, SqlStore, MainWindow]:
    """The window on the store, shown and set up as ``ui/app.py`` sets it up."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    store = open_sqlite(data_dir)
    window = MainWindow(store, lambda: open_sqlite(data_dir), MemoryCredentials(),
                        poll_ms=3_600_000)
    window.show()
    gc_pauses.after_start_up()
    return app, store, window


def switch(data_dir: Path) -> dict[str, Any]:
    app, _store, window = shown_window(data_dir)
    began = time.perf_counter()
    while not window.last_reports and time.perf_counter() - began < 120:
        app.processEvents()  # the start-up sync
        time.sleep(0.001)
    wait_rows(app, window)
    lateness: list[tuple[float, float]] = []  # ms late, GUI-thread CPU ms in that time
    last = [time.perf_counter(), time.thread_time()]

    def tick() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        lateness.append((max(0.0, (now - last[0]) * 1000 - 5), (cpu - last[1]) * 1000))
        last[:] = [now, cpu]

    swapped: list[float] = []  # the GUI-thread part of taking new ids in (reset, selection)
    if hasattr(window.model, "_swap"):
        swap = window.model._swap

        def timed_swap(*args: Any) -> None:
            t = time.perf_counter()
            swap(*args)
            swapped.append((time.perf_counter() - t) * 1000)

        setattr(window.model, "_swap", timed_swap)  # noqa: B010 (a method, replaced)
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    last[:] = [time.perf_counter(), time.thread_time()]
    switches = []
    for view in (View.RESOLVED, View.NEEDS_REPLY, View.RESOLVED, View.ALL_OPEN, View.RESOLVED):
        lateness.clear()
        swapped.clear()
        t = time.perf_counter()
        window.views.setCurrentRow(VIEW_ORDER.index(view))
        held = time.perf_counter() - t
        while window.model.rowCount() == 0 and time.perf_counter() - t < 30:
            app.processEvents()  # the first rows on screen: what the agent waits for
            time.sleep(0.0005)
        app.processEvents()
        first = time.perf_counter() - t
        wait_rows(app, window)
        shown = time.perf_counter() - t
        settle = time.perf_counter()
        while time.perf_counter() - settle < 0.2:
            app.processEvents()
            time.sleep(0.0005)
        switches.append({"view": view.value, "rows": window.model.rowCount(),
                         "call_ms": round(held * 1000, 1), "first_rows_ms": round(first * 1000, 1),
                         "rows_in_ms": round(shown * 1000, 1),
                         "swap_ms": round(max(swapped, default=0.0), 1),
                         "worst_tick_late_ms": round(max(lateness, default=(0.0, 0.0))[0], 1),
                         "its_gui_cpu_ms": round(max(lateness, default=(0.0, 0.0))[1], 1)})
    timer.stop()
    window.close()
    return {"switches": switches}


def scroll(data_dir: Path) -> dict[str, Any]:
    app, store, window = shown_window(data_dir)
    biggest = max(VIEW_ORDER, key=store.count)
    window.views.setCurrentRow(VIEW_ORDER.index(biggest))
    wait_rows(app, window)
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
    gc_pauses.after_start_up()  # as ui/app.py does
    window.model.set_view(View.NEEDS_REPLY)
    began = time.perf_counter()
    while not window.last_reports and time.perf_counter() - began < 120:
        app.processEvents()  # the start-up sync (nothing new yet for the old accounts)
        time.sleep(0.001)
    store.add_account(name="stall", handle=world["handle"], user_id=world["brand_id"],
                      api_base=world["base_url"], credential_ref="bench:stall",
                      auth_kind="oauth1", poll_seconds=3600)
    lateness: list[float] = []
    own: list[float] = []  # the same, less the GUI thread's wait for a CPU (shared machine)
    gaps: list[Gap] = []  # each tick later than 20 ms
    def state() -> list[float]:
        sync = sched_ms(SYNC_THREAD[0]) if SYNC_THREAD else (0.0, 0.0)
        return [time.perf_counter(), *sched_ms(), *sync]

    last = state()
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        now = state()
        late = max(0.0, (now[0] - last[0]) * 1000 - 5)
        lateness.append(late)
        own.append(max(0.0, late - (now[2] - last[2])))
        if late > 20:
            known = last[3] > 0  # the sync thread's figures, once it is known
            gaps.append((last[0], now[0], now[1] - last[1], now[2] - last[2],
                         now[3] - last[3] if known else 0.0, now[4] - last[4] if known else 0.0))
        last[:] = now

    timer.timeout.connect(tick)
    spent: dict[str, float] = {}
    timeline = Timeline()

    def timed(name: str, fn: Any) -> Any:
        def run(*args: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args)
            finally:
                end = time.perf_counter()
                spent[name] = max(spent.get(name, 0.0), (end - t) * 1000)
                timeline.add(t, end, name)
        return run

    # the window's GUI-thread slots during a sync (swap: the new ids, place and selection)
    for owner, name in ((window, "_synced"), (window.model, "refresh"),
                        (window.model, "_swap"), (window, "update_counts"),
                        (window, "_show_counts"), (window, "deliver_now"),
                        (window, "show_notifications")):
        if hasattr(owner, name):
            setattr(owner, name, timed(name, getattr(owner, name)))
    window.last_reports = []
    timeline.watch_gc()
    trace_sync_phases(timeline)
    sampling = threading.Event()
    if os.environ.get("GUI_PROBE_SAMPLE"):
        sample_gil_holds(timeline, sampling)
    timer.start()
    last[:] = state()
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
    sampling.set()
    timeline.unwatch_gc()
    ingested = sum(r.new_messages for r in window.last_reports)
    errors = [r.error for r in window.last_reports if r.error and r.account == "stall"]
    ours.send("stop")
    ordered = sorted(lateness)
    return {"ingested": ingested, "staged": world["staged"],
            "sync_s": settle - began, "ticks": len(lateness),
            "max_ms": ordered[-1] if ordered else 0.0,
            "max_ms_less_run_queue": max(own, default=0.0),
            "p99_ms": ordered[int(len(ordered) * 0.99)] if ordered else 0.0, "errors": errors,
            "slowest_gui_calls_ms": spent, "gc": timeline.gc_summary(),
            "late_ticks": timeline.explain(sorted(gaps, key=lambda g: g[0] - g[1])[:12],
                                           began)}


if __name__ == "__main__":
    mode, where = sys.argv[1], Path(sys.argv[2])
    figures = {"start": start, "scroll": scroll, "stall": stall, "switch": switch}[mode](where)
    print(json.dumps(figures))
    sys.stdout.flush()
    os._exit(0)  # skip Qt teardown: not what is measured
