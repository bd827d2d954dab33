"""View → Response times…: the supervisors' dashboard.

Everything is computed by ``inbox.dashboard.dashboard`` on the window's own
worker thread (after a calendar change that is a recompute of all history: the
status bar shows its progress), so the inbox never freezes while a year is
summed. The window only lays out the result: tiles, the per-day chart, the
agent table and the weekday x hour heat map, in the UI language and locale.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inbox import metrics, metrics_export, report
from inbox.business_hours import Calendar, load_calendar
from inbox.dashboard import Dashboard, choices, dashboard
from inbox.domain import ChannelKind
from inbox.metrics_query import NO_AGENT, Filters
from inbox.store import SqlStore
from inbox.timeutil import utcnow
from ui.calendar_dialog import CalendarDialog, Progress
from ui.dashboard_charts import DayChart, HeatMap
from ui.text import count, isolate, percent, span, tr
from ui.worker import StoreWorker

PRESETS = ("last7", "last30", "this_week", "last_week", "this_year", "custom")


def preset_label(key: str) -> str:
    return {"last7": tr("Last 7 days"), "last30": tr("Last 30 days"),
            "this_week": tr("This week"), "last_week": tr("Last week"),
            "this_year": tr("This year"), "custom": tr("Custom…")}[key]


def preset_dates(key: str, today: date) -> tuple[date, date]:
    """First and last local day of a preset; weeks start on the locale's first day."""
    first = QLocale().firstDayOfWeek().value - 1
    week = today - timedelta(days=(today.weekday() - first) % 7)
    return {"last7": (today - timedelta(days=6), today),
            "last30": (today - timedelta(days=29), today),
            "this_week": (week, week + timedelta(days=6)),
            "last_week": (week - timedelta(days=7), week - timedelta(days=1)),
            "this_year": (today.replace(month=1, day=1), today)}.get(key, (today, today))


Options = tuple[Calendar, list[tuple[int, str]], list[str], list[str]]


def options(store: SqlStore, progress: Callable[[int, int], None] | None = None) -> Options:
    """What the filters offer: calendar, accounts, agents who answered, tags in use.
    Samples are brought up to date first (the agents are read from them)."""
    metrics.refresh(store, progress=progress)
    return (load_calendar(store), *choices(store))


