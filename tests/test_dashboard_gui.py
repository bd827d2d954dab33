"""The dashboard window on a hand-built timeline: real widgets, real worker thread.

T0 is Monday 2026-11-02 09:00 UTC. First responses: A 10 min (sara), B 60 min
(omar, a DM), C from Monday 16:50 to Tuesday 09:10 (sara): 16 h 20 min on the
wall clock but 20 min of Mon-Fri 09:00-17:00 business hours. A is resolved at
60 min; D is still waiting.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from inbox.business_hours import Calendar, load_calendar, save_calendar
from inbox.domain import ChannelKind
from inbox.metrics import is_current
from inbox.store import SqlStore, open_sqlite
from tests.conftest import msg
from tests.test_metrics import app_reply, at, ingest
from ui.dashboard_charts import weekday_order
from ui.dashboard_window import DashboardWindow

WEEKDAYS_9_TO_5 = Calendar("UTC", {d: ((9 * 60, 17 * 60),) for d in range(5)})


@pytest.fixture
def timeline(store: SqlStore, account_id: int) -> dict[str, int]:
    a = ingest(store, account_id, msg("a1", thread="ta", minutes=0))
    ingest(store, account_id, app_reply("a2", 10, thread="ta", agent="sara"))
    with at(store, 60):
        store.resolve(a, actor="sara")
    b = ingest(store, account_id, msg("b1", thread="tb", kind=ChannelKind.DM, minutes=30))
    ingest(store, account_id, app_reply("b2", 90, thread="tb", agent="omar",
                                        kind=ChannelKind.DM))
    c = ingest(store, account_id, msg("c1", thread="tc", minutes=470))
    ingest(store, account_id, app_reply("c2", 1450, thread="tc", agent="sara"))
    d = ingest(store, account_id, msg("d1", thread="td", minutes=1500))
    store.add_tag(c, "billing")
    save_calendar(store, WEEKDAYS_9_TO_5, 0)
    return {"a": a, "b": b, "c": c, "d": d}


@pytest.fixture
def window(qtbot: QtBot, timeline: dict[str, int], data_dir: Path
           ) -> Iterator[DashboardWindow]:
    selected: list[int] = []
    w = DashboardWindow(lambda: open_sqlite(data_dir), on_select=selected.append,
                        today=date(2026, 11, 4))
    w.selected = selected  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.show()
    settle(qtbot, w)
    w.range.setCurrentIndex(w.range.findData("custom"))
    w.since.setDate(QDate(2026, 11, 1))
    w.until.setDate(QDate(2026, 11, 7))
    settle(qtbot, w)
    yield w
    w.close()


def settle(qtbot: QtBot, w: DashboardWindow) -> None:
    qtbot.waitUntil(lambda: w.worker.pending == 0 and w.data is not None, timeout=20_000)


def tile(w: DashboardWindow, key: str) -> tuple[str, str]:
    return w.tiles[key].value.text(), w.tiles[key].sub.text()


def test_tiles_show_the_exact_figures(window: DashboardWindow) -> None:
    assert tile(window, "first") == ("1h 00m", "median · p90 13h 16m")  # p90: 47,760 s
    assert tile(window, "received")[0] == "4"
    assert tile(window, "answered")[0] == "3"
    assert tile(window, "resolved")[0] == "1"
    assert tile(window, "resolution")[0] == "1h 00m"
    assert tile(window, "backlog")[0] == "1"
    assert window.oldest.isVisible()
    assert window.data is not None and window.data.first_response.count == 3
    assert window.bar.isHidden()


def test_business_hours_switch_changes_the_figures(window: DashboardWindow,
                                                   qtbot: QtBot) -> None:
    window.business.setChecked(True)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: tile(window, "first")[0] == "20m 00s")  # 600, 1200, 3600 s
    assert tile(window, "first")[1] == "median · p90 52m 00s"
    assert "UTC" in window.zone.text()


def test_filters_narrow_the_figures(window: DashboardWindow, qtbot: QtBot) -> None:
    window.kind.setCurrentIndex(window.kind.findData("dm"))
    settle(qtbot, window)
    qtbot.waitUntil(lambda: tile(window, "received")[0] == "1")
    assert tile(window, "first")[0] == "1h 00m"
    window.kind.setCurrentIndex(0)
    window.agent.setCurrentIndex(window.agent.findData("sara"))
    qtbot.waitUntil(lambda: tile(window, "answered")[0] == "2")
    assert tile(window, "first")[0] == "8h 15m"  # (600 + 58,800) / 2
    window.agent.setCurrentIndex(0)
    window.tag.setCurrentIndex(window.tag.findData("billing"))
    qtbot.waitUntil(lambda: tile(window, "answered")[0] == "1")
    assert tile(window, "first")[0] == "16h 20m"


def test_agent_table_rows(window: DashboardWindow) -> None:
    rows = [[window.agents.item(r, c).text() for c in range(6)]
            for r in range(window.agents.rowCount())]
    assert [r[:5] for r in rows] == [["omar", "1", "1h 00m", "1h 00m", "0"],
                                     ["sara", "2", "8h 15m", "14h 43m", "1"]]


def test_heat_map_cells_and_week_order(window: DashboardWindow) -> None:
    cells = window.heat.cells
    assert cells[0][9] == 2 and cells[0][16] == 1 and cells[1][10] == 1
    assert sum(map(sum, cells)) == 4
    order = weekday_order()
    assert sorted(order) == list(range(7))
    top = [window.heat.cell_rect(d, 0).top() for d in order]
    assert top == sorted(top)


def test_oldest_waiting_selects_it_in_the_main_window(window: DashboardWindow,
                                                      timeline: dict[str, int],
                                                      qtbot: QtBot) -> None:
    qtbot.mouseClick(window.oldest, Qt.MouseButton.LeftButton)
    assert window.selected == [timeline["d"]]  # type: ignore[attr-defined]


def test_calendar_editor_saves_and_recomputes(window: DashboardWindow, qtbot: QtBot,
                                              store: SqlStore) -> None:
    dialog = window.open_calendar()
    assert dialog.days[0].text() == "09:00-17:00" and dialog.days[5].text() == ""
    dialog.days[0].setText("09:00-12:00, 13:00-18:00")
    dialog.zone.setCurrentText("Asia/Riyadh")
    dialog._add_holiday(date(2026, 12, 2))
    dialog.days[1].setText("nonsense")
    dialog.save()
    assert dialog.error.isVisible() and dialog.isVisible()
    dialog.days[1].setText("09:00-17:00")
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save()
        assert dialog.progress.isVisible(), dialog.error.text()
        qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.error.isVisible())
        assert not dialog.error.isVisible(), dialog.error.text()
    saved = load_calendar(store)
    assert saved.timezone == "Asia/Riyadh"
    assert saved.slots[0] == ((540, 720), (780, 1080))
    assert saved.holidays == frozenset({date(2026, 12, 2)})
    assert is_current(store, saved)  # history was recomputed with it


def test_exports_write_the_right_rows(window: DashboardWindow, qtbot: QtBot,
                                      tmp_path: Path, timeline: dict[str, int]) -> None:
    conv, agg, html = tmp_path / "c.csv", tmp_path / "a.csv", tmp_path / "r.html"
    window.export_conversations(str(conv))
    window.export_aggregates(str(agg))
    window.weekly_report(str(html), open_after=False)
    qtbot.waitUntil(lambda: window.worker.pending == 0 and html.exists())
    rows = list(csv.DictReader(conv.open(encoding="utf-8")))
    assert sorted(int(r["conversation_id"]) for r in rows) == sorted(timeline.values())
    by_id = {int(r["conversation_id"]): r for r in rows}
    assert by_id[timeline["c"]]["first_response_s"] == "58800.000"
    aggregates = list(csv.DictReader(agg.open(encoding="utf-8")))
    overall = {r["metric"]: r for r in aggregates if r["scope"] == "overall"}
    assert overall["first_response"]["median_s"] == "3600.000"
    assert overall["first_response"]["count"] == "3"
    assert {r["key"] for r in aggregates if r["scope"] == "agent"} >= {"sara", "omar"}
    assert "<html" in html.read_text(encoding="utf-8")
