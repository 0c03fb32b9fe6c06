#!/usr/bin/env python3
"""Measure extraction on a corpus: DIR/raw/NNN.txt reports, DIR/truth/NNN.json answer keys.

usage: extract_eval.py DIR [--keep PRED_DIR] [--min-precision P] [--min-recall R]
                       [--group-min-precision P] [--group-min-recall R]

Runs the extractor on every raw file (keyed or not: none may crash), writes each summary to a
temporary directory (or PRED_DIR), scores the keyed ones field by field with jixiao.extract.measure
and prints per-file figures, the figures of each group of files (000–030, 100–116, 150–169: the
corpus's first reports, its 部门整体 reports, its 项目支出 reports) and the overall figure, last.
Exit 0 when the thresholds hold (overall defaults 0.95 precision, 0.90 recall; per group 0.93, 0.90),
1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path

from jixiao.extract import extract_file
from jixiao.extract.measure import Tally, score_summary


def run(corpus: Path, out: Path) -> tuple[list[str], float]:
    crashed, elapsed = [], 0.0
    for raw in sorted((corpus / "raw").glob("*.txt")):
        start = time.perf_counter()
        try:
            summary = extract_file(raw).summary
        except Exception:  # the measure must report a crash, not stop at it
            crashed.append(f"{raw.name}: {traceback.format_exc(limit=3)}")
            continue
        elapsed += time.perf_counter() - start
        (out / f"{raw.stem}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return crashed, elapsed


GROUPS = (("000–030", 0, 99), ("100–116", 100, 149), ("150–169", 150, 199))  # named by the corpus files they hold


def group_of(stem: str) -> str | None:
    number = int(stem) if stem.isdigit() else -1
    return next((name for name, lo, hi in GROUPS if lo <= number <= hi), None)


def score(corpus: Path, out: Path) -> tuple[Tally, dict[str, Tally]]:
    total = Tally()
    groups: dict[str, Tally] = {}
    for key_file in sorted((corpus / "truth").glob("*.json")):
        truth = json.loads(key_file.read_text(encoding="utf-8"))
        try:
            pred = json.loads((out / key_file.name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pred = {}
        tally = score_summary(truth, pred if isinstance(pred, dict) else {})
        p, r = tally.precision_recall()
        print(f"{key_file.stem}: precision {p:.3f} recall {r:.3f} (tp {tally.tp} fp {tally.fp} fn {tally.fn})")
        for miss in tally.misses[:12]:
            print(f"    {miss}")
        total.add(tally)
        group = group_of(key_file.stem)
        if group is not None:
            groups.setdefault(group, Tally()).add(tally)
    return total, groups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--keep", type=Path, help="write the summaries here instead of a temporary directory")
    parser.add_argument("--min-precision", type=float, default=0.95)
    parser.add_argument("--min-recall", type=float, default=0.90)
    parser.add_argument("--group-min-precision", type=float, default=0.93)
    parser.add_argument("--group-min-recall", type=float, default=0.90)
    args = parser.parse_args(argv)
    if not (args.corpus / "raw").is_dir() or not (args.corpus / "truth").is_dir():
        print(f"{args.corpus}: 需要包含 raw/ 和 truth/ 两个目录", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        crashed, elapsed = run(args.corpus, out)
        files = len(list((args.corpus / "raw").glob("*.txt")))
        total, groups = score(args.corpus, out)
    for crash in crashed:
        print(f"CRASH {crash}")
    ok = not crashed
    for name, _, _ in GROUPS:
        if name in groups:
            gp, gr = groups[name].precision_recall()
            g = groups[name]
            print(f"group {name}: precision {gp:.3f} recall {gr:.3f} (tp {g.tp} fp {g.fp} fn {g.fn})")
            ok = ok and gp >= args.group_min_precision and gr >= args.group_min_recall
    p, r = total.precision_recall()
    print(f"files: {files}, crashed: {len(crashed)}, average {1000 * elapsed / max(files, 1):.1f} ms per file")
    print(f"overall: precision {p:.3f} recall {r:.3f} (tp {total.tp} fp {total.fp} fn {total.fn})")
    return 0 if ok and p >= args.min_precision and r >= args.min_recall else 1


if __name__ == "__main__":
    sys.exit(main())
