"""The weekly summary a supervisor sends upward: one self-contained HTML file.

Tiles, a per-day chart drawn here as inline SVG (no script, nothing fetched:
it opens the same in a mail client years later), the top tags and the agent
table. Every value that came from data is passed through ``html.escape``;
Arabic names sit in ``<bdi>`` so they never reorder the text around them, and
the page itself is ``dir="rtl" lang="ar"`` when written in Arabic.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from inbox.business_hours import load_calendar
from inbox.dashboard import Dashboard, dashboard, week_filters
from inbox.metrics_query import Stat
from inbox.store import SqlStore

LABELS = {
    "en": {"title": "Response times, week of {week}", "first": "First response",
           "next": "Next response", "resolution": "Resolution", "sla": "SLA hit rate",
           "received": "Received", "answered": "Answered", "resolved": "Resolved",
           "backlog": "Waiting now", "median": "median", "p90": "p90",
           "chart": "Inbound messages per day and median first response",
           "tags": "Top tags", "agents": "By agent", "agent": "Agent", "count": "Count",
           "clock": "business hours ({tz})", "wall": "wall clock", "none": "no data"},
    "ar": {"title": "أزمنة الاستجابة، أسبوع {week}", "first": "أول رد", "next": "الرد التالي",
           "resolution": "الحل", "sla": "نسبة الالتزام باتفاقية الخدمة", "received": "الواردة",
           "answered": "تم الرد", "resolved": "تم الحل", "backlog": "بانتظار الرد الآن",
           "median": "الوسيط", "p90": "المئين 90",
           "chart": "الرسائل الواردة يوميًا ووسيط زمن أول رد", "tags": "أكثر الوسوم",
           "agents": "حسب الموظف", "agent": "الموظف", "count": "العدد",
           "clock": "ساعات العمل ({tz})", "wall": "الوقت الفعلي", "none": "لا توجد بيانات"},
}


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86_400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86_400:.1f} d"


def _tile(label: str, value: str, sub: str = "") -> str:
    return (f'<div class="tile"><div class="label">{escape(label)}</div>'
            f'<div class="value">{escape(value)}</div><div class="sub">{escape(sub)}</div></div>')


def chart(d: Dashboard, width: int = 640, height: int = 200) -> str:
    """Bars: inbound messages per day; line: median first response (its own scale)."""
    days = d.days
    if not days:
        return ""
    pad, n = 30, len(days)
    step = (width - 2 * pad) / n
    top = max((x.inbound for x in days), default=0) or 1
    slow = max((x.median_first_response_s or 0 for x in days), default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
             f' viewBox="0 0 {width} {height}" role="img">']
    points = []
    for i, x in enumerate(days):
        h = (height - 2 * pad) * x.inbound / top
        left = pad + i * step
        parts.append(f'<rect x="{left + step * 0.15:.1f}" y="{height - pad - h:.1f}"'
                     f' width="{step * 0.7:.1f}" height="{h:.1f}" fill="#8fb3d9">'
                     f'<title>{escape(x.day.isoformat())}: {x.inbound}</title></rect>')
        parts.append(f'<text x="{left + step / 2:.1f}" y="{height - 10}" font-size="10"'
                     f' text-anchor="middle">{escape(x.day.strftime("%a %d"))}</text>')
        if x.median_first_response_s is not None:
            y = height - pad - (height - 2 * pad) * x.median_first_response_s / slow
            points.append(f"{left + step / 2:.1f},{y:.1f}")
    if points:
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#c0392b"'
                     ' stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def _stat_cells(st: Stat) -> str:
    rate = "–" if st.sla_rate is None else f"{st.sla_rate:.0%}"
    return "".join(f"<td>{escape(v)}</td>" for v in (
        str(st.count), duration(st.median_s), duration(st.p90_s), rate))


def render(d: Dashboard, week: date, lang: str = "en",
           tags: list[tuple[str, int]] | None = None) -> str:
    t = LABELS[lang]
    rtl = lang == "ar"
    sla = "–" if d.sla_rate is None else f"{d.sla_rate:.0%}"
    clock = t["clock"].format(tz=d.timezone) if d.business else t["wall"]
    tiles = "".join([
        _tile(t["first"], duration(d.first_response.median_s),
              f'{t["p90"]} {duration(d.first_response.p90_s)}'),
        _tile(t["next"], duration(d.next_response.median_s),
              f'{t["p90"]} {duration(d.next_response.p90_s)}'),
        _tile(t["resolution"], duration(d.resolution.median_s),
              f'{t["p90"]} {duration(d.resolution.p90_s)}'),
        _tile(t["sla"], sla), _tile(t["received"], str(d.received)),
        _tile(t["answered"], str(d.answered)), _tile(t["resolved"], str(d.resolved)),
        _tile(t["backlog"], str(d.backlog)),
    ])
    tag_rows = "".join(f"<tr><td><bdi>{escape(tag)}</bdi></td><td>{n}</td></tr>"
                       for tag, n in (tags or [])) or f'<tr><td>{escape(t["none"])}</td></tr>'
    agent_rows = "".join(
        f"<tr><td><bdi>{escape(a.agent)}</bdi></td>{_stat_cells(a.first_response)}"
        f"<td>{a.resolution.count}</td></tr>" for a in d.agents)
    head = "".join(f"<th>{escape(h)}</th>" for h in (
        t["agent"], t["count"], t["median"], t["p90"], t["sla"], t["resolved"]))
    title = t["title"].format(week=week.isoformat())
    side = "right" if rtl else "left"
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{'rtl' if rtl else 'ltr'}">
<head><meta charset="utf-8"><title>{escape(title)}</title>
<style>
body {{ font-family: "Noto Sans", "Noto Naskh Arabic", Tahoma, sans-serif; margin: 24px;
       color: #222; }}
.tiles {{ display: flex; flex-wrap: wrap; gap: 12px; }}
.tile {{ border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; min-width: 120px; }}
.label {{ color: #666; font-size: 12px; }} .value {{ font-size: 22px; font-weight: bold; }}
.sub {{ color: #888; font-size: 12px; }}
table {{ border-collapse: collapse; margin-top: 8px; }}
td, th {{ border-bottom: 1px solid #eee; padding: 4px 10px; text-align: {side}; }}
</style></head>
<body>
<h1>{escape(title)}</h1>
<p>{escape(clock)}</p>
<div class="tiles">{tiles}</div>
<h2>{escape(t["chart"])}</h2>
<div dir="ltr">{chart(d)}</div>
<h2>{escape(t["tags"])}</h2>
<table>{tag_rows}</table>
<h2>{escape(t["agents"])}</h2>
<table><tr>{head}</tr>{agent_rows}</table>
</body></html>
"""


def weekly(store: SqlStore, day: date, *, business: bool = False, lang: str = "en") -> str:
    """The HTML report for the Monday-to-Sunday week (calendar's zone) holding ``day``."""
    from inbox.dashboard import top_tags

    calendar = load_calendar(store)
    f = week_filters(calendar, day)
    d = dashboard(store, f, business, calendar=calendar)
    monday = day - timedelta(days=day.weekday())
    return render(d, monday, lang, top_tags(store, f, calendar))
