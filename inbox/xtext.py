"""Count a post's length exactly as X does (twitter-text v3 ``weightedLength``).

Used by the reply composer (what is left, where the overflow starts), by the
CLI (refuse too-long replies) and by the local X sandbox (400 "text too long").

Rules (twitter-text v3 config): the text is NFC-normalised; each code point
weighs 1 in U+0000-U+10FF, U+2000-U+200D, U+2010-U+201F and U+2032-U+2037 and
2 elsewhere; every URL (bare domains with a known TLD too) weighs 23; every
emoji sequence weighs 2; a post is valid when ``0 < weight <= 280`` and it holds
none of U+FFFE, U+FEFF, U+FFFF. (Direction marks, isolates and embeddings
U+202A-U+202E are *valid* since twitter-text 3: the upstream conformance case
"Tweet text containing directional characters should be considered valid"
says so; they weigh 2 each.) Line breaks are counted as they are: CRLF is two.

Why our own counter and not the ``twitter-text-parser`` package: that package
imports ``pkg_resources`` (missing from fresh Python 3.12 venvs), folds CRLF to
one character and only knows emoji up to Unicode 12, so it over-counts newer
sequences such as 🫶🏽 or ❤️‍🔥. This module ports twitter-text's rules instead:

* emoji: the table comes from the pinned ``emoji`` package (``EMOJI_DATA``,
  kept current with each Unicode release, pure Python, no native code). Every
  key (fully-, minimally- and unqualified forms, keycaps, flags, tags, ZWJ
  sequences) is one emoji; matching is leftmost-longest, like twemoji's regex.
  ZWJ combinations that are not in the table are counted per component, as
  twitter-text does, so we never count less than X would.
* URLs: a linear-time port of twitter-text's ``extractUrlsWithIndices``
  (the ``extractUrl`` regex, t.co slug rule, IDNA labels 1..63 long with
  nameprep as in the Java version, URL length <= 4096, ASCII-only domains
  for URLs without a protocol). The regex itself backtracks quadratically
  on long runs of CJK text, so the domain part is matched with memoised
  label chains instead.
* TLDs: ``inbox/data/twitter_tlds.py``, GENERATED from twitter-text's
  ``tlds.yml`` by ``scripts/gen_xtext_tlds.py`` (nothing is read from
  ``shared/`` at run time).

NOTICE: the counting rules, regular expressions and TLD list are derived from
twitter-text, Copyright 2011 Twitter, Inc., licensed under the Apache License,
Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

Indices: ``PostLength.valid_range_end`` and ``urls`` are Python string indices
(code points) into the ORIGINAL text, not into its NFC form: normalisation can
merge (A + U+0301 -> Á) or split (U+FB2C -> three code points) characters, so
positions are mapped back through normalisation-stable chunks. Qt widgets count
UTF-16 code units; convert with :func:`utf16_index`.
"""

from __future__ import annotations

import bisect
import encodings.idna
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from inbox.data.twitter_tlds import COUNTRY_TLDS, GENERIC_TLDS

__all__ = [
    "MAX_DM_CHARS",
    "MAX_POST_WEIGHT",
    "PostLength",
    "dm_length",
    "extract_url_spans",
    "parse_post",
    "utf16_index",
    "weighted_length",
]

MAX_POST_WEIGHT = 280
MAX_DM_CHARS = 10_000

# twitter-text v3 configuration (v3.json), weights in 1/100 units.
_SCALE = 100
_DEFAULT_WEIGHT = 200
_URL_WEIGHT = 23 * _SCALE
_RANGES_WEIGHT_ONE = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_LABEL_LENGTH = 63


def _chars(*ranges: tuple[int, int] | str) -> frozenset[str]:
    out: set[str] = set()
    for r in ranges:
        if isinstance(r, str):
            out.update(r)
        else:
            out.update(chr(c) for c in range(r[0], r[1] + 1))
    return frozenset(out)


