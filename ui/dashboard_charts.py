"""The dashboard's two pictures, painted with QPainter (no plotting dependency).

``DayChart``: inbound messages per day as bars (left scale) and the median first
response as a line (right scale, durations). ``HeatMap``: inbound messages per
weekday x hour, rows in the order of the UI locale's week (an Arabic week starts
on Saturday or Sunday), darker is busier, each cell's count written in it when
it fits. Both keep the time axis left to right, like the report's chart, and
draw only text that fits, so nothing is clipped on a small window.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from inbox.metrics_query import Day
from ui.text import span, tr

BAR = QColor("#7fa7d4")
LINE = QColor("#c0392b")
GRID = QColor("#e3e6ea")
INK = QColor("#3c4043")


def weekday_order() -> list[int]:
    """Row order of the heat map: 0 = Monday .. 6 = Sunday, from the locale's first day."""
    first = QLocale().firstDayOfWeek().value - 1  # Qt: Monday = 1
    return [(first + i) % 7 for i in range(7)]


def weekday_name(weekday: int) -> str:
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _nice(top: float) -> float:
    """A round upper bound for an axis (1, 2, 5 x 10^n)."""
    if top <= 0:
        return 1.0
    step = 10 ** len(str(int(top))) / 10
    for m in (1, 2, 5, 10):
        if m * step >= top:
            return float(m * step)
    return top


class DayChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[Day] = []
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    def set_days(self, days: list[Day]) -> None:
        self.days = days
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 220)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        loc = QLocale()
        top_n = _nice(max((d.inbound for d in self.days), default=0))
        slow = _nice(max((d.median_first_response_s or 0 for d in self.days), default=0) / 60) * 60
        left = fm.horizontalAdvance(loc.toString(int(top_n))) + 10
        right = max(fm.horizontalAdvance(span(slow * i / 5)) for i in range(6)) + 14
        legend_h = fm.height() + 6
        plot = QRectF(left, legend_h + 4, self.width() - left - right,
                      self.height() - legend_h - fm.height() - 14)
        self._legend(p, legend_h)
        if not self.days or plot.width() < 20 or plot.height() < 20:
            p.setPen(INK)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, tr("No messages in this period"))
            return
        for i in range(6):  # grid and both scales, in fifths of round tops
            y = plot.bottom() - plot.height() * i / 5
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(INK)
            p.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                       Qt.AlignmentFlag.AlignRight, loc.toString(int(top_n * i / 5)))
            p.setPen(LINE)
            p.drawText(QRectF(plot.right() + 6, y - fm.height() / 2, right - 6, fm.height()),
                       Qt.AlignmentFlag.AlignLeft, span(slow * i / 5))
        n = len(self.days)
        step = plot.width() / n
        points: list[QPointF] = []
        for i, d in enumerate(self.days):
            h = plot.height() * d.inbound / top_n
            x = plot.left() + i * step
            p.fillRect(QRectF(x + step * 0.15, plot.bottom() - h, max(1.0, step * 0.7), h), BAR)
            if d.median_first_response_s is not None:
                points.append(QPointF(x + step / 2,
                                      plot.bottom() - plot.height() * d.median_first_response_s
                                      / slow))
        p.setPen(QPen(LINE, 2))
        if len(points) == 1:
            p.drawEllipse(points[0], 3, 3)
        for a, b in itertools.pairwise(points):
            p.drawLine(a, b)
        p.setPen(INK)  # dates: as many as fit, evenly spaced
        label_w = fm.horizontalAdvance(loc.toString(_qdate(self.days[0].day), "d MMM")) + 16
        every = max(1, int(label_w // step) + 1)
        for i in range(0, n, every):
            x = plot.left() + i * step + step / 2
            p.drawText(QRectF(x - label_w / 2, plot.bottom() + 4, label_w, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter,
                       loc.toString(_qdate(self.days[i].day), "d MMM"))

    def _legend(self, p: QPainter, height: int) -> None:
        fm = p.fontMetrics()
        x = 8.0
        for colour, text, line in ((BAR, tr("Inbound messages per day"), False),
                                   (LINE, tr("Median first response"), True)):
            if line:
                p.setPen(QPen(colour, 2))
                p.drawLine(QPointF(x, height / 2 + 2), QPointF(x + 14, height / 2 + 2))
            else:
                p.fillRect(QRectF(x, height / 2 - 3, 14, 10), colour)
            p.setPen(INK)
            w = fm.horizontalAdvance(text)
            p.drawText(QRectF(x + 20, 0, w + 4, height), Qt.AlignmentFlag.AlignVCenter, text)
            x += w + 44


class HeatMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: list[list[int]] = [[0] * 24 for _ in range(7)]
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    def set_cells(self, cells: list[list[int]]) -> None:
        self.cells = cells
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 200)

    def cell_rect(self, weekday: int, hour: int) -> QRectF:
        """Where a weekday (0 = Monday) and hour are drawn (tests click and read here)."""
        fm = self.fontMetrics()
        left = max(fm.horizontalAdvance(weekday_name(d)) for d in range(7)) + 12
        top = fm.height() + 6
        w = (self.width() - left - 4) / 24
        h = (self.height() - top - 4) / 7
        row = weekday_order().index(weekday)
        return QRectF(left + hour * w, top + row * h, w, h)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        fm = p.fontMetrics()
        loc = QLocale()
        most = max((max(r) for r in self.cells), default=0) or 1
        small = QFont(p.font())
        small.setPointSizeF(max(6.0, p.font().pointSizeF() * 0.8))
        for hour in range(0, 24, 3 if self.cell_rect(0, 0).width() < 24 else 1):
            r = self.cell_rect(weekday_order()[0], hour)
            p.setPen(INK)
            p.drawText(QRectF(r.left() - 10, 0, r.width() + 20, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter, loc.toString(hour))
        for weekday in range(7):
            r0 = self.cell_rect(weekday, 0)
            p.setPen(INK)
            p.drawText(QRectF(0, r0.top(), r0.left() - 6, r0.height()),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       weekday_name(weekday))
            for hour in range(24):
                n = self.cells[weekday][hour]
                r = self.cell_rect(weekday, hour)
                shade = n / most
                colour = QColor.fromRgbF(1 - 0.85 * shade, 1 - 0.55 * shade, 1 - 0.25 * shade)
                p.fillRect(r.adjusted(1, 1, -1, -1), colour)
                text = loc.toString(n)
                p.setFont(small)
                if n and p.fontMetrics().horizontalAdvance(text) + 4 < r.width():
                    p.setPen(QColor("white") if shade > 0.55 else INK)
                    p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
                p.setFont(self.font())
