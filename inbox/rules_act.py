"""What a firing rule does, and the facts it is judged on.

``load_facts`` reads a batch of messages (or conversations, for timers) with
one query for the rows, one for the tags and one for who changed tags and
priority, so rules see the conversation as a person would, except that a
rule's own earlier changes are hidden from it (no self-retrigger).

``apply_actions`` uses the store's own methods (``set_priority``, ``add_tag``,
``assign``) so the event log records the change with the actor
``rule:<name>``; it never lowers a priority (rules escalate; de-escalating is
a person's call). A notification is a row the GUI shows; a webhook is a row
the background sender (``inbox.webhooks``) delivers, so ingest never waits on
the network.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from inbox.domain import Priority
from inbox.rules import PRIORITY_NAMES, Rule
from inbox.rules_eval import ConversationState, Facts
from inbox.store import SqlStore
from inbox.timeutil import from_ms

Row = Sequence[Any]
TEXT_IN_WEBHOOK = 1000


def _states(store: SqlStore, conv_ids: list[int], rows: list[Row]) -> dict[int, ConversationState]:
    tags = store.tags_of(conv_ids)
    states: dict[int, ConversationState] = {}
    for r in rows:
        if int(r[1]) not in states:
            states[int(r[1])] = ConversationState(
                id=int(r[1]), priority=int(r[9]), status=str(r[10]), waiting_since=r[11],
                first_reply_at=r[14], assignee=r[12], team=r[13], tags=tags[int(r[1])])
    # Replay who changed tags and priority, so each rule can be shown the
    # conversation without its own doing.
    running: dict[int, int] = dict.fromkeys(states, 0)
    for conv_id, type_, actor, data in store.rule_effect_rows(conv_ids):
        state = states[int(conv_id)]
        payload = json.loads(data)
        rule = actor[5:] if isinstance(actor, str) and actor.startswith("rule:") else None
        if type_ == "tag_added":
            for added in state.added_by.values():
                added.discard(payload.get("tag"))
            if rule is not None and payload.get("tag") in state.tags:
                state.added_by.setdefault(rule, set()).add(payload["tag"])
        elif type_ == "tag_removed":
            for added in state.added_by.values():
                added.discard(payload.get("tag"))
        elif type_ == "priority":
            before = running[int(conv_id)]
            running[int(conv_id)] = int(PRIORITY_NAMES.get(payload.get("to", ""), 0))
            state.priority_before.clear()
            if rule is not None:
                state.priority_before[rule] = before
    return states


def load_facts(store: SqlStore, rows: list[Row], now: int) -> list[Facts]:
    """``Facts`` for rows shaped like ``RuleStore``'s ``_FACT_COLUMNS``, sharing one
    ``ConversationState`` per conversation so actions on one message are seen by the next."""
    if not rows:
        return []
    conv_ids = sorted({int(r[1]) for r in rows})
    states = _states(store, conv_ids, rows)
    vips = store.vip_handles()
    out = []
    for r in rows:
        handle = str(r[6] or "")
        out.append(Facts(
            message_id=None if r[0] is None else int(r[0]), conv=states[int(r[1])],
            text=str(r[2]), kind=str(r[3]), language=r[4], at=int(r[5]), handle=handle,
            followers=int(r[7] or 0), verified=bool(r[8]), vip=handle.lower() in vips, now=now,
        ))
    return out


def apply_actions(store: SqlStore, rule: Rule, facts: Facts, reason: str, now: int) -> None:
    """Carry out a firing rule's actions (inside the caller's transaction)."""
    conv = facts.conv
    for action in rule.actions:
        value = action.value
        if action.type == "set_priority":
            target = min(conv.priority + 1, int(Priority.URGENT)) if value == "raise" \
                else int(PRIORITY_NAMES[value])
            if target > conv.priority:
                store.set_priority(conv.id, Priority(target), actor=rule.actor)
                conv.note_priority(rule.name, target)
        elif action.type == "add_tag":
            # Known tags are skipped without a write, as a priority that is already
            # high enough is: the state was read with the rows being judged.
            if value not in conv.tags and store.add_tag(conv.id, value, actor=rule.actor):
                conv.note_tag(rule.name, value)
        elif action.type == "assign":
            if value.startswith("team:"):
                team = value[5:].strip()
                if conv.team != team:
                    store.assign_team(conv.id, team, now, actor=rule.actor)
                    conv.team = team
            elif conv.assignee != value:
                store.assign(conv.id, value, actor=rule.actor)
                conv.assignee = value
        elif action.type == "notify":
            store.add_notification(conv.id, rule.name, value, _notice(reason, facts), now)
        elif action.type == "webhook":
            body = webhook_body(rule, facts, reason)
            store.enqueue_webhook(rule.name, conv.id, value, json.dumps(body, ensure_ascii=False),
                                  now)


def _notice(reason: str, facts: Facts) -> str:
    who = f"@{facts.handle}" if facts.handle else "a customer"
    line = " ".join(facts.text.split())
    return f"{reason}\n{who}: {line[:200]}" if line else reason


def webhook_body(rule: Rule, facts: Facts, reason: str) -> dict[str, Any]:
    """The POSTed JSON: rule, conversation, message, plus a ``text`` line so the same
    body is a valid Slack or Microsoft Teams incoming-webhook message."""
    conv = facts.conv
    text = " ".join(facts.text.split())[:TEXT_IN_WEBHOOK]
    who = f"@{facts.handle}" if facts.handle else "a customer"
    return {
        "text": f"Community Inbox: {reason} (conversation {conv.id}, {who}, {facts.kind})"
                + (f"\n> {text}" if text else ""),
        "rule": {"name": rule.name, "when": rule.when.value, "reason": reason},
        "conversation": {
            "id": conv.id, "kind": facts.kind, "status": conv.status,
            "priority": Priority(conv.priority).name.lower(), "tags": sorted(conv.tags),
            "assignee": conv.assignee, "team": conv.team,
            "waiting_since": None if conv.waiting_since is None
            else from_ms(conv.waiting_since).isoformat(),
            "contact": {"handle": facts.handle, "followers": facts.followers,
                        "verified": facts.verified},
        },
        "message": None if facts.message_id is None else {
            "id": facts.message_id, "text": text, "language": facts.language,
            "created_at": from_ms(facts.at).isoformat(),
        },
    }
