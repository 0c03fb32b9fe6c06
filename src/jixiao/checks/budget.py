"""Budget arithmetic (JX-B001–B007; amounts in the wrong unit, JX-B008, in units.py): totals, rates, sources and natures that must add up."""

from __future__ import annotations

from collections.abc import Iterator

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
        yield from _over_budget(path, label, node)
        yield from _stated_rate(path, label, node, p)
        yield from _low_execution(ev, path, label, node, p)
    if ev.finance is not None:
        yield from _by_source(ev.finance, p)
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


def _over_budget(path: str, label: str, node) -> Iterator[Finding]:
    if node.budget is None or node.executed is None or node.budget.amount <= 0:
        return
    if node.executed.yuan() > node.budget.yuan():
        yield finding("JX-B001", f"{path}.executed", node.where("executed"), what=label,
                      executed=node.executed, budget=node.budget)


def _stated_rate(path: str, label: str, node, p: CheckParams) -> Iterator[Finding]:
    rate = node.computed_rate()
    if rate is None or node.execution_rate is None:
        return
    if abs(node.execution_rate - rate) > p.rate_tolerance_pp:
        yield finding("JX-B002", f"{path}.execution_rate", node.where("execution_rate"), what=label,
                      stated=percent(node.execution_rate), computed=percent(rate),
                      executed=node.executed, budget=node.budget)


def _low_execution(ev: Evaluation, path: str, label: str, node, p: CheckParams) -> Iterator[Finding]:
    rate = node.computed_rate()
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
    src = fin.by_source
    if src is None or fin.executed is None or all(x is None for x in src.parts()):
        return
    total = money_sum(src.parts(), fin.executed.unit)
    if abs(total.amount - fin.executed.amount) > p.amount_tolerance:
        yield finding("JX-B003", "finance.by_source", src.location or fin.where("by_source"),
                      total=total, executed=fin.executed)


def _by_nature(fin: Finance, p: CheckParams) -> Iterator[Finding]:
    nat = fin.by_nature
    if nat is None or fin.executed is None or (nat.basic is None and nat.project is None):
        return
    total = money_sum([nat.basic, nat.project], fin.executed.unit)
    if abs(total.amount - fin.executed.amount) > p.amount_tolerance:
        yield finding("JX-B004", "finance.by_nature", nat.location or fin.where("by_nature"),
                      basic=nat.basic or "未填", project=nat.project or "未填", total=total, executed=fin.executed)


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