class Tile(QFrame):
    """A figure, its name and one line of context."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.setStyleSheet("#tile { background: palette(base); border: 1px solid #d5d9de;"
                           " border-radius: 6px; }")
        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #5f6368;")
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.sub = QLabel("")
        self.sub.setStyleSheet("color: #5f6368;")
        for w in (self.title, self.value, self.sub):
            layout.addWidget(w)

    def show_value(self, value: str, sub: str = "") -> None:
        self.value.setText(value)
        self.sub.setText(sub)


class DashboardWindow(QMainWindow):
    def __init__(self, open_store: Callable[[], SqlStore], *,
                 on_select: Callable[[int], None] | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Response times"))
        self.worker = StoreWorker(open_store, "dashboard")
        self.on_select = on_select
        self.today = today
        self.calendar = Calendar()
        self.data: Dashboard | None = None
        self._generation = 0
        self._progress = Progress(self)
        self._progress.moved.connect(self._moved)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self._controls())
        layout.addLayout(self._tiles())
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.chart = DayChart()
        splitter.addWidget(self.chart)
        lower = QSplitter(Qt.Orientation.Horizontal)
        self.agents = QTableWidget(0, 6)
        self.agents.setHorizontalHeaderLabels([
            tr("Agent"), tr("Answered"), tr("Median"), tr("p90"),
            tr("Resolved"), tr("SLA hits")])
        self.agents.verticalHeader().hide()
        self.agents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agents.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.agents.horizontalHeader().setStretchLastSection(True)
        self.heat = HeatMap()
        heat_box = QWidget()
        hb = QVBoxLayout(heat_box)
        hb.setContentsMargins(0, 0, 0, 0)
        hb.addWidget(QLabel(tr("Inbound messages by weekday and hour")))
        hb.addWidget(self.heat, 1)
        lower.addWidget(self.agents)
        lower.addWidget(heat_box)
        lower.setSizes([540, 720])  # the agent table's six columns fit beside the heat map
        splitter.addWidget(lower)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.state = QLabel("")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(260)
        self.bar.hide()
        self.statusBar().addWidget(self.state, 1)
        self.statusBar().addPermanentWidget(self.bar)
        QShortcut(QKeySequence("F5"), self, self.reload)
        self.resize(1100, 820)
        progress = self._progress
        self.worker.submit(lambda store: options(store, progress), self._options)

    # -- controls -----------------------------------------------------------------

    def _controls(self) -> QVBoxLayout:
        box = QVBoxLayout()
        row = QHBoxLayout()
        self.range = QComboBox()
        for key in PRESETS:
            self.range.addItem(preset_label(key), key)
        self.range.setCurrentIndex(1)
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.dateChanged.connect(self._custom_changed)
        self.account = QComboBox()
        self.kind = QComboBox()
        self.kind.addItem(tr("All channels"), None)
        self.kind.addItem(tr("Public mentions"), ChannelKind.MENTION.value)
        self.kind.addItem(tr("Direct messages"), ChannelKind.DM.value)
        self.agent = QComboBox()
        self.tag = QComboBox()
        for combo in (self.range, self.account, self.kind, self.agent, self.tag):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, w in ((tr("Period"), self.range), (None, self.since), ("–", self.until),
                         (tr("Account"), self.account), (tr("Channel"), self.kind),
                         (tr("Agent"), self.agent), (tr("Tag"), self.tag)):
            if label:
                row.addWidget(QLabel(label))
            row.addWidget(w)
        row.addStretch(1)
        box.addLayout(row)
        row2 = QHBoxLayout()
        self.wall = QRadioButton(tr("Wall clock"))
        self.business = QRadioButton(tr("Business hours"))
        self.wall.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.wall)
        group.addButton(self.business)
        self.business.toggled.connect(self.reload)
        self.zone = QLabel("")
        self.zone.setStyleSheet("color: #5f6368;")
        for radio in (self.wall, self.business):
            row2.addWidget(radio)
        row2.addWidget(self.zone)
        row2.addStretch(1)
        self.edit_hours = QPushButton(tr("Business hours…"))
        self.export_conv = QPushButton(tr("Export conversations…"))
        self.export_agg = QPushButton(tr("Export aggregates…"))
        self.report_button = QPushButton(tr("Weekly report…"))
        self.edit_hours.clicked.connect(self.open_calendar)
        self.export_conv.clicked.connect(lambda: self.export_conversations())
        self.export_agg.clicked.connect(lambda: self.export_aggregates())
        self.report_button.clicked.connect(lambda: self.weekly_report())
        for b in (self.edit_hours, self.export_conv, self.export_agg, self.report_button):
            row2.addWidget(b)
        box.addLayout(row2)
        self.range.currentIndexChanged.connect(self._range_changed)
        for combo in (self.account, self.kind, self.agent, self.tag):
            combo.currentIndexChanged.connect(self.reload)
        return box

    def _tiles(self) -> QGridLayout:
        grid = QGridLayout()
        names = {"first": tr("First response"), "next": tr("Next response"),
                 "resolution": tr("Resolution"), "sla": tr("SLA hit rate"),
                 "received": tr("Received"), "answered": tr("Answered"),
                 "resolved": tr("Resolved"), "backlog": tr("Waiting now")}
        self.tiles = {key: Tile(title) for key, title in names.items()}
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 4, i % 4)
        self.oldest = QPushButton("")
        self.oldest.setFlat(True)
        self.oldest.setStyleSheet("text-align: left; color: #1a5fb4; padding: 0;")
        self.oldest.clicked.connect(self.open_oldest)
        self.oldest.hide()
        self.tiles["backlog"].box.addWidget(self.oldest)
        return grid

    def _options(self, found: Options) -> None:
        self.calendar, accounts, agents, tags = found
        for combo, everything, items in (
                (self.account, tr("All accounts"), [(n, i) for i, n in accounts]),
                (self.agent, tr("All agents"), [(a, a) for a in agents]
                 + [(tr("Replied on X"), NO_AGENT)]),
                (self.tag, tr("All tags"), [(t, t) for t in tags])):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for label, value in items:
                combo.addItem(label, value)
            combo.blockSignals(False)
        self._range_changed()

    def _today(self) -> date:
        return self.today or datetime.now(self.calendar.zone).date()

    def _range_changed(self, *_: Any) -> None:
        key = self.range.currentData()
        custom = key == "custom"
        for edit in (self.since, self.until):
            edit.setEnabled(custom)
        if not custom:
            first, last = preset_dates(key, self._today())
            for edit, d in ((self.since, first), (self.until, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(d.year, d.month, d.day))
                edit.blockSignals(False)
        self.reload()

    def _custom_changed(self, *_: Any) -> None:
        if self.range.currentData() == "custom":
            self.reload()

    def filters(self) -> Filters:
        first: date = self.since.date().toPython()  # type: ignore[assignment]
        last: date = self.until.date().toPython()  # type: ignore[assignment]
        kind = self.kind.currentData()
        return Filters.for_dates(self.calendar, min(first, last), max(first, last),
                                 account_id=self.account.currentData(),
                                 kind=ChannelKind(kind) if kind else None,
                                 agent=self.agent.currentData(), tag=self.tag.currentData())

    # -- computing ----------------------------------------------------------------

    def reload(self, *_: Any) -> None:
        self._generation += 1
        generation, f = self._generation, self.filters()
        business, progress = self.business.isChecked(), self._progress
        self.state.setText(tr("Computing…"))
        self.worker.submit(
            lambda store: dashboard(store, f, business, progress=progress),
            lambda d: self._show(generation, d), self._failed)

    @Slot(int, int)
    def _moved(self, done: int, total: int) -> None:
        self.bar.show()
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.state.setText(tr("Recomputing all history: %1 of %2 conversations")
                           .replace("%1", count(done)).replace("%2", count(total)))

    def _failed(self, exc: object) -> None:
        self.bar.hide()
        self.state.setText(tr("Could not compute the figures: %1").replace("%1", str(exc)))

    def _show(self, generation: int, d: Dashboard) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.data = d
        self.bar.hide()
        self.zone.setText(tr("Business hours in %1").replace("%1", isolate(d.timezone)))
        self.state.setText(tr("Computed in %1 ms").replace("%1", count(round(d.computed_ms))))
        for key, st in (("first", d.first_response), ("next", d.next_response),
                        ("resolution", d.resolution)):
            self.tiles[key].show_value(span(st.median_s), tr("median · p90 %1").replace(
                "%1", span(st.p90_s)))
        hits = sum(s.sla_hits for s in (d.first_response, d.next_response, d.resolution))
        self.tiles["sla"].show_value(percent(d.sla_rate), tr("%1 of %2 within target").replace(
            "%1", count(hits)).replace("%2", count(sum(
                s.sla_total for s in (d.first_response, d.next_response, d.resolution)))))
        self.tiles["received"].show_value(count(d.received), tr("conversations"))
        self.tiles["answered"].show_value(count(d.answered), tr("first responses"))
        self.tiles["resolved"].show_value(count(d.resolved), tr("conversations"))
        self.tiles["backlog"].show_value(count(d.backlog), tr("conversations waiting"))
        if d.oldest_waiting_since is not None:
            waited = (utcnow() - d.oldest_waiting_since).total_seconds()
            self.oldest.setText(tr("Oldest: waiting %1 →").replace("%1", span(waited)))
            self.oldest.setEnabled(self.on_select is not None)
            self.oldest.show()
        else:
            self.oldest.hide()
        self.chart.set_days(d.days)
        self.heat.set_cells(d.heatmap)
        self._fill_agents(d)

    def _fill_agents(self, d: Dashboard) -> None:
        self.agents.setRowCount(len(d.agents))
        for r, a in enumerate(d.agents):
            fr = a.first_response
            hits = fr.sla_hits + a.next_response.sla_hits + a.resolution.sla_hits
            total = fr.sla_total + a.next_response.sla_total + a.resolution.sla_total
            name = tr("Replied on X") if a.agent == NO_AGENT else a.agent
            cells = [name, count(fr.count), span(fr.median_s), span(fr.p90_s),
                     count(a.resolution.count),
                     tr("%1 of %2").replace("%1", count(hits)).replace("%2", count(total))]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.agents.setItem(r, c, item)

    def open_oldest(self) -> None:
        if self.data and self.data.oldest_waiting_conversation and self.on_select:
            self.on_select(self.data.oldest_waiting_conversation)

    # -- editing and exporting ----------------------------------------------------------

    def open_calendar(self) -> CalendarDialog:
        dialog = CalendarDialog(self.calendar, self.worker, parent=self)
        dialog.saved.connect(self._recomputed)
        dialog.open()
        return dialog

    def _recomputed(self) -> None:
        """New business hours: new filter options, new figures."""
        progress = self._progress
        self.worker.submit(lambda store: options(store, progress), self._options)

    def _path(self, title: str, name: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return path or None

    def _write(self, path: str, job: Callable[[SqlStore], int]) -> None:
        self.state.setText(tr("Writing %1…").replace("%1", isolate(path)))
        self.worker.submit(job, lambda n: self.state.setText(
            tr("Wrote %1 rows to %2").replace("%1", count(int(n))).replace("%2", isolate(path))),
            self._failed)

    def export_conversations(self, path: str | None = None) -> None:
        path = path or self._path(tr("Export conversations"), "conversations.csv", "CSV (*.csv)")
        if path:
            f, target = self.filters(), path

            def job(store: SqlStore) -> int:
                with open(target, "w", newline="", encoding="utf-8") as out:
                    return metrics_export.write_conversations(store, f, csv.writer(out))

            self._write(path, job)

    def export_aggregates(self, path: str | None = None) -> None:
        path = path or self._path(tr("Export aggregates"), "response-times.csv", "CSV (*.csv)")
        if path:
            f, target, business, cal = self.filters(), path, self.business.isChecked(), \
                self.calendar

            def job(store: SqlStore) -> int:
                with open(target, "w", newline="", encoding="utf-8") as out:
                    return metrics_export.write_aggregates(store, f, cal, csv.writer(out),
                                                           business=business)

            self._write(path, job)

    def weekly_report(self, path: str | None = None, *, open_after: bool = True) -> None:
        """The HTML report for the week holding the period's last day, then opened."""
        path = path or self._path(tr("Weekly report"), "weekly-report.html", "HTML (*.html)")
        if not path:
            return
        day: date = self.until.date().toPython()  # type: ignore[assignment]
        business = self.business.isChecked()
        lang = "ar" if QLocale().language() == QLocale.Language.Arabic else "en"
        target = path

        def job(store: SqlStore) -> int:
            Path(target).write_text(report.weekly(store, day, business=business, lang=lang),
                                    encoding="utf-8")
            return 1

        def done(_: object) -> None:
            self.state.setText(tr("Wrote the weekly report to %1").replace("%1", isolate(target)))
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(target))

        self.worker.submit(job, done, self._failed)

    def closeEvent(self, event: Any) -> None:
        self.worker.stop()
        super().closeEvent(event)
