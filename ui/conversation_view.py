"""The selected conversation: who the customer is, and the whole thread in order.

Every piece of customer-supplied text goes into a QLabel set to PlainText, so
markup shows as typed and is never rendered.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inbox.domain import (
    ChannelKind,
    Conversation,
    Direction,
    Message,
    Origin,
    OutboxItem,
    OutboxState,
)
from inbox.timeutil import utcnow
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
            if message.origin is Origin.APP:
                meta.append(tr("sent") + " " + isolate(f"#{message.platform_id}"))
        self.meta = plain_label(ui_direction_mark() + " · ".join(meta), wrap=True)
        self.meta.setObjectName("meta")
        self.body = plain_label(message.text, selectable=True)
        self.body.setObjectName("body")
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.meta)
        layout.addWidget(self.body)


def pending_status(item: OutboxItem, now: datetime) -> str:
    """What an agent needs to know about a reply that has not reached X yet, in words."""
    at = item.not_before.astimezone().strftime("%H:%M")
    if item.state is OutboxState.FAILED:
        reason = {
            "reply_not_allowed": tr("X does not allow this reply: the customer has not "
                                    "mentioned us in this thread. Send it as a DM instead."),
            "duplicate": tr("X refused it as a duplicate of an earlier post. Change the "
                            "wording and send again."),
            "too_long": tr("Too long for X. Shorten it and send again."),
            "reconnect": tr("X no longer accepts this account's credentials. Reconnect "
                            "the account, then retry."),
        }.get(item.error_kind or "", item.last_error)
        return tr("Not sent: %1").replace("%1", reason)
    if item.state is OutboxState.SENDING:
        return tr("Sending…")
    if item.error_kind == "rate_limited":
        return tr("Waiting: X's rate limit is reached; it goes at %1").replace("%1", at)
    if item.error_kind in ("offline", "unconfirmed"):
        return tr("Waiting: X cannot be reached; next try at %1").replace("%1", at)
    if item.error_kind == "confirming":
        return tr("Checking with X whether it went out…")
    left = (item.not_before - now).total_seconds()
    if item.attempts == 0 and left > 0:
        return tr("Sending in %1 s").replace("%1", str(int(left + 0.999)))
    return tr("Sending…")


class PendingBubble(QFrame):
    """A reply in the outbox: shown at once, with its state and what can be done."""

    def __init__(self, item: OutboxItem, now: datetime, view: ThreadView) -> None:
        super().__init__()
        self.item = item
        self.setObjectName("pending")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        kind = tr("DM") if item.kind is ChannelKind.DM else tr("Public reply")
        self.status = plain_label(f"{kind} · {pending_status(item, now)}")
        self.status.setObjectName("meta")
        self.body = plain_label(item.text, selectable=True)
        layout.addWidget(self.status)
        layout.addWidget(self.body)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        failed = item.state is OutboxState.FAILED
        choices = []
        if item.state is OutboxState.QUEUED and item.attempts == 0 and item.not_before > now:
            choices.append(("undo", tr("Undo"), view.undo_requested))
        if failed and item.error_kind == "reply_not_allowed":
            choices.append(("dm", tr("Send as DM"), view.dm_instead_requested))
        if failed:
            choices.append(("retry", tr("Retry"), view.retry_requested))
            choices.append(("discard", tr("Discard"), view.discard_requested))
        for key, label, signal in choices:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=signal, i=item.id: s.emit(i))
            buttons.addWidget(button)
            self.buttons[key] = button
        if choices:
            layout.addLayout(buttons)


class ThreadView(QScrollArea):
    """The messages of one conversation, oldest at the top, ours on the trailing side."""

    undo_requested = Signal(int)
    retry_requested = Signal(int)
    discard_requested = Signal(int)
    dm_instead_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self.bubbles: list[MessageBubble] = []
        self.pending: list[PendingBubble] = []
        self._rows: list[QWidget] = []
        # New content scrolls to the newest message once the layout knows its height.
        self.verticalScrollBar().rangeChanged.connect(self._to_bottom)

    def _to_bottom(self, _low: int, high: int) -> None:
        self.verticalScrollBar().setValue(high)

    def show_messages(self, messages: list[Message],
                      pending: list[OutboxItem] | None = None) -> None:
        for holder in self._rows:
            holder.deleteLater()
        self._rows, self.bubbles, self.pending = [], [], []
        now = utcnow()
        shown: list[Message | OutboxItem] = [*messages, *(pending or [])]
        for entry in shown:
            holder = QWidget(self._inner)
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            bubble: QFrame
            if isinstance(entry, Message):
                bubble = MessageBubble(entry, holder)
                self.bubbles.append(bubble)
                outbound = entry.direction is Direction.OUT
            else:
                bubble = PendingBubble(entry, now, self)
                bubble.setParent(holder)
                self.pending.append(bubble)
                outbound = True
            if outbound:
                row.addStretch(1)
                row.addWidget(bubble, 4)
            else:
                row.addWidget(bubble, 4)
                row.addStretch(1)
            self._layout.addWidget(holder)
            self._rows.append(holder)
