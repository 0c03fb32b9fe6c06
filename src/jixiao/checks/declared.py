"""The unit's own scores against its own table (JX-S002–S007): totals that add up, points within 分值, full
marks only for what was met, partial marks that follow the completion.

These read only what the unit declared (分值, 得分, 总分, the execution row) and each indicator's Verdict
(jixiao.model), never a rule set's computed score: a unit scored by its province's rules is judged against its
own table, so they hold for a published report as much as for typed input.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model import HUNDRED, ZERO, Evaluation, Finding, Indicator, Task
from ..model.catalogue import finding
from .compare import percent
from .indicators import explanation_is_empty, label
from .params import CheckParams

FULL_POINTS = HUNDRED  # a 自评表's 分值 add up to 100 (rules-spec §1: execution row plus indicators)
_GAP = Decimal("0.05")  # the least difference of completion or of points that makes two rows out of order


def check_declared(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    for ti, task in enumerate(ev.tasks):
        for ii, ind in enumerate(task.indicators):
            if not ind.not_applicable:
                yield from _row(f"tasks[{ti}].indicators[{ii}]", ind, p)
        yield from _execution_row(f"tasks[{ti}]", task, p)
        yield from _order(f"tasks[{ti}]", task)
    yield from _totals(ev, p)


def _row(path: str, ind: Indicator, p: CheckParams) -> Iterator[Finding]:
    if ind.score is None or ind.weight is None:
        return
    if ind.score - ind.weight > p.score_tolerance:
        yield finding("JX-S004", f"{path}.score", ind.where("score"), what=f"指标{label(ind)}",
                      score=_num(ind.score), weight=_num(ind.weight))
        return
    verdict = ind.verdict()
    if verdict.unverified or verdict.met is None:
        return
    if verdict.met is False and ind.score >= ind.weight and ind.weight > 0:
        yield finding("JX-S005", f"{path}.score", ind.where("score"), indicator=label(ind),
                      reason=verdict.reason, score=_num(ind.score))
    elif (verdict.met and ind.weight - ind.score > p.score_tolerance and not _partial_tier(ind)
          and explanation_is_empty(ind.deviation, p)):
        yield finding("JX-S006", f"{path}.score", ind.where("score"), indicator=label(ind),
                      reason=verdict.reason, score=_num(ind.score), weight=_num(ind.weight))


def _partial_tier(ind: Indicator) -> bool:
    """A qualitative actual below 达成 explains a lower score on its own."""
    tier = ind.actual.tier if ind.actual is not None else None
    return tier is not None and tier.key != "met"


def _execution_row(path: str, task: Task, p: CheckParams) -> Iterator[Finding]:
    """执行率得分 above 执行率 × 分值: the most any rule set gives for the money spent."""
    rate, weight, score = task.rate_or_stated(), task.execution_weight, task.execution_score
    if rate is None or weight is None or score is None:
        return
    most = weight * min(rate, HUNDRED) / HUNDRED
    if score > weight + p.score_tolerance:
        yield finding("JX-S004", f"{path}.execution_score", task.where("execution_score"),
                      what=f"任务“{task.name}”的预算执行率", score=_num(score), weight=_num(weight))
    elif score - most > p.score_tolerance:
        yield finding("JX-S007", f"{path}.execution_score", task.where("execution_score"), task=task.name,
                      rate=percent(rate), weight=_num(weight), most=_num(most), score=_num(score))


def _order(path: str, task: Task) -> Iterator[Finding]:
    """Partial points out of step with completion: the row done further gets the smaller share of its 分值."""
    rows = []
    for ind in task.indicators:
        if ind.not_applicable or ind.score is None or not ind.weight:
            continue
        verdict = ind.verdict()
        ratio = verdict.ratio
        if verdict.met is False and ratio is not None and 0 < ratio < 1:
            rows.append((ratio, ind.score / ind.weight, ind))
    pairs = [(a, b) for a in rows for b in rows if a[0] - b[0] >= _GAP and b[1] - a[1] >= _GAP]
    if pairs:
        (ra, fa, a), (rb, fb, b) = max(pairs, key=lambda ab: ab[0][0] - ab[1][0] + ab[1][1] - ab[0][1])
        yield finding("JX-S003", f"{path}.indicators", task.where("indicators") or task.location, task=task.name,
                      a=label(a), ra=percent(ra * 100), fa=percent(fa * 100),
                      b=label(b), rb=percent(rb * 100), fb=percent(fb * 100), count=len(pairs))


def _totals(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    """总分 against the rows it is the sum of, and the 分值 against 100: for a table of one task (a project's
    自评表, or a department form scored as one table), with every row's points given."""
    if len(ev.tasks) != 1:
        return
    task = ev.tasks[0]
    live = [ind for ind in task.indicators if not ind.not_applicable]
    if not live or task.execution_weight is None or any(i.weight is None for i in live):
        return
    weights = task.execution_weight + sum((i.weight for i in live), ZERO)
    if abs(weights - FULL_POINTS) > p.score_tolerance:
        yield finding("JX-S002", "tasks[0].indicators", task.where("indicators") or task.location,
                      problem=f"预算执行率分值 {_num(task.execution_weight)} 与各指标分值合计"
                              f" {_num(weights - task.execution_weight)}，共 {_num(weights)} 分，不是 100 分")
    if ev.declared_score is None or task.execution_score is None or any(i.score is None for i in live):
        return
    scores = task.execution_score + sum((i.score for i in live), ZERO)
    if abs(scores - ev.declared_score) > p.score_tolerance:
        yield finding("JX-S002", "declared_score", ev.where("declared_score"),
                      problem=f"预算执行率得分 {_num(task.execution_score)} 与各指标得分合计"
                              f" {_num(scores - task.execution_score)}，共 {_num(scores)} 分，"
                              f"与填写的总分 {_num(ev.declared_score)} 分不符")


def _num(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')).normalize():f}"
