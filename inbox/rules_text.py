"""How a rule's word list finds words in what customers write, in Arabic and English.

Text and words both go through ``inbox.textnorm.normalize`` (diacritics,
tatweel, alef/yaa/taa-marbuta variants, case), then matching is by *word
start*, not substring and not whole word:

- Arabic glues conjunctions, prepositions and the article to the front of a
  word (و ف ب ك ل ال and their combinations: والاحتيال "and the fraud") and
  pronouns and plural endings to its back (فلوسي "my money", احتيالهم). A
  whole-word test misses those; a substring test finds نصب ("scam") inside
  منصب ("post, position"). So a token matches a word when, after dropping at
  most one such prefix, it starts with the word and at most three letters
  follow (suffix pronouns and plural endings are that short).
- Latin words match whole or with an English inflection (refund → refunds,
  refunded, refunding; scam → scammed, scammers): a bare prefix test would
  find "bad" in "badge".
- An entry of several words ("is it true that", "هل صحيح") matches those
  tokens in sequence.

To stay fast, each message is turned once into the set of keys its tokens can
match (``word_keys``); a condition is then one set intersection, which is
what keeps 100 rules under a millisecond.

Regular expressions run on Python's backtracking engine, which has no
timeout, so ``check_regex`` refuses patterns with nested repetition (the
shape of catastrophic backtracking, ``(a+)+``) and evaluation caps the input
at ``REGEX_INPUT_CAP`` characters.
"""

from __future__ import annotations

import functools
import re
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from inbox.textnorm import normalize

REGEX_INPUT_CAP = 4000
REGEX_MAX_LENGTH = 500
_TOKEN = re.compile(r"\w+")
# Longest first, so "وال" is tried before "و".
_PROCLITICS = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ك", "ل")
_ARABIC_TAIL = 3
_LATIN_ENDINGS = ("", "s", "es", "ed", "d", "ing", "er", "ers", "ly")
TOKEN_CACHE = 20_000  # distinct tokens remembered (a few MB)


def _arabic(token: str) -> bool:
    return "\u0600" <= token[0] <= "\u06ff"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


def word_keys(toks: list[str]) -> frozenset[str]:
    """Every word-list entry (normalised, single word) these tokens would match."""
    if len(toks) == 1:
        return _token_keys(toks[0])
    return frozenset().union(*map(_token_keys, toks))


@functools.lru_cache(maxsize=TOKEN_CACHE)
def _token_keys(token: str) -> frozenset[str]:
    """One token's keys. Cached: customers' words repeat (Zipf), and this is the
    rules' per-message cost on the sync's hot path."""
    keys: set[str] = set()
    if _arabic(token):
        stems = [token]
        stems += [token[len(p):] for p in _PROCLITICS
                  if token.startswith(p) and len(token) - len(p) >= 2]
        for stem in stems:
            for cut in range(_ARABIC_TAIL + 1):
                if len(stem) - cut >= 2:
                    keys.add(stem[: len(stem) - cut])
    else:
        keys.add(token)
        for ending in _LATIN_ENDINGS[1:]:
            if token.endswith(ending) and len(token) - len(ending) >= 2:
                base = token[: -len(ending)]
                keys.add(base)
                if len(base) >= 3 and base[-1] == base[-2]:
                    keys.add(base[:-1])  # scammed -> scam
    return frozenset(keys)


def text_index(text: str) -> tuple[frozenset[str], str]:
    """What word lists are matched against: the text's keys, and its tokens joined
    with spaces (padded) for multi-word entries."""
    toks = tokens(text)
    return word_keys(toks), " " + " ".join(toks) + " "


def split_words(words: list[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A word list as (single normalised words, multi-word phrases padded for search)."""
    single: set[str] = set()
    phrases: list[str] = []
    for word in words:
        toks = tokens(word)
        if len(toks) == 1:
            single.add(toks[0])
        elif toks:
            phrases.append(" " + " ".join(toks) + " ")
    return frozenset(single), tuple(phrases)


class WordList:
    """A rule's word list, normalised and split once, when the rule is compiled."""

    def __init__(self, words: list[str]) -> None:
        self.single, self.phrases = split_words(words)
        self._entries = [(word, *split_words([word])) for word in words]

    def found_in(self, keys: frozenset[str], joined: str) -> bool:
        """Whether a text (as ``text_index`` gives it) has any entry."""
        return not self.single.isdisjoint(keys) or bool(
            self.phrases and any(p in joined for p in self.phrases))

    def first_found(self, keys: frozenset[str], joined: str) -> str | None:
        """The first entry, in the list's order, the text has (for a rule's reason)."""
        for word, single, phrases in self._entries:
            if (single and not single.isdisjoint(keys)) or any(p in joined for p in phrases):
                return word
        return None


class RegexError(ValueError):
    """A pattern we refuse: invalid, too long, or able to take exponential time."""


def _nested_repeat(items: Any, inside: bool) -> bool:
    repeats = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)
    for op, arg in items:
        if op in repeats:
            _low, high, sub = arg
            unbounded_or_many = high is sre_parse.MAXREPEAT or high > 1
            if inside and unbounded_or_many:
                return True
            if _nested_repeat(sub, inside or unbounded_or_many):
                return True
        elif op is sre_parse.SUBPATTERN:
            if _nested_repeat(arg[-1], inside):
                return True
        elif op is sre_parse.BRANCH:
            if any(_nested_repeat(branch, inside) for branch in arg[1]):
                return True
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT) and _nested_repeat(arg[1], inside):
            return True
    return False


def check_regex(pattern: str) -> re.Pattern[str]:
    """Compile a rule's pattern once, refusing the ones that could hang ingest."""
    if len(pattern) > REGEX_MAX_LENGTH:
        raise RegexError(f"the pattern is longer than {REGEX_MAX_LENGTH} characters")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RegexError(f"invalid regular expression ({exc})") from None
    if _nested_repeat(list(parsed), False):
        raise RegexError("nested repetition like (a+)+ can take exponential time; simplify it")
    return compiled
