"""Saved replies: the team's answers, in Arabic and English, one keystroke away.

What a saved reply may say and how it becomes a reply (no Qt here; the
composer's ``/`` popup and the editor dialog call these functions):

- Variables are exactly ``{{contact.name}}``, ``{{contact.handle}}``,
  ``{{agent.name}}`` and ``{{account.handle}}``, each with an optional
  fallback (``{{contact.name|there}}``). ``parse`` reports anything else as a
  ``Problem`` with its position, for the editor; it never raises.
- ``render`` is one pass over the template's own text: values are spliced in
  literally and never looked at again, so a customer called ``{{agent.name}}``
  or ``<b>x</b>`` appears verbatim. A variable with no value and no fallback,
  and any malformed ``{{...}}``, becomes a marker ``⟦contact.name⟧``: it can
  never reach a customer as template syntax, and the composer blocks sending
  while ``markers(text)`` finds one (the agent types over it).
- A reply has one variant per language; the conversation picks it (X's
  ``lang``, else the script the customer wrote in), see ``variant_order``.

Import/export (DESIGN.md's file format) and the starter library live in
``inbox.template_files``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from inbox.domain import Direction
from inbox.store import SqlStore
from inbox.store.saved_replies import AgentUses, SavedReply, SearchRow
from inbox.template_text import (
    MARK_CLOSE,
    MARK_OPEN,
    VARIABLES,
    DraftProblem,
    Parsed,
    Placeholder,
    Preview,
    Problem,
    Rendered,
    ReplyDraft,
    Span,
    TemplateError,
    check,
    choose_variant,
    conversation_values,
    marker,
    markers,
    parse,
    preview,
    render,
    sample_values,
    variant_order,
)
from inbox.textnorm import normalize
from inbox.timeutil import to_ms, utcnow

__all__ = [
    "MARK_CLOSE",
    "MARK_OPEN",
    "VARIABLES",
    "AgentUses",
    "Deleted",
    "DraftProblem",
    "Filled",
    "Parsed",
    "Placeholder",
    "Preview",
    "Problem",
    "Rendered",
    "ReplyDraft",
    "SavedReply",
    "Span",
    "TemplateError",
    "Usage",
    "check",
    "choose_variant",
    "conversation_values",
    "create",
    "delete",
    "duplicate",
    "fill_for_conversation",
    "get",
    "library",
    "marker",
    "markers",
    "parse",
    "preview",
    "record_use",
    "render",
    "render_shortcut",
    "restore",
    "sample_values",
    "search",
    "sendable_text",
    "update",
    "usage",
    "variant_order",
]


# ---- the library --------------------------------------------------------------------


class _Keep(enum.Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP


@dataclass(frozen=True, slots=True)
class Deleted:
    """What ``delete`` returns and ``restore`` takes back (the undo)."""

    reply_id: int
    name: str
    shortcut: str


def _require_valid(draft: ReplyDraft) -> ReplyDraft:
    problems = check(draft)
    if problems:
        raise TemplateError(str(problems[0]))
    return draft.cleaned()


def _require_free(store: SqlStore, shortcut: str, reply_id: int | None) -> None:
    holder = store.saved_reply_id_by_shortcut(shortcut)
    if holder is not None and holder != reply_id:
        taken = get(store, holder)
        raise TemplateError(f"the shortcut /{shortcut} is already used by {taken.name!r}")


def get(store: SqlStore, reply_id: int) -> SavedReply:
    found = store.saved_replies_by_id([reply_id]).get(reply_id)
    if found is None:
        raise TemplateError(f"no saved reply {reply_id}")
    return found


def library(store: SqlStore, *, agent: str | None, everyone: bool = False) -> list[SavedReply]:
    """The live replies an agent sees (shared and their own), by category then name."""
    ids = store.saved_reply_ids(agent=agent, everyone=everyone)
    found = store.saved_replies_by_id(ids)
    return [found[i] for i in ids]


def create(store: SqlStore, draft: ReplyDraft) -> SavedReply:
    d = _require_valid(draft)
    with store.transaction():
        _require_free(store, d.shortcut, None)
        reply_id = store.saved_reply_insert(
            name=d.name, shortcut=d.shortcut, category=d.category, owner=d.owner,
            approved=d.approved, variants=d.variants, now=to_ms(utcnow()))
    return get(store, reply_id)


def update(store: SqlStore, reply_id: int, draft: ReplyDraft) -> SavedReply:
    """Replace a reply's fields and variants (its usage history stays)."""
    d = _require_valid(draft)
    with store.transaction():
        _require_free(store, d.shortcut, reply_id)
        if not store.saved_reply_update(
                reply_id, name=d.name, shortcut=d.shortcut, category=d.category, owner=d.owner,
                approved=d.approved, variants=d.variants, now=to_ms(utcnow())):
            raise TemplateError(f"saved reply {reply_id} was deleted meanwhile")
    return get(store, reply_id)


