"""Saved replies' SQL: a mixin ``SqlStore`` inherits, so ``base.py`` stays about the inbox.

Only persistence lives here; what a valid saved reply is (shortcut form,
variables, languages) is ``inbox.templates``' business, checked before any
write. Search keys are computed here, at write time, with the one
normalisation the app has (``inbox.textnorm``), so the ``/`` popup filters
thousands of replies with one ``LIKE`` scan instead of
normalising every reply on every keystroke.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from inbox.store.outbox import Row, SqlAccess
from inbox.textnorm import normalize
from inbox.timeutil import from_ms, maybe_from_ms


@dataclass(frozen=True, slots=True)
class SavedReply:
    """One saved reply: its variants by language code (``{"ar": ..., "en": ...}``).

    ``owner`` None is a shared reply (the whole team sees it), else the agent
    whose personal reply it is. ``approved`` marks an approved statement (the
    wording crisis mode keeps every agent on). ``uses`` is how often it was used.
    """

    id: int
    name: str
    shortcut: str
    category: str
    owner: str | None
    approved: bool
    variants: Mapping[str, str] = field(default_factory=dict)
    uses: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def shared(self) -> bool:
        return self.owner is None


@dataclass(frozen=True, slots=True)
class SearchRow:
    """What the popup ranks on, before whole replies are loaded for the few shown."""

    id: int
    shortcut_key: str
    search_name: str
    uses: int
    name: str


@dataclass(frozen=True, slots=True)
class AgentUses:
    agent: str
    count: int
    last_used_at: datetime


def shortcut_key(shortcut: str) -> str:
    """The form shortcuts are matched and kept unique in (no slash, Arabic-aware, no case)."""
    return normalize(shortcut.strip().lstrip("/"))


_COLUMNS = ("id, name, shortcut, category, owner, approved, use_count, created_at,"
            " updated_at, deleted_at")


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SavedReplyStore:
    """Saved replies, their variants and their usage log."""

    def saved_reply_insert(self: SqlAccess, *, name: str, shortcut: str, category: str,
                           owner: str | None, approved: bool, variants: Mapping[str, str],
                           now: int) -> int:
        with self.transaction():
            row = self._one(
                "INSERT INTO saved_replies (name, shortcut, shortcut_key, category, owner,"
                " approved, search_name, search_body, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (name, shortcut, shortcut_key(shortcut), category, owner, int(approved),
                 normalize(name), normalize("\n".join(variants.values())), now, now),
            )
            assert row is not None
            reply_id = int(row[0])
            _write_variants(self, reply_id, variants)
        return reply_id

    def saved_reply_update(self: SqlAccess, reply_id: int, *, name: str, shortcut: str,
                           category: str, owner: str | None, approved: bool,
                           variants: Mapping[str, str], now: int) -> bool:
        """Replace a live reply's fields and variants; False when it is gone or deleted."""
        with self.transaction():
            row = self._one(
                "UPDATE saved_replies SET name = ?, shortcut = ?, shortcut_key = ?,"
                " category = ?, owner = ?, approved = ?, search_name = ?, search_body = ?,"
                " updated_at = ? WHERE id = ? AND deleted_at IS NULL RETURNING id",
                (name, shortcut, shortcut_key(shortcut), category, owner, int(approved),
                 normalize(name), normalize("\n".join(variants.values())), now, reply_id),
            )
            if row is None:
                return False
            self._exec("DELETE FROM saved_reply_variants WHERE reply_id = ?", (reply_id,))
            _write_variants(self, reply_id, variants)
        return True

    def saved_reply_set_deleted(self: SqlAccess, reply_id: int, deleted_at: int | None) -> bool:
        """Soft-delete (``deleted_at`` set) or restore (None); False when nothing changed."""
        with self.transaction():
            if deleted_at is None:
                row = self._one(
                    "UPDATE saved_replies SET deleted_at = NULL WHERE id = ?"
                    " AND deleted_at IS NOT NULL RETURNING id", (reply_id,))
            else:
                row = self._one(
                    "UPDATE saved_replies SET deleted_at = ? WHERE id = ?"
                    " AND deleted_at IS NULL RETURNING id", (deleted_at, reply_id))
        return row is not None

    def saved_replies_by_id(self: SqlAccess, ids: Sequence[int]) -> dict[int, SavedReply]:
        """Replies (deleted ones too) with their variants, by id."""
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        variants: dict[int, dict[str, str]] = {}
        for reply_id, language, text in self._all(
                f"SELECT reply_id, language, text FROM saved_reply_variants"
                f" WHERE reply_id IN ({marks}) ORDER BY reply_id, language", list(ids)):
            variants.setdefault(int(reply_id), {})[str(language)] = str(text)
        rows = self._all(f"SELECT {_COLUMNS} FROM saved_replies WHERE id IN ({marks})",
                         list(ids))
        return {int(r[0]): _reply(r, variants.get(int(r[0]), {})) for r in rows}

    def saved_reply_id_by_shortcut(self: SqlAccess, shortcut: str) -> int | None:
        """The live reply holding a shortcut (whoever owns it)."""
        row = self._one("SELECT id FROM saved_replies WHERE shortcut_key = ?"
                        " AND deleted_at IS NULL", (shortcut_key(shortcut),))
        return None if row is None else int(row[0])

    def saved_reply_ids(self: SqlAccess, *, agent: str | None,
                        everyone: bool = False) -> list[int]:
        """Live replies an agent sees (shared + theirs; ``everyone``: all personal ones too),
        by category then name."""
        where = "deleted_at IS NULL"
        params: list[object] = []
        if not everyone:
            where += " AND (owner IS NULL OR owner = ?)"
            params.append(agent)
        rows = self._all(f"SELECT id FROM saved_replies WHERE {where}"
                         " ORDER BY category, name, id", params)
        return [int(r[0]) for r in rows]

    def saved_reply_rows_matching(self: SqlAccess, terms: Sequence[str], *,
                                  agent: str | None) -> list[SearchRow]:
        """Live visible replies whose shortcut, name or text contains every (normalised) term."""
        where = "deleted_at IS NULL AND (owner IS NULL OR owner = ?)"
        params: list[object] = [agent]
        for term in terms:
            where += (" AND (shortcut_key LIKE ? ESCAPE '\\' OR search_name LIKE ? ESCAPE '\\'"
                      " OR search_body LIKE ? ESCAPE '\\')")
            params += [_like(term)] * 3
        rows = self._all("SELECT id, shortcut_key, search_name, use_count, name"
                         f" FROM saved_replies WHERE {where}", params)
        return [SearchRow(int(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4])) for r in rows]

    def saved_reply_count(self: SqlAccess) -> int:
        """Every reply ever stored, deleted ones included (the starter library loads once)."""
        row = self._one("SELECT COUNT(*) FROM saved_replies")
        return int(row[0]) if row else 0

    def saved_reply_record_use(self: SqlAccess, reply_id: int, agent: str,
                               conversation_id: int | None, language: str, at: int) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO saved_reply_uses (reply_id, agent, conversation_id, language,"
                " used_at) VALUES (?, ?, ?, ?, ?)",
                (reply_id, agent, conversation_id, language, at))
            self._exec("UPDATE saved_replies SET use_count = use_count + 1 WHERE id = ?",
                       (reply_id,))

    def saved_reply_uses_by_agent(self: SqlAccess, reply_id: int) -> list[AgentUses]:
        """Who used a reply, most uses first."""
        rows = self._all(
            "SELECT agent, COUNT(*), MAX(used_at) FROM saved_reply_uses WHERE reply_id = ?"
            " GROUP BY agent ORDER BY COUNT(*) DESC, agent", (reply_id,))
        return [AgentUses(str(r[0]), int(r[1]), from_ms(int(r[2]))) for r in rows]


def _write_variants(db: SqlAccess, reply_id: int, variants: Mapping[str, str]) -> None:
    for language, text in variants.items():
        db._exec("INSERT INTO saved_reply_variants (reply_id, language, text) VALUES (?, ?, ?)",
                 (reply_id, language, text))


def _reply(r: Row, variants: dict[str, str]) -> SavedReply:
    return SavedReply(
        id=int(r[0]), name=r[1], shortcut=r[2], category=r[3], owner=r[4],
        approved=bool(r[5]), variants=variants, uses=int(r[6]), created_at=from_ms(r[7]),
        updated_at=from_ms(r[8]), deleted_at=maybe_from_ms(r[9]),
    )
