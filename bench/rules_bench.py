"""How long 100 compiled rules take against one message (the target: well under 1 ms median).

Rules are a realistic mix (word lists in Arabic and English, regexes, followers,
tags, priority, language); messages are varied Arabic and English texts. Each
sample evaluates all 100 rules against a fresh ``Facts`` (so the per-message
normalisation is counted every time). Prints the median and p95, then one JSON
line: {"name", "value", "unit", "target", "ok"}.

    .venv/bin/python bench/rules_bench.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inbox.rules import parse_rules, starter_pack
from inbox.rules_eval import ConversationState, Facts, compile_rule

TEXTS = [
    "@AcmeHelp my order 48213 never arrived and I want a refund now, this is the worst",
    "@AcmeHelp طلبي رقم ٤٨٢١٣ ما وصل وبدي استرداد فلوسي، هذا نصب واحتيال",
    "@AcmeHelp هل صحيح انكم بتسكروا الفرع؟ سمعت إن في خصم",
    "@AcmeHelp thanks, all good 🙏",
    "@AcmeHelp الخدمة زفت والتطبيق ما يشتغل من الصبح",
    "@AcmeHelp is it true that you are leaking passwords? my lawyer will call",
]


def rules() -> list[dict[str, Any]]:
    pack: list[dict[str, Any]] = starter_pack()["rules"]
    out = list(pack)
    for i in range(100 - len(pack)):
        kind = i % 5
        conditions: list[dict[str, Any]]
        if kind == 0:
            conditions = [{"field": "text", "op": "contains_any",
                           "value": [f"word{i}", f"كلمة{i}", "delivery", "توصيل", "late"]}]
        elif kind == 1:
            conditions = [{"field": "text", "op": "matches", "value": rf"order\s*#?{i}\d+"}]
        elif kind == 2:
            conditions = [{"field": "contact.followers", "op": ">=", "value": 1000 * i},
                          {"field": "language", "op": "==", "value": "ar"}]
        elif kind == 3:
            conditions = [{"field": "tags", "op": "contains_any", "value": [f"t{i}", "vip"]},
                          {"field": "priority", "op": ">=", "value": "medium"}]
        else:
            conditions = [{"field": "text", "op": "contains_any",
                           "value": [f"سؤال{i}", "is it true that", "متى يوصل"]},
                          {"field": "kind", "op": "in", "value": ["mention", "dm"]}]
        out.append({"name": f"rule {i}", "when": "message_received", "match": "all",
                    "conditions": conditions, "actions": [{"type": "add_tag", "value": "x"}]})
    return out


def main() -> None:
    compiled = [compile_rule(r) for r in parse_rules(rules())]
    assert len(compiled) == 100
    samples: list[float] = []
    for n in range(3000):
        conv = ConversationState(id=1, priority=n % 5, status="open", waiting_since=0,
                                 first_reply_at=None, assignee=None, team=None,
                                 tags={"vip"} if n % 7 == 0 else set())
        facts = Facts(message_id=n, conv=conv, text=TEXTS[n % len(TEXTS)], kind="mention",
                      language="ar" if n % 2 else "en", at=0, handle="sara",
                      followers=n * 37 % 200_000, verified=False, vip=False, now=60_000)
        start = time.perf_counter()
        for rule in compiled:
            rule.matches(facts)
        samples.append((time.perf_counter() - start) * 1000)
    samples = samples[300:]  # warm-up
    median = statistics.median(samples)
    p95 = statistics.quantiles(samples, n=20)[18]
    print(f"100 rules x 1 message: median {median:.3f} ms, p95 {p95:.3f} ms"
          f" ({len(samples)} samples)")
    print(json.dumps({"name": "rules_100_per_message_median", "value": round(median, 4),
                      "unit": "ms", "target": 1.0, "ok": median < 1.0}))


if __name__ == "__main__":
    main()
