"""ReportView: the evaluation, its score card and findings formatted once, for every output.

Renderers only read a ReportView; nothing here or downstream recomputes a score. Text the user
wrote is kept as written; where a part of the outline has no text but the data can say it, the
sentence is drafted from the data (see prose.py).

The report body is the unit's own: its text, its self-score and grade. What jixiao computes (the
rule set's score, the findings) is carried for the internal outputs — the 自评表's 复核得分 column,
review listings — and enters the report only when asked for (`with_review`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
import re
from typing import Iterator, Mapping

from ..model import Evaluation, Finding, Kind
from ..review import Review, review
from ..rules import RuleSet, ScoreCard
from ..rules.department import task_forms
from . import prose
from .format import trim
from .title import title_lines


@dataclass(frozen=True)
class IndicatorView:
    level1: str
    level2: str
    name: str
    period_target: str
    target: str
    actual: str
    weight: Decimal | None  # 分值 as the unit declared it
    score: Decimal | None  # 得分 as the unit declared it
    review_weight: Decimal | None  # 分值 the rule set used (its allocation where the unit gave none)
    review_score: Decimal | None  # 复核得分: the rule set's score
    deviation: str
    met: str  # 完成 / 未完成 / "" when the author did not say
    verdict: str = ""  # the model's verdict: 达到 / 超额完成 / 未达到 / 无法比较 (Verdict.label)
    path: str = ""  # tasks[0].indicators[2]: where the reviewer's 复核评分 of this row is kept
    reviewer: "ReviewerScore | None" = None  # the reviewer's own 复核评分 of this row, when given

    @property
    def shown_review_score(self) -> Decimal | None:
        """The 复核得分 the 自评表 shows: the reviewer's where they scored the row, else the rule set's."""
        return self.reviewer.score if self.reviewer is not None else self.review_score


@dataclass(frozen=True)
class ReviewerScore:
    """A reviewer's own 复核评分 of one row (预算执行率 `finance`, or an indicator), with the reason given.

    Plain data: the web app keeps these per revision and passes them in; the library never stores them."""

    score: Decimal
    reason: str = ""
    weight: Decimal | None = None  # the 分值 the reviewer scored against, when the caller knows it


@dataclass(frozen=True)
class SourceRow:
    """One 其中 row under 年度资金总额 (当年财政拨款 / 上年结转资金 / 其他资金)."""

    label: str
    initial_budget: Decimal | None
    budget: Decimal | None
    executed: Decimal | None


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
    execution_weight: Decimal | None  # 年度资金总额 分值 as declared
    execution_score: Decimal | None  # 年度资金总额 得分 as declared
    review_execution_weight: Decimal | None  # the rule set's execution weight for this task's form
    review_execution_score: Decimal | None  # its 复核得分
    task_weight: Decimal | None  # department only: the task's share of the total (任务分值), from the rule set
    task_score: Decimal | None  # department only: the task's weighted score (折合得分), from the rule set
    sources: tuple[SourceRow, ...]
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
        """The review score as one sentence, marked as jixiao's, never as the unit's own."""
        note = "；所用规则集的评分框架尚未经官方文件确认，为参考分" if self.reference else ""
        return (f"（复核参考：按“{self.ruleset}”规则集测算，得分{trim(self.total)}分，"
                f"等级为“{self.grade_label}”{note}。）")


@dataclass(frozen=True)
class FindingView:
    severity: str  # 错误 / 警告 / 提示
    code: str
    message: str
    where: str  # file name (never a directory) and line or cell


@dataclass(frozen=True)
class Block:
    """One paragraph of the report: department, title, h1, h2, h3, p, attachment, signature or date."""

    kind: str
    text: str


@dataclass(frozen=True)
class ReportView:
    kind: Kind
    year: int
    department: str
    supervisor: str
    title: str
    title_lines: tuple[str, ...]  # the title broken by meaning, for the printed page
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
    attachments: tuple[str, ...]  # 附件说明 lines
    signature: str  # 落款
    date: str  # 成文日期, "" when not given
    goal_lines: tuple[str, ...]  # the goals as the unit wrote them, for the 自评表
    declared_score: Decimal | None
    declared_grade: str
    filled_by: str
    phone: str
    unit_head: str
    score: ScoreView | None  # the rule set's score: 复核 columns, review outputs
    findings: tuple[FindingView, ...]
    summary: dict[str, Decimal | None]  # department figures for the 部门整体 sheet
    with_review: bool = False  # the report itself carries the review score and findings
    reviewer_execution: ReviewerScore | None = None  # the reviewer's 复核评分 of 预算执行率 (path `finance`)

    @property
    def reviewer_scored(self) -> bool:
        """Whether a reviewer scored any row: the 自评表 then marks whose each 复核得分 is."""
        return self.reviewer_execution is not None or any(
            i.reviewer is not None for t in self.tasks for i in t.indicators)

    @property
    def review_line(self) -> str:
        return self.score.line if self.with_review and self.score else ""

    def blocks(self) -> Iterator[Block]:
        """The report in reading order; the DOCX template lays out the same sequence."""
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
        if self.review_line:
            yield Block("p", self.review_line)
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
        yield from (Block("attachment", t) for t in self.attachments)
        yield Block("signature", self.signature)
        if self.date:
            yield Block("date", self.date)


def _section(heading: str, paragraphs: tuple[str, ...]) -> Iterator[Block]:
    yield Block("h2", heading)
    yield from (Block("p", t) for t in paragraphs)


def make_view(
    evaluation: Evaluation,
    scorecard: ScoreCard | None = None,
    findings: list[Finding] | None = None,
    *,
    with_review: bool = False,
    task_forms: dict[int, ScoreCard] | None = None,
    review_scores: Mapping[str, ReviewerScore | Decimal] | None = None,
) -> ReportView:
    """Format an evaluation with its score card and findings when given.

    `with_review` puts the review score and findings into the report; by default they only fill
    the 自评表's 复核 column. `task_forms` holds, per task index, the 复核 figures of a department task's own
    自评表 (jixiao.rules.department.task_forms); a project's come from the score card itself.
    `review_scores` are a reviewer's own 复核评分 by row path (`finance`, `tasks[0].indicators[2]`): the
    自评表 shows them in 复核得分 instead of the rule set's, marked as the reviewer's; unknown paths are ignored.
    """
    ev = evaluation
    reviewer = {path: s if isinstance(s, ReviewerScore) else ReviewerScore(Decimal(s))
                for path, s in (review_scores or {}).items() if s is not None}
    # a project's execution is scored on `finance`, or on `tasks` when only the project's own figures are given
    project_execution = (prose.score_item(scorecard, "finance") or prose.score_item(scorecard, "tasks")
                         if ev.kind is Kind.PROJECT else None)
    forms = task_forms or {}

    def task(i: int):
        form = forms.get(i)
        if form is None:
            view = prose.task_view(ev, i, scorecard, project_execution)
        else:
            view = prose.task_view(ev, i, form, form.item(f"tasks[{i}].execution"))
        paths = [f"tasks[{i}].indicators[{j}]" for j in range(len(view.indicators))]
        return replace(view, indicators=tuple(replace(ind, path=p, reviewer=reviewer.get(p))
                                              for ind, p in zip(view.indicators, paths)))

    return ReportView(
        kind=ev.kind,
        year=ev.year,
        department=ev.department.name,
        supervisor=ev.department.supervisor or "",
        title=ev.title,
        title_lines=title_lines(ev.title_parts()),
        unit=ev.unit.value,
        headings=prose.headings(ev.kind),
        functions=prose.numbered(ev.department.functions),
        finance=prose.finance(ev),
        goals=prose.numbered(ev.goals),
        tasks=tuple(task(i) for i in range(len(ev.tasks))),
        conclusion=prose.conclusion(ev),
        achievements=prose.numbered(ev.achievements),
        problems=prose.problems(ev),
        measures=prose.measures(ev),
        attachments=prose.attachments(ev),
        signature=prose.signature(ev),
        date=prose.date(ev),
        goal_lines=tuple(p.text.strip() for p in ev.goals),
        declared_score=ev.declared_score,
        declared_grade=(ev.declared_grade or "").strip(),
        filled_by=(ev.filled_by or "").strip(),
        phone=(ev.phone or "").strip(),
        unit_head=(ev.unit_head or "").strip(),
        score=_score_view(scorecard),
        findings=tuple(_finding_view(f) for f in findings or ()),
        summary=prose.summary_figures(ev, scorecard),
        with_review=with_review,
        reviewer_execution=reviewer.get("finance"),
    )


def build_view(source: Review | Evaluation, ruleset: RuleSet | str | None = None, *,
               with_review: bool = False,
               review_scores: Mapping[str, ReviewerScore | Decimal] | None = None) -> ReportView:
    """Format a review (jixiao.review); an Evaluation is reviewed first, with `ruleset`.

    The score and findings fill the 自评表's 复核 column; the report shows them only `with_review`. A rule set
    that cannot be used leaves the view unscored (its findings are the review's). `review_scores`: a reviewer's
    own 复核评分 by row path (see make_view).
    """
    result = source if isinstance(source, Review) else review(source, ruleset)
    ev = result.evaluation
    if ev is None:
        raise ValueError("没有可生成报告的自评数据（输入无法读取）")
    # Each task's 自评表 of a department is scored the way a project form is, the task alone.
    forms = (task_forms(ev, result.ruleset, result.scorecard)
             if result.scorecard is not None and ev.kind is Kind.DEPARTMENT else None)
    return make_view(ev, result.scorecard, list(result.findings), with_review=with_review, task_forms=forms,
                     review_scores=review_scores)


def _score_view(scorecard: ScoreCard | None) -> ScoreView | None:
    if scorecard is None:
        return None
    return ScoreView(ruleset=scorecard.ruleset, total=scorecard.total, grade=scorecard.grade,
                     grade_label=scorecard.grade_label or scorecard.grade, reference=scorecard.reference)


def _finding_view(f: Finding) -> FindingView:
    loc = f.location
    if loc is None:
        return FindingView(f.severity.label, f.code, f.message, f.path)
    # The file by its name only: a server's directories never appear in an output.
    named = loc.model_copy(update={"file": re.split(r"[\\/]", loc.file)[-1]}) if loc.file else loc
    return FindingView(f.severity.label, f.code, f.message, str(named))
