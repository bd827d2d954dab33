"""Business hours: exact seconds across weekends, holidays, midnight, DST and zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inbox.business_hours import (
    ALWAYS,
    Calendar,
    CalendarError,
    gulf_week,
    load_calendar,
    save_calendar,
)
from inbox.sla import SlaPolicy, business_seconds
from inbox.store import SqlStore

RIYADH = ZoneInfo("Asia/Riyadh")
LONDON = ZoneInfo("Europe/London")
H = 3600


def test_gulf_week_skips_the_weekend_and_the_lunch_break() -> None:
    cal = gulf_week()
    # Thursday 2026-11-05 17:00 Riyadh -> Sunday 2026-11-08 10:00: 1 h Thu + 1 h Sun
    start = datetime(2026, 11, 5, 17, 0, tzinfo=RIYADH)
    end = datetime(2026, 11, 8, 10, 0, tzinfo=RIYADH)
    assert cal.business_seconds(start, end) == 2 * H
    # Sunday 12:30 -> 14:30: 30 min before lunch + 30 min after
    assert cal.business_seconds(datetime(2026, 11, 8, 12, 30, tzinfo=RIYADH),
                                datetime(2026, 11, 8, 14, 30, tzinfo=RIYADH)) == H


def test_holiday_counts_nothing() -> None:
    cal = gulf_week(holidays=[date(2026, 11, 8)])
    assert cal.business_seconds(datetime(2026, 11, 8, 0, tzinfo=RIYADH),
                                datetime(2026, 11, 9, 0, tzinfo=RIYADH)) == 0
    assert cal.business_seconds(datetime(2026, 11, 8, 0, tzinfo=RIYADH),
                                datetime(2026, 11, 10, 0, tzinfo=RIYADH)) == 8 * H


def test_slot_ending_at_midnight() -> None:
    cal = Calendar("Asia/Riyadh", {0: ((22 * 60, 24 * 60),)})  # Mondays 22:00-24:00
    start = datetime(2026, 11, 2, 23, 0, tzinfo=RIYADH)  # a Monday
    assert cal.business_seconds(start, start + timedelta(hours=5)) == H
    assert cal.business_seconds(start - timedelta(hours=2), start + timedelta(hours=1)) == 2 * H


def test_dst_change_in_london() -> None:
    """Sunday 2026-03-29 01:00 GMT clocks go to 02:00 BST: a 00:00-06:00 slot is 5 h."""
    cal = Calendar("Europe/London", {6: ((0, 6 * 60),)})
    day = datetime(2026, 3, 29, tzinfo=UTC)
    assert cal.business_seconds(day - timedelta(days=1), day + timedelta(days=1)) == 5 * H
    # autumn: 2026-10-25, 01:00-02:00 happens twice, the slot lasts 7 h
    autumn = datetime(2026, 10, 25, tzinfo=UTC)
    assert cal.business_seconds(autumn - timedelta(days=1), autumn + timedelta(days=1)) == 7 * H
    # a 9-17 weekday slot across the change is still 8 h each day, at the local hours
    week = Calendar("Europe/London", {d: ((9 * 60, 17 * 60),) for d in range(5)})
    fri = datetime(2026, 3, 27, 16, 0, tzinfo=LONDON)
    mon = datetime(2026, 3, 30, 10, 0, tzinfo=LONDON)  # BST now
    assert week.business_seconds(fri, mon) == 2 * H


def test_zone_other_than_the_machines() -> None:
    cal = Calendar("America/New_York", {d: ((9 * 60, 17 * 60),) for d in range(5)})
    # 2026-11-02 (Mon) 13:00 UTC is 08:00 in New York (EST): 1 h before opening
    start = datetime(2026, 11, 2, 13, 0, tzinfo=UTC)
    assert cal.business_seconds(start, start + timedelta(hours=3)) == 2 * H
    assert cal.add_business_seconds(start, 2 * H) == start + timedelta(hours=3)


def test_add_business_seconds_is_the_inverse_over_a_weekend() -> None:
    cal = gulf_week()
    start = datetime(2026, 11, 5, 17, 0, tzinfo=RIYADH)  # Thursday, 1 h left
    due = cal.add_business_seconds(start, 2 * H)
    assert due == datetime(2026, 11, 8, 10, 0, tzinfo=RIYADH)
    assert cal.business_seconds(start, due) == 2 * H


def test_bad_calendars_are_refused() -> None:
    with pytest.raises(CalendarError):
        Calendar("Mars/Olympus")
    with pytest.raises(CalendarError):
        Calendar.from_json({"timezone": "UTC", "slots": {"mon": [["10:00", "09:00"]]}})
    with pytest.raises(CalendarError):
        Calendar.from_json({"timezone": "UTC", "slots": {"mon": [["09:00", "12:00"],
                                                                  ["11:00", "13:00"]]}})


def test_json_round_trip_and_store(store: SqlStore) -> None:
    cal = gulf_week(holidays=[date(2026, 12, 2)])
    assert Calendar.from_json(cal.to_json()) == cal
    assert load_calendar(store) == ALWAYS
    save_calendar(store, cal, 0)
    assert load_calendar(store) == cal
    assert SlaPolicy.load(store).calendar == cal


def test_sla_clock_uses_the_calendar() -> None:
    cal = gulf_week()
    start = datetime(2026, 11, 5, 17, 0, tzinfo=RIYADH)
    assert business_seconds(start, start + timedelta(days=3), cal) == (1 + 4 + 3) * H
    assert business_seconds(start, start + timedelta(hours=1)) == H  # 24/7 default


instants = st.integers(min_value=1_700_000_000, max_value=1_830_000_000).map(
    lambda s: datetime.fromtimestamp(s, UTC))
calendars = st.sampled_from([
    gulf_week(holidays=[date(2026, 11, 8), date(2027, 3, 1)]),
    Calendar("Europe/London", {d: ((0, 6 * 60), (20 * 60, 24 * 60)) for d in range(7)}),
    Calendar("America/New_York", {d: ((9 * 60, 17 * 60),) for d in range(5)}),
    Calendar("Asia/Kolkata", {1: ((9 * 60 + 30, 18 * 60),)}),
])


@settings(max_examples=150, deadline=None)
@given(calendars, instants, instants, instants)
def test_additive_and_never_more_than_wall_clock(cal: Calendar, a: datetime, b: datetime,
                                                 c: datetime) -> None:
    a, b, c = sorted((a, b, c))
    ab, bc, ac = (cal.business_seconds(a, b), cal.business_seconds(b, c),
                  cal.business_seconds(a, c))
    assert ac == pytest.approx(ab + bc, abs=1e-6)
    assert cal.business_us(int(a.timestamp()) * 10**6, int(c.timestamp()) * 10**6) == \
        cal.business_us(int(a.timestamp()) * 10**6, int(b.timestamp()) * 10**6) + \
        cal.business_us(int(b.timestamp()) * 10**6, int(c.timestamp()) * 10**6)
    assert 0 <= ac <= (c - a).total_seconds()


@settings(max_examples=60, deadline=None)
@given(instants, st.integers(min_value=0, max_value=40 * H))
def test_add_then_measure_round_trips(start: datetime, seconds: int) -> None:
    cal = gulf_week()
    due = cal.add_business_seconds(start, seconds)
    assert cal.business_seconds(start, due) == seconds


def test_an_empty_slot_list_is_a_day_off() -> None:
    cal = Calendar.from_json({"timezone": "UTC", "slots": {"mon": [["09:00", "17:00"]],
                                                            "tue": []}})
    assert cal.slots == {0: ((540, 1020),)}
