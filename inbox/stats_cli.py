"""``community-inbox stats`` and ``report``: response times for scripts, cron and supervisors.

``stats --json`` prints DESIGN.md's contract, ``{"first_response": S,
"next_response": S, "resolution": S, "by_channel": {"mention": {...}, "dm":
{...}}, "by_agent": {NAME: {...}}}`` with each S ``{"count", "mean_s",
"median_s", "p90_s", "max_s"}`` (extended with SLA figures and the period,
never renamed); each ``{...}`` holds the same three S. ``stats export`` writes
CSV files, ``stats recompute`` rebuilds every sample from the event log.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from inbox import metrics, metrics_export
from inbox.business_hours import load_calendar
from inbox.metrics import Metric
from inbox.metrics_query import Filters, Stat, Summary, summary
from inbox.paths import data_dir
from inbox.sla import SlaPolicy
from inbox.store import SqlStore, StoreError, open_sqlite

NAMES = {Metric.FIRST_RESPONSE: "first_response", Metric.NEXT_RESPONSE: "next_response",
         Metric.RESOLUTION: "resolution"}


def _store(args: argparse.Namespace) -> SqlStore:
    return open_sqlite(data_dir(args.data_dir))


def _instant(text: str | None) -> datetime | None:
    """An ISO date or date-time; a date is midnight UTC, a naive time is UTC."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise StoreError(f"{text!r} is not an ISO date or date-time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def filters(args: argparse.Namespace) -> Filters:
    return Filters(since=_instant(args.since), until=_instant(args.until))


def three(stats: dict[Metric, Stat]) -> dict[str, Any]:
    return {NAMES[m]: stats[m].as_json() for m in NAMES}


def as_json(s: Summary, f: Filters, business: bool, timezone: str) -> dict[str, Any]:
    """The contract's keys first; more keys may be added, none renamed."""
    return {
        **three(s.overall),
        "by_channel": {kind: three(stats) for kind, stats in s.by_channel.items()},
        "by_agent": {name: three(stats) for name, stats in s.by_agent.items()},
        "received": s.received, "answered": s.answered, "resolved": s.resolved,
        "business_hours": business, "timezone": timezone,
        "since": f.since.isoformat() if f.since else None,
        "until": f.until.isoformat() if f.until else None,
    }


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min"
    if seconds < 86_400 * 2:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86_400:.1f} d"


def _table(s: Summary, business: bool) -> str:
    lines = [f"response times ({'business hours' if business else 'wall clock'});"
             f" received {s.received}, answered {s.answered}, resolved {s.resolved}",
             f"{'':28}{'count':>8}{'mean':>11}{'median':>11}{'p90':>11}{'max':>11}{'SLA':>7}"]

    def row(label: str, st: Stat) -> str:
        rate = "-" if st.sla_rate is None else f"{st.sla_rate:.0%}"
        return (f"{label[:28]:28}{st.count:>8}{_duration(st.mean_s):>11}"
                f"{_duration(st.median_s):>11}{_duration(st.p90_s):>11}"
                f"{_duration(st.max_s):>11}{rate:>7}")

    for m, name in NAMES.items():
        lines.append(row(name.replace("_", " "), s.overall[m]))
    for kind, stats in s.by_channel.items():
        lines += [row(f"  {kind}: {NAMES[m]}", stats[m]) for m in NAMES]
    for agent, stats in s.by_agent.items():
        lines.append(row(f"  {agent}", stats[Metric.FIRST_RESPONSE]))
    return "\n".join(lines)


def cmd_stats(args: argparse.Namespace) -> int:
    store = _store(args)
    calendar = load_calendar(store)
    metrics.refresh(store, calendar, progress=_progress if not args.json else None)
    f = filters(args)
    s = summary(store, f, calendar, SlaPolicy.load(store), business=args.business_hours)
    if args.json:
        print(json.dumps(as_json(s, f, args.business_hours, calendar.timezone),
                         ensure_ascii=False))
    else:
        print(_table(s, args.business_hours))
    return 0


def _progress(done: int, total: int) -> None:
    print(f"  recomputing response times: {done:,} of {total:,} conversations",
          file=sys.stderr)


def cmd_stats_recompute(args: argparse.Namespace) -> int:
    store = _store(args)
    written = metrics.recompute_all(store, progress=_progress)
    print(f"recomputed {written:,} response-time samples from the event log")
    return 0


def cmd_stats_export(args: argparse.Namespace) -> int:
    if not args.conversations and not args.aggregates:
        raise StoreError("stats export needs --conversations FILE.csv and/or"
                         " --aggregates FILE.csv")
    store = _store(args)
    calendar = load_calendar(store)
    metrics.refresh(store, calendar, progress=_progress)
    f = filters(args)
    if args.conversations:
        with open(args.conversations, "w", newline="", encoding="utf-8") as out:
            n = metrics_export.write_conversations(store, f, csv.writer(out))
        print(f"wrote {n:,} conversations to {args.conversations}")
    if args.aggregates:
        with open(args.aggregates, "w", newline="", encoding="utf-8") as out:
            n = metrics_export.write_aggregates(store, f, calendar, csv.writer(out),
                                                business=args.business_hours)
        print(f"wrote {n:,} aggregate rows to {args.aggregates}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from inbox import report

    try:
        day = date.fromisoformat(args.week)
    except ValueError:
        raise StoreError(f"--week {args.week!r} is not an ISO date like 2026-11-16") from None
    store = _store(args)
    html = report.weekly(store, day, business=args.business_hours, lang=args.lang)
    Path(args.out).write_text(html, encoding="utf-8")
    print(f"wrote the weekly report for the week of {day.isoformat()} to {args.out}")
    return 0


def _period(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", metavar="ISO", help="count samples that ended at or after this"
                   " date or time (UTC unless it says otherwise)")
    p.add_argument("--until", metavar="ISO", help="... and before this one")
    p.add_argument("--business-hours", action="store_true",
                   help="measure in business hours (the team's calendar), not wall clock")


def add_stats_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    stats = sub.add_parser("stats", help="response times: first, next, resolution")
    _period(stats)
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(func=cmd_stats)
    stats_sub = stats.add_subparsers(dest="stats_command")
    export = stats_sub.add_parser("export", help="CSV: one row per conversation, and the"
                                  " aggregate tables")
    _period(export)
    export.add_argument("--conversations", metavar="FILE.csv")
    export.add_argument("--aggregates", metavar="FILE.csv")
    export.set_defaults(func=cmd_stats_export)
    again = stats_sub.add_parser("recompute", help="recompute all history from the event log"
                                 " (after changing business hours)")
    again.set_defaults(func=cmd_stats_recompute)

    rep = sub.add_parser("report", help="a weekly HTML summary to send upward")
    rep.add_argument("--week", required=True, metavar="ISO_DATE",
                     help="any day of the week (Monday to Sunday, the calendar's zone)")
    rep.add_argument("--out", required=True, metavar="FILE.html")
    rep.add_argument("--lang", choices=["en", "ar"], default="en")
    rep.add_argument("--business-hours", action="store_true")
    rep.set_defaults(func=cmd_report)
