"""Persistence: one interface, SQLite for one desk, PostgreSQL for a team."""

from inbox.store.base import SqlStore, StoreError, SyncState
from inbox.store.sqlite import SqliteStore, open_sqlite

Store = SqlStore

__all__ = ["SqlStore", "SqliteStore", "Store", "StoreError", "SyncState", "open_sqlite"]
