"""Saved replies' template language: safe rendering, parse errors, languages, preview."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inbox.store.saved_replies import SavedReply
from inbox.templates import (
    MARK_CLOSE,
    MARK_OPEN,
    VARIABLES,
    Placeholder,
    ReplyDraft,
    check,
    choose_variant,
    markers,
    parse,
    preview,
    render,
    variant_order,
)

HOSTILE = st.one_of(
    st.text(),
    st.sampled_from(["{{agent.name}}", "{{contact.name|x}}", "}}", "{{", "|", "<b>x</b>",
                     "\u202eevil\u202c", "\u2067عربي\u2069", "{{{{}}}}", "&lt;", "%s", "\\"]),
    st.text(alphabet="{}|<>\u202e\u200f ab", max_size=40),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(1000, 20000)),
)
LITERAL = st.text(alphabet=st.characters(blacklist_characters="{}⟦⟧"), max_size=30)


@st.composite
def templates(draw: st.DrawFn) -> tuple[str, list[tuple[str, str | None]]]:
    """A valid template and its variables (name, fallback) in order."""
    pieces: list[str] = []
    used: list[tuple[str, str | None]] = []
    for _ in range(draw(st.integers(0, 5))):
        pieces.append(draw(LITERAL))
        name = draw(st.sampled_from(VARIABLES))
        fallback = draw(st.one_of(st.none(), st.text(
            alphabet=st.characters(blacklist_characters="{}|⟦⟧"), min_size=1, max_size=10)
            .filter(lambda f: f.strip() == f and f != "")))
        pieces.append(f"{{{{{name}}}}}" if fallback is None else f"{{{{{name}|{fallback}}}}}")
        used.append((name, fallback))
    pieces.append(draw(LITERAL))
    return "".join(pieces), used


@settings(max_examples=300, deadline=None)
@given(templates(), st.dictionaries(st.sampled_from(VARIABLES), HOSTILE))
def test_values_are_spliced_literally_once(template: tuple[str, list[tuple[str, str | None]]],
                                           values: dict[str, str]) -> None:
    text, used = template
    parsed = parse(text)
    assert parsed.problems == ()
    out = render(parsed, values)
    expected: list[str] = []
    spans = iter(out.spans)
    for part in parsed.parts:
        if isinstance(part, str):
            expected.append(part)
            continue
        assert isinstance(part, Placeholder)
        value = values.get(part.variable)
        if value is not None and value.strip():
            piece = value
        elif part.fallback is not None:
            piece = part.fallback
        else:
            piece = f"{MARK_OPEN}{part.variable}{MARK_CLOSE}"
        span = next(spans)
        start = sum(map(len, expected))
        assert (span.start, span.end, span.variable) == (start, start + len(piece), part.variable)
        assert out.text[span.start:span.end] == piece
        expected.append(piece)
    assert out.text == "".join(expected)
    # No {{ from the template survives: every {{ left touches an inserted value
    # (two adjacent values "{" and "{" may form one; that is data, not a variable).
    for at in (i for i in range(len(out.text) - 1) if out.text.startswith("{{", i)):
        assert any(sp.start <= at + 1 and at < sp.end for sp in out.spans), (out.text, at)
    missing = {n for n, f in used if f is None and not (values.get(n) or "").strip()}
    assert set(out.unresolved) == missing
    assert out.sendable == (not missing)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="{}|ab. \n", max_size=40), st.dictionaries(st.sampled_from(VARIABLES),
                                                                   HOSTILE))
def test_any_text_renders_without_template_braces(text: str, values: dict[str, str]) -> None:
    """Even a malformed template never puts its own ``{{`` in the output, nor crashes."""
    out = render(text, {})
    assert "{{" not in out.text
    parse(text)  # never raises
    out = render(text, values)
    masked = list(out.text)
    for span in out.spans:
        if span.kind == "value":
            masked[span.start:span.end] = ["\0"] * (span.end - span.start)
    assert "{{" not in "".join(masked)


def test_a_customer_named_like_a_variable_appears_verbatim() -> None:
    out = render("Hi {{contact.name}}, {{agent.name}} here",
                 {"contact.name": "{{agent.name}} <b>x</b> | }}", "agent.name": "Nour"})
    assert out.text == "Hi {{agent.name}} <b>x</b> | }}, Nour here"
    assert [(s.variable, out.text[s.start:s.end]) for s in out.spans] == [
        ("contact.name", "{{agent.name}} <b>x</b> | }}"), ("agent.name", "Nour")]


def test_fallbacks_and_unresolved_markers() -> None:
    out = render("Hi {{contact.name|there}} from {{account.handle}}{{ agent.name }}",
                 {"contact.name": "  ", "agent.name": None})
    assert out.text == "Hi there from ⟦account.handle⟧⟦agent.name⟧"
    assert out.unresolved == ("account.handle", "agent.name")
    assert [s.kind for s in out.spans] == ["fallback", "missing", "missing"]
    assert not out.sendable
    assert [m[2] for m in markers(out.text)] == ["account.handle", "agent.name"]
    assert markers("all filled in") == []


@pytest.mark.parametrize(("text", "start", "end", "words"), [
    ("Hi {{contact.nme}}!", 3, 18, "did you mean {{contact.name}}"),
    ("Hi {{customer}}", 3, 15, "unknown variable 'customer'"),
    ("Hi {{}} there", 3, 7, "needs a name"),
    ("Hi {{ | x}}", 3, 11, "needs a name"),
    ("Hi {{contact.name|}}", 3, 20, "fallback after '|' is empty"),
    ("Hi {{contact.name", 3, 5, "never closed"),
    ("Hi {{contact.name {{agent.name}}", 3, 5, "never closed"),
    ("Hi contact.name}} x", 15, 17, "closes nothing"),
    ("سلام {{اسم}}", 5, 12, "unknown variable 'اسم'"),
    ("Hi {{contact.name|a{}}{b", 3, 22, "cannot contain"),
])
def test_parse_errors_carry_positions(text: str, start: int, end: int, words: str) -> None:
    [problem] = parse(text).problems
    assert (problem.start, problem.end) == (start, end)
    assert words in problem.message
    out = render(text, {"contact.name": "Sara", "agent.name": "Nour"})
    assert not out.sendable and "{{" not in out.text and MARK_OPEN in out.text


def test_check_lists_every_problem_for_the_editor() -> None:
    problems = check(ReplyDraft(name=" ", shortcut="two words", variants={
        "en": "Hi {{name}}", "ar": "  ", "english": "x"}))
    assert [(p.field, p.language) for p in problems] == [
        ("name", None), ("shortcut", None), ("variant", "en"), ("variant", "ar"),
        ("variants", None)]
    assert str(problems[2]).startswith("variant 'en' at character 4: unknown variable 'name'")
    assert check(ReplyDraft(name="Hello", shortcut="/مرحبا", variants={"AR": "هلا"})) == []


def _reply(**variants: str) -> SavedReply:
    return SavedReply(id=1, name="x", shortcut="x", category="", owner=None, approved=False,
                      variants=variants)


@pytest.mark.parametrize(("lang", "sample", "variants", "order"), [
    ("ar", "hello", {"en": "a", "ar": "b"}, ["ar", "en"]),
    ("en", "مرحبا", {"en": "a", "ar": "b"}, ["en", "ar"]),
    (None, "وين طلبي؟", {"en": "a", "ar": "b"}, ["ar", "en"]),
    ("und", "وين طلبي؟", {"en": "a", "ar": "b"}, ["ar", "en"]),
    (None, "where is it", {"en": "a", "ar": "b"}, ["en", "ar"]),
    ("fr", "bonjour", {"fr": "a", "en": "b", "ar": "c"}, ["fr", "en", "ar"]),
    ("fr", "bonjour", {"ar": "c", "de": "d"}, ["ar", "de"]),
    ("en-GB", "hi", {"ar": "c", "en": "b"}, ["en", "ar"]),
    ("ar", "x", {"en": "only english", "ar": "  "}, ["en"]),
])
def test_language_choice(lang: str | None, sample: str, variants: dict[str, str],
                         order: list[str]) -> None:
    assert variant_order(variants, lang, sample) == order
    assert choose_variant(_reply(**variants), lang, sample) == order[0]


def test_preview_measures_as_x_and_warns_for_long_names() -> None:
    draft = ReplyDraft(name="x", shortcut="x", variants={
        "en": "Hi {{contact.name}}! https://example.com/a/very/long/path/that/is/one/link " +
              "x" * 160})
    p = preview(draft, "en")
    assert p.rendered.text.startswith("Hi Sara Ahmed! https://")
    assert p.weighted_length == len("Hi Sara Ahmed! ") + 23 + 1 + 160
    assert p.fits_280 and not p.worst_case_fits
    assert p.worst_case_length == len("Hi ! ") + 100 + 23 + 1 + 160
    ar = preview(ReplyDraft(name="x", shortcut="x", variants={"ar": "هلا {{contact.name}}"}), "ar")
    assert ar.rendered.text == "هلا سارة العتيبي" and ar.weighted_length == 16
    custom = preview(draft, "en", {"contact.name": None})
    assert custom.rendered.unresolved == ("contact.name",)


def test_marker_characters_cannot_be_typed_as_template_syntax() -> None:
    assert re.search(r"\{\{", MARK_OPEN + MARK_CLOSE) is None


def test_adjacent_values_may_form_braces_but_nothing_is_expanded_twice() -> None:
    """Found by hypothesis: two values "{" side by side make "{{", which is data."""
    out = render(parse("x{{account.handle}}{{contact.name}}y"),
                 {"account.handle": "{", "contact.name": "{{agent.name}}"})
    assert out.text == "x{{{agent.name}}y"  # the second value verbatim, not expanded
    assert [(s.start, s.end) for s in out.spans] == [(1, 2), (2, 16)]
    assert out.sendable
