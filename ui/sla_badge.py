"""The queue's SLA badge: time left on the running response clock, in words and colour.

Neutral while there is time, amber inside the warning window, red once the
target is missed. Computed per visible row from ``inbox.sla.sla_status`` and
cached by the model until the next refresh or 30-second tick.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from PySide6.QtGui import QBrush, QColor

from inbox.domain import Conversation
from inbox.sla import SlaPolicy, SlaState, sla_status
from ui.text import duration, tr

AMBER = QColor("#b54708")
RED = QColor("#b42318")


class Badge(NamedTuple):
    text: str
    state: SlaState
    brush: QBrush | None


def sla_badge(conv: Conversation, now: datetime, policy: SlaPolicy) -> Badge:
    status = sla_status(conv, now, policy)
    if status.state is SlaState.NONE or status.seconds_left is None:
        return Badge("", status.state, None)
    if status.state is SlaState.BREACHED:
        return Badge(tr("overdue %1").replace("%1", duration(-status.seconds_left)),
                     status.state, QBrush(RED))
    text = tr("%1 left").replace("%1", duration(status.seconds_left))
    return Badge(text, status.state, QBrush(AMBER) if status.state is SlaState.WARNING else None)
