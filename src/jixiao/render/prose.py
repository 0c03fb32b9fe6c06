"""The report's sentences: the author's text where given, drafted from the author's data where not.

Nothing here speaks for the unit beyond its own data: sections it left empty say so, and audit
findings or drafted problems never become its text (those are offered by `jixiao check --draft`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..model import BySource, Evaluation, Indicator, Kind, Money, Paragraph, QualTier, Quantity, Task, TaskSources
from .format import amount, document_date, level3_number, ordinal_clause, rate, sentence, trim

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

# A paragraph that already carries its own enumeration: 1. / 1、 / （一） / 一、 / 一是 / 第一，
_OWN_NUMBER = re.compile(r"^\s*(?:\d+\s*[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|"
                         r"第[一二三四五六七八九十]+[，,、是])")


def headings(kind: Kind) -> dict[str, str]:
    return {**_HEADINGS_COMMON, **_HEADINGS[kind]}


def numbered(paragraphs: tuple[Paragraph, ...]) -> tuple[str, ...]:
    """1.… 2.… as the reports number duties, goals and achievements; a placeholder when empty.

    A paragraph the author numbered (1. / 一是… / （一）) or a single paragraph is kept as written.
    """
    if not paragraphs:
        return (MISSING,)
    if len(paragraphs) == 1 or any(_OWN_NUMBER.match(p.text) for p in paragraphs):
        return tuple(sentence(p.text) for p in paragraphs)
    return tuple(f"{level3_number(i)}{sentence(p.text)}" for i, p in enumerate(paragraphs, 1))


# Funding sources as the 收支情况 paragraph names them (the seed: 一般公共预算财政拨款支出 688.34 万元).
SOURCE_LABELS = tuple((label, key) for key, label in BySource.LABELS.items())  # the model's labels


def finance(ev: Evaluation) -> tuple[str, ...]:
    """（二）收支情况, drafted from the figures: totals; then by source, by nature and carry-over."""
    f, unit = ev.finance, ev.unit
    if f is None:
        return (MISSING,)
    rate_ = f.rate_or_stated()
    lines = [f"全年预算数{amount(f.budget, unit)}，执行数{amount(f.executed, unit)}，完成预算的{rate(rate_)}。"]
    parts = []
    if f.by_source is not None:
        named = [(name, getattr(f.by_source, key)) for name, key in SOURCE_LABELS]
        parts.append("按资金来源分，" + "，".join(f"{n}支出{amount(m, unit)}" for n, m in named if m is not None) + "。")
    if f.by_nature is not None:
        named = f.by_nature.named_parts()
        parts.append("按支出性质分，" + "，".join(f"{k}{amount(m, unit)}" for k, m in named if m is not None) + "。")
    if f.carryover is not None:
        parts.append(f"年末结转和结余{amount(f.carryover, unit)}。")
    if parts:
        lines.append("".join(parts))
    return tuple(lines)


def conclusion(ev: Evaluation) -> tuple[str, ...]:
    """（一）自评结论综述: as written, with the unit's own self-score; drafted from its figures when absent."""
    if ev.conclusion:
        paragraphs = [sentence(p.text) for p in ev.conclusion]
    else:
        paragraphs = [_drafted_conclusion(ev)]
    own = self_score(ev)
    if own and not _mentions_self_score(ev, " ".join(paragraphs)):
        paragraphs[0] = (paragraphs[0] + own) if paragraphs[0] != MISSING else own
    return tuple(paragraphs)


def self_score(ev: Evaluation) -> str:
    """经自评，自评得分96分，自评等级为“优”。: the unit's declared score and grade, when it gave them."""
    parts = []
    if ev.declared_score is not None:
        parts.append(f"自评得分{trim(ev.declared_score)}分")
    if ev.declared_grade:
        parts.append(f"自评等级为“{ev.declared_grade.strip()}”")
    return ("经自评，" + "，".join(parts) + "。") if parts else ""


def _mentions_self_score(ev: Evaluation, text: str) -> bool:
    score_said = ev.declared_score is None or f"{trim(ev.declared_score)}分" in text
    grade_said = not ev.declared_grade or ev.declared_grade.strip() in text
    return score_said and grade_said


def _drafted_conclusion(ev: Evaluation) -> str:
    indicators = [ind for _, _, ind in ev.indicators()]
    met = sum(1 for ind in indicators if ind.met)
    text = ""
    if ev.finance is not None and ev.finance.budget is not None:
        f = ev.finance
        text = (f"{ev.kind.label}全年预算数{amount(f.budget, ev.unit)}，执行数{amount(f.executed, ev.unit)}，"
                f"执行率{rate(f.rate_or_stated())}。")
    if indicators:
        text += f"共设置绩效指标{len(indicators)}个，其中{met}个已明确完成绩效目标。"
    return text or MISSING


def problems(ev: Evaluation) -> tuple[str, ...]:
    """三、存在的主要问题: the author's text only; marked as not filled in when there is none."""
    return numbered(ev.problems)


def measures(ev: Evaluation) -> tuple[str, ...]:
    """四、下一步改进措施: the author's text only; marked as not filled in when there is none."""
    return numbered(ev.measures)


def attachments(ev: Evaluation) -> tuple[str, ...]:
    """附件说明 (GB/T 9704 7.3.5): 附件：名称, or 附件：1.名称 with the further names numbered below it."""
    names = [p.text.strip().rstrip("。") for p in ev.attachments if p.text.strip()]
    if len(names) == 1:
        return (f"附件：{names[0]}",)
    return tuple(f"{'附件：' if i == 1 else ''}{i}.{name}" for i, name in enumerate(names, 1))


def signature(ev: Evaluation) -> str:
    """落款: as given, else the unit's name."""
    return (ev.signature or ev.department.name).strip()


