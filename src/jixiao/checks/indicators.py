"""Indicator values (JX-I001, I002, I010, I012, I014–I016): complete, readable, consistent, explained.

Every judgement of "met" comes from the indicator's Verdict (jixiao.model), the one scoring uses too."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Evaluation, Finding, Indicator, Operator, Problem, QualTier, Stage, Verdict
from ..model.catalogue import finding
from .compare import percent
from .params import CheckParams

_FIELD_NAMES = {"name": "三级指标名称", "target": "年度指标值", "actual": "实际完成值"}


def check_indicator_values(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    for ti, ii, ind in ev.indicators():
        path = f"tasks[{ti}].indicators[{ii}]"
        if ind.not_applicable:
            continue
        verdict = ind.verdict()
        yield from _missing(path, ind, verdict, ev.stage)
        yield from _overachieved(path, ind, verdict, p)
        yield from _units(path, ind, verdict)
        yield from _met_flag(path, ind, verdict)
        yield from _deviation(path, ind, verdict, p)
        yield from _readings(path, ind, verdict)


def label(ind: Indicator) -> str:
    if not ind.name:
        return "（未命名指标）"
    return f"「{ind.name}」" if "“" in ind.name or "”" in ind.name else f"“{ind.name}”"


def _missing(path: str, ind: Indicator, v: Verdict, stage: Stage) -> Iterator[Finding]:
    # a 绩效目标表 is declared before the year's results: its indicators need a name and a target only
    required = ("name", "target") if stage is Stage.TARGET else ("name", "target", "actual")
    absent = [key for key in required if not getattr(ind, key)]
    if v.unverified and v.met:
        # the unit states the target was met: scored so, but nobody can check it (JX-I015, a warning)
        yield finding("JX-I015", f"{path}.actual", ind.where("actual") or ind.where("met"), indicator=label(ind),
                      reason=v.reason)
        absent = [key for key in absent if key != "actual"]
    if absent:
        yield finding("JX-I001", f"{path}.{absent[0]}", ind.where(absent[0]), indicator=label(ind),
                      fields="、".join(_FIELD_NAMES[k] for k in absent))


def _overachieved(path: str, ind: Indicator, v: Verdict, p: CheckParams) -> Iterator[Finding]:
    ratio = v.overachievement
    if ratio is not None and ratio >= 1 + p.overachieve_threshold:
        yield finding("JX-I002", f"{path}.target", ind.where("target"), indicator=label(ind),
                      actual=ind.actual.text, target=ind.target.text, ratio=percent(ratio * 100),
                      threshold=percent((1 + p.overachieve_threshold) * 100))


def _units(path: str, ind: Indicator, v: Verdict) -> Iterator[Finding]:
    target, actual = ind.target, ind.actual
    if v.problem is Problem.UNITS_DIFFER:
        yield finding("JX-I012", f"{path}.actual", ind.where("actual"), indicator=label(ind),
                      problem=f"实际完成值“{actual.text}”与年度指标值“{target.text}”的单位不同")
    elif v.problem in (Problem.KINDS_DIFFER, Problem.DATE_IMPRECISE):
        yield finding("JX-I012", f"{path}.actual", ind.where("actual"), indicator=label(ind), problem=v.reason)
    elif actual is not None and actual.op is Operator.UNPARSED:
        yield finding("JX-I012", f"{path}.actual", ind.where("actual"), indicator=label(ind),
                      problem=f"实际完成值“{actual.text}”无法识别为数值或完成等级")
    elif target is not None and target.is_quantitative and actual is not None and actual.op is Operator.QUALITATIVE:
        yield finding("JX-I012", f"{path}.actual", ind.where("actual"), indicator=label(ind),
                      problem=f"年度指标值是数值“{target.text}”，实际完成值却是文字“{actual.text}”，无法核对")


def _met_flag(path: str, ind: Indicator, v: Verdict) -> Iterator[Finding]:
    if ind.met is None or v.unverified:
        return
    reached = v.met
    if reached is None or reached == ind.met:
        return
    stated, truth = ("完成", "未达到") if ind.met else ("未完成", "已达到")
    yield finding("JX-I014", f"{path}.met", ind.where("met"), indicator=label(ind), stated=stated,
                  actual=ind.actual.text, target=ind.target.text if ind.target else "（未填）", truth=truth)


def deviation_reason(ind: Indicator, p: CheckParams, v: Verdict | None = None) -> str | None:
    """Why this indicator needs a deviation explanation (rules-spec §1.9), or None when it does not."""
    v = v or ind.verdict()
    if v.met is False or ind.met is False:
        return "未达到年度指标值"
    ratio = v.overachievement
    if ratio is not None and ratio >= 1 + p.overachieve_threshold:
        return f"超额完成（达到指标值的{percent(ratio * 100)}）"
    if ind.actual is not None and ind.actual.tier in (QualTier.PARTIAL, QualTier.NOT_MET):
        return "定性指标未完全达成"
    return None


def explanation_is_empty(text: str | None, p: CheckParams) -> bool:
    stripped = (text or "").strip().strip("。.")
    return len(stripped) < p.min_reason_len or stripped in p.empty_reasons


def _deviation(path: str, ind: Indicator, v: Verdict, p: CheckParams) -> Iterator[Finding]:
    reason = deviation_reason(ind, p, v)
    if reason and explanation_is_empty(ind.deviation, p):
        yield finding("JX-I010", f"{path}.deviation", ind.where("deviation"), indicator=label(ind), reason=reason,
                      min_len=p.min_reason_len)


def _readings(path: str, ind: Indicator, v: Verdict) -> Iterator[Finding]:
    """How a value was read where the reading is not what was written (a 0–1 fraction as a percent)."""
    for note in v.notes:
        if "按百分数" in note:
            yield finding("JX-I016", f"{path}.actual", ind.where("actual"), indicator=label(ind), note=note)
