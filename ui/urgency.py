"""Why a conversation is urgent: the reasons recorded when escalation rules fired on it.

Each ``rule_fired`` event carries the reason line the rule built ("rule 'VIP'
fired: followers 120,000 >= 10,000"); the conversation pane shows the newest
few with the time they fired, as plain text (reasons quote customer words).
"""

from __future__ import annotations

from datetime import datetime

from inbox.domain import Event, EventType
from ui.text import isolate, local_time, tr

SHOWN = 3


def short_time(at: datetime, now: datetime) -> str:
    """"10:42" today, the locale's short date and time otherwise."""
    local = at.astimezone()
    if local.date() == now.astimezone().date():
        return local.strftime("%H:%M")
    return local_time(at)


def because(reason: str) -> str:
    """The words after "rule 'X' fired: ", with a condition-less rule's trigger in words.

    Reasons are built by the core in English; they are shown isolated so they keep
    their own direction inside Arabic text.
    """
    text = reason.split(" fired: ", 1)[1] if " fired: " in reason else reason
    return {
        "waiting": tr("the customer waited without a human reply"),
        "sla warning": tr("the SLA target is close"),
        "sla breach": tr("the SLA target was missed"),
    }.get(text) or isolate(text)


def why_urgent(events: list[Event], now: datetime) -> list[str]:
    """One line per recent firing, newest first: "rule 'VIP' fired at 10:42: followers …"."""
    lines = []
    fired = [e for e in events if e.type is EventType.RULE_FIRED]
    for event in reversed(fired[-SHOWN:]):
        name = str(event.data.get("rule", ""))
        lines.append(tr("Rule “%1” fired at %2: %3").replace("%1", name)
                     .replace("%2", short_time(event.at, now))
                     .replace("%3", because(str(event.data.get("reason", "")))))
    return lines