def duplicate(store: SqlStore, reply_id: int, *,
              owner: str | _Keep | None = KEEP) -> SavedReply:
    """A copy named "… (copy)" under the first free shortcut ``hi-copy``, ``hi-copy2`` …;
    ``owner`` makes it someone's personal reply (or shared, None)."""
    original = get(store, reply_id)
    n = 1
    while True:
        suffix = "-copy" + (str(n) if n > 1 else "")
        candidate = original.shortcut[:32 - len(suffix)] + suffix  # shortcuts are <= 32
        if store.saved_reply_id_by_shortcut(candidate) is None:
            break
        n += 1
    return create(store, ReplyDraft(
        name=f"{original.name} (copy)", shortcut=candidate, variants=dict(original.variants),
        category=original.category, owner=original.owner if owner is KEEP else owner,
        approved=original.approved))


def delete(store: SqlStore, reply_id: int) -> Deleted:
    """Soft delete: gone from the library and the popup, back with ``restore``."""
    reply = get(store, reply_id)
    if not store.saved_reply_set_deleted(reply_id, to_ms(utcnow())):
        raise TemplateError(f"{reply.name!r} is already deleted")
    return Deleted(reply.id, reply.name, reply.shortcut)


def restore(store: SqlStore, deleted: Deleted | int) -> SavedReply:
    """Undo a delete; refused when its shortcut was given to another reply meanwhile."""
    reply_id = deleted if isinstance(deleted, int) else deleted.reply_id
    with store.transaction():
        reply = get(store, reply_id)
        _require_free(store, reply.shortcut, reply_id)
        store.saved_reply_set_deleted(reply_id, None)
    return get(store, reply_id)


def search(store: SqlStore, query: str, *, agent: str | None,
           limit: int | None = 50) -> list[SavedReply]:
    """The ``/`` popup: shortcut prefix matches first, then name matches, then body text.

    Matching is Arabic-aware and case-blind (``textnorm.normalize``); every word of
    the query must appear. Within a rank, the most used come first.
    """
    q = normalize(query.strip().lstrip("/"))
    terms = q.split()
    rows = store.saved_reply_rows_matching(terms, agent=agent)
    whole = "".join(terms)

    def rank(r: SearchRow) -> tuple[int, int, int, str]:
        if r.shortcut_key.startswith(whole):
            return (0, r.shortcut_key != whole, -r.uses, r.shortcut_key)
        if all(t in r.search_name for t in terms):
            return (1, not r.search_name.startswith(terms[0]), -r.uses, r.search_name)
        return (2, 0, -r.uses, r.search_name)

    ids = [r.id for r in sorted(rows, key=rank)][:limit]
    found = store.saved_replies_by_id(ids)
    return [found[i] for i in ids]


# ---- usage --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Usage:
    count: int
    by_agent: tuple[AgentUses, ...] = field(default_factory=tuple)


def record_use(store: SqlStore, reply_id: int, agent: str, conversation_id: int | None,
               language: str) -> None:
    """Count one use (call it when the reply that contains it is queued, not on insert)."""
    store.saved_reply_record_use(reply_id, agent, conversation_id, language, to_ms(utcnow()))


def usage(store: SqlStore, reply_id: int) -> Usage:
    by_agent = tuple(store.saved_reply_uses_by_agent(reply_id))
    return Usage(sum(a.count for a in by_agent), by_agent)


# ---- one reply, for one conversation --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filled:
    reply: SavedReply
    language: str
    rendered: Rendered
    other_languages: tuple[str, ...]


def fill_for_conversation(store: SqlStore, conversation_id: int, shortcut: str,
                          agent: str) -> Filled:
    """The reply behind a shortcut, in the conversation's language, filled for it."""
    reply_id = store.saved_reply_id_by_shortcut(shortcut)
    reply = None if reply_id is None else get(store, reply_id)
    if reply is None or reply.owner not in (None, agent):
        raise TemplateError(f"no saved reply with the shortcut /{shortcut.strip().lstrip('/')}")
    conversation = store.conversation(conversation_id)
    inbound = [m.text for m in store.thread(conversation_id) if m.direction is Direction.IN]
    sample = inbound[-1] if inbound else conversation.preview
    order = variant_order(reply.variants, conversation.language, sample)
    rendered = render(reply.variants[order[0]], conversation_values(conversation, agent))
    return Filled(reply, order[0], rendered, tuple(order[1:]))


def sendable_text(filled: Filled) -> str:
    """The filled text, or ``TemplateError`` if anything in it is left unfilled."""
    if filled.rendered.problems:
        raise TemplateError(f"saved reply /{filled.reply.shortcut} ({filled.language}) is"
                            f" malformed: {filled.rendered.problems[0].message}")
    if filled.rendered.unresolved:
        missing = ", ".join(filled.rendered.unresolved)
        raise TemplateError(f"saved reply /{filled.reply.shortcut} needs {missing}, which this"
                            " conversation has no value for; give it a fallback or use --text")
    return filled.rendered.text


def render_shortcut(store: SqlStore, conversation_id: int, shortcut: str, agent: str) -> str:
    """The text ``reply --template`` sends, in the conversation's language."""
    return sendable_text(fill_for_conversation(store, conversation_id, shortcut, agent))
