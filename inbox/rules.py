"""Escalation rules as a supervisor writes them: when, which conditions, what to do.

This module is the rules file format of DESIGN.md and its validation, nothing
more: ``parse_rules`` turns JSON into ``Rule`` values or raises ``RuleError``
with one line naming the rule and the problem, so the CLI's ``rules import``
and the GUI's rule editor reject a broken rule before it is stored. A stored
rule has therefore passed validation; evaluation (``inbox.rules_eval``) and
running (``inbox.rules_run``) can trust its shape.

Messages never include a webhook's URL: it may carry a secret token.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from inbox.domain import ChannelKind, Priority, Status
from inbox.rules_text import RegexError, check_regex


class RuleError(ValueError):
    """A rule a supervisor must fix; the message names the rule and the problem."""


class Trigger(enum.StrEnum):
    MESSAGE_RECEIVED = "message_received"
    WAITING = "waiting"  # waited ``after_minutes`` without a human response
    SLA_WARNING = "sla_warning"
    SLA_BREACH = "sla_breach"


# Field -> the operators it accepts; the value's type follows from the field.
NUMBER_OPS = ("==", "!=", ">=", "<=", ">", "<")
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("contains_any", "matches", "==", "!="),
    "kind": ("==", "!=", "in"),
    "language": ("==", "!=", "in"),
    "contact.followers": NUMBER_OPS,
    "contact.verified": ("==", "!="),
    "contact.vip": ("==", "!="),
    "contact.handle": ("==", "!=", "in", "contains_any", "matches"),
    "tags": ("contains_any", "in", "==", "!="),
    "priority": (*NUMBER_OPS, "in"),
    "status": ("==", "!=", "in"),
    "waiting_minutes": NUMBER_OPS,
    # "more than N messages matching this rule in the last M minutes"
    "spike": (">", ">="),
}
ACTIONS = ("set_priority", "add_tag", "assign", "notify", "webhook")
PRIORITY_NAMES = {p.name.lower(): p for p in Priority}
_RULE_KEYS = {"name", "when", "after_minutes", "match", "conditions", "actions", "enabled"}


@dataclass(frozen=True, slots=True)
class Condition:
    field: str
    op: str
    value: Any


@dataclass(frozen=True, slots=True)
class Action:
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    when: Trigger
    conditions: tuple[Condition, ...] = ()
    actions: tuple[Action, ...] = ()
    match: str = "all"  # "all" | "any"
    after_minutes: int | None = None
    enabled: bool = True
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def actor(self) -> str:
        """Who the event log says acted when this rule did something."""
        return f"rule:{self.name}"

    @property
    def spike(self) -> Condition | None:
        return next((c for c in self.conditions if c.field == "spike"), None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "when": self.when.value}
        if self.after_minutes is not None:
            out["after_minutes"] = self.after_minutes
        out["match"] = self.match
        out["conditions"] = [{"field": c.field, "op": c.op, "value": c.value}
                             for c in self.conditions]
        out["actions"] = [{"type": a.type, "value": a.value} for a in self.actions]
        out["enabled"] = self.enabled
        return out


def _fail(rule: str, problem: str) -> RuleError:
    return RuleError(f"rule {rule!r}: {problem}")


def _str_list(value: Any) -> bool:
    return (isinstance(value, list) and bool(value)
            and all(isinstance(v, str) and v.strip() for v in value))


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_value(name: str, f: str, op: str, value: Any) -> None:
    where = f"condition {f} {op}"
    if f == "spike":
        ok = (isinstance(value, dict) and set(value) == {"count", "minutes"}
              and all(isinstance(value[k], int) and not isinstance(value[k], bool)
                      and value[k] >= 1 for k in ("count", "minutes")))
        if not ok:
            raise _fail(name, f"{where} needs {{\"count\": N, \"minutes\": M}} with whole"
                        " numbers of at least 1")
        return
    if op in ("contains_any", "in"):
        if not _str_list(value):
            raise _fail(name, f"{where} needs a non-empty list of words")
        if f == "kind" and not set(value) <= {k.value for k in ChannelKind}:
            raise _fail(name, f"{where}: kinds are 'mention' and 'dm'")
        if f == "priority" and not set(value) <= set(PRIORITY_NAMES):
            raise _fail(name, f"{where}: priorities are {', '.join(PRIORITY_NAMES)}")
        if f == "status" and not set(value) <= {s.value for s in Status}:
            raise _fail(name, f"{where}: statuses are {', '.join(s.value for s in Status)}")
        return
    if op == "matches":
        if not isinstance(value, str) or not value:
            raise _fail(name, f"{where} needs a regular expression")
        try:
            check_regex(value)
        except RegexError as exc:
            raise _fail(name, f"{where}: {exc}") from None
        return
    if f in ("contact.verified", "contact.vip"):
        if not isinstance(value, bool):
            raise _fail(name, f"{where} needs true or false")
    elif f in ("contact.followers", "waiting_minutes"):
        if not _number(value):
            raise _fail(name, f"{where} needs a number")
    elif f == "priority":
        if value not in PRIORITY_NAMES:
            raise _fail(name, f"{where}: priorities are {', '.join(PRIORITY_NAMES)}")
    elif f == "kind":
        if value not in {k.value for k in ChannelKind}:
            raise _fail(name, f"{where}: kinds are 'mention' and 'dm'")
    elif f == "status":
        if value not in {s.value for s in Status}:
            raise _fail(name, f"{where}: statuses are {', '.join(s.value for s in Status)}")
    elif not isinstance(value, str) or not value.strip():
        raise _fail(name, f"{where} needs a text value")


def _check_action(name: str, kind: str, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _fail(name, f"action {kind} needs a text value")
    if kind == "set_priority" and value not in {*PRIORITY_NAMES, "raise"}:
        raise _fail(name, f"set_priority takes one of {', '.join(PRIORITY_NAMES)} or 'raise'")
    if kind == "assign" and value.startswith("team:") and not value[5:].strip():
        raise _fail(name, "assign 'team:' needs a team name")
    if kind == "webhook":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise _fail(name, "webhook needs an http:// or https:// URL")


def parse_rule(data: Any, position: int = 0) -> Rule:
    """One rule from its JSON form; ``RuleError`` naming the rule if anything is off."""
    if not isinstance(data, dict):
        raise RuleError(f"rule #{position + 1}: expected an object with name, when, conditions,"
                        " actions")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RuleError(f"rule #{position + 1}: needs a name")
    unknown = sorted(set(data) - _RULE_KEYS)
    if unknown:
        raise _fail(name, f"unknown key {unknown[0]!r}")
    try:
        when = Trigger(str(data.get("when")))
    except ValueError:
        raise _fail(name, "when must be one of " + ", ".join(t.value for t in Trigger)) from None
    after = data.get("after_minutes")
    if when is Trigger.WAITING:
        if not isinstance(after, int) or isinstance(after, bool) or after < 1:
            raise _fail(name, "a waiting rule needs after_minutes, a whole number of at least 1")
    elif after is not None:
        raise _fail(name, "after_minutes only applies to waiting rules")
    match = data.get("match", "all")
    if match not in ("all", "any"):
        raise _fail(name, "match must be 'all' or 'any'")
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise _fail(name, "enabled must be true or false")
    raw_conditions = data.get("conditions", [])
    raw_actions = data.get("actions")
    if not isinstance(raw_conditions, list):
        raise _fail(name, "conditions must be a list")
    if not isinstance(raw_actions, list) or not raw_actions:
        raise _fail(name, "needs at least one action")
    conditions: list[Condition] = []
    for c in raw_conditions:
        if not isinstance(c, dict) or set(c) != {"field", "op", "value"}:
            raise _fail(name, "each condition is {\"field\", \"op\", \"value\"}")
        f, op = c["field"], c["op"]
        if f not in FIELDS:
            raise _fail(name, f"unknown field {f!r} (fields: {', '.join(FIELDS)})")
        if op not in FIELDS[f]:
            raise _fail(name, f"field {f} does not take op {op!r} (it takes"
                        f" {', '.join(FIELDS[f])})")
        _check_value(name, f, op, c["value"])
        conditions.append(Condition(f, op, c["value"]))
    spikes = [c for c in conditions if c.field == "spike"]
    if spikes and (len(spikes) > 1 or when is not Trigger.MESSAGE_RECEIVED):
        raise _fail(name, "a rule has at most one spike condition, on message_received")
    actions: list[Action] = []
    for a in raw_actions:
        if not isinstance(a, dict) or set(a) != {"type", "value"}:
            raise _fail(name, "each action is {\"type\", \"value\"}")
        if a["type"] not in ACTIONS:
            raise _fail(name, f"unknown action {a['type']!r} (actions: {', '.join(ACTIONS)})")
        _check_action(name, a["type"], a["value"])
        actions.append(Action(a["type"], a["value"].strip()))
    return Rule(name=name.strip(), when=when, conditions=tuple(conditions),
                actions=tuple(actions), match=match, after_minutes=after, enabled=enabled)


def parse_rules(data: Any) -> list[Rule]:
    """A whole rules file: a JSON list (DESIGN.md), or ``{"rules": [...], "sla": {...}}``."""
    if isinstance(data, dict) and "rules" in data:
        data = data["rules"]
    if not isinstance(data, list):
        raise RuleError("a rules file is a JSON list of rules")
    rules = [parse_rule(item, i) for i, item in enumerate(data)]
    seen: set[str] = set()
    for rule in rules:
        if rule.name in seen:
            raise _fail(rule.name, "the name is used twice")
        seen.add(rule.name)
    return rules


def read_rules_file(path: Path) -> list[Rule]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RuleError(f"{path.name} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return parse_rules(data)


def rules_to_json(rules: list[Rule]) -> str:
    return json.dumps([r.to_json() for r in rules], ensure_ascii=False, indent=2) + "\n"


def starter_pack() -> dict[str, Any]:
    """The shipped rules and SLA targets (``inbox/data/starter_rules.json``)."""
    text = resources.files("inbox.data").joinpath("starter_rules.json").read_text("utf-8")
    pack: dict[str, Any] = json.loads(text)
    return pack
