"""SLA policies: how long a customer may wait for an answer, and how much of that is left.

Targets are per channel kind (mention, DM) and priority, for the first
response, each next response and resolution, with a warning window (the
badge turns amber at, say, 80% of the target). ``sla_status`` is a pure
function of a conversation and the time, cheap enough for every visible
queue row; the queue sorts by time left in SQL (``queue_by_time_left``).

Clocks run on the team's business hours (``inbox.business_hours``, 24/7 by
default), through exactly two functions, ``business_seconds`` and
``add_business_seconds``; nothing else here does time arithmetic. The SQL
sort stays wall-clock, which orders the same way as long as every
conversation shares one calendar.

The response clock runs while the customer waits (``waiting_since``): the
first-response target until a human has answered once, the next-response
target after. Resolution targets are kept and edited with the rest, for the
response-time reports; the live badge shows the response clock.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from inbox.business_hours import ALWAYS, Calendar, load_calendar
from inbox.domain import ChannelKind, Conversation, Priority, Status, View
from inbox.rules import RuleError, starter_pack
from inbox.store import SqlStore


class SlaTarget(enum.StrEnum):
    FIRST_RESPONSE = "first_response"
    NEXT_RESPONSE = "next_response"
    RESOLUTION = "resolution"


class SlaState(enum.StrEnum):
    NONE = "none"  # no clock running (nobody waits, or no target set)
    OK = "ok"
    WARNING = "warning"
    BREACHED = "breached"


class SlaStatus(NamedTuple):
    """What the queue's badge shows: which target, when it is due, and the state."""

    target: SlaTarget | None
    due_at: datetime | None
    state: SlaState
    seconds_left: float | None = None  # negative once breached


@dataclass(frozen=True, slots=True)
class Targets:
    first_response_s: int
    next_response_s: int
    resolution_s: int
    warning_percent: int = 80


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    targets: dict[tuple[ChannelKind, Priority], Targets]
    calendar: Calendar = ALWAYS  # the clock targets run on (business hours, issue 6)

    def for_(self, kind: ChannelKind, priority: Priority) -> Targets | None:
        return self.targets.get((kind, priority))

    @classmethod
    def from_json(cls, data: Any) -> SlaPolicy:
        """``{"warning_percent": 80, "targets": {"mention": {"high": {"first_response_minutes":
        60, "next_response_minutes": 60, "resolution_minutes": 1440}, ...}, "dm": {...}}}``."""
        try:
            warn = int(data.get("warning_percent", 80))
            out: dict[tuple[ChannelKind, Priority], Targets] = {}
            for kind_name, levels in data["targets"].items():
                kind = ChannelKind(kind_name)
                for level, t in levels.items():
                    out[(kind, Priority[level.upper()])] = Targets(
                        int(t["first_response_minutes"] * 60),
                        int(t["next_response_minutes"] * 60),
                        int(t["resolution_minutes"] * 60),
                        int(t.get("warning_percent", warn)),
                    )
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise RuleError(f"SLA targets: malformed ({exc!r})") from None
        if any(not 1 <= t.warning_percent <= 100 for t in out.values()):
            raise RuleError("SLA targets: warning_percent must be between 1 and 100")
        return cls(out)

    def to_json(self) -> dict[str, Any]:
        targets: dict[str, dict[str, Any]] = {}
        for (kind, priority), t in sorted(self.targets.items()):
            targets.setdefault(kind.value, {})[priority.name.lower()] = {
                "first_response_minutes": t.first_response_s / 60,
                "next_response_minutes": t.next_response_s / 60,
                "resolution_minutes": t.resolution_s / 60,
                "warning_percent": t.warning_percent,
            }
        return {"targets": targets}

    @classmethod
    def default(cls) -> SlaPolicy:
        return cls.from_json(starter_pack()["sla"])

    @classmethod
    def load(cls, store: SqlStore) -> SlaPolicy:
        """The stored policy; the shipped defaults are stored the first time."""
        rows = store.sla_target_rows()
        if not rows:
            policy = cls.default()
            policy.save(store)
            return cls(policy.targets, load_calendar(store))
        return cls({(ChannelKind(k), Priority(p)): Targets(f, n, r, w)
                    for k, p, f, n, r, w in rows}, load_calendar(store))

    def save(self, store: SqlStore) -> None:
        store.set_sla_target_rows(
            (k.value, int(p), t.first_response_s, t.next_response_s, t.resolution_s,
             t.warning_percent)
            for (k, p), t in self.targets.items()
        )


def business_seconds(start: datetime, end: datetime, calendar: Calendar = ALWAYS) -> float:
    """Seconds of the SLA clock between two instants, on the team's business hours."""
    if end < start:
        return -calendar.business_seconds(end, start)
    return calendar.business_seconds(start, end)


def add_business_seconds(start: datetime, seconds: float,
                         calendar: Calendar = ALWAYS) -> datetime:
    """The instant ``seconds`` of SLA clock after ``start`` (the inverse of the above)."""
    return calendar.add_business_seconds(start, seconds)


def sla_status(conversation: Conversation, now: datetime, policy: SlaPolicy) -> SlaStatus:
    """The running response clock of one conversation (pure; call it per visible row)."""
    since = conversation.waiting_since
    if conversation.status is not Status.OPEN or since is None:
        return SlaStatus(None, None, SlaState.NONE)
    targets = policy.for_(conversation.kind, conversation.priority)
    if targets is None:
        return SlaStatus(None, None, SlaState.NONE)
    if conversation.first_reply_at is None:
        target, seconds = SlaTarget.FIRST_RESPONSE, targets.first_response_s
    else:
        target, seconds = SlaTarget.NEXT_RESPONSE, targets.next_response_s
    elapsed = business_seconds(since, now, policy.calendar)
    left = seconds - elapsed
    if left <= 0:
        state = SlaState.BREACHED
    elif elapsed * 100 >= seconds * targets.warning_percent:
        state = SlaState.WARNING
    else:
        state = SlaState.OK
    return SlaStatus(target, add_business_seconds(since, seconds, policy.calendar), state, left)


def queue_by_time_left(store: SqlStore, view: View) -> list[int]:
    """A view's conversation ids, least time left first (sorted in SQL, not here)."""
    SlaPolicy.load(store)  # make sure targets exist to sort by
    return store.queue_ids_by_time_left(view)
