"""Rules against a real SQLite store: actions and their events, why a conversation is
urgent, no self-retrigger, spikes, time triggers on an injected clock, the dry run, and
broken rules that never reach ingest."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

import pytest

from inbox.domain import ChannelKind, Direction, EventType, IngestBatch, Priority, View
from inbox.rules import parse_rules
from inbox.rules_eval import CompiledRule
from inbox.rules_run import (
    Firing,
    RuleRunner,
    compile_rules,
    dry_run,
    ensure_starter_pack,
    load_rules,
    run_on_messages,
    run_timers,
    save_rules,
)
from inbox.store import SqlStore
from inbox.timeutil import to_ms
from tests.conftest import T0, contact, msg


def rules(*items: dict[str, Any]) -> list[CompiledRule]:
    return compile_rules(parse_rules(list(items)))


def rule(name: str, conditions: list[dict[str, Any]], actions: list[dict[str, Any]],
         **over: Any) -> dict[str, Any]:
    return {"name": name, "when": "message_received", "match": "all",
            "conditions": conditions, "actions": actions, **over}


def c(field: str, op: str, value: Any) -> dict[str, Any]:
    return {"field": field, "op": op, "value": value}


def a(type_: str, value: str) -> dict[str, Any]:
    return {"type": type_, "value": value}


def put(store: SqlStore, account_id: int, *messages: Any, followers: int = 12,
        handle: str = "sara") -> list[int]:
    person = contact(handle=handle)
    person = type(person)(person.platform_id, handle, "Sara", followers=followers)
    return list(store.ingest(account_id, IngestBatch(list(messages), [person])).new_message_ids)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def fired(store: SqlStore, conv_id: int) -> list[str]:
    return [str(e.data["reason"]) for e in store.events(conv_id)
            if e.type is EventType.RULE_FIRED]


# ---- actions, events, reasons ------------------------------------------------------------


def test_vip_rule_tags_raises_and_says_why(store: SqlStore, account_id: int) -> None:
    ids = put(store, account_id, msg("1", text="hi"), followers=120_000)
    vip = rules(rule("VIP", [c("contact.followers", ">=", 10_000)],
                     [a("add_tag", "vip"), a("set_priority", "high")]))
    out = run_on_messages(store, ids, at(1), vip)
    conv = store.conversation(out[0].conversation_id)
    assert conv.tags == ("vip",) and conv.priority is Priority.HIGH
    assert fired(store, conv.id) == ["rule 'VIP' fired: followers 120,000 >= 10,000"]
    acted = {(e.type, e.actor) for e in store.events(conv.id)}
    assert {(EventType.TAG_ADDED, "rule:VIP"), (EventType.PRIORITY, "rule:VIP"),
            (EventType.RULE_FIRED, "rule:VIP")} <= acted


def test_each_action(store: SqlStore, account_id: int) -> None:
    ids = put(store, account_id, msg("1", text="refund please"))
    hook = "https://hooks.example.com/services/T0/B0/secret"
    out = run_on_messages(store, ids, at(1), rules(rule(
        "Refunds", [c("text", "contains_any", ["refund"])],
        [a("set_priority", "urgent"), a("add_tag", "refund"), a("assign", "layla"),
         a("assign", "team:billing"), a("notify", "supervisors"), a("webhook", hook)])))
    conv = store.conversation(out[0].conversation_id)
    assert (conv.priority, conv.tags, conv.assignee, conv.team) == (
        Priority.URGENT, ("refund",), "layla", "billing")
    [note] = store.unseen_notifications()
    assert note.recipient == "supervisors" and note.rule == "Refunds"
    assert note.text.startswith("rule 'Refunds' fired: text contains 'refund'")
    [row] = store.webhook_rows()
    assert row.url == hook and row.state == "queued" and '"text"' in row.body
    store.mark_notifications_seen([note.id], 0)
    assert store.unseen_notifications() == []


def test_rules_only_raise_priority(store: SqlStore, account_id: int) -> None:
    ids = put(store, account_id, msg("1", text="x"))
    store.set_priority(1, Priority.URGENT, actor="agent")
    run_on_messages(store, ids, at(1), rules(rule("Low", [], [a("set_priority", "low")])))
    assert store.conversation(1).priority is Priority.URGENT


def test_a_message_fires_a_rule_once(store: SqlStore, account_id: int) -> None:
    ids = put(store, account_id, msg("1", text="scam"))
    r = rules(rule("Scam", [c("text", "contains_any", ["scam"])], [a("notify", "assignee")]))
    assert len(run_on_messages(store, ids, at(1), r)) == 1
    assert run_on_messages(store, ids, at(2), r) == []
    assert len(store.unseen_notifications()) == 1


# ---- no self-retrigger; chaining between rules --------------------------------------------


def test_a_rule_never_retriggers_through_its_own_actions(store: SqlStore,
                                                         account_id: int) -> None:
    r = rules(
        rule("Escalate", [c("text", "contains_any", ["refund"]), c("tags", "==", "escalated"),
                          c("priority", ">=", "high")],
             [a("add_tag", "escalated"), a("set_priority", "high"), a("notify", "supervisors")],
             match="any"),
        rule("Escalated to billing", [c("tags", "==", "escalated")], [a("assign", "team:billing")]),
    )
    first = run_on_messages(store, put(store, account_id, msg("1", text="refund")), at(1), r)
    assert [f.rule for f in first] == ["Escalate", "Escalated to billing"]  # chaining works
    later = run_on_messages(store, put(store, account_id, msg("2", minutes=5, text="thanks")),
                            at(6), r)
    assert [f.rule for f in later] == ["Escalated to billing"]  # Escalate saw none of its own
    assert len(store.unseen_notifications()) == 1
    # A person tagging it counts: that is not the rule's own doing.
    store.remove_tag(1, "escalated", actor="omar")
    store.add_tag(1, "escalated", actor="omar")
    again = run_on_messages(store, put(store, account_id, msg("3", minutes=9, text="hm")),
                            at(10), r)
    assert "Escalate" in [f.rule for f in again]


# ---- spikes --------------------------------------------------------------------------------


def test_spike_fires_once_per_window(store: SqlStore, account_id: int) -> None:
    r = rules(rule("Outage", [c("text", "contains_any", ["down", "عطل"]),
                              c("spike", ">=", {"count": 3, "minutes": 10})],
                   [a("add_tag", "outage")]))
    out: list[Firing] = []
    for i, minute in enumerate([0, 1, 4, 5, 30, 31, 32]):
        text = "app is down" if i % 2 else "التطبيق فيه عطل"
        ids = put(store, account_id, msg(str(i), thread=f"t{i}", minutes=minute, text=text))
        out += run_on_messages(store, ids, at(minute), r)
    unrelated = put(store, account_id, msg("x", thread="tx", minutes=33, text="hello"))
    out += run_on_messages(store, unrelated, at(33), r)
    assert [f.message_id for f in out] == [3, 7]  # the 3rd of each burst, once per window
    assert "3 matching messages in 10 min" in out[0].reason


# ---- time triggers on an injected clock ----------------------------------------------------


WAIT = rule("Waited 30", [], [a("notify", "assignee")], when="waiting", after_minutes=30)


def test_waiting_fires_once_per_stretch(store: SqlStore, account_id: int) -> None:
    put(store, account_id, msg("1", text="hello?"))
    r = rules(WAIT)
    assert run_timers(store, at(29.9), r) == []
    assert len(run_timers(store, at(30), r)) == 1
    assert run_timers(store, at(45), r) == []
    assert run_timers(store, at(300), r) == []
    # A human answers; the customer writes again: a new stretch, a new firing.
    store.ingest(account_id, IngestBatch([msg("2", minutes=301, direction=Direction.OUT,
                                              author="100", text="hi!")]))
    assert run_timers(store, at(400), r) == []
    put(store, account_id, msg("3", minutes=410, text="still there?"))
    assert run_timers(store, at(439), r) == []
    assert [f.rule for f in run_timers(store, at(440), r)] == ["Waited 30"]
    assert fired(store, 1) == ["rule 'Waited 30' fired: waiting"] * 2


def test_sla_warning_then_breach(store: SqlStore, account_id: int) -> None:
    put(store, account_id, msg("1", text="hello"))
    r = rules(rule("Warn", [], [a("add_tag", "sla-soon")], when="sla_warning"),
              rule("Breach", [], [a("notify", "supervisors")], when="sla_breach"))
    # Shipped targets: a mention at priority none gets 120 min, warned at 80% (96 min).
    assert run_timers(store, at(95.9), r) == []
    assert [f.rule for f in run_timers(store, at(96), r)] == ["Warn"]
    assert run_timers(store, at(100), r) == []
    assert [f.rule for f in run_timers(store, at(120), r)] == ["Breach"]
    assert run_timers(store, at(500), r) == []
    types = [e.type for e in store.events(1)]
    assert types.count(EventType.SLA_WARNED) == 1 and types.count(EventType.SLA_BREACHED) == 1


def test_a_handled_backlog_is_not_read_again(store: SqlStore, account_id: int) -> None:
    """Timers run after every sync: stretches whose firings all happened drop out of
    the candidates (in SQL), so an old backlog costs nothing minute after minute."""
    for i in range(3):
        put(store, account_id, msg(str(i), thread=f"t{i}", text="hello"))
    r = rules(WAIT, rule("Breach", [], [a("notify", "supervisors")], when="sla_breach"))
    breach_done = ["sla:sla_breach:", "rule:Breach:sla_breach:"]
    assert len(run_timers(store, at(200), r)) == 6  # 3 waited + 3 breached
    assert store.waiting_ids(to_ms(at(170)), unfired="rule:Waited 30:waiting:") == []
    assert store.sla_due_ids(to_ms(at(200)), breach_done) == []
    assert store.sla_due_ids(to_ms(at(200))) == [1, 2, 3]  # the dry run still sees them
    # A reply and a new message open a new stretch: a candidate again.
    store.ingest(account_id, IngestBatch([msg("r", thread="t1", minutes=201,
                                              direction=Direction.OUT, author="100")]))
    put(store, account_id, msg("n", thread="t1", minutes=202, text="and now?"))
    assert store.waiting_ids(to_ms(at(240)), unfired="rule:Waited 30:waiting:") == [2]
    assert [f.rule for f in run_timers(store, at(240), r)] == ["Waited 30"]


def test_a_breach_rule_that_did_not_match_is_asked_again(store: SqlStore,
                                                          account_id: int) -> None:
    put(store, account_id, msg("1", text="hello"))
    r = rules(rule("VIP breach", [c("tags", "==", "vip")], [a("notify", "supervisors")],
                   when="sla_breach"))
    assert run_timers(store, at(130), r) == []  # breached, but not a VIP (yet)
    store.add_tag(1, "vip")
    assert [f.rule for f in run_timers(store, at(140), r)] == ["VIP breach"]
    assert run_timers(store, at(150), r) == []


def test_runner_holds_the_clock_and_never_raises(store: SqlStore, account_id: int,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    now = [at(0)]
    runner = RuleRunner(store, clock=lambda: now[0])
    save_rules(store, parse_rules([WAIT]), replace_all=True)
    put(store, account_id, msg("1"))
    now[0] = at(31)
    assert [f.rule for f in runner.after_sync()] == ["Waited 30"]
    store.close()  # anything at all going wrong inside is logged, not raised
    with caplog.at_level(logging.ERROR):
        assert runner.after_page([1]) == [] and runner.after_sync() == []
    assert "rules could not run" in caplog.text


# ---- starter pack, stored rules, broken rows ---------------------------------------------


def test_starter_pack_loaded_once(store: SqlStore, account_id: int) -> None:
    ensure_starter_pack(store)
    names = [r.name for r in load_rules(store)]
    assert "VIP" in names and "Urgent words" in names
    for name in names:
        store.delete_rule(name)
    ensure_starter_pack(store)
    assert load_rules(store) == []


def test_starter_pack_on_arabic_messages(store: SqlStore, account_id: int) -> None:
    ensure_starter_pack(store)
    r = compile_rules(load_rules(store))
    ids = put(store, account_id, msg("1", text="@brand هذا نصب واحتيال، بدي فلوسي"),
              msg("2", thread="t2", text="@brand هل صحيح انكم سكرتم الفرع؟"))
    run_on_messages(store, ids, at(1), r)
    one, two = store.conversation(1), store.conversation(2)
    assert "urgent" in one.tags and one.priority is Priority.HIGH
    assert two.tags == ("rumour",)


def test_vip_list(store: SqlStore, account_id: int) -> None:
    store.set_vip_handles(["@Sara", " "])
    ids = put(store, account_id, msg("1"))
    out = run_on_messages(store, ids, at(1), rules(
        rule("VIP list", [c("contact.vip", "==", True)], [a("add_tag", "vip")])))
    assert out and store.conversation(1).tags == ("vip",)


def test_broken_rules_never_reach_ingest(store: SqlStore, account_id: int,
                                         caplog: pytest.LogCaptureFixture) -> None:
    save_rules(store, parse_rules([rule("Good", [], [a("add_tag", "seen")])]))
    store.save_rule_rows([("Broken", True, '{"name": "Broken", "when": "never"}')], 0)
    with caplog.at_level(logging.ERROR):
        loaded = load_rules(store)
    assert [r.name for r in loaded] == ["Good"]
    assert "rule 'Broken' is stored but invalid" in caplog.text
    compiled = compile_rules(loaded)

    def explode(_facts: object) -> bool:
        raise RuntimeError("boom")

    bad = CompiledRule(compiled[0].rule, ((explode, lambda f: ""),))
    ids = put(store, account_id, msg("1"))
    out = run_on_messages(store, ids, at(1),
                          [bad, *rules(rule("Other", [], [a("add_tag", "ok")]))])
    assert [f.rule for f in out] == ["Other"]
    assert "rule 'Good' failed on conversation 1, skipped" in caplog.text


# ---- dry run ---------------------------------------------------------------------------


def test_dry_run_lists_the_last_7_days_and_changes_nothing(store: SqlStore,
                                                           account_id: int) -> None:
    put(store, account_id, msg("old", thread="t0", minutes=-8 * 24 * 60, text="refund"))
    put(store, account_id, msg("1", minutes=-60, text="I want a refund"),
        msg("2", thread="t2", minutes=-30, text="hello"),
        msg("3", thread="t3", kind=ChannelKind.DM, minutes=-10, text="استرداد المبلغ"))
    before = [len(store.events(i)) for i in (1, 2, 3, 4)]
    r = parse_rules([rule("Refund", [c("text", "contains_any", ["refund", "استرداد"])],
                          [a("add_tag", "refund")])])[0]
    found = dry_run(store, r, days=7, now=T0)
    assert [m.text for m in found] == ["I want a refund", "استرداد المبلغ"]
    assert found[0].reason == "rule 'Refund' fired: text contains 'refund'"
    assert [len(store.events(i)) for i in (1, 2, 3, 4)] == before
    assert all(store.conversation(i).tags == () for i in (1, 2, 3, 4))
    waiting = parse_rules([WAIT])[0]
    assert {m.conversation_id for m in dry_run(store, waiting, now=T0)} == {1, 2, 3}


# ---- rules inside the page's transaction ----------------------------------------------------


class Crash(BaseException):
    """Stands for the process dying between storing a page and committing it."""


def test_a_page_and_its_rules_commit_together(store: SqlStore, account_id: int) -> None:
    save_rules(store, parse_rules([rule("Seen", [], [a("add_tag", "seen")])]), replace_all=True)
    runner = RuleRunner(store, clock=lambda: at(1))

    def die_after_rules(result: Any) -> None:
        runner.on_page(result)
        assert fired(store, 1)  # the rule did fire, inside the page's transaction ...
        raise Crash

    with pytest.raises(Crash):
        store.ingest(account_id, IngestBatch([msg("1")]), {"mentions": "after 1"},
                     then=die_after_rules)
    # ... and nothing of the page is left: no message, no firing, old cursor. The
    # page is fetched again and its rules run then (before, a crash between the
    # page's commit and the rules lost the firing for good).
    assert store.count(View.ALL_OPEN) == 0
    assert store.cursor(account_id, "mentions") is None
    result = store.ingest(account_id, IngestBatch([msg("1")]), {"mentions": "after 1"},
                          then=runner.on_page)
    assert result.new_messages == 1
    assert store.conversation(1).tags == ("seen",) and len(fired(store, 1)) == 1


def test_a_rule_failing_mid_page_undoes_only_the_rules(store: SqlStore, account_id: int,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    save_rules(store, parse_rules([rule("Seen", [], [a("add_tag", "seen")])]), replace_all=True)
    runner = RuleRunner(store, clock=lambda: at(1))
    real_add_tag, calls = store.add_tag, []

    def add_tag_fails_second_time(conv_id: int, tag: str, actor: str | None = None) -> bool:
        calls.append(conv_id)
        if len(calls) == 2:
            raise RuntimeError("disk says no")
        return real_add_tag(conv_id, tag, actor=actor)

    monkeypatch.setattr(store, "add_tag", add_tag_fails_second_time)
    with caplog.at_level(logging.ERROR):
        result = store.ingest(account_id, IngestBatch([msg("1"), msg("2", thread="t2")]),
                              {"mentions": "after 2"}, then=runner.on_page)
    assert "rules could not run on 2 new messages" in caplog.text
    # The page is stored with its cursor; the first firing (already written when the
    # second failed) is undone with the rest of the page's rule writes.
    assert result.new_messages == 2 and store.cursor(account_id, "mentions") == "after 2"
    assert [store.conversation(i).tags for i in (1, 2)] == [(), ()]
    assert fired(store, 1) == [] and fired(store, 2) == []
    assert [e.type for e in store.events(1)] == [EventType.MESSAGE_IN]
