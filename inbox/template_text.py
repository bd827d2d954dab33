"""The saved-reply template language: variables, fallbacks, rendering, languages, preview.

Pure functions over text (no store, no Qt), shared by the composer, the editor,
imports and the CLI. See ``inbox.templates`` for the rules in the team's words:
only the four variables exist; values are spliced literally in one pass; what
cannot be filled becomes a ``⟦...⟧`` marker that blocks sending.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from inbox.domain import Conversation
from inbox.outbox import customer_language
from inbox.store.saved_replies import SavedReply
from inbox.xtext import MAX_POST_WEIGHT, weighted_length

VARIABLES = ("contact.name", "contact.handle", "agent.name", "account.handle")
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
_MARKER = re.compile(f"{MARK_OPEN}([^{MARK_OPEN}{MARK_CLOSE}\n]*){MARK_CLOSE}")
_SHORTCUT = re.compile(r"[\w\-.]{1,32}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")
# The answer languages the app is written for come first when the customer's is missing.
PREFERRED_FALLBACKS = ("en", "ar")


class TemplateError(Exception):
    """Something the person editing or using a saved reply can fix; one line."""


# ---- the template language ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """A malformed ``{{...}}`` in a variant: ``text[start:end]``, and what is wrong.

    Positions are Python string indices; Qt wants UTF-16 (``xtext.utf16_index``).
    """

    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Placeholder:
    start: int
    end: int
    variable: str
    fallback: str | None


@dataclass(frozen=True, slots=True)
class Parsed:
    """A variant split into literal text, variables and malformed bits, in order."""

    text: str
    parts: tuple[str | Placeholder | Problem, ...]

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.parts if isinstance(p, Problem))


def _variable_problem(name: str, has_bar: bool, fallback: str) -> str | None:
    if not name:
        return "a variable needs a name: one of " + ", ".join(f"{{{{{v}}}}}" for v in VARIABLES)
    if name not in VARIABLES:
        close = difflib.get_close_matches(name.lower(), VARIABLES, n=1, cutoff=0.5)
        hint = f"; did you mean {{{{{close[0]}}}}}?" if close else (
            "; the variables are " + ", ".join(VARIABLES))
        return f"unknown variable {name!r}{hint}"
    if any(c in fallback for c in "{}"):
        return "a fallback cannot contain '{' or '}'"
    if has_bar and not fallback:
        return f"the fallback after '|' is empty; write one, or remove the '|' from {name}"
    return None


def parse(text: str) -> Parsed:
    """Split a variant into parts; malformed ``{{...}}`` become ``Problem`` parts."""
    parts: list[str | Placeholder | Problem] = []
    literal = i = 0

    def flush(upto: int) -> None:
        if upto > literal:
            parts.append(text[literal:upto])

    while True:
        opening, closing = text.find("{{", i), text.find("}}", i)
        if closing != -1 and (opening == -1 or closing < opening):
            flush(closing)
            parts.append(Problem(closing, closing + 2, "'}}' closes nothing: no '{{' before it"))
            literal = i = closing + 2
            continue
        if opening == -1:
            break
        flush(opening)
        closing = text.find("}}", opening + 2)
        reopened = text.find("{{", opening + 2)
        if closing == -1 or (reopened != -1 and reopened < closing):
            parts.append(Problem(opening, opening + 2, "'{{' is never closed with '}}'"))
            literal = i = opening + 2
            continue
        name, bar, fallback = text[opening + 2:closing].partition("|")
        name, fallback = name.strip(), fallback.strip()
        message = _variable_problem(name, bool(bar), fallback)
        if message is None:
            parts.append(Placeholder(opening, closing + 2, name, fallback if bar else None))
        else:
            parts.append(Problem(opening, closing + 2, message))
        literal = i = closing + 2
    flush(len(text))
    return Parsed(text, tuple(parts))


@dataclass(frozen=True, slots=True)
class Span:
    """Where an inserted value (or a marker) sits in the rendered text, for highlighting."""

    start: int
    end: int
    variable: str
    kind: Literal["value", "fallback", "missing", "invalid"]


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    spans: tuple[Span, ...]
    unresolved: tuple[str, ...]  # variables with no value and no fallback, first seen first
    problems: tuple[Problem, ...]  # malformed ``{{...}}`` in the template itself

    @property
    def sendable(self) -> bool:
        return not self.unresolved and not self.problems


def marker(name: str) -> str:
    return f"{MARK_OPEN}{name}{MARK_CLOSE}"


def markers(text: str) -> list[tuple[int, int, str]]:
    """Every ``⟦...⟧`` left in a composer's text: sending waits until none remain."""
    return [(m.start(), m.end(), m.group(1)) for m in _MARKER.finditer(text)]


def render(template: str | Parsed, values: Mapping[str, str | None]) -> Rendered:
    """Fill a variant in one pass; a value that is missing or blank counts as no value."""
    parsed = template if isinstance(template, Parsed) else parse(template)
    out: list[str] = []
    spans: list[Span] = []
    unresolved: list[str] = []
    at = 0
    for part in parsed.parts:
        if isinstance(part, str):
            piece = part
        elif isinstance(part, Problem):
            inner = parsed.text[part.start:part.end].replace("{", "").replace("}", "").strip()
            piece = marker(inner)
            spans.append(Span(at, at + len(piece), inner, "invalid"))
        else:
            value = values.get(part.variable)
            if value is not None and value.strip():
                piece, kind = value, "value"
            elif part.fallback is not None:
                piece, kind = part.fallback, "fallback"
            else:
                piece, kind = marker(part.variable), "missing"
                if part.variable not in unresolved:
                    unresolved.append(part.variable)
            spans.append(Span(at, at + len(piece), part.variable, kind))  # type: ignore[arg-type]
        out.append(piece)
        at += len(piece)
    return Rendered("".join(out), tuple(spans), tuple(unresolved), parsed.problems)


