"""Optional policies any rule set can switch on (rules-spec §1.5, §10). Each adds explained items."""

from __future__ import annotations

from decimal import Decimal

from ..model import HUNDRED, ZERO, Basis, Indicator, Operator
from .ruleset import RuleSet
from .scorecard import ScoreItem, num, round2


def overachieve_deductions(indicators: list[tuple[str, Indicator]], points: dict[str, Decimal],
                           rs: RuleSet) -> list[ScoreItem]:
    """Over-completion deduction: a fixed number of points per ≥ indicator (written or inferred) with
    A ≥ ratio × T, never below 0."""
    policy = rs.policies.overachieve_deduction
    if not policy.enabled:
        return []
    out = []
    for path, ind in indicators:
        v = ind.verdict()
        if v.basis is not Basis.NUMBER or v.op is not Operator.GE or v.target <= 0 or v.actual < policy.ratio * v.target:
            continue
        t, a = ind.target, ind.actual
        cut = min(policy.points, points.get(path, ZERO))
        if cut <= 0:
            continue
        explain = (f"超额完成扣分：实际 {a.text} 达到年度指标值 {t.text} 的 {num(v.ratio * HUNDRED)}%"
                   f"（≥ {num(policy.ratio * HUNDRED)}%），目标可能偏低，扣 {num(cut)} 分（每项扣 {num(policy.points)} 分，扣至 0 为止）")
        out.append(ScoreItem.make(path, "policy.overachieve_deduction", f"{ind.name}（超额完成扣分）", None,
                                  {"年度指标值": t.text, "实际完成值": a.text}, explain, -cut, ind.location))
    return out


def rescale_item(subtotal: Decimal, na_weight: Decimal, rs: RuleSet) -> ScoreItem | None:
    """Not-applicable rescaling: the applicable points are scaled to 100 (用适用指标得分按百分制折算)."""
    if not rs.policies.not_applicable_rescale.enabled or na_weight <= 0:
        return None
    base = HUNDRED - na_weight
    if base <= 0:
        return None
    scaled = round2(subtotal * HUNDRED / base)
    explain = (f"不适用指标共 {num(na_weight)} 分被剔除；折算后总分 = 适用部分得分 {num(subtotal)} × 100 ÷ "
               f"适用部分满分 {num(base)} = {num(scaled)}，本项为折算增加的 {num(scaled - subtotal)} 分")
    return ScoreItem.make("total", "policy.not_applicable_rescale", "不适用指标折算", None,
                          {"适用部分得分": num(subtotal), "适用部分满分": num(base)}, explain, scaled - subtotal)


def cap_item(total: Decimal, rate: Decimal | None, rs: RuleSet) -> ScoreItem | None:
    """Execution caps: a low execution rate caps the total (e.g. rate < 60% → total ≤ 69)."""
    policy = rs.policies.execution_caps
    if not policy.enabled or rate is None:
        return None
    step = next((s for s in policy.steps if rate < s.below), None)
    if step is None or total <= step.cap:
        return None
    explain = (f"执行率 {num(rate)}% 低于 {num(step.below)}%，总分不得超过 {num(step.cap)} 分；"
               f"原总分 {num(total)}，扣减 {num(total - step.cap)} 分")
    return ScoreItem.make("total", "policy.execution_caps", "执行率封顶", None,
                          {"执行率": f"{num(rate)}%", "封顶分": num(step.cap)}, explain, step.cap - total)
