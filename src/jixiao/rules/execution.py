"""Budget execution (rules-spec §1.7, §10): weight × min(执行数 / 全年预算数, cap)."""

from __future__ import annotations

from decimal import Decimal

from ..model import Evaluation, Location, Money, money_sum
from .ruleset import RuleSet
from .scorecard import ScoreItem, num, round2

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def evaluation_funds(ev: Evaluation) -> tuple[str, Money | None, Money | None, Location | None]:
    """(path, budget, executed, location) of the whole evaluation: `finance`, else the tasks summed."""
    fin = ev.finance
    if fin is not None and fin.budget is not None:
        return "finance", fin.budget, fin.executed, fin.where("executed")
    budgets = [t.budget for t in ev.tasks if t.budget is not None]
    if not budgets:
        return "finance", None, None, fin.location if fin else None
    executed = [t.executed for t in ev.tasks if t.executed is not None]
    return ("tasks", money_sum(budgets, ev.unit), money_sum(executed, ev.unit) if executed else None,
            ev.tasks[0].location)


def execution_rate(budget: Money | None, executed: Money | None) -> Decimal | None:
    """执行率 in percent, unrounded; None when it cannot be computed."""
    if budget is None or executed is None or budget.amount <= 0:
        return None
    return executed.yuan() * HUNDRED / budget.yuan()


def execution_item(path: str, budget: Money | None, executed: Money | None, weight: Decimal,
                   rs: RuleSet, location: Location | None, label: str = "预算执行率") -> ScoreItem:
    inputs = {"全年预算数": str(budget) if budget else "—", "执行数": str(executed) if executed else "—",
              "分值": num(weight)}
    if budget is None:
        return ScoreItem.make(path, "execution", label, weight, inputs, "未填写全年预算数，无法计算执行率，得 0 分", ZERO, location)
    if executed is None:
        return ScoreItem.make(path, "execution", label, weight, inputs, "未填写执行数，无法计算执行率，得 0 分", ZERO, location)
    rate = execution_rate(budget, executed)
    if rate is None:
        return ScoreItem.make(path, "execution", label, weight, inputs, "全年预算数为 0，无法计算执行率，得 0 分", ZERO, location)
    cap = rs.execution_rate_cap
    used = min(rate / HUNDRED, cap)
    points = round2(max(ZERO, weight * used))
    inputs["执行率"] = f"{num(rate)}%"
    capped = f"（超过 {num(cap * HUNDRED)}% 按 {num(cap * HUNDRED)}% 计）" if rate / HUNDRED > cap else ""
    explain = (f"执行率 = 执行数 {budget and num(executed.to(budget.unit).amount)} ÷ 全年预算数 {num(budget.amount)}"
               f" = {num(rate)}%{capped}；得分 = 分值 {num(weight)} × {num(used * HUNDRED)}% = {num(points)}")
    return ScoreItem.make(path, "execution", label, weight, inputs, explain, points, location)
