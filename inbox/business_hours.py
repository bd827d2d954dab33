"""Business hours: when the team is at work, so a wait over the weekend is not counted.

A ``Calendar`` is a time zone (IANA name, via ``zoneinfo``), a few time slots
per weekday (a Gulf team: Sunday to Thursday 09:00-13:00 and 14:00-18:00; a
slot may end at 24:00) and holidays (whole local dates). ``business_seconds``
counts the seconds of ``[start, end)`` that fall inside a slot.

It is exact: every slot is turned into two UTC instants from its local wall
times on that very date, so a slot on a daylight-saving day is one hour
shorter or longer, like the real working day, and the machine's own zone never
matters. Internally everything is integer microseconds since the epoch, so
sums are exact and ``business(a, c) == business(a, b) + business(b, c)``.

The store keeps one calendar per team (schema migration 7); the default is
24/7, where business time equals wall-clock time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

US = 1_000_000
DAY_MINUTES = 24 * 60
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class CalendarError(ValueError):
    """A calendar a supervisor typed that cannot work (said in their words)."""


Slot = tuple[int, int]  # minutes after local midnight: [start, end), end may be 1440


def _parse_clock(text: str) -> int:
    try:
        hours, minutes = text.split(":")
        value = int(hours) * 60 + int(minutes)
    except ValueError:
        raise CalendarError(f"{text!r} is not a time like 09:00") from None
    if not 0 <= value <= DAY_MINUTES or not 0 <= int(minutes) < 60:
        raise CalendarError(f"{text!r} is not a time between 00:00 and 24:00")
    return value


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def to_us(moment: datetime) -> int:
    """Exact microseconds since the epoch of an aware datetime (naive means UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - _EPOCH) // timedelta(microseconds=1)


