"""The report's sentences: the author's text where given, drafted from the data where not."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..model import Evaluation, Indicator, Kind, Money, Paragraph, Quantity, Task
from .format import amount, level3_number, ordinal_clause, rate, sentence

if TYPE_CHECKING:
    from .view import IndicatorView, TaskView

MISSING = "（本部分未填报。）"

_HEADINGS_COMMON = {
    "basic": "一、基本情况",
    "analysis": "二、综合评价分析",
    "conclusion": "（一）自评结论综述",
    "achievements": "（三）主要工作成效",
    "problems": "三、存在的主要问题",
    "measures": "四、下一步改进措施",
}
_HEADINGS = {
    Kind.DEPARTMENT: {
        "functions": "（一）部门职能",
        "finance": "（二）部门整体收支情况",
        "goals": "（三）部门整体支出绩效目标",
        "tasks": "（四）部门年度重点工作任务",
        "task_analysis": "（二）各重点工作任务绩效目标完成情况分析",
    },
    Kind.PROJECT: {
        "functions": "（一）单位职能",
        "finance": "（二）项目资金收支情况",
        "goals": "（三）项目绩效目标",
        "tasks": "（四）项目主要内容",
        "task_analysis": "（二）项目绩效目标完成情况分析",
    },
}


def headings(kind: Kind) -> dict[str, str]:
    return {**_HEADINGS_COMMON, **_HEADINGS[kind]}


def numbered(paragraphs: tuple[Paragraph, ...]) -> tuple[str, ...]:
    """1.… 2.… as the reports number duties, goals and achievements; a placeholder when empty."""
    if not paragraphs:
        return (MISSING,)
    if len(paragraphs) == 1:
        return (sentence(paragraphs[0].text),)
    return tuple(f"{level3_number(i)}{sentence(p.text)}" for i, p in enumerate(paragraphs, 1))


def finance(ev: Evaluation) -> tuple[str, ...]:
    """（二）收支情况, drafted from the figures: totals, by source, by nature, carry-over."""
    f, unit = ev.finance, ev.unit
    if f is None:
        return (MISSING,)
    rate_ = f.rate_or_stated()
    lines = [f"全年预算数{amount(f.budget, unit)}，执行数{amount(f.executed, unit)}，完成预算的{rate(rate_)}。"]
    parts = []
    if f.by_source is not None:
        named = f.by_source.named_parts()
        parts.append("按资金来源分：" + "，".join(f"{n}{amount(m, unit)}" for n, m in named if m is not None))
    if f.by_nature is not None:
        named = f.by_nature.named_parts()
        parts.append("按支出性质分：" + "，".join(f"{k}{amount(m, unit)}" for k, m in named if m is not None))
    if f.carryover is not None:
        parts.append(f"年末结转和结余{amount(f.carryover, unit)}")
    if parts:
        lines.append("；".join(parts) + "。")
    return tuple(lines)


def conclusion(ev: Evaluation) -> tuple[str, ...]:
    """（一）自评结论综述: as written; drafted from execution and indicator counts when absent."""
    if ev.conclusion:
        return tuple(sentence(p.text) for p in ev.conclusion)
    indicators = [ind for _, _, ind in ev.indicators()]
    met = sum(1 for ind in indicators if ind.met)
    text = ""
    if ev.finance is not None and ev.finance.budget is not None:
        f = ev.finance
        text = (f"{ev.kind.label}全年预算数{amount(f.budget, ev.unit)}，执行数{amount(f.executed, ev.unit)}，"
                f"执行率{rate(f.rate_or_stated())}。")
    if indicators:
        text += f"共设置绩效指标{len(indicators)}个，其中{met}个已明确完成绩效目标。"
    return (text or MISSING,)


def problems(ev: Evaluation, drafts: Any | None) -> tuple[str, ...]:
    """三、存在的主要问题: the author's text, else the checks' drafts."""
    return _with_fallback(ev.problems, getattr(drafts, "problems", ()), "经自评，未发现需要说明的主要问题。")


def measures(ev: Evaluation, drafts: Any | None) -> tuple[str, ...]:
    """四、下一步改进措施: the author's text, else the checks' drafts."""
    return _with_fallback(ev.measures, getattr(drafts, "measures", ()), "继续加强预算绩效管理，巩固现有成效。")


def _with_fallback(given: tuple[Paragraph, ...], drafted: tuple[str, ...], default: str) -> tuple[str, ...]:
    if given:
        return numbered(given)
    if drafted:
        return numbered(tuple(Paragraph(text=t) for t in drafted))
    return (default,)


def task_view(ev: Evaluation, index: int, scorecard: Any | None) -> "TaskView":
    from .view import TaskView

    task, unit, n = ev.tasks[index], ev.unit, index + 1
    rate_ = rate(task.rate_or_stated())
    # A project's execution is scored on "finance"; a department's task carries a weighted share
    # ("tasks[i]", 任务分值 and 折合得分) and its indicators are scored within the task.
    exec_item = _item(scorecard, "finance") if ev.kind is Kind.PROJECT else None
    task_item = _item(scorecard, f"tasks[{index}]") if ev.kind is Kind.DEPARTMENT else None
    indicators = tuple(_indicator_view(ind, _item(scorecard, f"tasks[{index}].indicators[{i}]"))
                       for i, ind in enumerate(task.indicators))
    expected = (task.expected or "").strip()
    return TaskView(
        number=n,
        name=task.name,
        heading=f"{level3_number(n)}{task.name}",
        plan=f"{level3_number(n)}{sentence(task.name)}" + (f"期望达到的目标：{sentence(expected)}" if expected else ""),
        spending=_spending(task, unit, rate_),
        outcome="目标实际完成情况及主要成效：" + (sentence(task.outcome) if task.outcome else "未填报。"),
        indicator_summary="指标完成情况：" + _indicator_sentences(task),
        initial_budget=None,
        budget=_in_unit(task.budget, ev),
        executed=_in_unit(task.executed, ev),
        execution_rate=rate_,
        execution_weight=_decimal(getattr(exec_item, "weight", None)),
        execution_score=_decimal(getattr(exec_item, "score", None)),
        task_weight=_decimal(getattr(task_item, "weight", None)),
        task_score=_decimal(getattr(task_item, "score", None)),
        expected=expected,
        outcome_text=(task.outcome or "").strip(),
        indicators=indicators,
    )


def _spending(task: Task, unit, rate_: str) -> str:
    if task.budget is None and task.executed is None:
        return "支出完成情况：未填报预算和执行数据。"
    return (f"支出完成情况：年度支出预算数{amount(task.budget, unit)}，"
            f"预算完成数{amount(task.executed, unit)}，执行率{rate_}。")


def _indicator_sentences(task: Task) -> str:
    """一是名称：实施周期指标值…，年度指标值…，完成绩效目标；二是…。"""
    if not task.indicators:
        return "未设置绩效指标。"
    clauses = [f"{ordinal_clause(i)}{_indicator_clause(ind)}" for i, ind in enumerate(task.indicators, 1)]
    return "；".join(clauses) + "。"


def _indicator_clause(ind: Indicator) -> str:
    values = [f"{label}{_q(q)}" for label, q in
              (("实施周期指标值", ind.period_target), ("年度指标值", ind.target), ("实际完成值", ind.actual))
              if q is not None]
    verdict = {True: "完成绩效目标", False: "未完成绩效目标", None: "未说明是否完成"}[ind.met]
    text = f"{ind.name}：" + "，".join([*values, verdict])
    if ind.met is False and ind.deviation:
        text += f"（偏差原因及改进措施：{ind.deviation.strip().rstrip('。')}）"
    return text


def _indicator_view(ind: Indicator, item: Any | None) -> "IndicatorView":
    from .view import IndicatorView

    weight = _decimal(getattr(item, "weight", None)) if item is not None else ind.weight
    score = _decimal(getattr(item, "score", None)) if item is not None else ind.score
    return IndicatorView(
        level1=ind.level1.value if ind.level1 else "",
        level2=ind.level2 or "",
        name=ind.name,
        period_target=_q(ind.period_target),
        target=_q(ind.target),
        actual=_q(ind.actual),
        weight=weight if weight is not None else ind.weight,
        score=score,
        deviation=(ind.deviation or "").strip(),
        met={True: "完成", False: "未完成", None: ""}[ind.met],
        verdict=ind.verdict().label,
    )


def summary_figures(ev: Evaluation, scorecard: Any | None) -> dict[str, Decimal | None]:
    f = ev.finance
    execution = _item(scorecard, "finance")
    scores = {"execution_weight": _decimal(getattr(execution, "weight", None)),
              "execution_score": _decimal(getattr(execution, "score", None))}
    if f is None:
        return scores
    s, n = f.by_source, f.by_nature
    return {
        **scores,
        "initial_budget": _in_unit(f.initial_budget, ev),
        "budget": _in_unit(f.budget, ev),
        "executed": _in_unit(f.executed, ev),
        "general_budget": _in_unit(s.general_budget, ev) if s else None,
        "government_fund": _in_unit(s.government_fund, ev) if s else None,
        "state_capital": _in_unit(s.state_capital, ev) if s else None,
        "other": _in_unit(s.other, ev) if s else None,
        "basic": _in_unit(n.basic, ev) if n else None,
        "project": _in_unit(n.project, ev) if n else None,
        "carryover": _in_unit(f.carryover, ev),
    }


def _q(q: Quantity | None) -> str:
    """A target or actual exactly as the author wrote it (98%以上 stays 98%以上)."""
    return q.text.strip() if q is not None else ""


def _in_unit(m: Money | None, ev: Evaluation) -> Decimal | None:
    return m.to(ev.unit).amount if m is not None else None


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _item(scorecard: Any | None, path: str) -> Any | None:
    if scorecard is None:
        return None
    try:
        return scorecard.item(path)
    except (KeyError, LookupError, ValueError):
        return None
