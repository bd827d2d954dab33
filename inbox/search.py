"""Finding a message again: what an agent types in the search box, as an index query.

Agents search in Arabic and English for words they remember ("استرداد",
"refund", an order number, a customer's name). Text is indexed and queried
in the one normalised form of ``inbox.textnorm`` (the same one rules match
with), so "إسترداد" finds "استرداد" and "REFUND" finds "refund", with or
without diacritics and tatweel. The SQLite store keeps that form in FTS5
tables (schema migration "search"); this module only shapes queries and hits,
so it stays engine-neutral.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from inbox.domain import ChannelKind, Direction
from inbox.textnorm import normalize

DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One message that matched: by its text, or because its author's name did."""

    message_id: int
    conversation_id: int
    kind: ChannelKind
    direction: Direction
    author_handle: str
    author_name: str
    text: str
    created_at: datetime
    matched: str  # "text" | "contact"

    def as_json(self) -> dict[str, object]:
        return {
            "message_id": self.message_id,
            "conversation_id": self.conversation_id,
            "kind": self.kind.value,
            "direction": self.direction.value,
            "author_handle": self.author_handle,
            "author_name": self.author_name,
            "text": self.text,
            "created_at": self.created_at.isoformat().replace("+00:00", "Z"),
            "matched": self.matched,
        }


def index_text(*parts: str) -> str:
    """What goes into the index for a message text or a contact's handle and name."""
    return normalize(" ".join(parts))


def match_expression(query: str) -> str | None:
    """The FTS5 query for what the agent typed: every word must occur (AND).

    Each word is normalised and quoted, so FTS syntax in the input (``-``,
    ``:``, ``NEAR``, quotes) is taken literally, and a word the tokeniser splits
    (``ORD-123``, ``@sara_1``) becomes a phrase. A trailing ``*`` keeps its
    meaning: a prefix search. None when nothing searchable is left (emoji only).
    """
    terms = []
    for word in normalize(query).split():
        prefix = word.endswith("*")
        core = word.rstrip("*")
        if not any(ch.isalnum() for ch in core):
            continue
        terms.append('"' + core.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " AND ".join(terms) if terms else None
