"""The support team's vocabulary: accounts, contacts, conversations, messages, events.

Plain dataclasses with no behaviour beyond small derived properties, so the
store, the channels, the CLI and the GUI can all pass them around without
pulling each other in. Times are timezone-aware UTC ``datetime`` objects here;
the store keeps them as integer epoch milliseconds (see ``inbox.timeutil``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class ChannelKind(enum.StrEnum):
    """Where a conversation happens: public replies/mentions, or direct messages."""

    MENTION = "mention"
    DM = "dm"


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"


class Status(enum.StrEnum):
    OPEN = "open"
    PENDING = "pending"
    SNOOZED = "snoozed"
    RESOLVED = "resolved"


class Priority(enum.IntEnum):
    NONE = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    URGENT = 4


class AccountStatus(enum.StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    NEEDS_RECONNECT = "needs_reconnect"


class Origin(enum.StrEnum):
    """How an outbound message came to exist."""

    APP = "app"  # sent from Community Inbox
    EXTERNAL = "external"  # written directly on X and seen through the API


class EventType(enum.StrEnum):
    """Everything the append-only event log records; metrics are computed from it."""

    MESSAGE_IN = "message_in"
    MESSAGE_OUT = "message_out"
    STATUS = "status"  # data: {"from", "to", "until"?}
    REOPENED = "reopened"  # a new inbound message reopened a snoozed/resolved conversation
    ASSIGNED = "assigned"
    PRIORITY = "priority"
    TAG_ADDED = "tag_added"
    TAG_REMOVED = "tag_removed"
    NOTE = "note"
    RULE_FIRED = "rule_fired"
    SLA_WARNED = "sla_warned"
    SLA_BREACHED = "sla_breached"
    PARTICIPANT_JOINED = "participant_joined"
    PARTICIPANT_LEFT = "participant_left"


class View(enum.StrEnum):
    """The queue views an agent switches between."""

    NEEDS_REPLY = "needs_reply"
    ALL_OPEN = "all_open"
    SNOOZED = "snoozed"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str
    handle: str
    user_id: str
    api_base: str
    credential_ref: str  # the key under which credentials.py finds the secret
    auth_kind: str  # "oauth1" | "oauth2"
    status: AccountStatus = AccountStatus.ACTIVE
    status_reason: str = ""
    poll_seconds: int = 60


@dataclass(frozen=True, slots=True)
class Contact:
    platform_id: str
    handle: str
    display_name: str
    followers: int = 0
    verified: bool = False
    account_created_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """A message as a channel parsed it, before the store has grouped it."""

    kind: ChannelKind
    platform_id: str
    thread_id: str  # X conversation_id for public replies, dm_conversation_id for DMs
    direction: Direction
    author_platform_id: str
    text: str
    created_at: datetime
    in_reply_to_platform_id: str | None = None
    language: str | None = None
    # For a DM: the customer's platform id (the other participant).
    counterpart_platform_id: str | None = None
    origin: Origin | None = None
    automatic: bool = False
    agent: str | None = None


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    """A non-message happening a channel reports (someone joined or left a group DM)."""

    kind: ChannelKind
    platform_id: str
    thread_id: str
    type: EventType
    actor_platform_id: str
    created_at: datetime


@dataclass(slots=True)
class IngestBatch:
    """One page from a channel: ingested in one transaction with its cursor."""

    messages: list[IncomingMessage] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    events: list[IncomingEvent] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class IngestResult:
    new_messages: int
    duplicates: int
    conversations_touched: frozenset[int]
    reopened: frozenset[int]
    new_message_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    conversation_id: int
    kind: ChannelKind
    platform_id: str
    direction: Direction
    author_platform_id: str
    author_handle: str
    author_name: str
    text: str
    created_at: datetime
    ingested_at: datetime
    agent: str | None = None
    origin: Origin | None = None
    automatic: bool = False


@dataclass(frozen=True, slots=True)
class Conversation:
    id: int
    account_id: int
    account_handle: str
    kind: ChannelKind
    thread_id: str
    status: Status
    priority: Priority
    contact: Contact
    preview: str
    last_message_at: datetime
    message_count: int
    waiting_since: datetime | None = None
    first_reply_at: datetime | None = None
    snoozed_until: datetime | None = None
    assignee: str | None = None
    team: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    conversation_id: int | None
    type: EventType
    at: datetime
    actor: str | None
    data: dict[str, object]
    message_id: int | None = None


class OutboxState(enum.StrEnum):
    """Where a reply stands in the durable send queue (``inbox.outbox``)."""

    QUEUED = "queued"  # waiting: undo window, rate limit, offline backoff, or its turn
    SENDING = "sending"  # claimed by a sender; a crash leaves it here, to be reconciled
    SENT = "sent"  # on X, recorded as an outbound message
    FAILED = "failed"  # X refused it for good; the agent may edit, retry or discard
    CANCELLED = "cancelled"  # undone inside the undo window (or discarded): never leaves


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One reply in the outbox, as the store holds it.

    ``kind`` is how it goes out (a public reply or a DM), not the kind of the
    conversation it was written in: a DM may answer a public mention.
    ``error_kind`` is machine-readable ('rate_limited', 'offline',
    'reply_not_allowed', 'duplicate', 'too_long', 'reconnect', ...);
    ``last_error`` is the one line a person reads.
    """

    id: int
    idempotency_key: str
    conversation_id: int
    account_id: int
    kind: ChannelKind
    text: str
    agent: str
    state: OutboxState
    attempts: int
    not_before: datetime
    created_at: datetime
    reply_to_platform_id: str | None = None
    dm_conversation_id: str | None = None
    participant_id: str | None = None
    automatic: bool = False
    in_doubt: bool = False
    attempted_at: datetime | None = None
    claimed_by: str | None = None
    lease_until: datetime | None = None
    last_error: str = ""
    error_kind: str | None = None
    sent_at: datetime | None = None
    sent_platform_id: str | None = None
    message_id: int | None = None
