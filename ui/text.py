"""Small text helpers for display: durations, priorities, bidi isolation. Translatable."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QGuiApplication

from inbox.domain import Priority

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


def tr(text: str) -> str:
    return QCoreApplication.translate("Inbox", text)


def isolate(text: str) -> str:
    """Keep a handle, number or id in its own direction inside right-to-left text.

    Without it ``@handle`` shows as ``handle@`` in an Arabic layout (QT_NOTES).
    """
    return f"{FSI}{text}{PDI}"


def ui_direction_mark() -> str:
    """LRM or RLM: starts a mixed line in the interface's direction, whatever it holds."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return "\u200f" if rtl else "\u200e"


def duration(seconds: float) -> str:
    """How long someone has waited, in the two largest units: "3m", "2h 5m", "1d 4h"."""
    s = max(0, int(seconds))
    days, rem = divmod(s, 86400)
    hours, rem = divmod(rem, 3600)
    minutes = rem // 60
    if days:
        return tr("%1d %2h").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return tr("%1h %2m").replace("%1", str(hours)).replace("%2", str(minutes))
    if minutes:
        return tr("%1m").replace("%1", str(minutes))
    return tr("now")


def age(seconds: float) -> str:
    """How long an account has existed: "3 years", "5 months", "12 days"."""
    days = max(0, int(seconds // 86400))
    if days >= 365:
        return tr("%1 years").replace("%1", str(days // 365))
    if days >= 30:
        return tr("%1 months").replace("%1", str(days // 30))
    return tr("%1 days").replace("%1", str(days))


def priority_name(priority: Priority) -> str:
    return {
        Priority.NONE: "",
        Priority.LOW: tr("Low"),
        Priority.MEDIUM: tr("Medium"),
        Priority.HIGH: tr("High"),
        Priority.URGENT: tr("Urgent"),
    }[priority]


def local_time(moment: datetime) -> str:
    """A message time in the user's locale and time zone."""
    stamp = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def count(n: int) -> str:
    return QLocale().toString(n)


def span(seconds: float | None) -> str:
    """A response time a supervisor can compare at a glance: "42s", "4m 12s", "1h 05m",
    "2d 03h" (two units, the second zero-padded so columns line up); "–" for none."""
    if seconds is None:
        return "–"
    s = max(0, round(seconds))
    days, rem = divmod(s, 86400)
    hours, rem = divmod(rem, 3600)
    minutes, secs = divmod(rem, 60)
    loc = QLocale()

    def two(n: int) -> str:
        return loc.toString(n).rjust(2, loc.zeroDigit())

    if days:
        return tr("%1d %2h").replace("%1", loc.toString(days)).replace("%2", two(hours))
    if hours:
        return tr("%1h %2m").replace("%1", loc.toString(hours)).replace("%2", two(minutes))
    if minutes:
        return tr("%1m %2s").replace("%1", loc.toString(minutes)).replace("%2", two(secs))
    return tr("%1s").replace("%1", loc.toString(secs))


def percent(rate: float | None) -> str:
    """A share in the UI locale ("93.5%"); "–" when there is nothing to share."""
    if rate is None:
        return "–"
    return tr("%1%").replace("%1", QLocale().toString(rate * 100, "f", 1))
