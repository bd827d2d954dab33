"""The durable send queue: persist first, send, confirm; never lose a reply, never double it.

Why a reply reaches X exactly once, whatever moment a crash (kill -9) strikes:

1. Persist before send. ``enqueue`` commits the reply as an outbox row before
   anything touches the network; ``deliver_due`` commits its claim on the row
   (state 'sending', attempts + 1, ``in_doubt``) before the request. Nothing
   is ever sent that the store does not know about, so nothing is lost.
2. Reconcile before re-send. A row whose earlier attempt may have reached X
   (``in_doubt``: a crash left it 'sending', the request timed out, X answered
   5xx or an unreadable body) is first looked for on X: our own post replying
   to that tweet with that text (GET /2/users/{me}/tweets since the row was
   created), or our own DM with that text in that DM conversation (GET
   /2/dm_conversations/{id}/dm_events). Found: it is recorded as sent, nothing
   is re-sent. A DM is looked for only once a settle time has passed since
   the previous attempt began (X lists a fresh DM after a moment, and a killed
   sender's request may still be finishing on X's side); the wait is
   scheduled through ``not_before``, never slept.
3. Unique platform ids. Recording is one transaction: the row becomes 'sent'
   with X's id, and the outbound message is stored through ``Store.ingest``,
   where messages are unique per (account, kind, platform id). A later sync
   seeing the same post or DM adds nothing; if sync saw it first, its
   'external' row is taken over as ours. No outbox row can claim an id another
   row already holds, so one post can never stand for two replies.
4. What X itself offers: a post whose exact text this account already posted
   (within about a day) is refused with 403 "duplicate content". On a retry
   that 403 is evidence that an earlier attempt did go out after all (it was
   still in flight when we looked), so we look again and record what we find.
   DMs have no such guard, which is why they get the settle time.

Errors decide what happens next. A 429 keeps the row queued until X's reset;
5xx, timeouts and connection trouble keep it queued with exponential backoff
(``inbox.sync.backoff_seconds``); X refusing it (reply not allowed, duplicate,
too long) fails it with one line saying the way forward; a 401 fails it and
marks the account as needing reconnection. ``retry`` puts a failed row back.

Ordering: within a conversation a reply waits while an older one is queued or
being sent, so the customer reads them in the order they were written. A
failed reply does not hold the others back: the agent deals with it
(retry or discard), and it goes when retried.

No Qt here: the GUI runs ``Outbox.deliver_due`` on its worker thread.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import time
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from inbox.channels.x import (
    Malformed,
    NeedsReconnect,
    RateLimited,
    Refused,
    Sent,
    Unreachable,
    XChannel,
    dm_counterpart,
)
from inbox.credentials import CredentialError, CredentialSource
from inbox.domain import (
    Account,
    AccountStatus,
    ChannelKind,
    Direction,
    IncomingMessage,
    Origin,
    OutboxItem,
    OutboxState,
)
from inbox.store import SqlStore, StoreError
from inbox.store.outbox import ACTIVE
from inbox.sync import ChannelFactory, backoff_seconds
from inbox.timeutil import to_ms, utcnow
from inbox.xtext import MAX_DM_CHARS, MAX_POST_WEIGHT, dm_length, parse_post

log = logging.getLogger(__name__)

DEFAULT_UNDO_S = 5.0
# Before looking for a DM whose previous attempt began less than this ago. X has
# no duplicate guard for DMs, so this must outlast X listing a fresh DM and a
# killed sender's request still being carried out by X.
DM_SETTLE_S = 30.0
# A claim older than this is taken over even if its process cannot be checked
# (another machine in team mode, Windows); far longer than one attempt takes.
LEASE_S = 180.0
# Clock skew allowance when searching X for an earlier attempt.
SEARCH_SLACK = timedelta(minutes=5)

RATE_LIMITED = "rate_limited"
OFFLINE = "offline"
UNCONFIRMED = "unconfirmed"
CONFIRMING = "confirming"
RECONNECT = "reconnect"
REPLY_NOT_ALLOWED = "reply_not_allowed"
DUPLICATE = "duplicate"
TOO_LONG = "too_long"
DM_NOT_ALLOWED = "dm_not_allowed"
REPLY_TARGET_GONE = "reply_target_gone"
REFUSED = "refused"
# Waiting for time to pass, not for a person: the UI shows "retrying at HH:MM".
WAITING_KINDS = frozenset({RATE_LIMITED, OFFLINE, UNCONFIRMED, CONFIRMING})


class OutboxError(Exception):
    """The reply cannot be queued as written; one line saying what to change."""


@dataclass(frozen=True, slots=True)
class OutboxResult:
    """What one delivery step did to one reply."""

    item_id: int
    conversation_id: int
    state: OutboxState
    error_kind: str | None = None
    message: str = ""
    platform_id: str | None = None
    not_before: datetime | None = None
    reconciled: bool = False  # found on X from an earlier attempt, not sent again


# ---- queueing (what the composer calls) ---------------------------------------


def enqueue(store: SqlStore, conversation_id: int, text: str, *, dm: bool, agent: str,
            undo_seconds: float = DEFAULT_UNDO_S, idempotency_key: str | None = None,
            automatic: bool = False, now: datetime | None = None) -> OutboxItem:
    """Check a reply and persist it; it leaves once ``undo_seconds`` have passed.

    Everything X would refuse for its shape is refused here, before anything
    is stored (``OutboxError``). A public reply answers the newest inbound
    post of the thread; a DM goes into the conversation's DM thread, or to the
    customer (X's one-to-one conversation ``{small id}-{large id}``) when the
    conversation is public. Re-submitting the same ``idempotency_key`` returns
    the row already queued instead of queueing twice.
    """
    if idempotency_key is not None:
        existing = store.outbox_item_by_key(idempotency_key)
        if existing is not None:
            return existing
    try:
        conversation = store.conversation(conversation_id)
    except StoreError:
        raise OutboxError(
            f"there is no conversation {conversation_id}; nothing was sent") from None
    account = store.account_by_id(conversation.account_id)
    assert account is not None  # conversations cascade with their account
    _check_text(text, dm=dm)
    reply_to = dm_conversation = participant = None
    if dm:
        if conversation.kind is ChannelKind.DM:
            dm_conversation = conversation.thread_id
        else:
            participant = conversation.contact.platform_id
            dm_conversation = _pair_id(account.user_id, participant)
    else:
        if conversation.kind is ChannelKind.DM:
            raise OutboxError("this conversation is a direct message; send the reply as a DM")
        reply_to = store.latest_inbound_post(conversation_id)
        if reply_to is None:
            raise OutboxError("this thread has no post from the customer to reply to;"
                              " send a DM instead")
    moment = now or utcnow()
    key = idempotency_key or uuid.uuid4().hex
    item_id = store.outbox_add(
        key=key, conversation_id=conversation_id, account_id=account.id,
        kind=ChannelKind.DM if dm else ChannelKind.MENTION, text=text, agent=agent,
        automatic=automatic, reply_to_platform_id=reply_to, dm_conversation_id=dm_conversation,
        participant_id=participant, not_before=to_ms(moment + timedelta(seconds=undo_seconds)),
        created_at=to_ms(moment),
    )
    item = store.outbox_item(item_id) if item_id is not None else store.outbox_item_by_key(key)
    assert item is not None
    return item


def _check_text(text: str, *, dm: bool) -> None:
    if not text.strip():
        raise OutboxError("the reply is empty; write something to send")
    if dm:
        length = dm_length(text)
        if length > MAX_DM_CHARS:
            raise OutboxError(f"the DM is {length:,} characters, {length - MAX_DM_CHARS:,} over"
                              f" X's limit of {MAX_DM_CHARS:,}; shorten it")
        return
    measured = parse_post(text)
    if measured.weighted_length > MAX_POST_WEIGHT:
        over = measured.weighted_length - MAX_POST_WEIGHT
        raise OutboxError(f"the reply is {measured.weighted_length} characters as X counts them,"
                          f" {over} over the limit of {MAX_POST_WEIGHT}; shorten it or send a DM")
    if not measured.valid:
        raise OutboxError("the reply contains characters X does not accept (U+FFFE, U+FEFF"
                          " or U+FFFF); remove them")


def _pair_id(a: str, b: str) -> str:
    """X's id of the one-to-one DM conversation between two users: smaller id first."""
    lo, hi = sorted((a, b), key=int)
    return f"{lo}-{hi}"


def cancel(store: SqlStore, item_id: int, *, now: datetime | None = None) -> bool:
    """Undo: True if the reply was still inside its undo window and now never leaves."""
    return store.outbox_cancel(item_id, to_ms(now or utcnow()))


def discard(store: SqlStore, item_id: int) -> bool:
    """Drop a failed reply for good (it will not be retried)."""
    return store.outbox_discard(item_id)


def retry(store: SqlStore, item_id: int, *, now: datetime | None = None) -> bool:
    """Put a failed reply back in the queue, due at once. False if it was not failed."""
    return store.outbox_retry(item_id, to_ms(now or utcnow()))


def items(store: SqlStore, conversation_id: int) -> list[OutboxItem]:
    """A conversation's replies in the outbox (sending, sent, failed ...), oldest first."""
    return store.outbox_items(conversation_id)


def pending(store: SqlStore) -> list[OutboxItem]:
    """Every reply not sent yet: queued, being sent, or failed and waiting for the agent."""
    return store.outbox_in_states((OutboxState.QUEUED, OutboxState.SENDING,
                                   OutboxState.FAILED))


def describe(item: OutboxItem, *, now: datetime | None = None, tz: tzinfo | None = None) -> str:
    """One line for the UI: "sent", "waiting: offline, retrying at 14:05", "failed: ..."."""
    at = item.not_before.astimezone(tz)
    if item.state is OutboxState.QUEUED:
        if item.error_kind == RATE_LIMITED:
            return f"waiting: rate-limited until {at:%H:%M}"
        if item.error_kind in (OFFLINE, UNCONFIRMED):
            return f"waiting: offline, retrying at {at:%H:%M}"
        if item.error_kind == CONFIRMING:
            return f"checking whether it went out, at {at:%H:%M}"
        left = (item.not_before - (now or utcnow())).total_seconds()
        if item.attempts == 0 and left > 0:
            return f"sending in {left:.0f} s (undo)"
        return "queued"
    if item.state is OutboxState.FAILED:
        return f"failed: {item.last_error}"
    return item.state.value


# ---- delivery -------------------------------------------------------------------


def _process_alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would terminate it there: rely on the lease
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Outbox:
    """Sends what is due, one attempt per reply per call. One instance per thread.

    ``dm_settle_seconds``: how long after an attempt began a DM may be looked
    for (see the module docstring). ``lease_seconds``: how long a claim holds
    against senders that cannot tell whether its process still runs.
    """

    def __init__(
        self,
        store: SqlStore,
        credentials: CredentialSource,
        *,
        clock: Callable[[], datetime] = utcnow,
        channel_factory: ChannelFactory | None = None,
        rng: random.Random | None = None,
        dm_settle_seconds: float = DM_SETTLE_S,
        lease_seconds: float = LEASE_S,
    ) -> None:
        self.store = store
        self.credentials = credentials
        self.clock = clock
        self.channel_factory: ChannelFactory = channel_factory or XChannel
        self.rng = rng or random.Random()
        self.dm_settle = timedelta(seconds=dm_settle_seconds)
        self.lease = timedelta(seconds=lease_seconds)
        self.host = socket.gethostname().replace("|", "_")
        self.claimant = f"{self.host}|{os.getpid()}|{uuid.uuid4().hex[:12]}"

    def deliver_due(self, *, ignore_undo: bool = False) -> list[OutboxResult]:
        """One pass over the queue: every due reply gets one attempt, in order.

        ``ignore_undo`` (``outbox flush`` after a crash) sends replies whose
        undo window is still open: the agent who could undo them is gone.
        Once an account is rate-limited or unreachable, its other replies of
        the same kind wait for the next pass.
        """
        results: list[OutboxResult] = []
        tried: set[int] = set()
        held: set[tuple[int, ChannelKind]] = set()
        while True:
            item = self._next_due(ignore_undo, tried, held)
            if item is None:
                return results
            tried.add(item.id)
            result = self._deliver(item)
            if result is None:
                continue
            results.append(result)
            if result.error_kind in (RATE_LIMITED, OFFLINE, UNCONFIRMED):
                kinds = [item.kind] if result.error_kind == RATE_LIMITED else list(ChannelKind)
                held.update((item.account_id, k) for k in kinds)

    def deliver_until_settled(self, item_ids: Collection[int] | None = None, *,
                              timeout_s: float, ignore_undo: bool = False,
                              sleep: Callable[[float], None] = time.sleep,
                              ) -> list[OutboxResult]:
        """Deliver, waiting between passes, until the given replies (all: None) are no
        longer queued or ``timeout_s`` is up. For the CLI; the GUI never blocks."""
        deadline = time.monotonic() + timeout_s
        results: list[OutboxResult] = []
        while True:
            results += self.deliver_due(ignore_undo=ignore_undo)
            active = self.store.outbox_in_states(ACTIVE)
            if not any(item_ids is None or i.id in item_ids for i in active):
                return results
            wake = min(i.not_before for i in active)
            nap = max(0.2, (wake - self.clock()).total_seconds())
            remaining = deadline - time.monotonic()
            if nap > remaining:
                return results
            sleep(nap)

    # ---- choosing ----------------------------------------------------------

    def _next_due(self, ignore_undo: bool, tried: set[int],
                  held: set[tuple[int, ChannelKind]]) -> OutboxItem | None:
        """The oldest due reply that no older reply of its conversation holds back."""
        now = self.clock()
        busy: set[int] = set()  # conversations with an older reply still on its way
        for item in self.store.outbox_in_states(ACTIVE):
            blocked = item.conversation_id in busy
            busy.add(item.conversation_id)
            if blocked or item.id in tried or (item.account_id, item.kind) in held:
                continue
            if item.state is OutboxState.SENDING:
                if self._abandoned(item, now):
                    return item
            elif item.not_before <= now or (
                ignore_undo and item.attempts == 0 and item.error_kind is None
            ):
                return item
        return None

    def _abandoned(self, item: OutboxItem, now: datetime) -> bool:
        """Was this 'sending' row left by a sender that is gone (crashed, killed)?"""
        if item.claimed_by == self.claimant:
            return True  # ours, and this instance sends one reply at a time
        if item.lease_until is None or item.lease_until <= now:
            return True
        host, _, rest = (item.claimed_by or "").partition("|")
        pid = rest.partition("|")[0]
        return host == self.host and pid.isdigit() and not _process_alive(int(pid))

    # ---- one attempt -------------------------------------------------------

    def _deliver(self, item: OutboxItem) -> OutboxResult | None:
        now = self.clock()
        account = self.store.account_by_id(item.account_id)
        assert account is not None  # outbox rows cascade with their account
        search_first = item.in_doubt
        if (search_first and item.kind is ChannelKind.DM and item.attempted_at is not None
                and item.attempted_at + self.dm_settle > now):
            until = item.attempted_at + self.dm_settle
            line = (f"checking with X whether the last attempt went out, at {until:%H:%M:%S}"
                    " UTC")
            if not self.store.outbox_defer(item, to_ms(until), CONFIRMING, line):
                return None
            return OutboxResult(item.id, item.conversation_id, OutboxState.QUEUED, CONFIRMING,
                                line, not_before=until)
        if not self.store.outbox_claim(item, self.claimant, to_ms(now), to_ms(now + self.lease)):
            return None  # another sender took it first
        if account.status is not AccountStatus.ACTIVE:
            return self._fail(item, RECONNECT, f"@{account.handle} is {account.status.value}"
                              f" ({account.status_reason or 'no reason given'}); reconnect the"
                              " account, then retry", in_doubt=item.in_doubt)
        searched = False
        try:
            channel = self.channel_factory(account, self.credentials.load(account.credential_ref))
            sent: Sent | None = None
            if search_first:
                sent = self._search(channel, item)
                searched = True
            reconciled = sent is not None
            if sent is None:
                try:
                    sent = self._send(channel, item)
                except Refused as exc:
                    if not (search_first and _is_duplicate(exc)):
                        raise
                    # X holds this very text from us: an earlier attempt went out after
                    # all (it was still in flight when we looked). Look again.
                    searched = False
                    sent = self._search(channel, item)
                    if sent is None:
                        raise
                    searched, reconciled = True, True
        except (CredentialError, NeedsReconnect) as exc:
            self.store.set_account_status(account.id, AccountStatus.NEEDS_RECONNECT, str(exc))
            return self._fail(item, RECONNECT, f"X rejected @{account.handle}'s credentials;"
                              " reconnect the account, then retry",
                              in_doubt=item.in_doubt and not searched)
        except RateLimited as exc:
            until = exc.reset_at or now + timedelta(seconds=backoff_seconds(1, self.rng))
            line = f"rate-limited by X; it goes out by itself at {until:%H:%M} UTC"
            self.store.outbox_hold(account.id, [item.kind], to_ms(until), RATE_LIMITED, line)
            return self._requeue(item, until, RATE_LIMITED, line,
                                 in_doubt=item.in_doubt and not searched)
        except (Unreachable, Malformed) as exc:
            until = now + timedelta(seconds=backoff_seconds(item.attempts + 1, self.rng))
            kind = OFFLINE if isinstance(exc, Unreachable) else UNCONFIRMED
            line = f"{exc}; it stays in the outbox, next try at {until:%H:%M:%S} UTC"
            if kind == OFFLINE:
                self.store.outbox_hold(account.id, list(ChannelKind), to_ms(until), OFFLINE,
                                       line)
            # Whether the reply reached X is unknown now: the next attempt looks first.
            return self._requeue(item, until, kind, line, in_doubt=True)
        except Refused as exc:
            kind, line = _refusal(exc, item)
            return self._fail(item, kind, line, in_doubt=item.in_doubt and not searched)
        return self._record(item, account, sent, reconciled)

    def _search(self, channel: XChannel, item: OutboxItem) -> Sent | None:
        """Our reply on X from an earlier attempt, if it is there."""
        since = item.created_at - SEARCH_SLACK
        taken = self.store.outbox_sent_ids(item.account_id, item.kind)
        if item.kind is ChannelKind.MENTION:
            assert item.reply_to_platform_id is not None
            return channel.find_own_reply(item.text, item.reply_to_platform_id, since, taken)
        return channel.find_own_dm(item.text, since, dm_conversation_id=item.dm_conversation_id,
                                   exclude=taken)

    @staticmethod
    def _send(channel: XChannel, item: OutboxItem) -> Sent:
        if item.kind is ChannelKind.MENTION:
            assert item.reply_to_platform_id is not None
            return channel.create_reply(item.text, item.reply_to_platform_id)
        if item.participant_id is not None:
            return channel.send_dm(item.text, participant_id=item.participant_id)
        return channel.send_dm(item.text, dm_conversation_id=item.dm_conversation_id)

    def _record(self, item: OutboxItem, account: Account, sent: Sent,
                reconciled: bool) -> OutboxResult:
        conversation = self.store.conversation(item.conversation_id)
        if item.kind is ChannelKind.MENTION:
            thread, customer = conversation.thread_id, conversation.contact.platform_id
        else:
            thread = sent.dm_conversation_id or item.dm_conversation_id or ""
            customer = item.participant_id or dm_counterpart(thread, account.user_id,
                                                             account.user_id)
        message = IncomingMessage(
            kind=item.kind, platform_id=sent.platform_id, thread_id=thread,
            direction=Direction.OUT, author_platform_id=account.user_id, text=sent.text,
            created_at=sent.created_at, in_reply_to_platform_id=item.reply_to_platform_id,
            counterpart_platform_id=customer, origin=Origin.APP, automatic=item.automatic,
            agent=item.agent,
        )
        if self.store.outbox_record_sent(item.id, self.claimant, account.id, message) is None:
            log.warning("outbox item %s was taken over while being sent", item.id)
            return self._current(item)
        return OutboxResult(item.id, item.conversation_id, OutboxState.SENT,
                            platform_id=sent.platform_id, reconciled=reconciled)

    def _requeue(self, item: OutboxItem, until: datetime, kind: str, line: str, *,
                 in_doubt: bool) -> OutboxResult:
        if not self.store.outbox_release(item.id, self.claimant, state=OutboxState.QUEUED,
                                         not_before=to_ms(until), error_kind=kind,
                                         last_error=line, in_doubt=in_doubt):
            return self._current(item)
        return OutboxResult(item.id, item.conversation_id, OutboxState.QUEUED, kind, line,
                            not_before=until)

    def _fail(self, item: OutboxItem, kind: str, line: str, *, in_doubt: bool) -> OutboxResult:
        if not self.store.outbox_release(item.id, self.claimant, state=OutboxState.FAILED,
                                         not_before=to_ms(self.clock()), error_kind=kind,
                                         last_error=line, in_doubt=in_doubt):
            return self._current(item)
        return OutboxResult(item.id, item.conversation_id, OutboxState.FAILED, kind, line)

    def _current(self, item: OutboxItem) -> OutboxResult:
        now = self.store.outbox_item(item.id) or item
        return OutboxResult(now.id, now.conversation_id, now.state, now.error_kind,
                            now.last_error, now.sent_platform_id, now.not_before)


def _is_duplicate(exc: Refused) -> bool:
    return exc.status == 403 and "duplicate" in exc.detail.lower()


def _refusal(exc: Refused, item: OutboxItem) -> tuple[str, str]:
    """X's refusal as (error_kind, one line with the way forward). X's problem
    bodies carry no codes (X_API.md): the status and the detail text decide."""
    detail = exc.detail.lower()
    if _is_duplicate(exc):
        return DUPLICATE, ("X refuses exact duplicates and this account already posted this"
                           " text recently; reword it, then retry")
    if exc.status == 403 and "not allowed" in detail and (
            "mentioned" in detail or "engaged" in detail):
        return REPLY_NOT_ALLOWED, ("X does not allow this public reply because the author has"
                                   " not mentioned this account; send it as a DM instead")
    if exc.status == 400 and "too long" in detail:
        return TOO_LONG, "X says the text is too long; shorten it, then retry"
    if exc.status == 403 and ("deleted" in detail or "not visible" in detail):
        return REPLY_TARGET_GONE, ("the post being answered is deleted or hidden now;"
                                   " send a DM instead")
    if exc.status == 403 and item.kind is ChannelKind.DM:
        return DM_NOT_ALLOWED, ("X would not deliver this DM (the customer may not accept"
                                " messages from this account); reply publicly instead")
    return REFUSED, f"X refused it ({exc.status}: {exc.detail}); edit it, then retry"


__all__ = [
    "DEFAULT_UNDO_S", "DM_SETTLE_S", "Outbox", "OutboxError", "OutboxResult", "cancel",
    "describe", "discard", "enqueue", "items", "pending", "retry",
]


# ---- moving a public conversation to DM ------------------------------------------

DM_INVITES = {
    "en": "We'd like to look into this with you privately, so we've sent you a DM.",
    "ar": "حابين نتابع معك الموضوع بشكل خاص، أرسلنا لك رسالة خاصة.",
}


def customer_language(language: str | None, sample: str,
                      offered: Collection[str] = DM_INVITES.keys()) -> str:
    """The language to answer a customer in: X's ``lang`` when we have an answer in it
    (``offered``: the DM invites here, a saved reply's variants in ``inbox.templates``),
    else the script of what they wrote."""
    if language is not None and language in offered:
        return language
    return "ar" if any("\u0600" <= ch <= "\u06ff" for ch in sample) else "en"


def dm_invite(language: str | None, sample: str = "") -> str:
    """The short public reply that moves a conversation to DM (balance public and private)."""
    return DM_INVITES[customer_language(language, sample)]
