"""ReportView: the evaluation, its score card and findings formatted once, for every output.

Renderers only read a ReportView; nothing here or downstream recomputes a score. Text the user
wrote is kept as written; where a part of the outline has no text but the data can say it, the
sentence is drafted from the data (see prose.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterator

from ..model import Evaluation, Finding, Kind
from . import prose
from .format import trim


@dataclass(frozen=True)
class IndicatorView:
    level1: str
    level2: str
    name: str
    period_target: str
    target: str
    actual: str
    weight: Decimal | None  # 分值, from the score card when there is one
    score: Decimal | None  # 得分, from the score card, else as declared
    deviation: str
    met: str  # 完成 / 未完成 / "" when the author did not say
    verdict: str = ""  # the model's verdict: 达到 / 超额完成 / 未达到 / 无法比较 (Verdict.label)


@dataclass(frozen=True)
class TaskView:
    number: int
    name: str
    heading: str  # 1.妇联活动…项目
    plan: str  # the line under （四）: name and 期望达到的目标
    spending: str  # 支出完成情况：…
    outcome: str  # 目标实际完成情况及主要成效：…
    indicator_summary: str  # 指标完成情况：一是…
    initial_budget: Decimal | None  # amounts in the evaluation's unit, for the 自评表
    budget: Decimal | None
    executed: Decimal | None
    execution_rate: str
    execution_weight: Decimal | None
    execution_score: Decimal | None
    task_weight: Decimal | None  # department only: the task's share of the total (任务分值)
    task_score: Decimal | None  # department only: the task's weighted score (折合得分)
    expected: str
    outcome_text: str
    indicators: tuple[IndicatorView, ...]


@dataclass(frozen=True)
class ScoreView:
    ruleset: str
    total: Decimal
    grade: str
    grade_label: str
    reference: bool  # 参考分: the rule set's weights are not officially confirmed

    @property
    def line(self) -> str:
        note = "（参考分：所用规则集的评分框架尚未经官方文件确认，仅供参考）" if self.reference else ""
        return f"按“{self.ruleset}”规则集测算，自评得分{trim(self.total)}分，等级为“{self.grade_label}”{note}。"


@dataclass(frozen=True)
class FindingView:
    severity: str  # 错误 / 警告 / 提示
    code: str
    message: str
    where: str


@dataclass(frozen=True)
class Block:
    """One paragraph of the report outline: kind is department, title, h1, h2, h3 or p."""

    kind: str
    text: str


@dataclass(frozen=True)
class ReportView:
    kind: Kind
    year: int
    department: str
    supervisor: str
    title: str
    unit: str  # 万元 or 元
    headings: dict[str, str]
    functions: tuple[str, ...]
    finance: tuple[str, ...]
    goals: tuple[str, ...]
    tasks: tuple[TaskView, ...]
    conclusion: tuple[str, ...]
    achievements: tuple[str, ...]
    problems: tuple[str, ...]
    measures: tuple[str, ...]
    score: ScoreView | None
    findings: tuple[FindingView, ...]
    summary: dict[str, Decimal | None]  # department figures for the summary sheet

    def blocks(self) -> Iterator[Block]:
        """The report outline in reading order; the DOCX template lays out the same sequence."""
        h = self.headings
        yield Block("department", self.department)
        yield Block("title", self.title)
        yield Block("h1", h["basic"])
        yield from _section(h["functions"], self.functions)
        yield from _section(h["finance"], self.finance)
        yield from _section(h["goals"], self.goals)
        yield from _section(h["tasks"], tuple(t.plan for t in self.tasks) or (prose.MISSING,))
        yield Block("h1", h["analysis"])
        yield from _section(h["conclusion"], self.conclusion)
        yield Block("h2", h["task_analysis"])
        for task in self.tasks:
            yield Block("h3", task.heading)
            for text in (task.spending, task.outcome, task.indicator_summary):
                yield Block("p", text)
        yield from _section(h["achievements"], self.achievements)
        yield Block("h1", h["problems"])
        yield from (Block("p", t) for t in self.problems)
        yield Block("h1", h["measures"])
        yield from (Block("p", t) for t in self.measures)


def _section(heading: str, paragraphs: tuple[str, ...]) -> Iterator[Block]:
    yield Block("h2", heading)
    yield from (Block("p", t) for t in paragraphs)


def make_view(
    evaluation: Evaluation,
    scorecard: Any | None = None,
    findings: list[Finding] | None = None,
    drafts: Any | None = None,
) -> ReportView:
    """Format an evaluation (with its score card, findings and check drafts when given)."""
    ev = evaluation
    score = _score_view(scorecard)
    conclusion = prose.conclusion(ev)
    if score is not None:
        conclusion = (conclusion[0] + score.line, *conclusion[1:])
    return ReportView(
        kind=ev.kind,
        year=ev.year,
        department=ev.department.name,
        supervisor=ev.department.supervisor or "",
        title=ev.title,
        unit=ev.unit.value,
        headings=prose.headings(ev.kind),
        functions=prose.numbered(ev.department.functions),
        finance=prose.finance(ev),
        goals=prose.numbered(ev.goals),
        tasks=tuple(prose.task_view(ev, i, scorecard) for i in range(len(ev.tasks))),
        conclusion=conclusion,
        achievements=prose.numbered(ev.achievements),
        problems=prose.problems(ev, drafts),
        measures=prose.measures(ev, drafts),
        score=score,
        findings=tuple(_finding_view(f) for f in findings or ()),
        summary=prose.summary_figures(ev, scorecard),
    )


def build_view(evaluation: Evaluation, ruleset: str | None = None) -> ReportView:
    """Score, check and draft with jixiao.rules / jixiao.checks when they are installed, then format."""
    scorecard = findings = drafts = None
    try:
        from ..rules import score
        from ..rules.engine import resolve
    except ImportError:  # scoring not available in this build: the report shows no score
        score = resolve = None
    if score is not None:
        ruleset = resolve(evaluation, ruleset)  # RuleSetError for an unknown name: the caller reports it
        scorecard = score(evaluation, ruleset)
    try:
        from ..checks import check, draft_sections
    except ImportError:  # checks not available: sections 三/四 use the input text only
        check = draft_sections = None
    if check is not None:
        findings = list(check(evaluation, ruleset, scorecard))
        drafts = draft_sections(evaluation, findings)
    return make_view(evaluation, scorecard, findings, drafts)


def _score_view(scorecard: Any | None) -> ScoreView | None:
    if scorecard is None or getattr(scorecard, "total", None) is None:
        return None
    ruleset = scorecard.ruleset
    return ScoreView(
        ruleset=str(getattr(ruleset, "name", ruleset)),
        total=Decimal(scorecard.total),
        grade=str(scorecard.grade),
        grade_label=str(getattr(scorecard, "grade_label", None) or scorecard.grade),
        reference=bool(getattr(scorecard, "reference", False)),
    )


def _finding_view(f: Finding) -> FindingView:
    return FindingView(f.severity.label, f.code, f.message, str(f.location) if f.location else f.path)
