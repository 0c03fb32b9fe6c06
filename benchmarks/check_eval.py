#!/usr/bin/env python3
"""Measure the checks on a corpus of published reports: DIR/raw/NNN.txt, DIR/defects/NNN.md.

usage: check_eval.py DIR [--quiet] [--file NNN]

Runs `jixiao check`'s review (jixiao.review.review_file) on every raw text and prints, per file, each finding
with its code and severity, beside the defects a reviewer listed for that text (defects/NNN.md, one "- " line
each). Two data files beside this script hold our own reading, so that the figures can be printed and checked:

- check_judgement.yaml: our verdict on findings we read against the text (file, code, a part of the message,
  true/false, why). A finding no entry matches is printed as "?" — read it and add a verdict.
- check_defects.yaml: for each listed defect, the codes and a part of the message a finding must have to count
  as finding it.

Printed last: findings by code and severity, the share of judged findings that are true, the false errors,
and the recall of the listed defects. These are measurements, not a test: the exit code is always 0 unless
the script itself fails.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import time
from pathlib import Path

import yaml

from jixiao.model import Severity
from jixiao.review import review_file

HERE = Path(__file__).resolve().parent
_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def _load(name: str) -> list[dict]:
    path = HERE / name
    return yaml.safe_load(path.read_text(encoding="utf-8")) or [] if path.exists() else []


def listed_defects(corpus: Path, stem: str) -> list[str]:
    path = corpus / "defects" / f"{stem}.md"
    if not path.exists():
        return []
    return [line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]


def verdict_of(stem: str, code: str, message: str, judgements: list[dict]) -> dict | None:
    for j in judgements:
        if str(j["file"]) == stem and j["code"] == code and str(j["match"]) in message:
            return j
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--quiet", action="store_true", help="only the totals")
    ap.add_argument("--file", action="append", help="only these files (NNN), repeatable")
    ap.add_argument("--markdown", action="store_true", help="the per-file table for docs/findings.md, then the totals")
    args = ap.parse_args()
    judgements, defect_keys = _load("check_judgement.yaml"), _load("check_defects.yaml")
    by_code: collections.Counter = collections.Counter()
    true = false = unjudged = false_errors = 0
    notices_true = notices = 0  # JX-E…: what extraction could read, not claims about the department's work
    found = listed = 0
    failing_files = []
    table = ["| 文件 | 错误 | 警告 | 提示 | 属实 | 不实 | 已知问题找到 | 发现的代码 |", "|---|---|---|---|---|---|---|---|"]
    elapsed = 0.0
    for raw in sorted((args.corpus / "raw").glob("*.txt")):
        stem = raw.stem
        if args.file and stem not in args.file:
            continue
        start = time.perf_counter()
        result = review_file(raw)
        elapsed += time.perf_counter() - start
        lines = []
        file_true = file_false = 0
        for f in result.findings:
            by_code[(f.code, f.severity.value)] += 1
            j = verdict_of(stem, f.code, f.message, judgements)
            mark = "?" if j is None else ("✓" if j["verdict"] else "✗")
            if j is None:
                unjudged += 1
            elif j["verdict"]:
                true += 1
                file_true += 1
                notices_true += f.code.startswith("JX-E")
            else:
                false += 1
                file_false += 1
                false_errors += f.severity is Severity.ERROR
            notices += j is not None and f.code.startswith("JX-E")
            line = f.location.line if f.location and f.location.line else ""
            lines.append(f"  {mark} {_SEVERITY_ZH[f.severity]} {f.code} :{line} {f.message[:150]}")
        if result.errors:
            failing_files.append(stem)
        defects = listed_defects(args.corpus, stem)
        hits = []
        for i, text in enumerate(defects, 1):
            keys = [k for k in defect_keys if str(k["file"]) == stem and k["defect"] == i]
            hit = any(f.code in k["codes"] and re.search(k["match"], f.message) for k in keys for f in result.findings)
            hits.append(hit)
            listed += 1
            found += hit
        counted = collections.Counter(f.severity for f in result.findings)
        shown = "、".join(sorted({f.code for f in result.findings if f.code != "JX-E007"})) or "—"
        table.append(f"| {stem} | {counted[Severity.ERROR]} | {counted[Severity.WARNING]} | {counted[Severity.INFO]} | "
                     f"{file_true} | {file_false} | {f'{sum(hits)}/{len(hits)}' if hits else '—'} | {shown} |")
        if args.quiet or args.markdown:
            continue
        print(f"== {stem}  错误 {result.errors} 警告 {result.warnings}")
        print("\n".join(lines) if lines else "  （无发现）")
        for text, hit in zip(defects, hits):
            print(f"  {'◆' if hit else '◇'} 已知问题：{text[:150]}")
    judged = true + false
    if args.markdown:
        print("\n".join(table))
    print("\n按代码与级别：" + "，".join(f"{c} {s} {n}" for (c, s), n in sorted(by_code.items())))
    print(f"发现 {sum(by_code.values())} 条；已判读 {judged} 条，其中属实 {true} 条"
          f"（{true / judged * 100 if judged else 0:.1f}%），不实 {false} 条（其中错误级 {false_errors} 条），未判读 {unjudged} 条")
    claims, claims_true = judged - notices, true - notices_true
    print(f"其中关于单位工作的发现（不计 JX-E 提取说明）{claims} 条，属实 {claims_true} 条"
          f"（{claims_true / claims * 100 if claims else 0:.1f}%）")
    print(f"有错误（退出码 1）的文件：{len(failing_files)} 个 {' '.join(failing_files)}")
    print(f"已知问题找到 {found}/{listed}（{found / listed * 100 if listed else 0:.1f}%）；用时 {elapsed:.2f} 秒")


if __name__ == "__main__":
    sys.exit(main())
