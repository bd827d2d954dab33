"""The one-desk store: a SQLite file in the data directory.

WAL so the GUI reads while the sync worker writes; ``synchronous=NORMAL``
(durable at each checkpoint, safe against application crashes, which is what
ingest's one-transaction-per-page relies on); foreign keys on; a busy timeout
so a reader never fails on a writer's lock. Schema versions live in
``PRAGMA user_version`` and are migrated forward on open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from inbox.search import index_text
from inbox.store.base import Row, SqlStore, StoreError
from inbox.store.schema import (
    MIGRATIONS,
    SEARCH_MARK,
    SQLITE_APPEND_ONLY,
    SQLITE_TYPES,
    render,
)

DB_FILENAME = "inbox.sqlite3"
WAL_CHECKPOINT_PAGES = 8000  # of 4 KiB
WAL_SIZE_LIMIT = 64 * 1024 * 1024


class SqliteStore(SqlStore):
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        super().__init__(connection)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute("PRAGMA busy_timeout=10000")
        # Checkpoint every ~32 MB of WAL instead of SQLite's 4 MB: a sync page
        # dirties index pages all over a big store, and each checkpoint writes
        # and syncs them; fewer, larger checkpoints write each hot page once
        # (measured: a third less commit time ingesting into 1M messages). The
        # file is cut back to 64 MB after a checkpoint so it does not stay large.
        self._conn.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        self._conn.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
        self._migrate()

    def _begin(self) -> None:
        # IMMEDIATE takes the write lock up front, so two writers queue on the
        # busy timeout instead of failing half-way with SQLITE_BUSY.
        self._conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self._conn.execute("COMMIT")

    def _rollback(self) -> None:
        self._conn.execute("ROLLBACK")

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} was written by a newer Community Inbox (schema {version});"
                " update the app to open it"
            )
        while version < len(MIGRATIONS):
            # Re-read the version under the write lock: another connection (the
            # GUI's worker, a cron job) may have migrated while we waited for it.
            with self.transaction():
                version = self.schema_version
                if version >= len(MIGRATIONS):
                    break
                for statement in render(MIGRATIONS[version], SQLITE_TYPES):
                    self._conn.execute(statement)
                if SEARCH_MARK in MIGRATIONS[version]:
                    self._rebuild_search()
                self._conn.execute(f"PRAGMA user_version = {version + 1}")
            version += 1
        self._conn.execute(SQLITE_APPEND_ONLY)

    # -- search (FTS5) ------------------------------------------------------------

    def _rebuild_search(self) -> None:
        """Index what a store held before search existed (the migration adding it)."""
        cursor = self._conn.execute("SELECT id, text FROM messages ORDER BY id")
        while rows := cursor.fetchmany(10_000):
            self._index_messages(rows)
        contacts = self._conn.execute("SELECT id, handle, display_name FROM contacts").fetchall()
        self._index_contacts(contacts, fresh=True)

    def _unindex_messages(self, rows: Sequence[Row]) -> None:
        # A contentless FTS5 table forgets a row only when told what it indexed.
        self._conn.executemany(
            "INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', ?, ?)",
            [(r[0], index_text(r[1])) for r in rows])

    def _search_ids(self, match: str, limit: int) -> list[tuple[int, str]]:
        # Newest first by rowid: FTS5 walks the doclists backwards and stops at the
        # limit, so a common word costs no more than a rare one (ranking would not).
        found = {int(r[0]): "text" for r in self._conn.execute(
            "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?"
            " ORDER BY rowid DESC LIMIT ?", (match, limit))}
        for (message_id,) in self._conn.execute(
            "SELECT (SELECT MAX(m.id) FROM messages m WHERE m.author_contact_id ="
            " contacts_fts.rowid) FROM contacts_fts WHERE contacts_fts MATCH ?"
            " ORDER BY rowid DESC LIMIT ?", (match, limit)):
            if message_id is not None:
                found.setdefault(int(message_id), "contact")
        return sorted(found.items(), reverse=True)[:limit]

    def _indexed_by(self, index: str) -> str:
        return f" INDEXED BY {index}"


def open_sqlite(data_dir: Path) -> SqliteStore:
    data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteStore(data_dir / DB_FILENAME)
