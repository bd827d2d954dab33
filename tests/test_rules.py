"""Rules as a supervisor writes them: every field and operator, Arabic as people write it,
and broken rules refused with a message that names the rule and the problem."""

from __future__ import annotations

from typing import Any

import pytest

from inbox.rules import Rule, RuleError, parse_rule, parse_rules, rules_to_json, starter_pack
from inbox.rules_eval import ConversationState, Facts, compile_rule, reason_line
from inbox.rules_text import RegexError, check_regex

NOW = 1_790_000_000_000


def facts(text: str = "hello", *, kind: str = "mention", language: str | None = "en",
          followers: int = 10, verified: bool = False, vip: bool = False, handle: str = "sara",
          priority: int = 0, status: str = "open", tags: set[str] | None = None,
          waited_minutes: float | None = None) -> Facts:
    conv = ConversationState(
        id=1, priority=priority, status=status,
        waiting_since=None if waited_minutes is None else int(NOW - waited_minutes * 60_000),
        first_reply_at=None, assignee=None, team=None, tags=set(tags or ()))
    return Facts(message_id=7, conv=conv, text=text, kind=kind, language=language, at=NOW,
                 handle=handle, followers=followers, verified=verified, vip=vip, now=NOW)


def rule(*conditions: dict[str, Any], match: str = "all", name: str = "R") -> Rule:
    return parse_rule({"name": name, "when": "message_received", "match": match,
                       "conditions": list(conditions),
                       "actions": [{"type": "add_tag", "value": "x"}]})


def cond(field: str, op: str, value: Any) -> dict[str, Any]:
    return {"field": field, "op": op, "value": value}


def hits(r: Rule, f: Facts) -> bool:
    return compile_rule(r).matches(f)


# ---- Arabic and English through contains_any ------------------------------------


@pytest.mark.parametrize(("word", "text"), [
    ("احتيال", "هذا احتيال واضح"),
    ("احتيال", "هذا إحتيال"),                 # alef with hamza below
    ("احتيال", "والاحتيال مستمر"),             # و + ال prefixes
    ("احتيال", "بالاحتيال"),                   # ب + ال
    ("احتيال", "احتيالهم"),                    # pronoun suffix
    ("احتيال", "اِحْتِيَال"),                    # diacritics
    ("احتيال", "احتيــــال"),                   # tatweel
    ("نصب", "عملية نصب"),
    ("نصب", "نصبوا علي"),                      # verb ending
    ("شكوى", "عندي شكوي"),                     # alef maqsura / yaa
    ("شكوى", "الشكوى"),
    ("فلوسي", "وين فلوسي؟"),
    ("مهزلة", "مهزله والله"),                  # taa marbuta / haa
    ("أسوأ", "اسوا خدمة"),                     # hamza forms on both sides
    ("refund", "I want a REFUND now"),
    ("refund", "still not refunded"),
    ("scam", "you scammed me"),
    ("scam", "#scam"),
    ("is it true that", "Is it true that you are closing?"),
    ("هل صحيح", "هل صحيح انكم سكرتوا؟"),
    ("صح إن", "صح ان الفرع تسكر؟"),
])
def test_contains_any_matches_arabic_and_english_as_written(word: str, text: str) -> None:
    assert hits(rule(cond("text", "contains_any", [word])), facts(text))


@pytest.mark.parametrize(("word", "text"), [
    ("نصب", "حصل على منصب جديد"),              # "position": the letters inside another word
    ("bad", "my badge is broken"),
    ("scam", "scampi for dinner"),
    ("refund", "no refundable items"),         # not an inflection we accept
    ("is it true that", "is it really true that"),
])
def test_contains_any_does_not_match_inside_other_words(word: str, text: str) -> None:
    assert not hits(rule(cond("text", "contains_any", [word])), facts(text))


def test_reason_names_the_word_that_matched() -> None:
    r = rule(cond("text", "contains_any", ["refund", "احتيال"]), name="Urgent")
    f = facts("والاحتيال!")
    assert reason_line(compile_rule(r), f) == "rule 'Urgent' fired: text contains 'احتيال'"


# ---- every field and operator -----------------------------------------------------------


