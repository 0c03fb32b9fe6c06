#!/usr/bin/env python3
"""Measure extraction on a corpus: DIR/raw/NNN.txt reports, DIR/truth/NNN.json answer keys.

usage: extract_eval.py DIR [--keep PRED_DIR] [--min-precision P] [--min-recall R]

Runs the extractor on every raw file (keyed or not: none may crash), writes each summary to a
temporary directory (or PRED_DIR), scores the keyed ones field by field with jixiao.extract.measure
and prints per-file and overall precision and recall. The last line is the overall figure.
Exit 0 when the thresholds hold (defaults 0.95 precision, 0.90 recall), 1 otherwise.
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


def score(corpus: Path, out: Path) -> Tally:
    total = Tally()
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
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--keep", type=Path, help="write the summaries here instead of a temporary directory")
    parser.add_argument("--min-precision", type=float, default=0.95)
    parser.add_argument("--min-recall", type=float, default=0.90)
    args = parser.parse_args(argv)
    if not (args.corpus / "raw").is_dir() or not (args.corpus / "truth").is_dir():
        print(f"{args.corpus}: 需要包含 raw/ 和 truth/ 两个目录", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        crashed, elapsed = run(args.corpus, out)
        files = len(list((args.corpus / "raw").glob("*.txt")))
        total = score(args.corpus, out)
    for crash in crashed:
        print(f"CRASH {crash}")
    p, r = total.precision_recall()
    print(f"files: {files}, crashed: {len(crashed)}, average {1000 * elapsed / max(files, 1):.1f} ms per file")
    print(f"overall: precision {p:.3f} recall {r:.3f} (tp {total.tp} fp {total.fp} fn {total.fn})")
    return 0 if p >= args.min_precision and r >= args.min_recall and not crashed else 1


if __name__ == "__main__":
    sys.exit(main())
