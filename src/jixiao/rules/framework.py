"""部门整体 common-indicator framework (rules-spec §3.2(a)): score what the data provides, list the rest.

Each framework indicator names a measure. A measure computes a percentage from the evaluation, or says
why it cannot: the input format has no field for it yet, or it needs a reviewer's judgement (manual).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from ..model import HUNDRED, ZERO, Evaluation, execution_rate
from .project import finish
from .ruleset import FrameworkIndicator, RuleSet
from .scorecard import ScoreCard, ScoreItem, num, round2
Result = tuple[Decimal | None, dict[str, str], str]  # value in percent, inputs, why missing


@dataclass(frozen=True)
class Measure:
    computable: bool
    compute: Callable[[Evaluation], Result]


def _budget_completion(ev: Evaluation) -> Result:
    _, budget, executed, _ = ev.funds()
    rate = execution_rate(budget, executed)
    inputs = {"预算数": str(budget) if budget else "—", "预算完成数": str(executed) if executed else "—"}
    return rate, inputs, "缺少全年预算数或执行数"


def _carryover_rate(ev: Evaluation) -> Result:
    fin = ev.finance
    if fin is None or fin.budget is None or fin.carryover is None or fin.budget.amount <= 0:
        return None, {}, "缺少年末结转和结余或全年预算数"
    rate = fin.carryover.yuan() * HUNDRED / fin.budget.yuan()
    return rate, {"年末结转和结余": str(fin.carryover), "全年预算数": str(fin.budget)}, ""


def _adjustment_rate(ev: Evaluation) -> Result:
    fin = ev.finance
    if fin is None or fin.budget is None or fin.initial_budget is None or fin.budget.amount <= 0:
        return None, {}, "缺少年初预算数或全年预算数"
    change = abs(fin.budget.yuan() - fin.initial_budget.yuan())
    return change * HUNDRED / fin.budget.yuan(), {"年初预算数": str(fin.initial_budget), "全年预算数": str(fin.budget)}, ""


def _task_completion(ev: Evaluation) -> Result:
    """Share of indicators whose actual reaches the target (only indicators whose verdict can be told count)."""
    judged = met = 0
    for _, _, ind in ev.indicators():
        reached = ind.verdict().met
        if reached is None:
            continue
        judged += 1
        met += reached
    if judged == 0:
        return None, {}, "没有填写实际完成值的指标"
    return Decimal(met) * HUNDRED / judged, {"达到目标的指标数": str(met), "有实际完成值的指标数": str(judged)}, ""


def _satisfaction(ev: Evaluation) -> Result:
    values = [ind.actual.number for _, _, ind in ev.indicators()
              if ind.level1 is not None and ind.level1.value == "满意度指标" and ind.actual is not None
              and ind.actual.is_quantitative and ind.actual.unit == "%"]
    if not values:
        return None, {}, "没有以百分比填写实际完成值的满意度指标"
    mean = sum(values, ZERO) / len(values)
    return mean, {"满意度指标数": str(len(values)), "平均满意度": f"{num(mean)}%"}, ""


def _absent(reason: str) -> Measure:
    return Measure(False, lambda ev: (None, {}, reason))


MEASURES: dict[str, Measure] = {
    "budget_completion_rate": Measure(True, _budget_completion),
    "carryover_rate": Measure(True, _carryover_rate),
    "budget_adjustment_rate": Measure(True, _adjustment_rate),
    "task_completion_rate": Measure(True, _task_completion),
    "satisfaction_rate": Measure(True, _satisfaction),
    "staff_control_rate": _absent("输入格式尚无在职人员数与编制数"),
    "three_public_change_rate": _absent("输入格式尚无“三公”经费本年与上年支出数"),
    "three_public_control_rate": _absent("输入格式尚无“三公”经费预算与实际支出数"),
    "procurement_execution_rate": _absent("输入格式尚无政府采购预算与实际采购金额"),
    "public_funds_control_rate": _absent("输入格式尚无公用经费预算与实际支出数"),
    "payment_progress_rate": _absent("输入格式尚无既定支付进度"),
    "asset_utilization_rate": _absent("输入格式尚无固定资产数据"),
    "manual": _absent("需评审人员按事实评定，数据中无法计算"),
}


def _score(ind: FrameworkIndicator, value: Decimal, inputs: dict[str, str]) -> ScoreItem:
    t, w = ind.target or ZERO, ind.weight
    inputs = {**inputs, "指标值": f"{num(value)}%", "目标": f"{ind.op}{num(t)}%", "分值": num(w)}
    lead = f"{ind.name} = {ind.formula} = {num(value)}%；" if ind.formula else f"{ind.name} = {num(value)}%；"
    if (value >= t) if ind.op == ">=" else (value <= t):
        return ScoreItem.make(f"framework.{ind.id}", f"framework.{ind.id}", ind.name, w, inputs,
                              f"参考分：{lead}达到目标 {ind.op}{num(t)}%，得满分 {num(w)}", w)
    ratio = (value / t) if ind.op == ">=" else (t / value if value > 0 else ZERO)
    pts = min(round2(w * max(ratio, ZERO)), w) if t > 0 else ZERO
    formula = "实际 ÷ 目标" if ind.op == ">=" else "目标 ÷ 实际"
    return ScoreItem.make(f"framework.{ind.id}", f"framework.{ind.id}", ind.name, w, inputs,
                          f"参考分：{lead}未达到目标 {ind.op}{num(t)}%，得分 = 分值 {num(w)} × {formula} = {num(pts)}", pts)


def score_framework(ev: Evaluation, rs: RuleSet) -> ScoreCard:
    items: list[ScoreItem] = []
    missing: list[str] = []
    available = ZERO
    for ind in rs.framework.indicators:
        value, inputs, why = MEASURES[ind.measure].compute(ev)
        if value is None:
            missing.append(f"{ind.level1}/{ind.level2}/{ind.name}（{num(ind.weight)} 分）：{why}")
            continue
        available += ind.weight
        items.append(_score(ind, value, inputs))
    notes = [f"未计分指标 {len(missing)} 项：" + "；".join(missing)] if missing else []
    subtotal = sum((i.score for i in items), ZERO)
    if missing and rs.framework.missing == "rescale" and available > 0:
        scaled = round2(subtotal * HUNDRED / available)
        items.append(ScoreItem.make("total", "framework.rescale", "按可计分指标折算", None,
                                    {"可计分指标满分": num(available), "可计分指标得分": num(subtotal)},
                                    f"参考分：仅 {num(available)} 分的指标有数据；折算总分 = {num(subtotal)} × 100 ÷ "
                                    f"{num(available)} = {num(scaled)}，本项为折算增加的 {num(scaled - subtotal)} 分",
                                    scaled - subtotal))
    elif missing:
        notes.append("未计分指标按 0 分计入总分")
    return finish(ev, rs, items, notes, ev.execution_rate())