def date(ev: Evaluation) -> str:
    return document_date(ev.date) if ev.date else ""


def task_view(ev: Evaluation, index: int, scorecard: Any | None, execution_review: Any | None) -> "TaskView":
    """One task (or the project): its report lines and its 自评表 figures, declared and reviewed.

    `execution_review` is the rule set's item for the task's budget execution: the score card's
    `finance` item for a project, and for a department's task the project method applied to it.
    """
    from .view import SourceRow, TaskView

    task, unit, n = ev.tasks[index], ev.unit, index + 1
    rate_ = rate(task.rate_or_stated())
    task_item = score_item(scorecard, f"tasks[{index}]") if ev.kind is Kind.DEPARTMENT else None
    indicators = tuple(_indicator_view(ind, _items(scorecard, f"tasks[{index}].indicators[{i}]"))
                       for i, ind in enumerate(task.indicators))
    expected = (task.expected or "").strip()
    sources = task.by_source
    return TaskView(
        number=n,
        name=task.name,
        heading=f"{level3_number(n)}{task.name}",
        plan=f"{level3_number(n)}{sentence(task.name)}" + (f"期望达到的目标：{sentence(expected)}" if expected else ""),
        spending=_spending(task, unit, rate_),
        outcome="目标实际完成情况及主要成效：" + (sentence(task.outcome) if task.outcome else "未填报。"),
        indicator_summary="指标完成情况：" + _indicator_sentences(task),
        initial_budget=_in_unit(task.initial_budget, ev),
        budget=_in_unit(task.budget, ev),
        executed=_in_unit(task.executed, ev),
        execution_rate=rate_,
        execution_weight=task.execution_weight,
        execution_score=task.execution_score,
        review_execution_weight=_decimal(getattr(execution_review, "weight", None)),
        review_execution_score=_decimal(getattr(execution_review, "score", None)),
        task_weight=_decimal(getattr(task_item, "weight", None)),
        task_score=_decimal(getattr(task_item, "score", None)),
        sources=tuple(
            SourceRow(label, _in_unit(line.initial_budget, ev) if line else None,
                      _in_unit(line.budget, ev) if line else None, _in_unit(line.executed, ev) if line else None)
            for label, line in sources_rows(sources)),
        expected=expected,
        outcome_text=(task.outcome or "").strip(),
        indicators=indicators,
    )


def sources_rows(sources: TaskSources | None) -> list[tuple[str, object]]:
    """(label, FundLine) for the 其中 rows, labelled as the model names them."""
    return [(label, getattr(sources, key) if sources else None) for key, label in TaskSources.LABELS.items()]


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
    met = _result(ind)
    verdict = {True: ["完成绩效目标"], False: ["未完成绩效目标"], None: []}[met]
    text = f"{ind.name}：" + "，".join([*values, *verdict])
    if met is False and ind.deviation:
        text += f"（偏差原因及改进措施：{ind.deviation.strip().rstrip('。')}）"
    return text


def _result(ind: Indicator) -> bool | None:
    """Whether the target was met: as the author said, else as its own figures plainly show, else unsaid.

    A qualitative 部分达成… actual already says how far it got, so it gets no verdict of its own.
    """
    if ind.met is not None:
        return ind.met
    verdict = ind.verdict()  # the model's one judgement of "met"
    return None if verdict.tier is QualTier.PARTIAL else verdict.met


def _indicator_view(ind: Indicator, items: list[Any]) -> "IndicatorView":
    from .view import IndicatorView

    first = items[0] if items else None
    return IndicatorView(
        level1=ind.level1.value if ind.level1 else "",
        level2=ind.level2 or "",
        name=ind.name,
        period_target=_q(ind.period_target),
        target=_q(ind.target),
        actual=_q(ind.actual),
        weight=ind.weight,
        score=ind.score,
        review_weight=_decimal(getattr(first, "weight", None)),
        # an indicator may carry a policy item after its own (超额完成扣分): its 复核得分 is their sum
        review_score=sum((_decimal(i.score) for i in items), Decimal(0)) if items else None,
        deviation=(ind.deviation or "").strip(),
        met={True: "完成", False: "未完成", None: ""}[ind.met],
        verdict=ind.verdict().label,
    )


def summary_figures(ev: Evaluation, scorecard: Any | None) -> dict[str, Decimal | None]:
    """The 部门整体 form's figures: funds, by source and nature, and the execution row declared and reviewed."""
    f = ev.finance
    execution = score_item(scorecard, "finance") or score_item(scorecard, "tasks")  # `tasks`: no finance given
    scores = {"review_execution_weight": _decimal(getattr(execution, "weight", None)),
              "review_execution_score": _decimal(getattr(execution, "score", None)),
              "execution_weight": f.execution_weight if f else None,
              "execution_score": f.execution_score if f else None}
    if f is None:
        return scores
    s, n = f.by_source, f.by_nature
    return {
        **scores,
        "initial_budget": _in_unit(f.initial_budget, ev),
        "budget": _in_unit(f.budget, ev),
        "executed": _in_unit(f.executed, ev),
        **{key: _in_unit(getattr(s, key), ev) if s else None for _, key in SOURCE_LABELS},
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


def score_item(scorecard: Any | None, path: str) -> Any | None:
    """The first score card item at `path` (None without a score card or such an item)."""
    items = _items(scorecard, path)
    return items[0] if items else None


def _items(scorecard: Any | None, path: str) -> list[Any]:
    if scorecard is None:
        return []
    if hasattr(scorecard, "items_at"):
        return list(scorecard.items_at(path))
    try:
        found = scorecard.item(path)
    except (KeyError, LookupError, ValueError):
        return []
    return [found] if found is not None else []
