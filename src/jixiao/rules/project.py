"""The project method (项目支出, 财预〔2020〕10号): execution + every indicator, then the policies."""

from __future__ import annotations

from decimal import Decimal

from ..model import HUNDRED, ZERO, Evaluation, Kind
from .execution import execution_item
from .indicators import score_table
from .policies import cap_item, overachieve_deductions, rescale_item
from .ruleset import RuleSet
from .scorecard import ScoreCard, ScoreItem, num


def score_project(ev: Evaluation, rs: RuleSet) -> ScoreCard:
    path, budget, executed, location = ev.funds()
    items = [execution_item(path, budget, executed, rs.weights.execution, rs, location)]
    indicators = [(f"tasks[{ti}].indicators[{ii}]", ind) for ti, ii, ind in ev.indicators()]
    table = score_table(indicators, rs)
    items += table.items
    items += overachieve_deductions(indicators, {i.path: i.score for i in table.items}, rs)
    notes = list(table.notes)
    if not indicators:
        notes.append("没有绩效指标，指标部分不得分")
    rescaled = rescale_item(_sum(items), table.na_weight, rs)
    if rescaled is not None:
        items.append(rescaled)
    return finish(ev, rs, items, notes, ev.execution_rate())


def finish(ev: Evaluation, rs: RuleSet, items: list[ScoreItem], notes: list[str], rate: Decimal | None,
           summands: list[ScoreItem] | None = None) -> ScoreCard:
    """Caps, bounds, grade. `summands` are the items the total is the sum of (default: all items)."""
    parts = items if summands is None else summands
    capped = cap_item(_sum(parts), rate, rs)
    extra = [capped] if capped else []
    total = _sum(parts) + _sum(extra)
    bound = _bound_item(total)
    if bound is not None:
        extra.append(bound)
        total += bound.score
    if rs.kind != ev.kind.value:
        notes.append(f"规则集“{rs.name}”为{Kind(rs.kind).label}设计，本评价为{ev.kind.label}绩效自评")
    if rs.reference:
        notes.insert(0, f"参考分：规则集“{rs.name}”所依据的官方评分框架尚未确认，得分仅供参考")
    if rs.note:
        notes.insert(0, rs.note.strip())
    grade = rs.grade_of(total)
    return ScoreCard.model_construct(
        ruleset=rs.name, total=total, grade=grade, grade_label=rs.grade_labels.get(grade, grade),
        reference=rs.reference, notes=tuple(notes), items=tuple(items + extra))


def _bound_item(total: Decimal) -> ScoreItem | None:
    """Given weights are used as given, so the sum can leave 0–100; the total is held inside it."""
    if total > HUNDRED:
        return ScoreItem.make("total", "bound", "总分上限", None, {"原总分": num(total)},
                              f"各项得分之和 {num(total)} 超过 100 分（所填分值之和超过 100），总分按 100 计", HUNDRED - total)
    if total < ZERO:
        return ScoreItem.make("total", "bound", "总分下限", None, {"原总分": num(total)},
                              f"各项得分之和 {num(total)} 低于 0，总分按 0 计", -total)
    return None


def _sum(items: list[ScoreItem]) -> Decimal:
    return sum((i.score for i in items), ZERO)
