"""Measure the name taggers and the entity recognizer against CLUENER 2020 spans (P/R/F1, exact spans).

    .venv/bin/python benchmarks/cluener_recognizer.py ../shared/datasets/cluener2020/dev.json [--limit N]

CLUENER is news and web text, not work reports, and its licence is unknown: it is used here only to
*measure* (nothing that ships is trained or tuned on it, and the file is never copied into the project).
Its label sets are mapped to ours: `company` → Enterprise; `government` + `organization` → Organization;
`address` → the tagger's LOC. Figures print per tagger model (LAC, jieba) and for the full recognizer.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from kg.extract.entities import recognize, resolve_overlaps
from kg.extract.tagging import tag
from kg.model import EntityType as T

TAGGER_LABELS = {"ORG": {"company", "organization", "government"}, "LOC": {"address"}}
RECOGNIZER_LABELS = {T.ENTERPRISE: {"company"}, T.ORGANIZATION: {"organization", "government"}}


def _gold(example: dict, labels: set[str]) -> set[tuple[int, int]]:
    return {(s, e + 1) for label, names in example["label"].items() if label in labels
            for spans in names.values() for s, e in spans}


def _prf(c: Counter) -> str:
    p = c["right"] / c["system"] if c["system"] else 0.0
    r = c["right"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (system {c['system']}, gold {c['gold']}, right {c['right']})"


def _add(c: Counter, system: set, gold: set) -> None:
    c["system"] += len(system)
    c["gold"] += len(gold)
    c["right"] += len(system & gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="a CLUENER 2020 JSON-lines file (dev.json)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    args = ap.parse_args()
    examples = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        examples = examples[: args.limit]
    chars = sum(len(x["text"]) for x in examples)
    for model in ("lac", "jieba"):
        counts = {t: Counter() for t in TAGGER_LABELS}
        rec = {t: Counter() for t in RECOGNIZER_LABELS}
        t0 = time.perf_counter()
        for x in examples:
            words = tag(x["text"], model)
            for name_tag, labels in TAGGER_LABELS.items():
                _add(counts[name_tag], {(w.start, w.end) for w in words if w.tag == name_tag}, _gold(x, labels))
            cands = resolve_overlaps(recognize(x["text"], words))
            for etype, labels in RECOGNIZER_LABELS.items():
                _add(rec[etype], {(c.start, c.end) for c in cands if c.type == etype}, _gold(x, labels))
        secs = time.perf_counter() - t0
        print(f"== {model}: {len(examples)} sentences, {chars} chars, {secs:.1f} s ({chars / secs:,.0f} chars/s)")
        for name_tag, c in counts.items():
            print(f"  tagger {name_tag:<3} vs {'+'.join(sorted(TAGGER_LABELS[name_tag])):<34} {_prf(c)}")
        for etype, c in rec.items():
            print(f"  recognizer {etype.value:<12} vs {'+'.join(sorted(RECOGNIZER_LABELS[etype])):<24} {_prf(c)}")


if __name__ == "__main__":
    main()
