"""Response-time histograms: percentiles over a year without reading a year of samples.

A median over a long range cannot be summed from per-day medians, but counts
per value bucket can be summed. So each duration falls in one bucket:

- below 10 minutes, one bucket per whole second, represented by its middle
  (``s + 0.5`` s): off by at most 0.5 s;
- from 10 minutes up, log-spaced buckets ``[lo, lo * RATIO)`` represented by
  their geometric middle ``sqrt(lo * hi)``: off by at most ``sqrt(RATIO) - 1``
  = 0.99 % of the value.

A percentile from summed histograms finds the bucket holding each of the two
ranks numpy/Excel interpolate between, so it is within ``ERROR_S`` + ``ERROR``
x the exact value (``tests/test_histogram.py`` checks this against exact
computation). Bucket edges are integers in a table searched with ``bisect``,
so a value on an edge never lands in the wrong bucket through float rounding.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping

FINE_MS = 600_000  # one-second buckets below this
RATIO = 1.0198  # log-spaced above it
ERROR_S = 0.5  # absolute bound below FINE_MS
ERROR = math.sqrt(RATIO) - 1  # relative bound above (0.985 %)
_EDGES: list[int] = [s * 1000 for s in range(FINE_MS // 1000)]
_edge = float(FINE_MS)
while _edge < 2**62:
    _EDGES.append(math.ceil(_edge))
    _edge *= RATIO
BUCKETS = len(_EDGES)


def bucket_of(ms: int) -> int:
    """The bucket of a duration in milliseconds (negatives count as 0)."""
    return max(0, bisect.bisect_right(_EDGES, ms) - 1)


def representative_ms(bucket: int) -> float:
    """The value a bucket stands for: its middle (arithmetic below 10 min, geometric above)."""
    lo = _EDGES[bucket]
    if lo < FINE_MS:
        return lo + 500.0
    hi = _EDGES[bucket + 1] if bucket + 1 < BUCKETS else lo * RATIO
    return math.sqrt(lo * hi)


def quantile_ms(counts: Mapping[int, int], p: float) -> float | None:
    """The p-quantile (0..1) of the values counted per bucket, linear between the two
    closest ranks like ``metrics_query.percentile`` (PERCENTILE.INC)."""
    n = sum(counts.values())
    if n <= 0:
        return None
    pos = p * (n - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    a = b = None
    seen = 0
    for bucket in sorted(counts):
        seen += counts[bucket]
        if a is None and seen > lo:
            a = representative_ms(bucket)
        if seen > hi:
            b = representative_ms(bucket)
            break
    assert a is not None and b is not None
    return a + (b - a) * (pos - lo)


def within_bound(approx_ms: float, exact_ms: float) -> bool:
    """The documented bound: 0.5 s plus 0.99 % of the exact value."""
    return abs(approx_ms - exact_ms) <= ERROR_S * 1000 + ERROR * exact_ms + 1e-6


def add(into: dict[int, int], pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    for bucket, n in pairs:
        into[bucket] = into.get(bucket, 0) + n
    return into
