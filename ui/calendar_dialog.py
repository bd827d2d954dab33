"""Business hours editor: time zone, time slots per weekday, holidays; saving recomputes.

Response times in business hours depend on every sample's calendar, so saving
is not just a write: all history is recomputed (``metrics.recompute_all``) on
the worker thread, with a progress bar, and the dialog closes when the new
figures are in. Slots are typed as "09:00-13:00, 14:00-18:00" (several per day,
empty = closed, 24:00 allowed); the core checks them (``Calendar``).
"""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inbox import metrics
from inbox.business_hours import Calendar, CalendarError, gulf_week, save_calendar
from inbox.store import SqlStore
from inbox.timeutil import to_ms, utcnow
from ui.dashboard_charts import weekday_order
from ui.text import isolate, tr
from ui.worker import StoreWorker


class Progress(QObject):
    """Carries ``progress(done, total)`` from the worker thread to the GUI thread."""

    moved = Signal(int, int)

    def __call__(self, done: int, total: int) -> None:
        self.moved.emit(done, total)


def slots_text(cal: Calendar, weekday: int) -> str:
    return ", ".join(f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}"
                     for a, b in cal.slots.get(weekday, ()))


class CalendarDialog(QDialog):
    """Edit and save the team's calendar; ``saved`` is emitted once history is recomputed."""

    saved = Signal()

    def __init__(self, calendar: Calendar, worker: StoreWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Business hours"))
        self.worker = worker
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(sorted(available_timezones()))
        self.zone.setCurrentText(calendar.timezone)
        form.addRow(tr("Time zone"), self.zone)
        self.days: dict[int, QLineEdit] = {}
        from ui.dashboard_charts import weekday_name

        for weekday in weekday_order():
            edit = QLineEdit(slots_text(calendar, weekday))
            edit.setPlaceholderText(tr("closed"))
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self.days[weekday] = edit
            form.addRow(weekday_name(weekday), edit)
        hint = QLabel(tr("Several slots a day: 09:00-13:00, 14:00-18:00. Leave empty for a"
                         " day off."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        layout.addLayout(form)
        box = QGroupBox(tr("Holidays"))
        hl = QVBoxLayout(box)
        self.holidays = QListWidget()
        for d in sorted(calendar.holidays):
            self._add_holiday(d)
        hl.addWidget(self.holidays)
        row = QHBoxLayout()
        self.holiday_date = QDateEdit(QDate.currentDate())
        self.holiday_date.setCalendarPopup(True)
        add = QPushButton(tr("Add holiday"))
        add.clicked.connect(lambda: self._add_holiday(self.holiday_date.date().toPython()))
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(lambda: [self.holidays.takeItem(self.holidays.row(i))
                                        for i in self.holidays.selectedItems()])
        gulf = QPushButton(tr("Sunday to Thursday preset"))
        gulf.clicked.connect(self._gulf)
        for w in (self.holiday_date, add, remove):
            row.addWidget(w)
        row.addStretch(1)
        hl.addLayout(row)
        layout.addWidget(box)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(gulf, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._progress = Progress(self)
        self._progress.moved.connect(self._moved)

    def _add_holiday(self, d: Any) -> None:
        if not isinstance(d, date) or any(self.holidays.item(i).data(Qt.ItemDataRole.UserRole)
                                           == d for i in range(self.holidays.count())):
            return
        item = QListWidgetItem(isolate(QDate(d.year, d.month, d.day).toString(
            Qt.DateFormat.ISODate)))
        item.setData(Qt.ItemDataRole.UserRole, d)
        self.holidays.addItem(item)

    def _gulf(self) -> None:
        preset = gulf_week(self.zone.currentText() or "Asia/Riyadh")
        for weekday, edit in self.days.items():
            edit.setText(slots_text(preset, weekday))

    def calendar(self) -> Calendar:
        """The calendar as typed (``CalendarError`` says what is wrong)."""
        slots: dict[str, list[list[str]]] = {}
        from inbox.business_hours import WEEKDAYS

        for weekday, edit in self.days.items():
            pairs = []
            for part in edit.text().replace("–", "-").split(","):
                if not part.strip():
                    continue
                if "-" not in part:
                    raise CalendarError(tr("%1 is not a slot like 09:00-13:00")
                                        .replace("%1", part.strip()))
                a, b = part.split("-", 1)
                pairs.append([a.strip(), b.strip()])
            slots[WEEKDAYS[weekday]] = pairs
        holidays = [self.holidays.item(i).data(Qt.ItemDataRole.UserRole).isoformat()
                    for i in range(self.holidays.count())]
        return Calendar.from_json({"timezone": self.zone.currentText().strip(), "slots": slots,
                                   "holidays": holidays})

    def save(self) -> None:
        try:
            cal = self.calendar()
        except CalendarError as exc:
            self.error.setText(tr("Cannot save: %1").replace("%1", str(exc)))
            self.error.show()
            return
        self.error.hide()
        self.buttons.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setFormat(tr("Recomputing all history…"))
        self.progress.show()
        progress = self._progress

        def job(store: SqlStore) -> int:
            save_calendar(store, cal, to_ms(utcnow()))
            return metrics.recompute_all(store, cal, progress=progress)

        self.worker.submit(job, self._done, self._failed)

    @Slot(int, int)
    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _done(self, _written: object) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, exc: object) -> None:
        self.buttons.setEnabled(True)
        self.progress.hide()
        self.error.setText(tr("Cannot save: %1").replace("%1", str(exc)))
        self.error.show()