_ASCII_ALNUM = _chars((0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A))
_INVALID_CHARS = frozenset("\ufffe\ufeff\uffff")
_DIRECTIONAL = _chars((0x202A, 0x202E), (0x2066, 0x2069), "\u061c\u200e\u200f")
_SPACES = _chars(
    (0x09, 0x0D), (0x2000, 0x200A), " \x85\xa0\u1680\u180e\u2028\u2029\u202f\u205f\u3000"
)
_PUNCT = frozenset("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$")
_INVALID_DOMAIN = _PUNCT | _SPACES | _INVALID_CHARS | _DIRECTIONAL
# Characters that may sit inside a domain label ('_' and '-' not at its ends).
_LABEL_INNER = _INVALID_DOMAIN - frozenset("_-")
_NOT_PRECEDING = _ASCII_ALNUM | frozenset("@＠$#＃") | _INVALID_CHARS
_LATIN_ACCENTS = _chars(
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0xFF), (0x100, 0x24F), (0x300, 0x36F),
    (0x1E00, 0x1EFF), "\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f\u0272\u0289"
    "\u028b\u02bb",
)
_CYRILLIC = _chars((0x400, 0x4FF))
_PATH_CHARS = _ASCII_ALNUM | _CYRILLIC | _LATIN_ACCENTS | frozenset("!*';:=+,.$/%#[]-\u2013_~@|&")
_PATH_END_CHARS = _ASCII_ALNUM | _CYRILLIC | _LATIN_ACCENTS | frozenset("+-=_#/")
_QUERY_CHARS = _ASCII_ALNUM | frozenset("!?*'@();:&=+$/%#[]-_.,~|")
_QUERY_END_CHARS = _ASCII_ALNUM | frozenset("-_&=#/")
_ASCII_LABEL_CHARS = _ASCII_ALNUM | _LATIN_ACCENTS | frozenset("-")
_TLD_FOLLOW_BLOCKERS = _ASCII_ALNUM | frozenset("@+-")
_PUNYCODE_CHARS = _ASCII_ALNUM | frozenset("-")
_TLDS = GENERIC_TLDS | COUNTRY_TLDS
_TLD_MAX_LEN = max(len(t) for t in _TLDS)
_TCO_URL = re.compile(
    r"https?://t\.co/([a-zA-Z0-9]+)(?:\?[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*"
    r"[a-zA-Z0-9\-_&=#/])?"
)


@dataclass(frozen=True)
class PostLength:
    """How a post measures up against X's limit.

    ``valid_range_end`` is an exclusive index into the original text:
    ``text[:valid_range_end]`` is the longest prefix that fits (stopping before
    the first invalid character); ``text[valid_range_end:]`` is what to
    highlight as overflow. ``urls`` are ``(start, end)`` spans in the original
    text of every part counted as a 23-character link.
    """

    weighted_length: int
    remaining: int
    valid: bool
    valid_range_end: int
    urls: tuple[tuple[int, int], ...]
    permillage: int


def weighted_length(text: str, *, emoji_parsing: bool = True) -> int:
    """twitter-text v3 ``weightedLength`` of ``text``.

    ``emoji_parsing=False`` gives the v2 rules (each emoji code point weighs 2).
    """
    return parse_post(text, emoji_parsing=emoji_parsing).weighted_length


def dm_length(text: str) -> int:
    """Length of a direct message as X counts it: code points, not weighted."""
    return len(text)


def utf16_index(text: str, index: int) -> int:
    """Convert a Python index into ``text`` into a UTF-16 offset (Qt positions)."""
    prefix = text[:index]
    return len(prefix) + sum(1 for c in prefix if ord(c) > 0xFFFF)


def _char_weight(c: str) -> int:
    cp = ord(c)
    for lo, hi in _RANGES_WEIGHT_ONE:
        if lo <= cp <= hi:
            return _SCALE
    return _DEFAULT_WEIGHT


def parse_post(text: str, *, emoji_parsing: bool = True) -> PostLength:
    """Measure ``text`` as X does (twitter-text v3 ``parseTweet``)."""
    norm, chunks = _normalize(text)
    url_spans = extract_url_spans(norm)
    url_at = dict(url_spans)
    emoji_at = dict(_emoji_spans(norm)) if emoji_parsing else {}

    limit = MAX_POST_WEIGHT * _SCALE
    weight = 0
    no_invalid = True
    fit_end = 0
    i = 0
    n = len(norm)
    while i < n:
        end = url_at.get(i)
        if end is not None:
            weight += _URL_WEIGHT
        else:
            end = emoji_at.get(i)
            if end is not None:
                weight += _DEFAULT_WEIGHT
            else:
                end = i + 1
                weight += _char_weight(norm[i])
        if no_invalid and not _INVALID_CHARS.isdisjoint(norm[i:end]):
            no_invalid = False
        if no_invalid and weight <= limit:
            fit_end = end
        i = end

    total = weight // _SCALE
    return PostLength(
        weighted_length=total,
        remaining=MAX_POST_WEIGHT - total,
        valid=no_invalid and 0 < total <= MAX_POST_WEIGHT,
        valid_range_end=chunks.to_original(fit_end, round_up=False),
        urls=tuple(
            (chunks.to_original(s, round_up=False), chunks.to_original(e, round_up=True))
            for s, e in url_spans
        ),
        permillage=total * 1000 // MAX_POST_WEIGHT,
    )