@dataclass(frozen=True, eq=False)
class Calendar:
    """Working time: zone, slots per weekday (0 = Monday), holidays."""

    timezone: str = "UTC"
    slots: Mapping[int, tuple[Slot, ...]] = field(
        default_factory=lambda: {d: ((0, DAY_MINUTES),) for d in range(7)})
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise CalendarError(f"unknown time zone {self.timezone!r}") from None
        clean: dict[int, tuple[Slot, ...]] = {}
        for day, slots in self.slots.items():
            if day not in range(7):
                raise CalendarError(f"weekday {day} is not 0 (Monday) to 6 (Sunday)")
            ordered = tuple(sorted((int(a), int(b)) for a, b in slots))
            if not ordered:
                continue  # a day off, like a weekday left out
            for (a, b), nxt in zip(ordered, (*ordered[1:], None), strict=True):
                if not 0 <= a < b <= DAY_MINUTES:
                    raise CalendarError(f"{WEEKDAYS[day]}: {_clock(a)}-{_clock(b)} must end"
                                        " after it starts, within the day")
                if nxt is not None and nxt[0] < b:
                    raise CalendarError(f"{WEEKDAYS[day]}: time slots overlap")
            clean[day] = ordered
        object.__setattr__(self, "slots", clean)
        object.__setattr__(self, "_zone", zone)
        object.__setattr__(self, "_days", {})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Calendar) and other.fingerprint() == self.fingerprint()

    def __hash__(self) -> int:
        return hash(self.fingerprint())

    # -- what it is ---------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        zone: ZoneInfo = self.__dict__["_zone"]
        return zone

    @property
    def always_open(self) -> bool:
        """24/7 with no holidays: business time is wall-clock time (the fast path)."""
        return not self.holidays and all(
            self.slots.get(d) == ((0, DAY_MINUTES),) for d in range(7))

    def fingerprint(self) -> str:
        """A stable text of the whole calendar: stored beside the samples computed with it."""
        return json.dumps(self.to_json(), sort_keys=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "timezone": self.timezone,
            "slots": {WEEKDAYS[d]: [[_clock(a), _clock(b)] for a, b in s]
                      for d, s in sorted(self.slots.items())},
            "holidays": sorted(d.isoformat() for d in self.holidays),
        }

    @classmethod
    def from_json(cls, data: Any) -> Calendar:
        """``{"timezone": "Asia/Riyadh", "slots": {"sun": [["09:00", "13:00"], ...]},
        "holidays": ["2026-12-02"]}``; a weekday left out is a day off."""
        try:
            slots = {WEEKDAYS.index(name.lower()[:3]): tuple(
                (_parse_clock(a), _parse_clock(b)) for a, b in pairs)
                for name, pairs in data.get("slots", {}).items()}
            holidays = frozenset(date.fromisoformat(d) for d in data.get("holidays", ()))
            return cls(str(data.get("timezone", "UTC")), slots, holidays)
        except CalendarError:
            raise
        except (AttributeError, TypeError, ValueError) as exc:
            raise CalendarError(f"business hours: malformed ({exc})") from None

    @classmethod
    def always(cls, timezone: str = "UTC") -> Calendar:
        return cls(timezone)

    def local_date(self, moment_us: int) -> date:
        return datetime.fromtimestamp(moment_us / US, self.zone).date()

    # -- arithmetic ---------------------------------------------------------------

    def _instant(self, day: date, minutes: int) -> int:
        """The UTC microsecond of a local wall time on ``day`` (24:00 is next midnight).
        A wall time inside a spring-forward gap is read with the offset before it."""
        if minutes == DAY_MINUTES:
            day, minutes = day + timedelta(days=1), 0
        local = datetime.combine(day, time(minutes // 60, minutes % 60), self.zone)
        return to_us(local)

    def open_intervals(self, day: date) -> tuple[tuple[int, int], ...]:
        """The working intervals of one local date, as UTC microseconds (cached)."""
        cache: dict[date, tuple[tuple[int, int], ...]] = self.__dict__["_days"]
        found = cache.get(day)
        if found is None:
            found = () if day in self.holidays else tuple(
                (a, max(a, b)) for a, b in ((self._instant(day, s), self._instant(day, e))
                                            for s, e in self.slots.get(day.weekday(), ())))
            if len(cache) > 20_000:
                cache.clear()
            cache[day] = found
        return found

    def business_us(self, start_us: int, end_us: int) -> int:
        """Working microseconds in ``[start, end)``; 0 when end <= start."""
        if end_us <= start_us:
            return 0
        if self.always_open:
            return end_us - start_us
        total = 0
        day = self.local_date(start_us) - timedelta(days=1)  # a slot may reach past midnight
        last = self.local_date(end_us)
        while day <= last:
            for a, b in self.open_intervals(day):
                lo, hi = max(a, start_us), min(b, end_us)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total

    def business_ms(self, start_ms: int, end_ms: int) -> int:
        """``business_us`` for the store's epoch milliseconds (exact: slots are whole
        minutes, so a millisecond input gives a whole-millisecond answer)."""
        return self.business_us(start_ms * 1000, end_ms * 1000) // 1000

    def business_seconds(self, start: datetime, end: datetime) -> float:
        """Seconds of working time between two instants (never more than wall clock)."""
        return self.business_us(to_us(start), to_us(end)) / US

    def add_business_seconds(self, start: datetime, seconds: float) -> datetime:
        """The instant when ``seconds`` of working time have passed after ``start``."""
        left = round(seconds * US)
        at = to_us(start)
        if self.always_open or left <= 0:
            return start + timedelta(microseconds=max(left, 0))
        if not self.slots:
            raise CalendarError("business hours have no working time at all")
        day = self.local_date(at) - timedelta(days=1)
        for _ in range(366 * 10):  # ten years of holidays would be a broken calendar
            for a, b in self.open_intervals(day):
                lo = max(a, at)
                if b > lo:
                    if b - lo >= left:
                        return _EPOCH + timedelta(microseconds=lo + left)
                    left -= b - lo
            day += timedelta(days=1)
        raise CalendarError("business hours: no working time in the next ten years")


ALWAYS = Calendar.always()


# -- the stored calendar --------------------------------------------------------------


def load_calendar(store: Any, team: str = "") -> Calendar:
    """The team's calendar from the store (24/7 UTC when none was saved)."""
    row = store._one("SELECT body FROM business_calendars WHERE team = ?", (team,))
    return ALWAYS if row is None else Calendar.from_json(json.loads(row[0]))


def save_calendar(store: Any, calendar: Calendar, now_ms: int, team: str = "") -> None:
    """Store a calendar. Samples computed with the old one become stale: the next
    ``inbox.metrics.refresh`` (or ``stats recompute``) recomputes all history."""
    with store.transaction():
        store._exec(
            "INSERT INTO business_calendars (team, body, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (team) DO UPDATE SET body = excluded.body,"
            " updated_at = excluded.updated_at",
            (team, json.dumps(calendar.to_json(), ensure_ascii=False), now_ms))


def gulf_week(timezone: str = "Asia/Riyadh", holidays: Iterable[date] = ()) -> Calendar:
    """Sunday to Thursday, 09:00-13:00 and 14:00-18:00: a common Gulf support week."""
    day = ((9 * 60, 13 * 60), (14 * 60, 18 * 60))
    return Calendar(timezone, {6: day, 0: day, 1: day, 2: day, 3: day}, frozenset(holidays))
