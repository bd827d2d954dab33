"""Escalation rules' SQL: a mixin ``SqlStore`` inherits, so ``base.py`` stays about the inbox.

Rules, the VIP list and SLA targets are configuration rows; firings are
events (``rule_fired``, ``sla_warned``, ``sla_breached``) whose ``dedupe_key``
makes each firing happen once even when two sync jobs race or a timer runs
twice; notifications and webhooks are queues the GUI and a background sender
drain. The decisions live in ``inbox.rules_run``, ``inbox.sla`` and
``inbox.webhooks``; this module keeps each step one statement or transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from inbox.domain import EventType, View
from inbox.store.outbox import SqlAccess
from inbox.store.sqlparts import marks as _marks

Row = Sequence[Any]

# What rules read about a message and its conversation, in one row (see rules_eval.Facts).
_FACT_COLUMNS = (
    "m.id, c.id, COALESCE(m.text, ''), c.kind, COALESCE(m.language, c.language),"
    " COALESCE(m.created_at, c.last_message_at), k.handle, k.followers, k.verified,"
    " c.priority, c.status, c.waiting_since, c.assignee, c.team, c.first_reply_at"
)
# A conversation's SLA clock in SQL (24/7): due = waiting_since + target for the
# stretch (first response until a human answered once, next response after).
_DUE = (
    "c.waiting_since + 1000 * (CASE WHEN c.first_reply_at IS NULL"
    " THEN t.first_response_s ELSE t.next_response_s END)"
)
_SLA_JOIN = "LEFT JOIN sla_targets t ON t.kind = c.kind AND t.priority = c.priority"
# A timer's firing key for a conversation's current waiting stretch, as
# ``inbox.rules_run`` writes it: prefix (bound) + "<id>:<waiting_since>".
_STRETCH_KEY_EXISTS = (
    "EXISTS (SELECT 1 FROM events e WHERE e.dedupe_key = CAST(? AS TEXT)"
    " || CAST(c.id AS TEXT) || ':' || CAST(c.waiting_since AS TEXT))"
)


@dataclass(frozen=True, slots=True)
class WebhookRow:
    id: int
    rule: str
    conversation_id: int | None
    url: str
    body: str
    state: str
    attempts: int
    not_before: int
    last_error: str


@dataclass(frozen=True, slots=True)
class Notification:
    """A desktop notification a rule asked for; the GUI shows it and marks it seen."""

    id: int
    conversation_id: int | None
    rule: str
    recipient: str  # "assignee", "supervisors" or an agent's name
    text: str
    created_at: int


class RuleStore:
    """Rules, VIPs, SLA targets, firings, notifications and the webhook queue."""

    # -- configuration ----------------------------------------------------------

    def rule_rows(self: SqlAccess) -> list[tuple[str, bool, str]]:
        """(name, enabled, JSON body) in evaluation order."""
        rows = self._all("SELECT name, enabled, body FROM rules ORDER BY position, id")
        return [(str(r[0]), bool(r[1]), str(r[2])) for r in rows]

    def save_rule_rows(self: SqlAccess, rows: Iterable[tuple[str, bool, str]], now: int, *,
                       replace_all: bool = False) -> None:
        """Insert or update rules by name, in one transaction (import is all or nothing)."""
        with self.transaction():
            if replace_all:
                self._exec("DELETE FROM rules")
            top = self._one("SELECT COALESCE(MAX(position), 0) FROM rules")
            position = int(top[0]) if top else 0
            for name, enabled, body in rows:
                position += 1
                self._exec(
                    "INSERT INTO rules (position, name, enabled, body, updated_at)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                    " enabled = excluded.enabled, body = excluded.body,"
                    " updated_at = excluded.updated_at",
                    (position, name, int(enabled), body, now),
                )
            self._exec(
                "INSERT INTO rule_settings (key, value) VALUES ('rules_seeded', '1')"
                " ON CONFLICT (key) DO NOTHING"
            )

    def delete_rule(self: SqlAccess, name: str) -> bool:
        with self.transaction():
            row = self._one("DELETE FROM rules WHERE name = ? RETURNING id", (name,))
        return row is not None

    def rule_last_fired(self: SqlAccess) -> dict[str, int]:
        """Rule name -> when it last fired (epoch ms), for the rule editor's list."""
        rows = self._all("SELECT actor, MAX(at) FROM events WHERE type = 'rule_fired'"
                         " AND actor LIKE 'rule:%' GROUP BY actor")
        return {str(r[0])[5:]: int(r[1]) for r in rows}

    def rule_setting(self: SqlAccess, key: str) -> str | None:
        row = self._one("SELECT value FROM rule_settings WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    def set_rule_setting(self: SqlAccess, key: str, value: str) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO rule_settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def vip_handles(self: SqlAccess) -> frozenset[str]:
        return frozenset(str(r[0]) for r in self._all("SELECT handle FROM vip_handles"))

    def set_vip_handles(self: SqlAccess, handles: Iterable[str]) -> None:
        """Replace the VIP list (handles are kept lower-case, without '@')."""
        with self.transaction():
            self._exec("DELETE FROM vip_handles")
            for handle in {h.strip().lstrip("@").lower() for h in handles if h.strip()}:
                self._exec("INSERT INTO vip_handles (handle) VALUES (?)", (handle,))

    def sla_target_rows(self: SqlAccess) -> list[tuple[str, int, int, int, int, int]]:
        """(kind, priority, first_response_s, next_response_s, resolution_s, warning_percent)."""
        rows = self._all(
            "SELECT kind, priority, first_response_s, next_response_s, resolution_s,"
            " warning_percent FROM sla_targets ORDER BY kind, priority"
        )
        return [(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5])) for r in rows]

    def set_sla_target_rows(self: SqlAccess,
                            rows: Iterable[tuple[str, int, int, int, int, int]]) -> None:
        with self.transaction():
            self._exec("DELETE FROM sla_targets")
            for row in rows:
                self._exec(
                    "INSERT INTO sla_targets (kind, priority, first_response_s, next_response_s,"
                    " resolution_s, warning_percent) VALUES (?, ?, ?, ?, ?, ?)",
                    row,
                )

    # -- what rules read ------------------------------------------------------

    def message_fact_rows(self: SqlAccess, message_ids: Sequence[int]) -> list[Row]:
        """Inbound messages with their conversation and author, oldest first."""
        if not message_ids:
            return []
        return self._all(
            f"SELECT {_FACT_COLUMNS} FROM messages m"
            " JOIN conversations c ON c.id = m.conversation_id"
            " LEFT JOIN contacts k ON k.id = m.author_contact_id"
            # ``|| ''`` keeps the planner on the primary key: otherwise it walks the
            # heat map's (direction, ...) index through every inbound message.
            f" WHERE m.id IN ({_marks(message_ids)}) AND (m.direction || '') = 'in'"
            " ORDER BY m.created_at, m.id",
            list(message_ids),
        )

    def inbound_fact_rows_since(self: SqlAccess, since: int, until: int) -> list[Row]:
        """Every inbound message created in [since, until), oldest first (the dry run)."""
        return self._all(
            f"SELECT {_FACT_COLUMNS} FROM messages m"
            " JOIN conversations c ON c.id = m.conversation_id"
            " LEFT JOIN contacts k ON k.id = m.author_contact_id"
            " WHERE m.direction = 'in' AND m.created_at >= ? AND m.created_at < ?"
            " ORDER BY m.created_at, m.id",
            (since, until),
        )

    def conversation_fact_rows(self: SqlAccess, conversation_ids: Sequence[int]) -> list[Row]:
        """Conversations with their customer and latest inbound message (for timers)."""
        if not conversation_ids:
            return []
        return self._all(
            f"SELECT {_FACT_COLUMNS} FROM conversations c"
            " JOIN contacts k ON k.id = c.contact_id"
            " LEFT JOIN messages m ON m.id = (SELECT i.id FROM messages i WHERE"
            " i.conversation_id = c.id AND i.direction = 'in' ORDER BY i.created_at DESC,"
            " i.id DESC LIMIT 1)"
            f" WHERE c.id IN ({_marks(conversation_ids)}) ORDER BY c.id",
            list(conversation_ids),
        )

    def tags_of(self: SqlAccess, conversation_ids: Sequence[int]) -> dict[int, set[str]]:
        tags: dict[int, set[str]] = {c: set() for c in conversation_ids}
        if conversation_ids:
            for conv_id, tag in self._all(
                "SELECT conversation_id, tag FROM conversation_tags WHERE conversation_id IN"
                f" ({_marks(conversation_ids)})",
                list(conversation_ids),
            ):
                tags[int(conv_id)].add(str(tag))
        return tags

    def rule_effect_rows(self: SqlAccess, conversation_ids: Sequence[int]) -> list[Row]:
        """(conversation, type, actor, data) of every tag/priority/assignment event, in order:
        what a rule's own actions did, so it can be evaluated as if they never happened."""
        if not conversation_ids:
            return []
        # ``type || ''`` keeps the planner on events_by_conversation: on a large store
        # it otherwise walks events_by_type_time through every tag/priority event
        # (about 1 s per synced page at a million messages). Valid on PostgreSQL too.
        return self._all(
            "SELECT conversation_id, type, actor, data FROM events WHERE conversation_id IN"
            f" ({_marks(conversation_ids)}) AND (type || '') IN ('tag_added', 'tag_removed',"
            " 'priority', 'assigned') ORDER BY id",
            list(conversation_ids),
        )

    def waiting_ids(self: SqlAccess, waited_since_before: int,
                    unfired: str | None = None) -> list[int]:
        """Open conversations whose customer has waited since before the given instant;
        with ``unfired``, only those whose current waiting stretch has no event keyed
        ``unfired + "<id>:<waiting_since>"`` yet (a timer that already fired is not
        looked at again: the next sync then costs nothing for it)."""
        sql = ("SELECT c.id FROM conversations c WHERE c.status = 'open'"
               " AND c.waiting_since IS NOT NULL AND c.waiting_since <= ?")
        params: list[object] = [waited_since_before]
        if unfired is not None:
            sql += f" AND NOT {_STRETCH_KEY_EXISTS}"
            params.append(unfired)
        return [int(r[0]) for r in self._all(sql + " ORDER BY c.waiting_since, c.id", params)]

    def sla_due_ids(self: SqlAccess, now: int, done: Sequence[str] = ()) -> list[int]:
        """Waiting conversations inside their warning window or past due (timer
        candidates); with ``done``, not those whose current stretch already has an event
        for every one of these key prefixes (everything a breach does has happened)."""
        sql = ("SELECT c.id FROM conversations c " + _SLA_JOIN +
               " WHERE c.status = 'open' AND c.waiting_since IS NOT NULL AND t.kind IS NOT NULL"
               " AND c.waiting_since + 10 * t.warning_percent * (CASE WHEN c.first_reply_at"
               " IS NULL THEN t.first_response_s ELSE t.next_response_s END) <= ?")
        if done:
            sql += " AND NOT (" + " AND ".join([_STRETCH_KEY_EXISTS] * len(done)) + ")"
        return [int(r[0]) for r in self._all(sql + " ORDER BY c.id", [now, *done])]

    def queue_ids_by_time_left(self: SqlAccess, view: View) -> list[int]:
        """A view's conversations, least SLA time left first; no running clock last."""
        from inbox.store.base import _VIEWS  # the views are base.py's; imported late (cycle)

        where, order = _VIEWS[view]
        rows = self._all(
            f"SELECT c.id FROM conversations c {_SLA_JOIN} WHERE {where}"
            f" ORDER BY CASE WHEN c.waiting_since IS NULL OR t.kind IS NULL THEN 1 ELSE 0 END,"
            f" {_DUE} ASC, {order}"
        )
        return [int(r[0]) for r in rows]

    # -- firings --------------------------------------------------------------

    def record_rule_event(self: SqlAccess, conversation_id: int, type_: EventType, at: int,
                          actor: str, data: dict[str, object], dedupe_key: str,
                          message_id: int | None = None) -> bool:
        """Append a firing once: False when ``dedupe_key`` already fired (nothing written)."""
        row = self._one(
            "INSERT INTO events (conversation_id, message_id, type, at, actor, data, dedupe_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
            (conversation_id, message_id, type_.value, at, actor,
             json.dumps(data, ensure_ascii=False), dedupe_key),
        )
        return row is not None

    def event_key_exists(self: SqlAccess, dedupe_key: str) -> bool:
        return self._one("SELECT 1 FROM events WHERE dedupe_key = ?", (dedupe_key,)) is not None

    def record_rule_hit(self: SqlAccess, rule: str, message_id: int, at: int) -> None:
        self._exec("INSERT INTO rule_hits (rule, message_id, at) VALUES (?, ?, ?)"
                   " ON CONFLICT (rule, message_id) DO NOTHING", (rule, message_id, at))

    def rule_hit_count(self: SqlAccess, rule: str, since: int, until: int) -> int:
        row = self._one("SELECT COUNT(*) FROM rule_hits WHERE rule = ? AND at > ? AND at <= ?",
                        (rule, since, until))
        return int(row[0]) if row else 0

    def rule_fired_since(self: SqlAccess, rule: str, since: int) -> bool:
        row = self._one("SELECT 1 FROM rule_hits WHERE rule = ? AND fired = 1 AND at > ?",
                        (rule, since))
        return row is not None

    def mark_rule_hit_fired(self: SqlAccess, rule: str, message_id: int) -> None:
        self._exec("UPDATE rule_hits SET fired = 1 WHERE rule = ? AND message_id = ?",
                   (rule, message_id))

    def assign_team(self: SqlAccess, conversation_id: int, team: str, at: int,
                    actor: str | None = None) -> None:
        with self.transaction():
            self._exec("UPDATE conversations SET team = ? WHERE id = ?", (team, conversation_id))
            self._exec(
                "INSERT INTO events (conversation_id, type, at, actor, data)"
                " VALUES (?, ?, ?, ?, ?)",
                (conversation_id, EventType.ASSIGNED.value, at, actor,
                 json.dumps({"team": team}, ensure_ascii=False)),
            )

    # -- notifications ----------------------------------------------------------

    def add_notification(self: SqlAccess, conversation_id: int | None, rule: str,
                         recipient: str, text: str, at: int) -> None:
        self._exec(
            "INSERT INTO notifications (conversation_id, rule, recipient, text, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (conversation_id, rule, recipient, text, at),
        )

    def unseen_notifications(self: SqlAccess, limit: int = 50) -> list[Notification]:
        rows = self._all(
            "SELECT id, conversation_id, rule, recipient, text, created_at FROM notifications"
            " WHERE seen_at IS NULL ORDER BY id LIMIT ?",
            (limit,),
        )
        return [Notification(int(r[0]), r[1], str(r[2]), str(r[3]), str(r[4]), int(r[5]))
                for r in rows]

    def mark_notifications_seen(self: SqlAccess, ids: Sequence[int], at: int) -> None:
        if ids:
            with self.transaction():
                self._exec(f"UPDATE notifications SET seen_at = ? WHERE id IN ({_marks(ids)})",
                           [at, *ids])

    # -- the webhook queue --------------------------------------------------------

    def enqueue_webhook(self: SqlAccess, rule: str, conversation_id: int | None, url: str,
                        body: str, at: int) -> None:
        self._exec(
            "INSERT INTO webhooks (rule, conversation_id, url, body, not_before, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (rule, conversation_id, url, body, at, at),
        )

    _WEBHOOK_COLUMNS = ("id, rule, conversation_id, url, body, state, attempts, not_before,"
                        " last_error")

    def webhooks_due(self: SqlAccess, now: int, limit: int = 20) -> list[WebhookRow]:
        rows = self._all(
            f"SELECT {RuleStore._WEBHOOK_COLUMNS} FROM webhooks WHERE state = 'queued'"
            " AND not_before <= ? ORDER BY not_before, id LIMIT ?",
            (now, limit),
        )
        return [WebhookRow(*r) for r in rows]

    def webhook_rows(self: SqlAccess) -> list[WebhookRow]:
        rows = self._all(f"SELECT {RuleStore._WEBHOOK_COLUMNS} FROM webhooks ORDER BY id")
        return [WebhookRow(*r) for r in rows]

    def claim_webhook(self: SqlAccess, webhook_id: int, attempts: int, lease_until: int) -> bool:
        """Compare-and-set: only one sender gets an attempt; a crash retries after the lease."""
        with self.transaction():
            row = self._one(
                "UPDATE webhooks SET attempts = attempts + 1, not_before = ? WHERE id = ?"
                " AND state = 'queued' AND attempts = ? RETURNING id",
                (lease_until, webhook_id, attempts),
            )
        return row is not None

    def finish_webhook(self: SqlAccess, webhook_id: int, state: str, not_before: int,
                       error: str, delivered_at: int | None) -> None:
        with self.transaction():
            self._exec(
                "UPDATE webhooks SET state = ?, not_before = ?, last_error = ?, delivered_at = ?"
                " WHERE id = ?",
                (state, not_before, error, delivered_at, webhook_id),
            )
