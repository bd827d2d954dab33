"""The one-desk store: a SQLite file in the data directory.

WAL so the GUI reads while the sync worker writes; ``synchronous=NORMAL``
(durable at each checkpoint, safe against application crashes, which is what
ingest's one-transaction-per-page relies on); foreign keys on; a busy timeout
so a reader never fails on a writer's lock. Schema versions live in
``PRAGMA user_version`` and are migrated forward on open.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from inbox.store.base import SqlStore, StoreError
from inbox.store.schema import MIGRATIONS, SQLITE_APPEND_ONLY, SQLITE_TYPES, render

DB_FILENAME = "inbox.sqlite3"


class SqliteStore(SqlStore):
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        super().__init__(connection)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute("PRAGMA busy_timeout=10000")
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
                self._conn.execute(f"PRAGMA user_version = {version + 1}")
            version += 1
        self._conn.execute(SQLITE_APPEND_ONLY)


def open_sqlite(data_dir: Path) -> SqliteStore:
    data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteStore(data_dir / DB_FILENAME)