@pytest.mark.parametrize(("condition", "f", "expected"), [
    (cond("text", "matches", r"order\s*#?\d{5}"), facts("where is order #12345"), True),
    (cond("text", "matches", r"احتيال"), facts("إحتيال"), True),  # also tried on normalised text
    (cond("text", "matches", r"^\d+$"), facts("abc"), False),
    (cond("text", "==", "Hello"), facts("hello"), True),
    (cond("text", "!=", "hello"), facts("hello"), False),
    (cond("kind", "==", "dm"), facts(kind="dm"), True),
    (cond("kind", "!=", "dm"), facts(kind="dm"), False),
    (cond("kind", "in", ["mention"]), facts(kind="mention"), True),
    (cond("language", "==", "ar"), facts(language="ar"), True),
    (cond("language", "in", ["ar", "fr"]), facts(language="en"), False),
    (cond("language", "!=", "ar"), facts(language=None), True),
    (cond("contact.followers", ">=", 10_000), facts(followers=10_000), True),
    (cond("contact.followers", ">=", 10_000), facts(followers=9_999), False),
    (cond("contact.followers", "<=", 100), facts(followers=100), True),
    (cond("contact.followers", ">", 100), facts(followers=100), False),
    (cond("contact.followers", "<", 100), facts(followers=99), True),
    (cond("contact.followers", "==", 5), facts(followers=5), True),
    (cond("contact.followers", "!=", 5), facts(followers=5), False),
    (cond("contact.verified", "==", True), facts(verified=True), True),
    (cond("contact.verified", "!=", True), facts(verified=True), False),
    (cond("contact.vip", "==", True), facts(vip=True), True),
    (cond("contact.vip", "==", True), facts(vip=False), False),
    (cond("contact.handle", "==", "@Sara"), facts(handle="sara"), True),
    (cond("contact.handle", "!=", "sara"), facts(handle="SARA"), False),
    (cond("contact.handle", "in", ["omar", "@sara"]), facts(handle="Sara"), True),
    (cond("contact.handle", "matches", r"^bot_"), facts(handle="bot_42"), True),
    (cond("contact.handle", "contains_any", ["news"]), facts(handle="news"), True),
    (cond("tags", "contains_any", ["vip", "press"]), facts(tags={"press"}), True),
    (cond("tags", "in", ["vip"]), facts(tags={"press"}), False),
    (cond("tags", "==", "vip"), facts(tags={"vip"}), True),
    (cond("tags", "!=", "vip"), facts(tags={"vip"}), False),
    (cond("priority", ">=", "high"), facts(priority=3), True),
    (cond("priority", "<", "high"), facts(priority=3), False),
    (cond("priority", "==", "none"), facts(priority=0), True),
    (cond("priority", "!=", "none"), facts(priority=0), False),
    (cond("priority", "<=", "low"), facts(priority=1), True),
    (cond("priority", "in", ["urgent", "high"]), facts(priority=4), True),
    (cond("status", "==", "open"), facts(status="open"), True),
    (cond("status", "in", ["pending", "snoozed"]), facts(status="open"), False),
    (cond("status", "!=", "resolved"), facts(status="open"), True),
    (cond("waiting_minutes", ">=", 30), facts(waited_minutes=30), True),
    (cond("waiting_minutes", ">=", 30), facts(waited_minutes=29.5), False),
    (cond("waiting_minutes", "<=", 5), facts(waited_minutes=None), True),
])
def test_each_field_and_operator(condition: dict[str, Any], f: Facts, expected: bool) -> None:
    assert hits(rule(condition), f) is expected


def test_match_all_versus_any() -> None:
    a, b = cond("contact.followers", ">=", 10_000), cond("contact.verified", "==", True)
    assert not hits(rule(a, b), facts(followers=20_000))
    assert hits(rule(a, b, match="any"), facts(followers=20_000))
    assert hits(rule(a, b), facts(followers=20_000, verified=True))


def test_reason_reads_like_a_sentence() -> None:
    r = rule(cond("contact.followers", ">=", 10_000), name="VIP")
    assert reason_line(compile_rule(r), facts(followers=120_000)) == (
        "rule 'VIP' fired: followers 120,000 >= 10,000")


