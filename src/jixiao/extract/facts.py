"""What extraction finds: each value with where it came from, the sentence around it, and how sure we are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Location

# Confidence by how a value was found; the figures order the methods, they are not probabilities.
LABELLED = 0.95  # a value right after its own label in prose: 全年预算数 688.34 万元
TABLE_COLUMN = 0.9  # a cell under a recognised table header
TABLE_GUESS = 0.75  # a row of a flattened table whose empty cells were lost
INFERRED = 0.6  # derived from context (a title, a heading before a figure)
OCR_FACTOR = 0.8  # text read by OCR from a page image: every value from it is less sure

# How a value was found (Fact.method); docs/extraction.md lists them for the checks that rely on them.
LABEL = "label"  # a number or name right after its own label in prose or a form: 全年预算数 688.34 万元
TABLE = "table"  # a table cell whose column the header gives and whose position the blank cells confirm
ALIGNED = "table-aligned"  # a table cell placed by type and order, the blank cells having been lost
TITLE = "title"  # read from the report's title
BYLINE = "byline"  # the 来源/信息来源 line of a published page
HEADING = "heading"  # a numbered heading before the figures (a task's name)
DERIVED = "derived"  # taken over from another value (a one-project report's total is its project's)
COMPUTED = "computed"  # computed, not read: met from comparing target and actual
READ_METHODS = frozenset({LABEL, TABLE, ALIGNED})


@dataclass
class Fact:
    value: Any
    location: Location | None = None
    source: str = ""
    confidence: float = LABELLED
    method: str = LABEL
    why: str = ""  # in Chinese, for --explain: 标签“全年预算数”后的数字 …


@dataclass
class IndicatorFacts:
    name: Fact | None = None
    level1: Fact | None = None
    level2: Fact | None = None
    period_target: Fact | None = None
    target: Fact | None = None
    actual: Fact | None = None
    met: Fact | None = None
    weight: Fact | None = None
    score: Fact | None = None
    deviation: Fact | None = None  # 偏差原因分析及改进措施, as written (not in the summary)


@dataclass
class ProjectFacts:
    name: Fact | None = None
    budget: Fact | None = None
    executed: Fact | None = None
    execution_rate: Fact | None = None
    outcome: Fact | None = None  # 目标实际完成情况及主要成效, as written
    score: Fact | None = None  # a project's own 自评分数 where a list of projects gives it
    indicators: list[IndicatorFacts] = field(default_factory=list)
    start: int = 0  # offset where the project's text begins, to order and bound it


@dataclass
class ReportFacts:
    """Everything one report states, field by field; a field the text does not state stays None."""

    department: Fact | None = None
    year: Fact | None = None
    report_type: Fact | None = None  # 整体 | 项目
    unit: Fact | None = None  # 万元 | 元
    budget: Fact | None = None
    executed: Fact | None = None
    execution_rate: Fact | None = None
    by_source: dict[str, Fact] = field(default_factory=dict)
    basic: Fact | None = None
    project: Fact | None = None
    carryover: Fact | None = None
    # the 年度资金总额 row's other cells, and the 其中 rows by label (column kind → fact), as a form prints them
    initial: Fact | None = None
    execution_weight: Fact | None = None
    execution_score: Fact | None = None
    fund_rows: dict[str, dict[str, Fact]] = field(default_factory=dict)
    projects: list[ProjectFacts] = field(default_factory=list)
    score: Fact | None = None
    grade: Fact | None = None
    problems: list[Fact] | None = None
    measures: list[Fact] | None = None
    # the report's own paragraphs, by field (functions, goals, conclusion, achievements); see narrative.py
    narrative: dict[str, list[Fact]] = field(default_factory=dict)

    def records(self) -> list[tuple[str, Fact]]:
        """Every fact with its field path, in reading order of the summary."""
        out: list[tuple[str, Fact]] = []
        for name in ("department", "year", "report_type", "unit", "budget", "executed", "execution_rate",
                     "basic", "project", "carryover", "initial", "execution_weight", "execution_score", "score", "grade"):
            fact = getattr(self, name)
            if fact is not None:
                out.append((name, fact))
        out.extend((f"by_source[{label}]", fact) for label, fact in self.by_source.items())
        for pi, p in enumerate(self.projects):
            for name in ("name", "budget", "executed", "execution_rate", "outcome", "score"):
                fact = getattr(p, name)
                if fact is not None:
                    out.append((f"projects[{pi}].{name}", fact))
            for ii, ind in enumerate(p.indicators):
                for name in ("name", "level1", "level2", "period_target", "target", "actual", "met", "weight", "score",
                             "deviation"):
                    fact = getattr(ind, name)
                    if fact is not None:
                        out.append((f"projects[{pi}].indicators[{ii}].{name}", fact))
        for label, items in (("problems", self.problems), ("measures", self.measures), *self.narrative.items()):
            out.extend((f"{label}[{i}]", fact) for i, fact in enumerate(items or []))
        return out
