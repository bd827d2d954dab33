"""Time conversions shared by the store, the channels and the metrics.

The store keeps every instant as integer milliseconds since the epoch (UTC):
cheap to index, compare and subtract in SQL on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_ms(moment: datetime) -> int:
    """Epoch milliseconds of an aware datetime (naive ones are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def maybe_from_ms(ms: int | None) -> datetime | None:
    return None if ms is None else from_ms(ms)


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_x_time(text: str) -> datetime:
    """Parse X's ``YYYY-MM-DDTHH:MM:SS.mmmZ`` (milliseconds optional) as aware UTC."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def format_x_time(moment: datetime) -> str:
    """Format as X does, always with milliseconds (tweepy cannot parse it without)."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
