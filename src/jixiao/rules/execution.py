"""Budget execution (rules-spec §1.7, §10): weight × min(执行率, cap); the rate is the model's."""

from __future__ import annotations

from decimal import Decimal

from ..model import HUNDRED, ZERO, Location, Money, execution_rate
from .ruleset import RuleSet
from .scorecard import ScoreItem, num, round2


def execution_item(path: str, budget: Money | None, executed: Money | None, weight: Decimal,
                   rs: RuleSet, location: Location | None, label: str = "预算执行率") -> ScoreItem:
    inputs = {"全年预算数": str(budget) if budget else "—", "执行数": str(executed) if executed else "—",
              "分值": num(weight)}
    if budget is None:
        return ScoreItem.make(path, "execution", label, weight, inputs, "未填写全年预算数，无法计算执行率，得 0 分", ZERO, location)
    if executed is None:
        return ScoreItem.make(path, "execution", label, weight, inputs, "未填写执行数，无法计算执行率，得 0 分", ZERO, location)
    rate = execution_rate(budget, executed)
    if rate is None:  # a budget of 0 or less
        return ScoreItem.make(path, "execution", label, weight, inputs, "全年预算数为 0，无法计算执行率，得 0 分", ZERO, location)
    cap = rs.execution_rate_cap
    used = min(rate / HUNDRED, cap)
    points = round2(max(ZERO, weight * used))
    inputs["执行率"] = f"{num(rate)}%"
    capped = f"（超过 {num(cap * HUNDRED)}% 按 {num(cap * HUNDRED)}% 计）" if rate / HUNDRED > cap else ""
    explain = (f"执行率 = 执行数 {budget and num(executed.to(budget.unit).amount)} ÷ 全年预算数 {num(budget.amount)}"
               f" = {num(rate)}%{capped}；得分 = 分值 {num(weight)} × {num(used * HUNDRED)}% = {num(points)}")
    return ScoreItem.make(path, "execution", label, weight, inputs, explain, points, location)

