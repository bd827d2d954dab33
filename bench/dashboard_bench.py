"""Issue 6: the whole dashboard() over a year of 1,000,000 messages, against a baseline.

`nice .venv/bin/python bench/dashboard_bench.py [--messages N]` seeds once with
`community-inbox dev seed` (which also computes the samples) under
/tmp/community-inbox-metrics-bench, then times dashboard() for the last 30 days and
for the whole year (wall clock and business hours), and, in the same run, the single
best hand-written aggregate query over the same samples (one grouped pass of the
covering index, no percentiles) as the baseline. Prints a table, then one JSON line
per figure: {"name", "value", "unit", "target", "ok"}.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inbox.dashboard import dashboard  # noqa: E402
from inbox.metrics_query import Filters  # noqa: E402
from inbox.store import open_sqlite  # noqa: E402
from inbox.store.schema import SCHEMA_VERSION  # noqa: E402
from inbox.timeutil import from_ms  # noqa: E402

TARGET_MS = 300.0


def best_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    args = parser.parse_args()
    home = Path(f"/tmp/community-inbox-metrics-bench/m{args.messages}-v{SCHEMA_VERSION}")
    if not (home / "done").exists():
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(home), "dev",
                        "seed", "--messages", str(args.messages)], check=True)
        (home / "done").write_text("ok")
    store = open_sqlite(home)
    last = store._one("SELECT MAX(ended_at) FROM metric_samples")
    end = from_ms(int(last[0]) if last and last[0] else 0)
    month = Filters(since=end - timedelta(days=30))
    raw = store._conn
    baseline_sql = ("SELECT metric, agent, COUNT(*), SUM(wall_ms), MAX(wall_ms) FROM"
                    " metric_samples INDEXED BY metric_samples_agent_wall WHERE metric >= 0"
                    " AND ended_at >= ? GROUP BY metric, agent")
    figures = []
    for name, filters, business in (("dashboard_30d_wall", month, False),
                                    ("dashboard_30d_business", month, True),
                                    ("dashboard_year_wall", Filters(), False)):
        ms = best_ms(lambda f=filters, b=business: dashboard(store, f, b))
        since = 0 if filters.since is None else int(filters.since.timestamp() * 1000)
        base = best_ms(lambda s=since: raw.execute(baseline_sql, (s,)).fetchall())
        figures.append({"name": name, "value": round(ms, 1), "unit": "ms",
                        "target": f"<= {TARGET_MS:.0f}", "ok": ms <= TARGET_MS})
        figures.append({"name": f"{name}_baseline_query", "value": round(base, 1),
                        "unit": "ms", "target": "-", "ok": True})
        figures.append({"name": f"{name}_ratio", "value": round(ms / base, 2), "unit": "x",
                        "target": "-", "ok": True})
    print(f"{'figure':40}{'value':>10} unit   target")
    for f in figures:
        print(f"{f['name']:40}{f['value']:>10} {f['unit']:6} {f['target']}")
    for f in figures:
        print(json.dumps(f))


if __name__ == "__main__":
    main()