def conversation_values(conversation: Conversation, agent: str) -> dict[str, str | None]:
    """The variables' values for a conversation; handles carry their ``@``."""
    contact = conversation.contact
    return {
        "contact.name": contact.display_name.strip() or None,
        "contact.handle": f"@{contact.handle}" if contact.handle else None,
        "agent.name": agent.strip() or None,
        "account.handle": f"@{conversation.account_handle}" if conversation.account_handle
        else None,
    }


# ---- languages --------------------------------------------------------------------


def variant_order(variants: Mapping[str, str], conversation_language: str | None,
                  sample_text: str) -> list[str]:
    """A reply's languages, best for this conversation first; the rest is the order the
    composer's one-key switch cycles through."""
    langs = [lang for lang, text in variants.items() if text.strip()]
    if not langs:
        return []
    lang = (conversation_language or "").lower()
    if lang not in langs and lang.split("-")[0] in langs:
        lang = lang.split("-")[0]
    wanted = customer_language(lang or None, sample_text, offered=langs)
    first = [wanted, *PREFERRED_FALLBACKS]
    return sorted(langs, key=lambda x: (first.index(x) if x in first else len(first), x))


def choose_variant(reply: SavedReply, conversation_language: str | None,
                   sample_text: str) -> str:
    """The language to insert ``reply`` in (``""`` only if it has no variant at all)."""
    order = variant_order(reply.variants, conversation_language, sample_text)
    return order[0] if order else ""


# ---- the editor ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReplyDraft:
    """A saved reply as the editor (or an import) proposes it, before it is stored."""

    name: str
    shortcut: str
    variants: Mapping[str, str]
    category: str = ""
    owner: str | None = None
    approved: bool = False

    def cleaned(self) -> ReplyDraft:
        """Whitespace trimmed, the slash of ``/hi`` dropped, language codes lower-case."""
        return ReplyDraft(
            name=self.name.strip(), shortcut=self.shortcut.strip().lstrip("/"),
            variants={lang.strip().lower(): text.strip() for lang, text in self.variants.items()},
            category=self.category.strip(),
            owner=self.owner.strip() or None if self.owner is not None else None,
            approved=self.approved)


@dataclass(frozen=True, slots=True)
class DraftProblem:
    field: Literal["name", "shortcut", "variants", "variant"]
    message: str
    language: str | None = None
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        where = f"variant {self.language!r}" if self.language else self.field
        at = f" at character {self.start + 1}" if self.start is not None else ""
        return f"{where}{at}: {self.message}"


def check(draft: ReplyDraft) -> list[DraftProblem]:
    """Everything wrong with a draft (cleaned first), for the editor to show at once."""
    d = draft.cleaned()
    found: list[DraftProblem] = []
    if not d.name:
        found.append(DraftProblem("name", "a saved reply needs a name"))
    if not _SHORTCUT.fullmatch(d.shortcut):
        found.append(DraftProblem("shortcut", "a shortcut is 1 to 32 letters, digits, '-',"
                                  " '_' or '.', without spaces (e.g. hi, order-dm)"))
    if not d.variants:
        found.append(DraftProblem("variants", "a saved reply needs at least one language"))
    for lang, text in d.variants.items():
        if not _LANGUAGE.fullmatch(lang):
            found.append(DraftProblem("variants", f"{lang!r} is not a language code like"
                                      " 'ar' or 'en'"))
        elif not text:
            found.append(DraftProblem("variant", "the text is empty", lang))
        for p in parse(text).problems:
            found.append(DraftProblem("variant", p.message, lang, p.start, p.end))
    return found


@dataclass(frozen=True, slots=True)
class Preview:
    rendered: Rendered
    weighted_length: int
    fits_280: bool
    # The same variant for the longest names X allows (50 double-weight characters):
    # a public variant over 280 here may not fit for some customer.
    worst_case_length: int
    worst_case_fits: bool


_LONGEST = {"contact.name": "名" * 50, "contact.handle": "@" + "w" * 15,
            "agent.name": "Abdulrahman Al-Khalifa Al-Qahtani", "account.handle": "@" + "w" * 15}


def sample_values(language: str) -> dict[str, str | None]:
    """A believable conversation to preview a variant against in the editor."""
    if language == "ar":
        return {"contact.name": "سارة العتيبي", "contact.handle": "@sara_alotaibi",
                "agent.name": "نورة", "account.handle": "@AcmeHelp"}
    return {"contact.name": "Sara Ahmed", "contact.handle": "@sara_ahmed",
            "agent.name": "Nour", "account.handle": "@AcmeHelp"}


def preview(reply: SavedReply | ReplyDraft, language: str,
            values: Mapping[str, str | None] | None = None) -> Preview:
    """A variant rendered for a sample conversation, measured as X counts a post."""
    parsed = parse(reply.variants.get(language, ""))
    rendered = render(parsed, sample_values(language) if values is None else values)
    worst = weighted_length(render(parsed, _LONGEST).text)
    length = weighted_length(rendered.text)
    return Preview(rendered, length, length <= MAX_POST_WEIGHT, worst, worst <= MAX_POST_WEIGHT)
