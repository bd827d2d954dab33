"""The outbox's SQL: a mixin ``SqlStore`` inherits, so ``base.py`` stays about the inbox.

Every state change of an outbox row is a compare-and-set (``WHERE state = ?
AND claimed_by = ?``): two senders (the GUI's worker and a ``outbox flush``
from cron, say) can race for a row and exactly one wins, and a sender whose
claim was taken over after its lease ran out cannot overwrite the new owner.
The rules that make delivery exactly-once live in ``inbox.outbox``; this
module only keeps each step atomic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

from inbox.domain import (
    ChannelKind,
    IncomingMessage,
    IngestBatch,
    IngestResult,
    OutboxItem,
    OutboxState,
)
from inbox.store.sqlparts import marks as _marks
from inbox.timeutil import from_ms, maybe_from_ms, to_ms

Row = Sequence[Any]

_COLUMNS = (
    "id, idempotency_key, conversation_id, account_id, kind, text, agent, state, attempts,"
    " not_before, created_at, reply_to_platform_id, dm_conversation_id, participant_id,"
    " automatic, in_doubt, attempted_at, claimed_by, lease_until, last_error, error_kind,"
    " sent_at, sent_platform_id, message_id"
)
# Rows that still have somewhere to go (the due index covers exactly these).
ACTIVE = (OutboxState.QUEUED, OutboxState.SENDING)


class SqlAccess(Protocol):
    """What the mixin needs from ``SqlStore`` (a protocol, so mypy checks the mixin alone)."""

    clock: Callable[[], datetime]

    def _exec(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def _one(self, sql: str, params: Sequence[Any] = ...) -> Row | None: ...
    def _all(self, sql: str, params: Sequence[Any] = ...) -> list[Row]: ...
    def transaction(self) -> AbstractContextManager[None]: ...
    def _refresh_waiting(self, conv_id: int) -> None: ...
    def ingest(self, account_id: int, batch: IngestBatch,
               cursors: dict[str, str | None] | None = ..., *,
               then: Callable[[IngestResult], object] | None = ...) -> IngestResult: ...


def _item(r: Row) -> OutboxItem:
    return OutboxItem(
        id=r[0], idempotency_key=r[1], conversation_id=r[2], account_id=r[3],
        kind=ChannelKind(r[4]), text=r[5], agent=r[6], state=OutboxState(r[7]), attempts=r[8],
        not_before=from_ms(r[9]), created_at=from_ms(r[10]), reply_to_platform_id=r[11],
        dm_conversation_id=r[12], participant_id=r[13], automatic=bool(r[14]),
        in_doubt=bool(r[15]), attempted_at=maybe_from_ms(r[16]), claimed_by=r[17],
        lease_until=maybe_from_ms(r[18]), last_error=r[19], error_kind=r[20],
        sent_at=maybe_from_ms(r[21]), sent_platform_id=r[22], message_id=r[23],
    )


class OutboxStore:
    """Outbox rows: enqueue, claim, release, record as sent; reads for the UI."""

    def outbox_add(self: SqlAccess, *, key: str, conversation_id: int, account_id: int,
                   kind: ChannelKind, text: str, agent: str, automatic: bool,
                   reply_to_platform_id: str | None, dm_conversation_id: str | None,
                   participant_id: str | None, not_before: int, created_at: int) -> int | None:
        """Persist a reply; None when ``key`` is already queued (an idempotent re-submit)."""
        with self.transaction():
            row = self._one(
                "INSERT INTO outbox (idempotency_key, conversation_id, account_id, kind, text,"
                " agent, automatic, reply_to_platform_id, dm_conversation_id, participant_id,"
                " not_before, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
                (key, conversation_id, account_id, kind.value, text, agent, int(automatic),
                 reply_to_platform_id, dm_conversation_id, participant_id, not_before,
                 created_at),
            )
        return None if row is None else int(row[0])

    def outbox_item(self: SqlAccess, item_id: int) -> OutboxItem | None:
        row = self._one(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (item_id,))
        return None if row is None else _item(row)

    def outbox_item_by_key(self: SqlAccess, key: str) -> OutboxItem | None:
        row = self._one(f"SELECT {_COLUMNS} FROM outbox WHERE idempotency_key = ?", (key,))
        return None if row is None else _item(row)

    def outbox_items(self: SqlAccess, conversation_id: int) -> list[OutboxItem]:
        """A conversation's replies, oldest first, cancelled ones left out."""
        rows = self._all(
            f"SELECT {_COLUMNS} FROM outbox WHERE conversation_id = ? AND state <> 'cancelled'"
            " ORDER BY id",
            (conversation_id,),
        )
        return [_item(r) for r in rows]

    def outbox_in_states(self: SqlAccess, states: Sequence[OutboxState]) -> list[OutboxItem]:
        rows = self._all(
            f"SELECT {_COLUMNS} FROM outbox WHERE state IN ({_marks(states)}) ORDER BY id",
            [s.value for s in states],
        )
        return [_item(r) for r in rows]

    def outbox_sent_ids(self: SqlAccess, account_id: int, kind: ChannelKind) -> set[str]:
        """Platform ids already claimed by a sent row: a search must not claim them twice."""
        rows = self._all(
            "SELECT sent_platform_id FROM outbox WHERE account_id = ? AND kind = ?"
            " AND sent_platform_id IS NOT NULL",
            (account_id, kind.value),
        )
        return {str(r[0]) for r in rows}

    def latest_inbound_post(self: SqlAccess, conversation_id: int) -> str | None:
        """The customer's newest post in a public thread: what a public reply answers."""
        row = self._one(
            "SELECT platform_id FROM messages WHERE conversation_id = ? AND direction = 'in'"
            " AND kind = 'mention' ORDER BY created_at DESC, id DESC LIMIT 1",
            (conversation_id,),
        )
        return None if row is None else str(row[0])

    # -- state changes (each a compare-and-set) --------------------------------

    def outbox_cancel(self: SqlAccess, item_id: int, now: int) -> bool:
        """Undo: only a row that never left and whose undo window is still open."""
        with self.transaction():
            row = self._one(
                "UPDATE outbox SET state = 'cancelled' WHERE id = ? AND state = 'queued'"
                " AND attempts = 0 AND not_before > ? RETURNING id",
                (item_id, now),
            )
        return row is not None

    def outbox_discard(self: SqlAccess, item_id: int) -> bool:
        """Give up on a failed row (the agent will write something else)."""
        with self.transaction():
            row = self._one(
                "UPDATE outbox SET state = 'cancelled' WHERE id = ? AND state = 'failed'"
                " RETURNING id",
                (item_id,),
            )
        return row is not None

    def outbox_retry(self: SqlAccess, item_id: int, now: int) -> bool:
        """Put a failed row back in the queue; ``in_doubt`` is kept, so a row whose
        earlier attempt may have reached X is still looked for before any re-send."""
        with self.transaction():
            row = self._one(
                "UPDATE outbox SET state = 'queued', not_before = ?, error_kind = NULL,"
                " last_error = '' WHERE id = ? AND state = 'failed' RETURNING id",
                (now, item_id),
            )
        return row is not None

    def outbox_claim(self: SqlAccess, item: OutboxItem, claimant: str, now: int,
                     lease_until: int) -> bool:
        """Take a row for one attempt, committed before any network call.

        From here until it is released or recorded the row is ``in_doubt``: a
        crash at any later point leaves a row that the next sender reconciles.
        """
        with self.transaction():
            row = self._one(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, in_doubt = 1,"
                " attempted_at = ?, claimed_by = ?, lease_until = ?"
                " WHERE id = ? AND state = ? AND attempts = ? AND COALESCE(claimed_by, '') = ?"
                " RETURNING id",
                (now, claimant, lease_until, item.id, item.state.value, item.attempts,
                 item.claimed_by or ""),
            )
        return row is not None

    def outbox_defer(self: SqlAccess, item: OutboxItem, not_before: int, error_kind: str,
                     last_error: str) -> bool:
        """Back to the queue without an attempt (a DM waiting out its settle time)."""
        with self.transaction():
            row = self._one(
                "UPDATE outbox SET state = 'queued', not_before = ?, error_kind = ?,"
                " last_error = ?, claimed_by = NULL, lease_until = NULL"
                " WHERE id = ? AND state = ? AND attempts = ? AND COALESCE(claimed_by, '') = ?"
                " RETURNING id",
                (not_before, error_kind, last_error, item.id, item.state.value, item.attempts,
                 item.claimed_by or ""),
            )
        return row is not None

    def outbox_release(self: SqlAccess, item_id: int, claimant: str, *, state: OutboxState,
                       not_before: int, error_kind: str, last_error: str,
                       in_doubt: bool) -> bool:
        """End an attempt that did not end in "sent": queued again, or failed.

        ``in_doubt`` False only when X's answers prove the reply is not on X
        (the search came back empty and the send got a 429/400/401/403): then
        the next attempt need not search first.
        """
        with self.transaction():
            row = self._one(
                "UPDATE outbox SET state = ?, not_before = ?, error_kind = ?, last_error = ?,"
                " in_doubt = ?, claimed_by = NULL,"
                " lease_until = NULL WHERE id = ? AND state = 'sending' AND claimed_by = ?"
                " RETURNING id",
                (state.value, not_before, error_kind, last_error, int(in_doubt), item_id,
                 claimant),
            )
        return row is not None

    def outbox_hold(self: SqlAccess, account_id: int, kinds: Sequence[ChannelKind], until: int,
                    error_kind: str, last_error: str) -> None:
        """Hold an account's other queued rows until ``until`` (rate limit, X unreachable),
        so the UI says of each when it will go, and none is tried in vain before."""
        with self.transaction():
            self._exec(
                f"UPDATE outbox SET not_before = ?, error_kind = ?, last_error = ?"
                f" WHERE account_id = ? AND kind IN ({_marks(kinds)}) AND state = 'queued'"
                f" AND not_before < ?",
                (until, error_kind, last_error, account_id, *[k.value for k in kinds], until),
            )

    def outbox_record_sent(self: SqlAccess, item_id: int, claimant: str, account_id: int,
                           message: IncomingMessage) -> int | None:
        """Mark a row sent and store its outbound message, in ONE transaction.

        The message goes through ``ingest`` exactly as sync would store it (same
        conversation, preview, message_out event with the agent, first_reply_at /
        waiting_since), so a later sync seeing the same post or DM finds its
        platform id and adds nothing. If sync got there first it stored the post
        as written on X ('external'): that row is taken over as ours (origin
        'app', the agent, the automatic flag), never duplicated. Returns the
        message id, or None when the claim is no longer ours.
        """
        with self.transaction():
            row = self._one(
                "UPDATE outbox SET state = 'sent', sent_at = ?, sent_platform_id = ?,"
                " error_kind = NULL, last_error = '', in_doubt = 0, claimed_by = NULL,"
                " lease_until = NULL WHERE id = ? AND state = 'sending' AND claimed_by = ?"
                " RETURNING id",
                (to_ms(message.created_at), message.platform_id, item_id,
                 claimant),
            )
            if row is None:
                return None
            result = self.ingest(account_id, IngestBatch(messages=[message]))
            found = self._one(
                "SELECT id, conversation_id FROM messages WHERE account_id = ? AND kind = ?"
                " AND platform_id = ?",
                (account_id, message.kind.value, message.platform_id),
            )
            assert found is not None
            message_id, conv_id = int(found[0]), int(found[1])
            if not result.new_messages:
                self._exec(
                    "UPDATE messages SET origin = 'app', agent = ?, automatic = ? WHERE id = ?",
                    (message.agent, int(message.automatic), message_id),
                )
                self._refresh_waiting(conv_id)
            self._exec("UPDATE outbox SET message_id = ? WHERE id = ?", (message_id, item_id))
        return message_id
