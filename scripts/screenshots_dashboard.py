"""The dashboard screenshots (``screenshots.py LANG OUT.png --dashboard``).

Seeds a year of history (``dev seed --messages 20000``) into a temporary data
directory, sets a Gulf business week in Asia/Riyadh, opens the real dashboard
window on the last 30 days and grabs it once every figure is in.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from inbox import metrics
from inbox.business_hours import gulf_week, save_calendar
from inbox.store import open_sqlite
from ui.dashboard_window import DashboardWindow

ROOT = Path(__file__).resolve().parent.parent


def dashboard(app: QApplication, out: Path, messages: int = 20000) -> None:
    home = Path(tempfile.mkdtemp(prefix="inbox-dashboard-"))
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(home), "dev",
                    "seed", "--messages", str(messages)], check=True)
    store = open_sqlite(home)
    save_calendar(store, gulf_week(), 0)
    metrics.refresh(store)
    store.close()
    window = DashboardWindow(lambda: open_sqlite(home))
    window.resize(1280, 900)
    window.show()
    deadline = time.monotonic() + 120
    while (window.data is None or window.worker.pending) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(out))
    window.close()
