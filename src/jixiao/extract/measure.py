"""Field-by-field precision and recall of extraction summaries against answer keys.

The rules (the project's measure of extraction quality):
- only fields a key gives are scored; a key's null means "the text does not say", so a value there
  is a false positive, and a null where the key has a value is a miss (false negative);
- a wrong value counts both ways (a false positive and a miss);
- numbers agree within 0.005; strings after NFKC, without whitespace, with ≥/≤ as >=/<= and curly quotes straight;
- by_source entries are matched by normalised label; projects and indicators by name similarity
  (difflib ratio ≥ 0.6, greedy, in key order).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

SCALARS = ("department", "year", "report_type", "unit", "budget_total", "executed_total",
           "execution_rate_pct", "basic_expenditure", "project_expenditure", "carryover", "self_score", "grade")
PROJECT_FIELDS = ("budget", "executed", "execution_rate_pct")
INDICATOR_FIELDS = ("period_target", "target", "actual", "met")
_QUOTES = str.maketrans({"≥": ">=", "≤": "<=", "“": '"', "”": '"', "‘": "'", "’": "'"})


def norm_text(value: Any) -> str:
    s = unicodedata.normalize("NFKC", str(value)).translate(_QUOTES)
    return re.sub(r"\s+", "", s)


def same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    numeric = (int, float)
    if isinstance(a, numeric) or isinstance(b, numeric):
        try:
            return abs(float(str(a).replace(",", "")) - float(str(b).replace(",", ""))) <= 0.005
        except ValueError:
            return False
    return norm_text(a) == norm_text(b)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def field(self, where: str, truth: Any, pred: Any) -> None:
        if truth is None and pred is None:
            return
        if truth is None:
            self.fp += 1
            self.misses.append(f"{where}: key null, got {pred!r}")
        elif pred is None:
            self.fn += 1
            self.misses.append(f"{where}: missing, key {truth!r}")
        elif same(truth, pred):
            self.tp += 1
        else:
            self.fp += 1
            self.fn += 1
            self.misses.append(f"{where}: got {pred!r}, key {truth!r}")

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def precision_recall(self) -> tuple[float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r


def match_by_name(truth_items: list[dict], pred_items: list[dict]) -> list[tuple[dict | None, dict | None]]:
    pairs: list[tuple[dict | None, dict | None]] = []
    used: set[int] = set()
    for t in truth_items:
        best, best_i = 0.0, None
        for i, p in enumerate(pred_items):
            if i in used:
                continue
            ratio = difflib.SequenceMatcher(None, norm_text(t.get("name") or ""), norm_text(p.get("name") or "")).ratio()
            if ratio > best:
                best, best_i = ratio, i
        if best_i is not None and best >= 0.6:
            used.add(best_i)
            pairs.append((t, pred_items[best_i]))
        else:
            pairs.append((t, None))
    pairs.extend((None, p) for i, p in enumerate(pred_items) if i not in used)
    return pairs


def score_summary(truth: dict, pred: dict) -> Tally:
    t = Tally()
    for key in SCALARS:
        if key in truth:
            t.field(key, truth[key], pred.get(key))
    if "by_source" in truth:
        tk = {norm_text(k): v for k, v in (truth.get("by_source") or {}).items()}
        pk = {norm_text(k): v for k, v in (pred.get("by_source") or {}).items()}
        for k in sorted(set(tk) | set(pk)):
            t.field(f"by_source[{k}]", tk.get(k), pk.get(k))
    if "projects" in truth:
        _score_projects(t, truth.get("projects") or [], pred.get("projects") or [])
    return t


def _score_projects(t: Tally, truth: list[dict], pred: list[dict]) -> None:
    for tp, pp in match_by_name(truth, pred):
        name = (tp or pp or {}).get("name")
        t.field(f"project[{name}].name", tp and tp.get("name"), pp and pp.get("name"))
        for f in PROJECT_FIELDS:
            if tp is None or f in tp:
                t.field(f"project[{name}].{f}", tp and tp.get(f), pp and pp.get(f))
        for a, b in match_by_name((tp or {}).get("indicators") or [], (pp or {}).get("indicators") or []):
            iname = (a or b or {}).get("name")
            t.field(f"indicator[{iname}].name", a and a.get("name"), b and b.get("name"))
            for f in INDICATOR_FIELDS:
                if a is None or f in a:
                    t.field(f"indicator[{iname}].{f}", a and a.get(f), b and b.get(f))
