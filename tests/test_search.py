"""Search finds what agents remember, in Arabic and English, and stays in step with ingest."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inbox.domain import ChannelKind, Direction, IngestBatch
from inbox.search import match_expression
from inbox.store import SqlStore, open_sqlite
from inbox.store.schema import MIGRATIONS, SQLITE_TYPES, render
from tests.conftest import contact, msg

ARABIC = "أُرِيدُ اســــترداد المبلغ للطلب ORD-4455667 فوراً"


@pytest.fixture
def filled(store: SqlStore, account_id: int) -> SqlStore:
    store.ingest(account_id, IngestBatch(
        messages=[
            msg("1", thread="a", text=ARABIC, author="200"),
            msg("2", thread="a", minutes=1, direction=Direction.OUT, author="100",
                text="@sara We are sorry, the REFUND is on its way", counterpart="200"),
            msg("3", thread="b", minutes=2, author="300", text="Where is my parcel? 📦"),
            msg("4", thread="100-400", minutes=3, author="400", kind=ChannelKind.DM,
                text="الفاتورة غلط مرة ثانية"),
        ],
        contacts=[contact("200", "sara_q8", "سارة العتيبي"), contact("300", "omar", "Omar Khan"),
                  contact("400", "noura", "نورة")],
    ))
    return store


def ids(store: SqlStore, query: str) -> list[int]:
    """The platform ids (as numbers) of what a search finds, newest first."""
    found = []
    for hit in store.search(query):
        row = store._one("SELECT platform_id FROM messages WHERE id = ?", (hit.message_id,))
        assert row is not None
        found.append(int(row[0]))
    return found


@pytest.mark.parametrize(("query", "expected"), [
    ("استرداد", [1]),            # tatweel in the text
    ("إسترداد", [1]),            # alef with hamza below in the query
    ("اريد", [1]),               # diacritics and hamza on alef in the text
    ("الفاتوره", [4]),           # taa marbuta spelled as haa
    ("refund", [2]),              # case
    ("ORD-4455667", [1]),         # split by the tokenizer: searched as a phrase
    ("4455667", [1]),
    ("parcel where", [3]),        # every word, any order
    ("parcel refund", []),
    ("par*", [3]),                # explicit prefix
    ("📦", []),                   # nothing searchable
    ('"NEAR(', []),               # FTS syntax is taken literally
])
def test_arabic_and_english_text(filled: SqlStore, query: str, expected: list[int]) -> None:
    assert ids(filled, query) == expected


def test_contact_names_and_handles_find_their_latest_message(filled: SqlStore) -> None:
    hits = filled.search("ساره")  # taa marbuta variant of the display name
    assert [(h.author_handle, h.matched) for h in hits] == [("sara_q8", "contact")]
    assert hits[0].text == ARABIC
    assert [h.author_name for h in filled.search("omar khan")] == ["Omar Khan"]
    assert [h.matched for h in filled.search("sara")] == ["text", "contact"]  # @sara in text


def test_newest_first_and_limited(store: SqlStore, account_id: int) -> None:
    store.ingest(account_id, IngestBatch(
        messages=[msg(str(i), thread=f"t{i}", minutes=i, text=f"refund please {i}")
                  for i in range(1, 31)],
        contacts=[contact()]))
    hits = store.search("refund", limit=5)
    assert [h.text for h in hits] == [f"refund please {i}" for i in (30, 29, 28, 27, 26)]


def test_renamed_contact_is_found_by_the_new_name_only(filled: SqlStore, account_id: int) -> None:
    filled.ingest(account_id, IngestBatch(
        messages=[msg("9", thread="b", minutes=9, author="300", text="hello again")],
        contacts=[contact("300", "omar", "Omar Haddad")]))
    assert filled.search("khan") == []
    assert [h.text for h in filled.search("haddad")] == ["hello again"]


def test_removing_an_account_removes_its_messages_from_search(filled: SqlStore,
                                                              account_id: int) -> None:
    filled.remove_account("brand")
    assert filled.search("refund") == []
    other = filled.add_account(name="b2", handle="b2", user_id="101", api_base="http://x",
                               credential_ref="x:b2", auth_kind="oauth1").id
    filled.ingest(other, IngestBatch(messages=[msg("50", text="nothing to see")]))
    assert filled.search("refund") == []  # a reused rowid does not inherit the old words


def test_a_failed_page_leaves_nothing_in_the_index(store: SqlStore, account_id: int) -> None:
    bad = msg("2", minutes=1)
    object.__setattr__(bad, "text", None)
    with pytest.raises(sqlite3.IntegrityError):
        store.ingest(account_id, IngestBatch(messages=[msg("1", text="refund"), bad]))
    assert store.search("refund") == []


def test_migration_indexes_what_an_older_store_held(tmp_path: Path) -> None:
    """A store from before search: its messages become searchable on upgrade."""
    path = tmp_path / "inbox.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    number = next(i for i, m in enumerate(MIGRATIONS) if "{search_tables}" in m)
    for migration in MIGRATIONS[:number]:
        for statement in render(migration, SQLITE_TYPES):
            raw.execute(statement)
    raw.execute(f"PRAGMA user_version = {number}")
    raw.execute("INSERT INTO accounts (id, name, handle, user_id, api_base, credential_ref,"
                " auth_kind, created_at) VALUES (1, 'a', 'a', '1', 'x', 'x', 'oauth1', 0)")
    raw.execute("INSERT INTO contacts (id, platform_id, handle, display_name, updated_at)"
                " VALUES (1, '9', 'fahad', 'فهد', 0)")
    raw.execute("INSERT INTO conversations (id, account_id, kind, thread_id, contact_id,"
                " status_changed_at, last_message_at, created_at)"
                " VALUES (1, 1, 'mention', 't', 1, 0, 0, 0)")
    raw.execute("INSERT INTO messages (conversation_id, account_id, kind, platform_id,"
                " direction, author_contact_id, author_platform_id, text, created_at,"
                " ingested_at) VALUES (1, 1, 'mention', 'p', 'in', 1, '9', 'شكوى رسمية', 0, 0)")
    raw.close()
    store = open_sqlite(tmp_path)
    assert [h.text for h in store.search("شكوي")] == ["شكوى رسمية"]
    assert [h.matched for h in store.search("فهد")] == ["contact"]


def test_match_expression_quotes_every_word() -> None:
    assert match_expression('Refund "now" OR x*') == '"refund" AND """now""" AND "or" AND "x"*'
    assert match_expression("  ✨ ") is None


def test_cli_search_json(tmp_path: Path, filled: SqlStore, data_dir: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), "search", "استرداد", "--json"],
        cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    (hit,) = json.loads(done.stdout)
    assert hit["text"] == ARABIC and hit["kind"] == "mention" and hit["matched"] == "text"
    assert {"conversation_id", "message_id", "author_handle", "created_at"} <= set(hit)
    plain = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), "search", "nothing-here"],
        cwd=root, capture_output=True, text=True, timeout=60)
    assert plain.returncode == 0 and "no messages match" in plain.stdout