# --------------------------------------------------------------------------
# NFC normalisation with a map back to original indices


class _ChunkMap:
    """Parallel boundaries of normalisation-independent chunks.

    ``orig[k]`` in the original text corresponds to ``norm[k]`` in the NFC
    text; positions inside a chunk round down (or up) to its edges.
    """

    def __init__(self, orig: list[int] | None, norm: list[int] | None) -> None:
        self._orig = orig
        self._norm = norm

    def to_original(self, index: int, *, round_up: bool) -> int:
        if self._orig is None or self._norm is None:
            return index
        k = bisect.bisect_left(self._norm, index)
        if k < len(self._norm) and self._norm[k] == index:
            return self._orig[k]
        return self._orig[k] if round_up else self._orig[k - 1]


@functools.cache
def _composes_with_previous() -> frozenset[str]:
    """Starters that canonical composition can merge into the character before."""
    out: set[str] = set()
    for cp in range(0x30000):
        decomp = unicodedata.decomposition(chr(cp))
        if decomp and not decomp.startswith("<"):
            parts = decomp.split()
            if len(parts) == 2:
                out.add(chr(int(parts[1], 16)))
    out.update(chr(c) for c in range(0x1161, 0x1176))  # Hangul medial vowels
    out.update(chr(c) for c in range(0x11A8, 0x11C3))  # Hangul final consonants
    return frozenset(out)


def _is_stable_start(c: str) -> bool:
    if unicodedata.combining(c) or c in _composes_with_previous():
        return False
    decomposed = unicodedata.normalize("NFD", c)
    return unicodedata.combining(decomposed[0]) == 0


def _normalize(text: str) -> tuple[str, _ChunkMap]:
    if unicodedata.is_normalized("NFC", text):
        return text, _ChunkMap(None, None)
    starts = [0] + [i for i in range(1, len(text)) if _is_stable_start(text[i])]
    starts.append(len(text))
    pieces = [unicodedata.normalize("NFC", text[a:b]) for a, b in itertools.pairwise(starts)]
    norm = "".join(pieces)
    whole = unicodedata.normalize("NFC", text)
    if norm != whole:  # cannot happen with a correct chunking; stay correct anyway
        return whole, _ChunkMap([0, len(text)], [0, len(whole)])
    norm_bounds = [0]
    for piece in pieces:
        norm_bounds.append(norm_bounds[-1] + len(piece))
    return norm, _ChunkMap(starts, norm_bounds)


# --------------------------------------------------------------------------
# Emoji


@functools.cache
def _emoji_table() -> tuple[frozenset[str], dict[str, int]]:
    import emoji  # deferred: building the table costs a few tens of ms

    sequences = frozenset(emoji.EMOJI_DATA)
    longest: dict[str, int] = {}
    for seq in sequences:
        longest[seq[0]] = max(longest.get(seq[0], 0), len(seq))
    return sequences, longest


def _emoji_spans(text: str) -> list[tuple[int, int]]:
    """Leftmost-longest emoji sequences in ``text`` as ``(start, end)``."""
    sequences, longest = _emoji_table()
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        most = longest.get(text[i])
        if most:
            for size in range(min(most, n - i), 0, -1):
                if text[i : i + size] in sequences:
                    spans.append((i, i + size))
                    i += size
                    break
            else:
                i += 1
        else:
            i += 1
    return spans


# --------------------------------------------------------------------------
# URLs (port of twitter-text extractUrlsWithIndices, extractUrlsWithoutProtocol)


def _tld_end(text: str, pos: int) -> int | None:
    """End of the TLD starting at ``pos`` (validGTLD|validCCTLD|validPunycode)."""
    n = len(text)
    for size in range(min(_TLD_MAX_LEN, n - pos), 0, -1):
        end = pos + size
        if text[pos:end].lower() in _TLDS and (end == n or text[end] not in _TLD_FOLLOW_BLOCKERS):
            return end
    if text[pos : pos + 4].lower() == "xn--":
        end = pos + 4
        while end < n and text[end] in _PUNYCODE_CHARS:
            end += 1
        if end > pos + 4:
            return end
    return None