def test_no_conditions_always_match() -> None:
    assert hits(rule(), facts())


# ---- validation: clear messages, nothing half-accepted ---------------------------------


def base(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"name": "Refunds", "when": "message_received", "match": "all",
                            "conditions": [cond("text", "contains_any", ["refund"])],
                            "actions": [{"type": "add_tag", "value": "refund"}]}
    data.update(over)
    return data


@pytest.mark.parametrize(("data", "message"), [
    (base(conditions=[cond("text", "matches", "(unclosed")]),
     "rule 'Refunds': condition text matches: invalid regular expression"),
    (base(conditions=[cond("text", "matches", "(a+)+$")]),
     "rule 'Refunds': condition text matches: nested repetition"),
    (base(conditions=[cond("mood", "==", "sad")]), "rule 'Refunds': unknown field 'mood'"),
    (base(conditions=[cond("text", "~=", "x")]), "rule 'Refunds': field text does not take op"),
    (base(conditions=[cond("contact.followers", ">=", "10k")]),
     "rule 'Refunds': condition contact.followers >= needs a number"),
    (base(conditions=[cond("contact.verified", "==", "yes")]), "needs true or false"),
    (base(conditions=[cond("text", "contains_any", "refund")]), "needs a non-empty list"),
    (base(conditions=[cond("priority", "==", "critical")]), "priorities are none, low"),
    (base(conditions=[cond("spike", ">=", {"count": 0, "minutes": 5})]), "whole numbers"),
    (base(actions=[{"type": "email", "value": "x"}]), "rule 'Refunds': unknown action 'email'"),
    (base(actions=[{"type": "set_priority", "value": "max"}]), "set_priority takes one of"),
    (base(actions=[]), "rule 'Refunds': needs at least one action"),
    (base(when="hourly"), "rule 'Refunds': when must be one of"),
    (base(when="waiting"), "a waiting rule needs after_minutes"),
    (base(after_minutes=5), "after_minutes only applies to waiting rules"),
    (base(conditons=[]), "rule 'Refunds': unknown key 'conditons'"),
    (base(match="most"), "match must be 'all' or 'any'"),
    (base(name=""), "rule #1: needs a name"),
])
def test_malformed_rules_are_refused_with_a_clear_message(data: dict[str, Any],
                                                          message: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rules([data])
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_bad_webhook_url_refused_without_echoing_it() -> None:
    secret = "ftp://hooks.example/T000/B000/s3cr3t-token"
    with pytest.raises(RuleError) as caught:
        parse_rules([base(actions=[{"type": "webhook", "value": secret}])])
    assert "webhook needs an http" in str(caught.value)
    assert "s3cr3t" not in str(caught.value)


def test_duplicate_names_refused() -> None:
    with pytest.raises(RuleError, match="'Refunds': the name is used twice"):
        parse_rules([base(), base()])


@pytest.mark.parametrize("pattern", ["(a+)+", "(a*)*b", "(\\w+\\s?)*$", "((ab)*c)+"])
def test_catastrophic_patterns_rejected(pattern: str) -> None:
    with pytest.raises(RegexError):
        check_regex(pattern)


@pytest.mark.parametrize("pattern", [r"\d{5}", r"(order|طلب)\s+\d+", r"a+b+", r"(ab)+"])
def test_ordinary_patterns_accepted(pattern: str) -> None:
    check_regex(pattern)


def test_round_trip_and_starter_pack() -> None:
    rules = parse_rules(starter_pack())
    again = parse_rules(__import__("json").loads(rules_to_json(rules)))
    assert again == rules
    names = {r.name for r in rules}
    assert {"Urgent words", "VIP", "Angry customer", "Rumour"} <= names
    urgent = next(r for r in rules if r.name == "Urgent words")
    for text in ("I want my refund", "هذا نصب", "بدي استرداد فلوسي", "chargeback filed",
                 "سأكلم المحامي"):
        assert hits(urgent, facts(text)), text
    rumour = next(r for r in rules if r.name == "Rumour")
    for text in ("is it true that you closed?", "هل صحيح الخبر", "سمعت إن في خصم"):
        assert hits(rumour, facts(text)), text
