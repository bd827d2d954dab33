"""The selected conversation: who the customer is, and the whole thread in order.

Every piece of customer-supplied text goes into a QLabel set to PlainText, so
markup shows as typed and is never rendered.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inbox.domain import ChannelKind, Conversation, Direction, Message, Origin
from ui.text import age, count, isolate, local_time, tr, ui_direction_mark


def plain_label(text: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ContactCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QGridLayout(self)
        self.name = plain_label(wrap=False)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name.setFont(font)
        self.handle = plain_label(wrap=False)
        self.details = plain_label()
        self.channel = plain_label(wrap=False)
        layout.addWidget(self.name, 0, 0)
        layout.addWidget(self.channel, 0, 1, Qt.AlignmentFlag.AlignTrailing)
        layout.addWidget(self.handle, 1, 0, 1, 2)
        layout.addWidget(self.details, 2, 0, 1, 2)

    def show_conversation(self, conv: Conversation, now: datetime) -> None:
        c = conv.contact
        badge = " ✓" if c.verified else ""
        self.name.setText((c.display_name or c.handle) + badge)
        self.handle.setText(isolate("@" + c.handle))
        parts = [tr("%1 followers").replace("%1", count(c.followers))]
        if c.verified:
            parts.append(tr("verified"))
        if c.account_created_at:
            parts.append(tr("on X for %1").replace(
                "%1", age((now - c.account_created_at).total_seconds())))
        self.details.setText(" · ".join(parts))
        kind = tr("Direct message") if conv.kind is ChannelKind.DM else tr("Public reply")
        self.channel.setText(f"{kind} · {isolate('@' + conv.account_handle)}")


class MessageBubble(QFrame):
    def __init__(self, message: Message, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outbound = message.direction is Direction.OUT
        self.setObjectName("outbound" if outbound else "inbound")
        self.setProperty("outbound", outbound)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        who = message.author_name or message.author_handle
        meta = [isolate(who), isolate("@" + message.author_handle),
                isolate(local_time(message.created_at))]
        if outbound:
            if message.automatic:
                meta.append(tr("automatic"))
            elif message.origin is Origin.EXTERNAL:
                meta.append(tr("sent on X"))
            elif message.agent:
                meta.append(tr("by %1").replace("%1", message.agent))
        self.meta = plain_label(ui_direction_mark() + " · ".join(meta), wrap=True)
        self.meta.setObjectName("meta")
        self.body = plain_label(message.text, selectable=True)
        self.body.setObjectName("body")
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.meta)
        layout.addWidget(self.body)


class ThreadView(QScrollArea):
    """The messages of one conversation, oldest at the top, ours on the trailing side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self.bubbles: list[MessageBubble] = []
        self._rows: list[QWidget] = []
        # New content scrolls to the newest message once the layout knows its height.
        self.verticalScrollBar().rangeChanged.connect(self._to_bottom)

    def _to_bottom(self, _low: int, high: int) -> None:
        self.verticalScrollBar().setValue(high)

    def show_messages(self, messages: list[Message]) -> None:
        for holder in self._rows:
            holder.deleteLater()
        self._rows, self.bubbles = [], []
        for message in messages:
            holder = QWidget(self._inner)
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            bubble = MessageBubble(message, holder)
            if message.direction is Direction.OUT:
                row.addStretch(1)
                row.addWidget(bubble, 4)
            else:
                row.addWidget(bubble, 4)
                row.addStretch(1)
            self._layout.addWidget(holder)
            self._rows.append(holder)
            self.bubbles.append(bubble)
