"""Budget arithmetic (JX-B001–B009; amounts in the wrong unit, JX-B010, in units.py): totals, rates, sources and natures that must add up."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ..model import HUNDRED, ByNature, BySource, Evaluation, Finance, Finding, Kind, Money, Task, money_sum
from ..model.catalogue import finding
from .compare import percent
from .params import CheckParams


def spending_units(ev: Evaluation) -> Iterator[tuple[str, str, Finance | Task]]:
    """(path, Chinese label, node) for the department's finance and each task: all carry budget/executed."""
    if ev.finance is not None:
        yield "finance", Kind.DEPARTMENT.short_label, ev.finance
    for i, task in enumerate(ev.tasks):
        yield f"tasks[{i}]", f"任务“{task.name}”", task


def check_budget(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    for path, label, node in spending_units(ev):
        yield from _negative_amounts(path, label, node)
        yield from _over_budget(path, label, node, p)
        yield from _stated_rate(path, label, node, p)
        yield from _low_execution(ev, path, label, node, p)
    if ev.finance is not None:
        yield from _by_source(ev.finance, p)
        yield from _income_and_spending(ev.finance, p)
        yield from _by_nature(ev.finance, p)
        yield from _tasks_within_project_spending(ev, p)


def _money_fields(node) -> Iterator[tuple[str, Money, object]]:
    for name in ("budget", "initial_budget", "executed", "carryover"):
        value = getattr(node, name, None)
        if isinstance(value, Money):
            yield name, value, node
    for sub_name in ("by_source", "by_nature"):
        sub = getattr(node, sub_name, None)
        if sub is not None:
            for name in type(sub).model_fields:
                value = getattr(sub, name)
                if isinstance(value, Money):
                    yield f"{sub_name}.{name}", value, sub


_FIELD_LABELS = {**Finance.LABELS, **{f"by_source.{k}": v for k, v in BySource.LABELS.items()},
                 **{f"by_nature.{k}": v for k, v in ByNature.LABELS.items()}}


def _negative_amounts(path: str, label: str, node) -> Iterator[Finding]:
    for name, money, owner in _money_fields(node):
        if money.amount < 0:
            yield finding("JX-B007", f"{path}.{name}", owner.where(name.split(".")[-1]),
                          what=f"{label}{_FIELD_LABELS[name]}", problem=f"为负数（{money}）")
    if node.budget is not None and node.budget.amount == 0 and node.executed is not None and node.executed.amount > 0:
        yield finding("JX-B007", f"{path}.budget", node.where("budget"),
                      what=f"{label}全年预算数", problem=f"为 0，但执行数为 {node.executed}")


def _over_budget(path: str, label: str, node, p: CheckParams) -> Iterator[Finding]:
    if node.budget is None or node.executed is None or node.budget.amount <= 0:
        return
    if isinstance(node, Finance) and _outside_funds(node, p) is not None:
        return  # spending may draw on funds beside the budget: JX-B008 weighs income against spending
    if node.executed.yuan() > node.budget.yuan():
        yield finding("JX-B001", f"{path}.executed", node.where("executed"), what=label,
                      executed=node.executed, budget=node.budget)


def _stated_rate(path: str, label: str, node, p: CheckParams) -> Iterator[Finding]:
    rate = node.computed_rate()
    if rate is None or node.execution_rate is None:
        return
    if not _same_rate(node.execution_rate, rate, p):
        yield finding("JX-B002", f"{path}.execution_rate", node.where("execution_rate"), what=label,
                      stated=percent(node.execution_rate), computed=percent(rate),
                      executed=node.executed, budget=node.budget)


def _outside_funds(fin: Finance, p: CheckParams) -> Money | None:
    """其他资金 a report gives beside the budget (预算收入 69.06, 其他资金来源 21.31): the only source stated,
    equal to neither the budget nor the spending. None when the sources split the budget or the spending."""
    src = fin.by_source
    if src is None or src.other is None or src.other.amount <= 0 or fin.budget is None:
        return None
    if any(x is not None for x in (src.general_budget, src.government_fund, src.state_capital)):
        return None  # a split of the budget into its sources, which JX-B003 adds up
    wholes = [m for m in (fin.budget, fin.executed) if m is not None]
    if any(abs(src.other.amount - m.to(src.other.unit).amount) <= p.amount_tolerance for m in wholes):
        return None
    return src.other


def _income_and_spending(fin: Finance, p: CheckParams) -> Iterator[Finding]:
    """收入 − 支出 = 年末结转和结余, where the report gives funds beside the budget and its carryover."""
    other = _outside_funds(fin, p)
    if other is None or fin.executed is None or fin.carryover is None:
        return
    income = money_sum([fin.budget, other], fin.budget.unit)
    gap = income.amount - fin.executed.to(income.unit).amount - fin.carryover.to(income.unit).amount
    if abs(gap) > p.amount_tolerance:
        yield finding("JX-B008", "finance.carryover", fin.where("carryover"), budget=fin.budget, other=other,
                      income=income, executed=fin.executed, carryover=fin.carryover,
                      gap=f"{abs(gap):.2f}{income.unit.label}")


def _same_rate(stated: Decimal, computed: Decimal, p: CheckParams) -> bool:
    """A stated rate agrees with the computed one when it is that rate rounded or cut to the digits it shows
    (95.8 % for 95.86 %: a form that prints 0.958)."""
    shown = stated.normalize()
    step = Decimal(1).scaleb(min(0, shown.as_tuple().exponent))
    return any(abs(stated - computed.quantize(step, rounding=how)) <= p.rate_tolerance_pp
               for how in (ROUND_HALF_UP, ROUND_DOWN))


def _low_execution(ev: Evaluation, path: str, label: str, node, p: CheckParams) -> Iterator[Finding]:
    rate = node.rate_or_stated()  # a stated rate below 90 % needs its reason too, when the amounts are not given
    if rate is None or rate >= p.exec_explain_threshold * HUNDRED:
        return
    if _explained(_execution_notes(ev, node), p):
        return
    yield finding("JX-B006", f"{path}.executed", node.where("executed"), what=label, rate=percent(rate),
                  threshold=percent(p.exec_explain_threshold * HUNDRED))


def _execution_notes(ev: Evaluation, node) -> list[str]:
    """Where an explanation of low execution may be written: the task's note, or for the department
    a paragraph of 存在问题 or 自评结论 that talks about execution."""
    if isinstance(node, Task):
        return [node.execution_note or ""]
    return [par.text for par in ev.problems + ev.conclusion if "执行" in par.text or "结转" in par.text]


def _explained(notes: list[str], p: CheckParams) -> bool:
    return any(len(n.strip()) >= p.min_reason_len and n.strip() not in p.empty_reasons for n in notes)


def _by_source(fin: Finance, p: CheckParams) -> Iterator[Finding]:
    """The four sources add up to the budget or to the spending: a report gives them for either (收入 or 支出)."""
    src = fin.by_source
    parts = [] if src is None else [x for x in src.parts() if x is not None]
    if sum(1 for x in parts if x.amount != 0) < 2:  # one source stated (or blank cells read as 0): no sum to check
        return
    if _outside_funds(fin, p) is not None:
        return  # funds listed beside the budget, not its split: JX-B008 weighs them
    total = _sum_matching(parts, fin, p)
    if total is not None:
        yield finding("JX-B003", "finance.by_source", src.location or fin.where("by_source"),
                      total=total, against=_against(fin))


def _by_nature(fin: Finance, p: CheckParams) -> Iterator[Finding]:
    nat = fin.by_nature
    if nat is None or (nat.basic is None and nat.project is None):
        return
    total = _sum_matching([nat.basic, nat.project], fin, p)
    if total is not None:
        yield finding("JX-B004", "finance.by_nature", nat.location or fin.where("by_nature"),
                      basic=nat.basic or "未填", project=nat.project or "未填", total=total, against=_against(fin))


def _sum_matching(parts: list[Money | None], fin: Finance, p: CheckParams) -> Money | None:
    """The parts' total when it equals neither the budget, the spending nor the income (spending plus carryover);
    None when it equals one of them, or when none is given."""
    wholes = [m for m in (fin.budget, fin.executed) if m is not None]
    if fin.executed is not None and fin.carryover is not None:  # the income: spending plus what is carried over
        wholes.append(money_sum([fin.executed, fin.carryover], fin.executed.unit))
    if not wholes:
        return None
    total = money_sum(parts, wholes[0].unit)
    if any(abs(total.amount - m.to(total.unit).amount) <= p.amount_tolerance for m in wholes):
        return None
    return total


def _against(fin: Finance) -> str:
    said = [f"{label} {m}" for label, m in (("全年预算数", fin.budget), ("执行数", fin.executed)) if m is not None]
    return "、".join(said) + ("都" if len(said) > 1 else "")


def _tasks_within_project_spending(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    """Tasks are funded from 项目支出; basic spending is not allocated to tasks, so only "more than" is wrong."""
    nat = ev.finance.by_nature if ev.finance else None
    spent = [t.executed for t in ev.tasks if t.executed is not None]
    if nat is None or nat.project is None or not spent:
        return
    total = money_sum(spent, nat.project.unit)
    if total.amount - nat.project.amount > p.amount_tolerance:
        yield finding("JX-B005", "finance.by_nature.project", nat.where("project"), total=total,
                      project=nat.project, count=len(spent))
