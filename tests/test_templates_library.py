"""The saved-replies library in the store: CRUD with undo, visibility, search, usage,
import/export all-or-nothing, and the starter library."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from inbox import template_files, templates
from inbox.store import SqlStore
from inbox.template_files import LibraryFileError
from inbox.templates import ReplyDraft, TemplateError
from inbox.xtext import weighted_length


def add(store: SqlStore, shortcut: str, name: str = "", *, owner: str | None = None,
        **variants: str) -> templates.SavedReply:
    return templates.create(store, ReplyDraft(
        name=name or shortcut.title(), shortcut=shortcut, owner=owner,
        variants=variants or {"en": f"text of {shortcut}"}))


def shortcuts(found: list[templates.SavedReply]) -> list[str]:
    return [r.shortcut for r in found]


def test_create_update_and_shortcut_rules(store: SqlStore) -> None:
    reply = templates.create(store, ReplyDraft(
        name=" Greeting ", shortcut="/Hi", category="Greetings", approved=True,
        variants={"EN": "Hi {{contact.name|there}}", "ar": "هلا {{contact.name|وغلا}}"}))
    assert (reply.name, reply.shortcut, reply.category, reply.approved, reply.shared) == (
        "Greeting", "Hi", "Greetings", True, True)
    assert reply.variants == {"ar": "هلا {{contact.name|وغلا}}", "en": "Hi {{contact.name|there}}"}
    with pytest.raises(TemplateError, match=r"/hi is already used by 'Greeting'"):
        add(store, "hi")
    with pytest.raises(TemplateError, match="unknown variable"):
        templates.update(store, reply.id, ReplyDraft(name="G", shortcut="hi",
                                                     variants={"en": "{{nope}}"}))
    changed = templates.update(store, reply.id, ReplyDraft(name="G", shortcut="hello",
                                                           variants={"en": "Hello"}))
    assert (changed.shortcut, changed.variants, changed.approved) == ("hello", {"en": "Hello"},
                                                                       False)
    add(store, "hi")  # the old shortcut is free again


def test_personal_replies_are_only_visible_to_their_owner(store: SqlStore) -> None:
    add(store, "hi")
    add(store, "sig", owner="nour", en="Nour from support")
    add(store, "sig2", owner="omar", en="Omar from support")
    assert shortcuts(templates.library(store, agent="nour")) == ["hi", "sig"]
    assert shortcuts(templates.search(store, "s", agent="omar")) == ["sig2"]
    assert shortcuts(templates.search(store, "support", agent="nour")) == ["sig"]
    assert len(templates.library(store, agent=None, everyone=True)) == 3
    with pytest.raises(TemplateError, match="no saved reply with the shortcut /sig2"):
        templates.fill_for_conversation(store, 1, "sig2", "nour")


def test_delete_is_undone_by_restore_unless_the_shortcut_was_reused(store: SqlStore) -> None:
    reply = add(store, "hi")
    templates.record_use(store, reply.id, "nour", None, "en")
    token = templates.delete(store, reply.id)
    assert templates.library(store, agent="nour") == []
    assert templates.search(store, "hi", agent="nour") == []
    with pytest.raises(TemplateError, match="already deleted"):
        templates.delete(store, reply.id)
    back = templates.restore(store, token)
    assert (back.id, back.deleted_at, back.uses) == (reply.id, None, 1)
    templates.delete(store, reply.id)
    other = add(store, "hi", "Another hi")
    with pytest.raises(TemplateError, match="already used by 'Another hi'"):
        templates.restore(store, token)
    templates.delete(store, other.id)
    assert templates.restore(store, reply.id).shortcut == "hi"


def test_duplicate_finds_a_free_shortcut_and_can_make_it_personal(store: SqlStore) -> None:
    reply = templates.create(store, ReplyDraft(name="Greeting", shortcut="hi", category="G",
                                               approved=True, variants={"en": "a", "ar": "ب"}))
    one = templates.duplicate(store, reply.id)
    two = templates.duplicate(store, reply.id, owner="nour")
    assert (one.name, one.shortcut, one.owner, one.approved, one.variants) == (
        "Greeting (copy)", "hi-copy", None, True, {"en": "a", "ar": "ب"})
    assert (two.shortcut, two.owner) == ("hi-copy2", "nour")
    long = add(store, "x" * 32)
    copies = [templates.duplicate(store, long.id).shortcut for _ in range(11)]
    assert copies[0] == "x" * 27 + "-copy" and copies[10] == "x" * 25 + "-copy11"


def test_search_ranks_shortcut_prefix_then_name_then_body(store: SqlStore) -> None:
    add(store, "refund", "Money back", en="We will send it")
    add(store, "delay", "Order delayed", en="Sorry for the wait")
    add(store, "ord", "Something else", en="nothing here")
    add(store, "misc", "Misc", en="Please DM the order number")
    add(store, "order", "Ask order number", en="DM us")
    assert shortcuts(templates.search(store, "/ord", agent="a")) == [
        "ord", "order", "delay", "misc"]
    assert shortcuts(templates.search(store, "ORDER", agent="a")) == ["order", "delay", "misc"]
    assert shortcuts(templates.search(store, "order number", agent="a")) == ["order", "misc"]
    assert shortcuts(templates.search(store, "100%_", agent="a")) == []
    assert len(templates.search(store, "", agent="a")) == 5
    assert len(templates.search(store, "", agent="a", limit=2)) == 2


def test_search_is_arabic_aware(store: SqlStore) -> None:
    add(store, "thanks", "شكر", ar="شُكْراً لك على ثقتك")
    add(store, "delay", "تأخير الطلب", ar="نعتذر عن التأخير في التوصيل")
    add(store, "مرحبا", "تحية", ar="هلا والله")
    assert shortcuts(templates.search(store, "شكرا", agent="a")) == ["thanks"]
    assert shortcuts(templates.search(store, "تاخير", agent="a")) == ["delay"]
    assert shortcuts(templates.search(store, "الطلب", agent="a")) == ["delay"]
    assert shortcuts(templates.search(store, "ثقتك", agent="a")) == ["thanks"]
    assert shortcuts(templates.search(store, "/مرح", agent="a")) == ["مرحبا"]
    assert shortcuts(templates.search(store, "تحيه", agent="a")) == ["مرحبا"]


def test_search_is_fast_for_thousands_of_replies(store: SqlStore) -> None:
    with store.transaction():
        for i in range(3000):
            add(store, f"r{i}", f"Reply number {i}", en=f"English body {i} about orders",
                ar=f"نص عربي رقم {i} عن الطلبات")
    started = time.perf_counter()
    for query in ("r12", "number 29", "الطلبات", "orders", "zzz"):
        templates.search(store, query, agent="a")
    assert (time.perf_counter() - started) / 5 < 0.1
    assert shortcuts(templates.search(store, "r299", agent="a"))[0] == "r299"


def test_usage_counts_by_agent_and_ranks_popular_first(store: SqlStore) -> None:
    a = add(store, "sorry-a", "Sorry A")
    b = add(store, "sorry-b", "Sorry B")
    for agent in ("nour", "nour", "omar"):
        templates.record_use(store, b.id, agent, None, "en")
    stats = templates.usage(store, b.id)
    assert stats.count == 3
    assert [(u.agent, u.count) for u in stats.by_agent] == [("nour", 2), ("omar", 1)]
    assert templates.usage(store, a.id).count == 0
    assert templates.get(store, b.id).uses == 3
    assert shortcuts(templates.search(store, "sorry", agent="x")) == ["sorry-b", "sorry-a"]


LIBRARY = [
    {"name": "Greeting", "shortcut": "/hi", "variants": {"en": "Hi {{contact.name|there}}",
                                                       "ar": "هلا {{contact.name|وغلا}}"}},
    {"name": "Statement", "shortcut": "facts", "category": "Crisis", "approved": True,
     "variants": {"en": "Official statement: https://example.com/facts"}},
    {"name": "Mine", "shortcut": "sig", "shared": False, "variants": {"en": "{{agent.name}}"}},
]


def test_import_export_round_trip(store: SqlStore, tmp_path: Path) -> None:
    report = template_files.import_library(store, LIBRARY, agent="nour")
    assert (report.created, report.updated) == (3, 0)
    exported = template_files.export_library(store, agent="nour")
    assert {e["shortcut"] for e in exported} == {"hi", "facts", "sig"}
    [mine] = [e for e in exported if e["shortcut"] == "sig"]
    assert mine == {"name": "Mine", "shortcut": "sig", "category": "", "approved": False,
                    "shared": False, "variants": {"en": "{{agent.name}}"}}
    assert [e["shortcut"] for e in template_files.export_library(store, agent="omar")] == [
        "hi", "facts"]
    # Re-importing the export updates in place (same ids, usage kept), creates nothing.
    hi = templates.search(store, "hi", agent="nour")[0]
    templates.record_use(store, hi.id, "nour", None, "ar")
    edited = [{**e, "name": e["name"] + "!"} for e in exported]
    assert template_files.import_library(store, edited, agent="nour") == \
        template_files.ImportReport(0, 3)
    again = templates.get(store, hi.id)
    assert (again.name, again.uses) == ("Greeting!", 1)
    text, count = template_files.export_text(store, agent="nour")
    path = tmp_path / "lib.json"
    path.write_text(text, encoding="utf-8")
    assert count == 3 and "هلا" in text
    assert json.loads(text) == template_files.export_library(store, agent="nour")
    assert template_files.import_file(store, path, agent="nour").updated == 3


def _with(index: int, **changes: object) -> list[object]:
    entries: list[object] = [dict(e) for e in LIBRARY]
    entry = entries[index]
    assert isinstance(entry, dict)
    for key, value in changes.items():
        if value is None:
            entry.pop(key)
        else:
            entry[key] = value
    return entries


BAD: list[tuple[object, str]] = [
    ({"name": "x"}, "must hold a JSON list of saved replies, not an object"),
    (None, "not null"),
    ([*LIBRARY, "hello"], "entry 4: must be an object"),
    (_with(1, name=None), "entry 2 (/facts): missing key 'name'"),
    (_with(0, variants=None), "entry 1 ('Greeting', /hi): missing key 'variants'"),
    (_with(2, variant={"en": "x"}), "entry 3 ('Mine', /sig): unknown key 'variant'"),
    (_with(0, variants={}), "entry 1 ('Greeting', /hi): variants: a saved reply needs at least"),
    (_with(0, variants={"en": "  ", "ar": "x"}), "entry 1 ('Greeting', /hi): variant 'en': the"
     " text is empty"),
    (_with(0, variants={"en": 5}), "variant 'en' must be text"),
    (_with(0, variants=["en"]), "'variants' must be an object"),
    (_with(0, variants={"en": "Hi {{contact.nam}}"}), "entry 1 ('Greeting', /hi): variant 'en'"
     " at character 4: unknown variable 'contact.nam'; did you mean {{contact.name}}?"),
    (_with(1, variants={"en": "{{contact.name"}), "never closed"),
    (_with(2, shortcut="/hi"), "entry 3 ('Mine', /hi): the shortcut /hi is also used by entry 1"),
    (_with(2, shortcut="HI"), "also used by entry 1"),
    (_with(1, shortcut="two words"), "entry 2 ('Statement', /two words): shortcut: a shortcut"),
    (_with(1, approved="yes"), "'approved' must be true or false"),
    (_with(1, category=3), "'category' must be text"),
    (_with(1, name=""), "entry 2 (/facts): name: a saved reply needs a name"),
    (_with(0, variants={"english": "x"}), "'english' is not a language code"),
]


@pytest.mark.parametrize(("data", "reason"), BAD, ids=[r[:30] for _, r in BAD])
def test_malformed_import_changes_nothing_and_names_the_entry(
        store: SqlStore, data: object, reason: str) -> None:
    add(store, "facts", "Old facts", en="old text")
    before = template_files.export_library(store, agent="nour")
    with pytest.raises(LibraryFileError) as caught:
        template_files.import_library(store, data, agent="nour")
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)
    assert template_files.export_library(store, agent="nour") == before


def test_import_file_errors_duplicate_keys_and_foreign_personal_shortcuts(
        store: SqlStore, tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    path.write_text('[{"name": "a", "shortcut": "a", "variants": {"en": "x", "en": "y"}}]')
    with pytest.raises(LibraryFileError, match=r"entry 1 \('a', /a\): the key 'variants.en'"
                       " appears twice"):
        template_files.import_file(store, path, agent="nour")
    path.write_text('[{"name": "a",]')
    with pytest.raises(LibraryFileError, match=r"is not valid JSON: .* at line 1 column 15"):
        template_files.import_file(store, path, agent="nour")
    path.write_bytes(b"\xff\xfe[")
    with pytest.raises(LibraryFileError, match="is not UTF-8"):
        template_files.import_file(store, path, agent="nour")
    add(store, "sig", owner="omar", en="Omar")
    with pytest.raises(LibraryFileError, match=r"entry 2 .* is a personal reply of omar"):
        template_files.import_library(store, [LIBRARY[0], {**LIBRARY[2]}], agent="nour")
    assert shortcuts(templates.library(store, agent=None, everyone=True)) == ["sig"]
    with pytest.raises(LibraryFileError, match="needs an agent"):
        template_files.import_library(store, [LIBRARY[2]], agent=None)


LONG_NAME = "名" * 50  # X allows 50 characters; these weigh 2 each


def test_starter_library_loads_once_and_every_variant_fits_a_post(store: SqlStore) -> None:
    added = template_files.ensure_starter_library(store)
    assert added >= 9
    assert template_files.ensure_starter_library(store) == 0
    replies = templates.library(store, agent=None)
    assert {"hi", "sorry", "order", "rumour", "thanks", "delay", "refund", "dm",
            "escalate"} <= {r.shortcut for r in replies}
    values = {"contact.name": LONG_NAME, "contact.handle": "@" + "w" * 15,
              "agent.name": "Abdulrahman Al-Khalifa Al-Qahtani", "account.handle": "@" + "w" * 15}
    for reply in replies:
        assert set(reply.variants) == {"en", "ar"}, reply.shortcut
        for language, text in reply.variants.items():
            rendered = templates.render(text, values)
            assert rendered.sendable, (reply.shortcut, language)
            assert weighted_length(rendered.text) <= 280, (reply.shortcut, language)
            assert templates.preview(reply, language).worst_case_fits
            assert any("\u0600" <= c <= "\u06ff" for c in text) == (language == "ar")
    [rumour] = [r for r in replies if r.shortcut == "rumour"]
    assert rumour.approved and "https://example.com/facts" in rumour.variants["ar"]
    assert "official statement" in rumour.variants["en"].lower()
    for reply in replies:
        templates.delete(store, reply.id)
    assert template_files.ensure_starter_library(store) == 0  # deleting all does not reload
