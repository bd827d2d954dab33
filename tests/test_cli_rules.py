"""``community-inbox rules import|export|test`` as a black box (``python main.py`` in a
subprocess): all-or-nothing import with a one-line reason, export, and the dry run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from inbox.domain import IngestBatch
from inbox.store import open_sqlite
from inbox.timeutil import utcnow

ROOT = Path(__file__).resolve().parents[1]


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(data), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def refund_rule(**over: Any) -> dict[str, Any]:
    return {"name": "Refunds", "when": "message_received", "match": "all",
            "conditions": [{"field": "text", "op": "contains_any", "value": ["refund", "استرداد"]}],
            "actions": [{"type": "add_tag", "value": "refund"}], **over}


def test_import_export_round_trip(tmp_path: Path) -> None:
    data, file = tmp_path / "data", tmp_path / "rules.json"
    file.write_text(json.dumps([refund_rule()], ensure_ascii=False), encoding="utf-8")
    done = run(data, "rules", "import", str(file))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "imported 1 rules"
    out = tmp_path / "out.json"
    assert run(data, "rules", "export", str(out)).returncode == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    names = [r["name"] for r in exported]
    assert "Refunds" in names and "VIP" in names  # the starter pack plus the import
    assert next(r for r in exported if r["name"] == "Refunds")["conditions"][0]["value"] == [
        "refund", "استرداد"]


def test_malformed_file_changes_nothing(tmp_path: Path) -> None:
    data, file = tmp_path / "data", tmp_path / "rules.json"
    broken = refund_rule(name="Broken regex",
                         conditions=[{"field": "text", "op": "matches", "value": "(a+)+"}])
    file.write_text(json.dumps([refund_rule(name="Fine"), broken]), encoding="utf-8")
    done = run(data, "rules", "import", str(file))
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("community-inbox: rule 'Broken regex': condition text matches:")
    out = tmp_path / "out.json"
    run(data, "rules", "export", str(out))
    assert "Fine" not in [r["name"] for r in json.loads(out.read_text(encoding="utf-8"))]
    file.write_text("[{", encoding="utf-8")
    done = run(data, "rules", "import", str(file))
    assert done.returncode == 1 and "rules.json is not valid JSON" in done.stderr


def test_dry_run_json(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = open_sqlite(data)
    account = store.add_account(name="brand", handle="brand", user_id="100",
                                api_base="http://127.0.0.1:1", credential_ref="x:brand",
                                auth_kind="oauth1")
    from tests.conftest import contact, msg

    now = utcnow()
    recent = msg("1", text="هذا نصب")
    recent = type(recent)(**{**{f: getattr(recent, f) for f in recent.__slots__},
                             "created_at": now})
    store.ingest(account.id, IngestBatch([recent], [contact()]))
    store.close()
    done = run(data, "rules", "test", "Urgent words", "--json")
    assert done.returncode == 0, done.stderr
    [match] = json.loads(done.stdout)
    assert match["text"] == "هذا نصب"
    assert match["reason"] == "rule 'Urgent words' fired: text contains 'نصب'"
    human = run(data, "rules", "test", "Urgent words", "--days", "1")
    assert "would have fired 1 times in the last 1 days" in human.stdout
    missing = run(data, "rules", "test", "Nope")
    assert missing.returncode == 1 and "no rule named 'Nope'" in missing.stderr
    # the dry run changed nothing
    store = open_sqlite(data)
    assert store.conversation(1).tags == ()