class _DomainMatcher:
    """``validSubdomain* validDomainName (TLD)`` with twitter-text's greedy order.

    Labels are separated by dots, so from a given start the only freedom is how
    many labels to take before the TLD (the regex prefers as many as possible).
    Results are memoised per label start so long texts stay linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.memo: dict[int, int | None] = {}
        # next_break[i]: first j >= i where a label must stop (a dot or a
        # character not allowed in labels); next_underscore likewise for '_'.
        n = len(text)
        self.next_break = [n] * (n + 1)
        self.next_underscore = [n] * (n + 1)
        brk = und = n
        for i in range(n - 1, -1, -1):
            c = text[i]
            if c in _LABEL_INNER:
                brk = i
            if c == "_":
                und = i
            self.next_break[i] = brk
            self.next_underscore[i] = und

    def _label(self, start: int) -> tuple[int, bool, bool] | None:
        """(dot index, valid subdomain label, valid domain-name label)."""
        text = self.text
        j = self.next_break[start]
        if j == start or j >= len(text) or text[j] != ".":
            return None
        ends_ok = text[start] not in _INVALID_DOMAIN and text[j - 1] not in _INVALID_DOMAIN
        return j, ends_ok, ends_ok and self.next_underscore[start] >= j

    def end(self, start: int) -> int | None:
        """End of the domain that starts at ``start``, or None."""
        if start in self.memo:
            return self.memo[start]
        # Walk the chain of labels forward, then resolve from the back.
        chain: list[tuple[int, tuple[int, bool, bool] | None]] = []
        pos = start
        while pos not in self.memo:
            label = self._label(pos)
            chain.append((pos, label))
            if label is None or not label[1]:
                break
            pos = label[0] + 1
        for at, label in reversed(chain):
            result: int | None = None
            if label is not None:
                dot, sub_ok, name_ok = label
                if sub_ok:
                    result = self.memo.get(dot + 1)
                if result is None and name_ok:
                    result = _tld_end(self.text, dot + 1)
            self.memo[at] = result
        return self.memo[start]


def _path_end(text: str, pos: int) -> int:
    """End of ``validUrlPath*`` starting at ``pos`` (just after the '/')."""
    n = len(text)
    last = pos
    i = pos
    while i < n:
        c = text[i]
        if c in _PATH_CHARS:
            i += 1
            if c in _PATH_END_CHARS:
                last = i
        elif c == "(":
            close = _balanced_parens_end(text, i)
            if close is None:
                break
            i = last = close
        else:
            break
    return last


def _run(text: str, pos: int, chars: frozenset[str]) -> int:
    n = len(text)
    while pos < n and text[pos] in chars:
        pos += 1
    return pos


def _balanced_parens_end(text: str, pos: int) -> int | None:
    """``validUrlBalancedParens`` at ``pos`` (one nested level allowed)."""
    n = len(text)
    inner = _run(text, pos + 1, _PATH_CHARS)
    if inner > pos + 1 and inner < n and text[inner] == ")":
        return inner + 1
    if inner < n and text[inner] == "(":
        nested = _run(text, inner + 1, _PATH_CHARS)
        if nested > inner + 1 and nested < n and text[nested] == ")":
            close = _run(text, nested + 1, _PATH_CHARS)
            if close < n and text[close] == ")":
                return close + 1
    return None


def _query_end(text: str, pos: int) -> int:
    """End of ``\\?validUrlQueryChars*validUrlQueryEndingChars`` at ``pos`` ('?')."""
    i = pos + 1
    last = pos
    n = len(text)
    while i < n and text[i] in _QUERY_CHARS:
        i += 1
        if text[i - 1] in _QUERY_END_CHARS:
            last = i
    return last


def _label_ascii_length(label: str) -> int:
    """Length of the IDNA (RFC 3490 ToASCII, nameprep included) form of a label.

    Like twitter-text's Java version (IDN.toASCII), and unlike its JS one, this
    rejects labels that break the IDNA bidi rule (e.g. Arabic mixed with Latin
    in one label): such a "URL" is then counted character by character, which
    never makes a post look shorter than X counts it.
    """
    if label.isascii():
        return len(label)
    try:
        return len(encodings.idna.ToASCII(label))
    except UnicodeError:
        return 0


def _is_valid_url(url: str, protocol: str, domain: str) -> bool:
    """twitter-text isValidUrl: every IDNA label 1..63 long, total <= 4096."""
    if domain[:4].lower() == "xn--" and not domain.isascii():
        return False
    encoded = 0
    for label in domain.split("."):
        size = _label_ascii_length(label)
        if not 0 < size <= _MAX_LABEL_LENGTH:
            return False
        encoded += size + 1
    encoded -= 1
    return len(protocol) + len(url) + encoded - len(domain) <= _MAX_URL_LENGTH


def _ascii_domains(domain: str) -> list[tuple[int, int]]:
    """``validAsciiDomain`` matches (global) inside ``domain``."""
    memo: dict[int, int | None] = {}

    def end(start: int) -> int | None:
        chain: list[tuple[int, int | None]] = []
        pos = start
        while pos not in memo:
            dot = _run(domain, pos, _ASCII_LABEL_CHARS)
            if dot == pos or dot >= len(domain) or domain[dot] != ".":
                chain.append((pos, None))
                break
            chain.append((pos, dot))
            pos = dot + 1
        for at, label_dot in reversed(chain):
            result: int | None = None
            if label_dot is not None:
                result = memo.get(label_dot + 1)
                if result is None:
                    result = _tld_end(domain, label_dot + 1)
            memo[at] = result
        return memo[start]

    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(domain):
        e = end(i) if domain[i] in _ASCII_LABEL_CHARS else None
        if e is None:
            i += 1
        else:
            spans.append((i, e))
            i = e
    return spans


def extract_url_spans(text: str) -> list[tuple[int, int]]:
    """URLs in ``text`` as twitter-text extracts them (protocol-less ones too).

    Indices are into ``text`` as given (``parse_post`` passes the NFC form).
    """
    if "." not in text:
        return []
    n = len(text)
    domains = _DomainMatcher(text)
    urls: list[tuple[int, int]] = []
    pos = 0
    while pos < n:
        found = _match_url(text, pos, domains)
        if found is None:
            break
        spans, pos = found
        urls.extend(spans)
    return urls


def _url_starts(n: int, pos: int) -> Iterator[int]:
    """Where a URL may begin, in the order the extractUrl regex tries them.

    The regex is ``(validUrlPrecedingChars)(URL)``: at the very start it first
    takes text[0] as the preceding character, then tries ``^``.
    """
    if pos == 0:
        if n > 1:
            yield 1
        yield 0
        yield from range(2, n)
    else:
        yield from range(pos + 1, n)


def _match_url(
    text: str, pos: int, domains: _DomainMatcher
) -> tuple[list[tuple[int, int]], int] | None:
    """Find the next extractUrl match at or after ``pos``.

    Returns the URLs it yields (maybe none: a rejected match is still consumed,
    as in twitter-text) and where the search continues; None if nothing matches.
    """
    for u in _url_starts(len(text), pos):
        if u > 0 and text[u - 1] in _NOT_PRECEDING:
            continue
        result = _match_url_at(text, u, domains)
        if result is not None:
            return result
    return None


def _match_url_at(
    text: str, u: int, domains: _DomainMatcher
) -> tuple[list[tuple[int, int]], int] | None:
    n = len(text)
    protocol = ""
    head = text[u : u + 8].lower()
    if head.startswith("https://"):
        protocol = text[u : u + 8]
    elif head.startswith("http://"):
        protocol = text[u : u + 7]
    d = u + len(protocol)
    dom_end = domains.end(d)
    if dom_end is None and protocol:
        protocol, d = "", u
        dom_end = domains.end(d)
    if dom_end is None:
        return None
    end = dom_end
    if end + 1 < n and text[end] == ":" and text[end + 1].isascii() and text[end + 1].isdigit():
        end = _run(text, end + 1, frozenset("0123456789"))
    path = False
    if end < n and text[end] == "/":
        end = _path_end(text, end + 1)
        path = True
    if end < n and text[end] == "?":
        end = _query_end(text, end)
    url = text[u:end]
    domain = text[d:dom_end]
    if not _is_valid_url(url, protocol or "https://", domain):
        return [], end
    if not protocol:
        before = text[u - 1] if u > 0 else ""
        if before and before in "-_./":
            return [], end
        spans = [(d + a, d + b) for a, b in _ascii_domains(domain)]
        if spans and path:
            spans[-1] = (spans[-1][0], end)
        return spans, end
    tco = _TCO_URL.match(url)
    if tco is not None:
        if len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
            return [], end
        end = u + tco.end()
    return [(u, end)], end
