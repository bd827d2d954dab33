"""Saved-reply files: how a team shares its library, and the starter library we ship.

The format is DESIGN.md's: a JSON list of ``{"name", "shortcut", "variants":
{"en": ..., "ar": ...}}``, with optional ``category`` (text), ``approved``
(an approved statement, for crisis mode) and ``shared`` (false: a personal
reply of the importing agent). Export always writes all six keys.

Import is all or nothing: every entry is checked first (keys, types,
shortcuts, languages, variables, duplicate shortcuts or languages in the
file) and the first wrong one is named with its position and why, before
anything is written. A shortcut that already exists is updated in place
(same id, so its usage history stays) -- re-importing a team's file after
editing it is the common case; a shortcut that is another agent's personal
reply is refused instead of taken over.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from inbox.store import SqlStore
from inbox.store.saved_replies import shortcut_key
from inbox.templates import ReplyDraft, TemplateError, check, create, get, library, update

REQUIRED = ("name", "shortcut", "variants")
OPTIONAL = ("category", "approved", "shared")
STARTER = "starter_replies.json"


class LibraryFileError(TemplateError):
    """A saved-replies file that cannot be imported; names the entry and why."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    updated: int


class _Object(dict[str, Any]):
    """A JSON object that remembers keys it saw twice (plain ``json`` keeps the last)."""

    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    obj.duplicates = [k for i, (k, _) in enumerate(pairs) if k in dict(pairs[:i])]
    obj.update(pairs)
    return obj


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    kinds = {dict: "an object", str: "text", int: "a number", float: "a number"}
    return next((name for t, name in kinds.items() if isinstance(value, t)), "a value")


def _label(index: int, entry: object) -> str:
    bits = []
    if isinstance(entry, dict):
        if isinstance(entry.get("name"), str) and entry["name"].strip():
            bits.append(repr(entry["name"].strip()))
        if isinstance(entry.get("shortcut"), str) and entry["shortcut"].strip():
            bits.append("/" + entry["shortcut"].strip().lstrip("/"))
    return f"entry {index + 1}" + (f" ({', '.join(bits)})" if bits else "")


def _type_problem(entry: dict[str, Any]) -> str | None:
    missing = [k for k in REQUIRED if k not in entry]
    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    dupes = [*getattr(entry, "duplicates", [])]
    variants = entry.get("variants")
    if isinstance(variants, dict):
        dupes += [f"variants.{k}" for k in getattr(variants, "duplicates", [])]
    if dupes:
        return f"the key {dupes[0]!r} appears twice"
    if missing:
        return f"missing key {missing[0]!r}"
    if unknown:
        return f"unknown key {unknown[0]!r} (the keys are {', '.join(REQUIRED + OPTIONAL)})"
    for key in ("name", "shortcut", "category"):
        if key in entry and not isinstance(entry[key], str):
            return f"{key!r} must be text"
    for key in ("approved", "shared"):
        if key in entry and not isinstance(entry[key], bool):
            return f"{key!r} must be true or false"
    if not isinstance(variants, dict):
        return "'variants' must be an object of language code to text, like {\"en\": \"...\"}"
    for lang, text in variants.items():
        if not isinstance(text, str):
            return f"variant {lang!r} must be text"
    return None


def parse_library(data: object, *, agent: str | None) -> list[ReplyDraft]:
    """Check a whole file's content; the drafts to import, or ``LibraryFileError``."""
    if not isinstance(data, list):
        raise LibraryFileError("the file must hold a JSON list of saved replies, not"
                               f" {_json_kind(data)}")
    drafts: list[ReplyDraft] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data):
        where = _label(index, entry)
        if not isinstance(entry, dict):
            raise LibraryFileError(f"{where}: must be an object with name, shortcut and"
                                   " variants")
        problem = _type_problem(entry)
        shared = entry.get("shared", True)
        if problem is None and not shared and not agent:
            problem = "a personal reply (\"shared\": false) needs an agent to belong to"
        if problem is None:
            draft = ReplyDraft(
                name=entry["name"], shortcut=entry["shortcut"], variants=entry["variants"],
                category=entry.get("category", ""), approved=entry.get("approved", False),
                owner=None if shared else agent)
            problems = check(draft)
            problem = str(problems[0]) if problems else None
        if problem is None:
            key = shortcut_key(draft.cleaned().shortcut)
            if key in seen:
                problem = (f"the shortcut /{draft.cleaned().shortcut} is also used by entry"
                           f" {seen[key] + 1}")
            seen[key] = index
        if problem is not None:
            raise LibraryFileError(f"{where}: {problem}")
        drafts.append(draft.cleaned())
    return drafts


def import_library(store: SqlStore, data: object, *, agent: str | None) -> ImportReport:
    """Import checked drafts in one transaction: every entry, or (on any error) none."""
    drafts = parse_library(data, agent=agent)
    created = updated = 0
    with store.transaction():
        for index, draft in enumerate(drafts):
            existing_id = store.saved_reply_id_by_shortcut(draft.shortcut)
            if existing_id is None:
                create(store, draft)
                created += 1
                continue
            owner = get(store, existing_id).owner
            if owner is not None and owner != agent:
                raise LibraryFileError(
                    f"{_label(index, {'name': draft.name, 'shortcut': draft.shortcut})}: the"
                    f" shortcut /{draft.shortcut} is a personal reply of {owner}; rename it")
            update(store, existing_id, draft)
            updated += 1
    return ImportReport(created, updated)


def read_file(path: Path) -> object:
    """A file's JSON, or a one-line ``LibraryFileError`` saying where it stops being JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_object)
    except UnicodeDecodeError as exc:
        raise LibraryFileError(f"{path} is not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise LibraryFileError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}"
                               f" column {exc.colno}") from None


def import_file(store: SqlStore, path: Path, *, agent: str | None) -> ImportReport:
    return import_library(store, read_file(path), agent=agent)


def export_library(store: SqlStore, *, agent: str | None) -> list[dict[str, object]]:
    """The shared replies and ``agent``'s personal ones, in the file format."""
    return [
        {"name": r.name, "shortcut": r.shortcut, "category": r.category,
         "approved": r.approved, "shared": r.shared, "variants": dict(r.variants)}
        for r in library(store, agent=agent)
    ]


def export_text(store: SqlStore, *, agent: str | None) -> tuple[str, int]:
    entries = export_library(store, agent=agent)
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n", len(entries)


def starter_entries() -> object:
    """The starter library shipped in ``inbox/data`` (Arabic and English)."""
    text = resources.files("inbox.data").joinpath(STARTER).read_text(encoding="utf-8")
    return json.loads(text, object_pairs_hook=_object)


def ensure_starter_library(store: SqlStore) -> int:
    """Load the starter library on first run: only while no saved reply was ever stored
    (deleting them all does not bring them back). Returns how many were added."""
    with store.transaction():
        if store.saved_reply_count():
            return 0
        return import_library(store, starter_entries(), agent=None).created
