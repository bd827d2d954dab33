"""Running rules: on every stored message, on timers, and as a dry run that changes nothing.

``RuleRunner`` is what the sync pipeline holds: ``after_page`` evaluates the
message rules on the messages a page brought in, inside the page's own
transaction (``SqlStore.ingest(..., then=runner.on_page)``), so a crash can
never leave a stored page whose rules did not run; the rules' writes sit in a
savepoint, so a rule that fails undoes only its page's firings, never the
page. ``after_sync`` runs the time triggers (waiting N minutes, SLA warning and
breach). Neither ever raises: a rule that fails is logged and skipped.

Each firing is gated by an event ``dedupe_key``: a message fires a rule once,
a waiting stretch (identified by its ``waiting_since``) fires a waiting or SLA
rule once, even when timers run twice or two sync jobs race. The RULE_FIRED
event carries the reason a conversation shows ("rule 'VIP' fired: followers
120,000 >= 10,000"); tag, priority and assignment changes are written by the
store's own methods with the actor ``rule:<name>``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from inbox import logconfig
from inbox.domain import EventType, IngestResult
from inbox.rules import Rule, RuleError, Trigger, parse_rule, parse_rules, starter_pack
from inbox.rules_act import apply_actions, load_facts
from inbox.rules_eval import CompiledRule, Facts, compile_rule, reason_line
from inbox.sla import SlaPolicy, SlaState, sla_status
from inbox.store import SqlStore
from inbox.store.sqlparts import chunks
from inbox.timeutil import from_ms, to_ms, utcnow

log = logging.getLogger(__name__)

# Conversations a timer pass reads at a time (memory, and the GIL held at once).
TIMER_BATCH = 1000


@dataclass(frozen=True, slots=True)
class Firing:
    rule: str
    conversation_id: int
    message_id: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """One line of a dry run: what the rule would have matched, and why."""

    conversation_id: int
    message_id: int | None
    at: datetime
    text: str
    reason: str


# -- loading and saving -----------------------------------------------------------


def ensure_starter_pack(store: SqlStore, now: datetime | None = None) -> None:
    """Store the shipped rules and SLA targets the first time rules are used.

    Only once: a supervisor who deletes every rule does not get them back.
    """
    if store.rule_setting("rules_seeded") is None and not store.rule_rows():
        pack = starter_pack()
        save_rules(store, parse_rules(pack), now=now)
    SlaPolicy.load(store)


def load_rules(store: SqlStore) -> list[Rule]:
    """The stored rules in order. A row that no longer validates is logged and left out."""
    rules = []
    for name, enabled, body in store.rule_rows():
        try:
            rule = parse_rule(_json(body))
        except (RuleError, ValueError) as exc:
            log.error("rule %r is stored but invalid, skipped: %s", name, exc)
            continue
        rules.append(_with_enabled(rule, enabled))
    for rule in rules:
        for action in rule.actions:
            if action.type == "webhook":
                logconfig.register_secret(action.value)
    return rules


def save_rules(store: SqlStore, rules: Sequence[Rule], *, replace_all: bool = False,
               now: datetime | None = None) -> None:
    """Store validated rules (by name; the rule editor's and ``rules import``'s save)."""
    rows = [(r.name, r.enabled, json.dumps(r.to_json(), ensure_ascii=False)) for r in rules]
    store.save_rule_rows(rows, to_ms(now or utcnow()), replace_all=replace_all)


def _json(body: str) -> Any:
    return json.loads(body)


def _with_enabled(rule: Rule, enabled: bool) -> Rule:
    return rule if rule.enabled == enabled else replace(rule, enabled=enabled)


def compile_rules(rules: Sequence[Rule]) -> list[CompiledRule]:
    out = []
    for rule in rules:
        if not rule.enabled:
            continue
        try:
            out.append(compile_rule(rule))
        except Exception:  # validated at save; a bug here must not stop the others
            log.exception("rule %r could not be compiled, skipped", rule.name)
    return out


# -- firing -------------------------------------------------------------------------


def _fire(store: SqlStore, compiled: CompiledRule, facts: Facts, key: str,
          now: int, hits: int | None = None) -> Firing | None:
    """Record the firing (once per ``key``) and apply the actions, in one transaction."""
    rule = compiled.rule
    reason = reason_line(compiled, facts, hits)
    with store.transaction():
        data: dict[str, object] = {"rule": rule.name, "when": rule.when.value, "reason": reason,
                                   "actions": [a.type for a in rule.actions]}
        if not store.record_rule_event(facts.conv.id, EventType.RULE_FIRED, now, rule.actor,
                                       data, key, facts.message_id):
            return None
        apply_actions(store, rule, facts, reason, now)
    log.info("%s (conversation %d)", reason, facts.conv.id)
    return Firing(rule.name, facts.conv.id, facts.message_id, reason)


def _matches(compiled: CompiledRule, facts: Facts) -> bool:
    try:
        return compiled.matches(facts)
    except Exception:
        log.exception("rule %r failed on conversation %d, skipped", compiled.rule.name,
                      facts.conv.id)
        return False


def run_on_messages(store: SqlStore, message_ids: Sequence[int], now: datetime,
                    rules: Sequence[CompiledRule]) -> list[Firing]:
    """Message rules against newly stored inbound messages, oldest first."""
    wanted = [r for r in rules if r.rule.when is Trigger.MESSAGE_RECEIVED]
    if not wanted or not message_ids:
        return []
    now_ms = to_ms(now)
    firings: list[Firing] = []
    # One commit for the page's firings, not one each (hundreds per sync page on a
    # busy account); each firing's own transaction joins this one.
    with store.transaction():
        _run_page(store, message_ids, now_ms, wanted, firings)
    return firings


def _run_page(store: SqlStore, message_ids: Sequence[int], now_ms: int,
              wanted: Sequence[CompiledRule], firings: list[Firing]) -> None:
    for facts in load_facts(store, store.message_fact_rows(message_ids), now_ms):
        for compiled in wanted:
            if not _matches(compiled, facts):
                continue
            assert facts.message_id is not None
            key = f"rule:{compiled.rule.name}:message:{facts.message_id}"
            hits = None
            if compiled.spike_count:
                hits = _spike_hits(store, compiled, facts)
                if hits is None:
                    continue
            fired = _fire(store, compiled, facts, key, now_ms, hits)
            if fired:
                firings.append(fired)
                if compiled.spike_count:
                    store.mark_rule_hit_fired(compiled.rule.name, facts.message_id)


def _spike_hits(store: SqlStore, compiled: CompiledRule, facts: Facts) -> int | None:
    """Count this match; the number of matches in the window when the spike is reached
    (once per window: a spike is one alert, not one per message), else None."""
    assert facts.message_id is not None
    name, window = compiled.rule.name, compiled.spike_minutes * 60_000
    store.record_rule_hit(name, facts.message_id, facts.at)
    hits = store.rule_hit_count(name, facts.at - window, facts.at)
    if not compiled.spike_reached(hits) or store.rule_fired_since(name, facts.at - window):
        return None
    return hits


def run_timers(store: SqlStore, now: datetime, rules: Sequence[CompiledRule],
               policy: SlaPolicy | None = None) -> list[Firing]:
    """Waiting rules and SLA warnings/breaches; idempotent per waiting stretch.

    Runs after every sync, so its cost must not grow with a backlog that was
    already handled: stretches whose firings all happened are left out in SQL
    (by their dedupe keys), and the rest is read in batches, so a store with
    tens of thousands of overdue conversations neither re-reads them every
    minute nor holds them all in memory at once.
    """
    now_ms = to_ms(now)
    firings: list[Firing] = []
    for compiled in (r for r in rules if r.rule.when is Trigger.WAITING):
        assert compiled.rule.after_minutes is not None
        prefix = f"rule:{compiled.rule.name}:waiting:"
        ids = store.waiting_ids(now_ms - compiled.rule.after_minutes * 60_000, unfired=prefix)
        for batch in chunks(ids, TIMER_BATCH):
            for facts in load_facts(store, store.conversation_fact_rows(batch), now_ms):
                key = f"{prefix}{facts.conv.id}:{facts.conv.waiting_since}"
                if not store.event_key_exists(key) and _matches(compiled, facts):
                    fired = _fire(store, compiled, facts, key, now_ms)
                    firings += [fired] if fired else []
    policy = policy or SlaPolicy.load(store)
    breach = Trigger.SLA_BREACH.value
    done = [f"sla:{breach}:"] + [f"rule:{r.rule.name}:{breach}:" for r in rules
                                 if r.rule.when is Trigger.SLA_BREACH]
    for batch in chunks(store.sla_due_ids(now_ms, done), TIMER_BATCH):
        firings += _sla_timers(store, now, batch, rules, policy)
    return firings


def _sla_timers(store: SqlStore, now: datetime, conv_ids: Sequence[int],
                rules: Sequence[CompiledRule], policy: SlaPolicy) -> list[Firing]:
    now_ms = to_ms(now)
    firings: list[Firing] = []
    conversations = store.conversations(conv_ids)
    for facts in load_facts(store, store.conversation_fact_rows(conv_ids), now_ms):
        status = sla_status(conversations[facts.conv.id], now, policy)
        if status.state not in (SlaState.WARNING, SlaState.BREACHED):
            continue
        breached = status.state is SlaState.BREACHED
        trigger = Trigger.SLA_BREACH if breached else Trigger.SLA_WARNING
        stretch = f"{facts.conv.id}:{facts.conv.waiting_since}"
        assert status.target is not None and status.due_at is not None
        store.record_rule_event(
            facts.conv.id, EventType.SLA_BREACHED if breached else EventType.SLA_WARNED,
            now_ms, "sla", {"target": status.target.value, "due_at": to_ms(status.due_at)},
            f"sla:{trigger.value}:{stretch}")
        for compiled in (r for r in rules if r.rule.when is trigger):
            key = f"rule:{compiled.rule.name}:{trigger.value}:{stretch}"
            if not store.event_key_exists(key) and _matches(compiled, facts):
                fired = _fire(store, compiled, facts, key, now_ms)
                firings += [fired] if fired else []
    return firings


# -- the dry run -----------------------------------------------------------------------


def dry_run(store: SqlStore, rule: Rule, days: float = 7,
            now: datetime | None = None) -> list[RuleMatch]:
    """What ``rule`` would have matched over the last ``days``, changing nothing.

    Message rules replay every inbound message of the period against today's
    conversation state (tags and priority as they are now); waiting and SLA
    rules list the conversations they would fire on right now.
    """
    now = now or utcnow()
    now_ms = to_ms(now)
    compiled = compile_rule(rule)
    matches: list[RuleMatch] = []
    if rule.when is Trigger.MESSAGE_RECEIVED:
        since = to_ms(now - timedelta(days=days))
        hits: list[int] = []
        last_fired: int | None = None
        for facts in load_facts(store, store.inbound_fact_rows_since(since, now_ms), now_ms):
            if not _matches(compiled, facts):
                continue
            count = None
            if compiled.spike_count:
                window = compiled.spike_minutes * 60_000
                hits = [h for h in hits if h > facts.at - window] + [facts.at]
                count = len(hits)
                fired_recently = last_fired is not None and last_fired > facts.at - window
                if not compiled.spike_reached(count) or fired_recently:
                    continue
                last_fired = facts.at
            matches.append(_match(compiled, facts, facts.at, count))
        return matches
    if rule.when is Trigger.WAITING:
        assert rule.after_minutes is not None
        ids = store.waiting_ids(now_ms - rule.after_minutes * 60_000)
    else:
        policy = SlaPolicy.load(store)
        convs = store.conversations(store.sla_due_ids(now_ms))
        want = SlaState.BREACHED if rule.when is Trigger.SLA_BREACH else SlaState.WARNING
        ids = [i for i, c in convs.items() if sla_status(c, now, policy).state is want]
    for facts in load_facts(store, store.conversation_fact_rows(ids), now_ms):
        if _matches(compiled, facts):
            matches.append(_match(compiled, facts, now_ms, None))
    return matches


def _match(compiled: CompiledRule, facts: Facts, at: int, hits: int | None) -> RuleMatch:
    return RuleMatch(facts.conv.id, facts.message_id, from_ms(at), facts.text,
                     reason_line(compiled, facts, hits))


# -- what the sync pipeline holds ---------------------------------------------------------


class RuleRunner:
    """Rules inside the sync job: after each stored page, and timers after each sync."""

    def __init__(self, store: SqlStore, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock
        self._rows: list[tuple[str, bool, str]] | None = None
        self._compiled: list[CompiledRule] = []

    def rules(self) -> list[CompiledRule]:
        """The enabled rules, recompiled only when the stored ones changed."""
        if self._rows is None:  # once per runner, not once per page
            ensure_starter_pack(self.store, self.clock())
        rows = self.store.rule_rows()
        if rows != self._rows:
            self._compiled = compile_rules(load_rules(self.store))
            self._rows = rows
        return self._compiled

    def after_page(self, message_ids: Sequence[int]) -> list[Firing]:
        """Message rules on a page's new messages; inside an open transaction only
        their own writes are undone when they fail."""
        if not message_ids:
            return []
        try:
            with self.store.savepoint():
                return run_on_messages(self.store, message_ids, self.clock(), self.rules())
        except Exception:
            log.exception("rules could not run on %d new messages", len(message_ids))
            return []

    def on_page(self, result: IngestResult) -> None:
        """``SqlStore.ingest``'s ``then``: the rules, in the page's transaction."""
        self.after_page(result.new_message_ids)

    def after_sync(self) -> list[Firing]:
        try:
            return run_timers(self.store, self.clock(), self.rules())
        except Exception:
            log.exception("rule timers could not run")
            return []
