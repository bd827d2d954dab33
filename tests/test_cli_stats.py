"""``stats --json`` keeps DESIGN.md's keys; exports and the report are written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from inbox.cli import main
from inbox.store import SqlStore
from tests.conftest import msg
from tests.test_metrics import app_reply, ingest

S_KEYS = {"count", "mean_s", "median_s", "p90_s", "max_s"}
THREE = {"first_response", "next_response", "resolution"}


@pytest.fixture
def history(store: SqlStore, account_id: int) -> SqlStore:
    ingest(store, account_id, msg("1", minutes=0))
    ingest(store, account_id, app_reply("2", 10))
    ingest(store, account_id, msg("3", thread="t2", minutes=5))
    ingest(store, account_id, app_reply("4", 35, thread="t2", agent="سارة"))
    return store


def test_stats_json_keys_are_the_contract(history: SqlStore, data_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    for extra in ([], ["--business-hours"], ["--since", "2026-11-01", "--until",
                                             "2026-11-03T00:00:00Z"]):
        assert main(["--data-dir", str(data_dir), "stats", "--json", *extra]) == 0
        out = json.loads(capsys.readouterr().out)
        assert THREE | {"by_channel", "by_agent"} <= set(out)
        for name in THREE:
            assert set(out[name]) >= S_KEYS
        assert set(out["by_channel"]) == {"mention", "dm"}
        for group in (*out["by_channel"].values(), *out["by_agent"].values()):
            assert set(group) == THREE and all(set(group[n]) >= S_KEYS for n in THREE)
        assert out["first_response"]["count"] == 2
        assert out["first_response"]["median_s"] == 1200.0
        assert out["first_response"]["max_s"] == 1800.0
        assert out["by_agent"]["سارة"]["first_response"]["mean_s"] == 1800.0


def test_stats_table_export_and_recompute(history: SqlStore, data_dir: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "stats"]) == 0
    assert "first response" in capsys.readouterr().out
    conv, agg = tmp_path / "c.csv", tmp_path / "a.csv"
    assert main(["--data-dir", str(data_dir), "stats", "export", "--conversations", str(conv),
                 "--aggregates", str(agg)]) == 0
    rows = list(csv.DictReader(conv.open(encoding="utf-8")))
    assert sorted(r["first_response_s"] for r in rows) == ["1800.000", "600.000"]
    aggs = list(csv.DictReader(agg.open(encoding="utf-8")))
    assert {"overall", "channel", "agent", "day"} <= {r["scope"] for r in aggs}
    assert main(["--data-dir", str(data_dir), "stats", "recompute"]) == 0
    assert "recomputed" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "stats", "--since", "yesterday"]) == 1


def test_weekly_report_is_escaped_and_rtl(history: SqlStore, data_dir: Path,
                                          tmp_path: Path) -> None:
    history.add_tag(1, "<script>")
    out = tmp_path / "r.html"
    assert main(["--data-dir", str(data_dir), "report", "--week", "2026-11-04", "--out",
                 str(out), "--lang", "ar"]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    assert "<bdi>سارة</bdi>" in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
