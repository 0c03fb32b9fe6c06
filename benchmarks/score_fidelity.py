#!/usr/bin/env python3
"""How close a rule set comes to the scores departments gave themselves, row by row.

usage: score_fidelity.py [CORPUS_DIR] [--ruleset NAME] [--tolerance 0.1]

CORPUS_DIR (default ../shared/corpus beside the checkout, when present) holds scores/NNN.json — a table's own
分值 and 得分 per indicator row, for the execution row and the 总分 — and truth/NNN.json, the table's values
as printed (target, actual, budget, executed). For every table the script builds the evaluation from those
values, reviews it with the rule set (jixiao.review) and prints each row: the department's score, the rule
set's, and where they differ, why — from the verdict (met, missed, not comparable) and the rule applied.

The keys carry no 一级/二级 of an indicator, so a target written without a direction is read by its name only;
where a key gives the execution rate but no budget, the budget is taken as executed ÷ rate (stated in the output).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

from jixiao import review
from jixiao.model import Basis, Outcome
from jixiao.rules.scorecard import num

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def _norm(name: str | None) -> str:
    return re.sub(r"[\s()（）★*≥≤<>=]", "", unicodedata.normalize("NFKC", name or ""))


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _indicator_values(truth: dict) -> list[dict]:
    return [ind for p in truth.get("projects") or [] for ind in p.get("indicators") or []]


def _match(rows: list[dict], values: list[dict]) -> list[dict | None]:
    """Each score row's values: by name, else (a name cut off in the text) by position."""
    by_name = {_norm(v["name"]): v for v in values if v.get("name")}
    out = []
    for i, row in enumerate(rows):
        found = by_name.get(_norm(row["name"]))
        if found is None and i < len(values) and not values[i].get("name"):
            found = values[i]
        out.append(found)
    return out


def _document(number: str, truth: dict, rows: list[dict], matched: list[dict | None]) -> tuple[dict, list[str]]:
    notes = []
    budget, executed, rate = (_decimal(truth.get(k)) for k in ("budget_total", "executed_total", "execution_rate_pct"))
    if budget is None and executed is not None and rate:
        budget = executed * 100 / rate
        notes.append(f"全年预算数未给出，按执行数 ÷ 执行率 {num(rate)}% 推得")
    indicators = []
    for row, values in zip(rows, matched):
        ind = {"name": row["name"], "weight": str(row["weight"])}
        if row.get("score") is not None:
            ind["score"] = str(row["score"])
        for key in ("target", "actual"):
            if values and values.get(key) is not None:
                ind[key] = values[key]
        indicators.append(ind)
    doc = {"jixiao": 1, "kind": "project", "year": truth.get("year") or 2023, "unit": truth.get("unit") or "万元",
           "department": {"name": truth.get("department") or f"表{number}"},
           "finance": {k: str(v) for k, v in (("budget", budget), ("executed", executed)) if v is not None},
           "tasks": [{"name": "项目", "indicators": indicators}]}
    return doc, notes


def _why(row: dict, item, values: dict | None) -> str:
    if values is None or values.get("target") is None:
        return "没有这一行的年度指标值（答案键中无此行的数值），规则集无法比较，0 分"
    v = item.verdict
    dept, ours, weight = _decimal(row["score"]), item.score, _decimal(row["weight"])
    if v is None or v.outcome is Outcome.NOT_COMPARABLE:
        return f"无法比较：{v.reason if v else item.explain}"
    if v.met and dept < weight:
        return f"单位对已{v.outcome.label}的指标扣了分（{v.reason}），规则集按达到计满分"
    if v.met is False and dept >= weight:
        return f"单位对未达到的指标给了满分（{v.reason}），规则集按比例计 {num(ours)} 分"
    if v.basis is Basis.TIER:
        return f"定性档位：{v.reason}；单位得分 {num(dept)}，规则集按档位计 {num(ours)} 分"
    return f"单位按自己的扣分办法计 {num(dept)} 分，规则集：{item.explain}"


def compare_table(number: str, scores: dict, truth: dict, ruleset: str, tolerance: Decimal) -> tuple[int, int]:
    rows = scores.get("rows") or []
    print(f"\n## 表 {number}（{truth.get('department') or '单位未知'}，{truth.get('year') or '年度未知'}）")
    if not rows:
        total = scores.get("total")
        print(f"没有逐行得分（只有总分 {total}），无可比较的行。" if total is not None else "没有逐行得分，也没有总分。")
        return 0, 0
    matched = _match(rows, _indicator_values(truth))
    if not any(values and values.get("target") is not None for values in matched):
        print(f"{len(rows)} 行都没有年度指标值和实际完成值（是评分标准式的评分表，不是指标表），不与规则集比较；"
              f"单位总分 {scores.get('total')}。")
        return 0, 0
    doc, notes = _document(number, truth, rows, matched)
    result = review(doc, ruleset)
    for note in notes:
        print(f"注：{note}")
    agree = differ = 0
    lines = []
    execution = scores.get("execution")
    if execution and execution.get("score") is not None:
        item = result.scorecard.item("finance")
        ours = item.score * _decimal(execution["weight"]) / item.weight if item.weight else item.score
        same = abs(ours - _decimal(execution["score"])) <= tolerance
        agree, differ = agree + same, differ + (not same)
        lines.append((same, "预算执行率", execution["score"], ours, "" if same else item.explain))
    for i, (row, values) in enumerate(zip(rows, matched)):
        if row.get("score") is None:
            continue
        item = result.scorecard.item(f"tasks[0].indicators[{i}]")
        same = abs(item.score - _decimal(row["score"])) <= tolerance
        agree, differ = agree + same, differ + (not same)
        lines.append((same, row["name"], row["score"], item.score, "" if same else _why(row, item, values)))
    for same, name, dept, ours, why in lines:
        mark = "一致" if same else "不同"
        print(f"- [{mark}] {name}：单位 {num(_decimal(dept))}，规则集 {num(ours)}" + (f"——{why}" if why else ""))
    total = scores.get("total")
    if total is not None:
        print(f"总分：单位 {total}，规则集 {num(result.total)}（{result.grade}）")
    return agree, differ


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--ruleset", default="cn-mof-2020")
    parser.add_argument("--tolerance", type=Decimal, default=Decimal("0.1"))
    args = parser.parse_args(argv)
    scores_dir, truth_dir = args.corpus / "scores", args.corpus / "truth"
    if not scores_dir.is_dir():
        print(f"没有找到 {scores_dir}：请给出语料目录。", file=sys.stderr)
        return 2
    print(f"# 规则集 {args.ruleset} 与单位自评得分的逐行比较（相差不超过 {args.tolerance} 分为一致）")
    agree = differ = 0
    for path in sorted(scores_dir.glob("*.json")):
        truth_path = truth_dir / path.name
        truth = json.loads(truth_path.read_text(encoding="utf-8")) if truth_path.exists() else {}
        a, d = compare_table(path.stem, json.loads(path.read_text(encoding="utf-8")), truth, args.ruleset,
                             args.tolerance)
        agree, differ = agree + a, differ + d
    rows = agree + differ
    print(f"\n合计：{rows} 行，一致 {agree} 行，不同 {differ} 行" + (f"（一致率 {agree * 100 / rows:.1f}%）" if rows else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
