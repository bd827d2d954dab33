"""Drafts: what an agent has typed but not sent, one per conversation.

Saved as the agent types (the composer debounces), so closing the app, a crash
or switching conversations never loses a half-written answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from inbox.store.outbox import SqlAccess
from inbox.timeutil import to_ms


@dataclass(frozen=True, slots=True)
class Draft:
    text: str
    dm: bool


class DraftStore:
    def save_draft(self: SqlAccess, conversation_id: int, text: str, *, dm: bool) -> None:
        """Keep the draft; an empty one is deleted."""
        with self.transaction():
            if not text.strip():
                self._exec("DELETE FROM drafts WHERE conversation_id = ?", (conversation_id,))
                return
            self._exec(
                "INSERT INTO drafts (conversation_id, dm, text, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (conversation_id) DO UPDATE SET dm = excluded.dm,"
                " text = excluded.text, updated_at = excluded.updated_at",
                (conversation_id, int(dm), text, to_ms(self.clock())),
            )

    def draft(self: SqlAccess, conversation_id: int) -> Draft | None:
        row = self._one("SELECT text, dm FROM drafts WHERE conversation_id = ?",
                        (conversation_id,))
        return None if row is None else Draft(str(row[0]), bool(row[1]))
