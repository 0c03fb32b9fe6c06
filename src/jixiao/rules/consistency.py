"""Checks a merged rule set for parameters that cannot work together (JX-R007)."""

from __future__ import annotations


from ..model import HUNDRED, ONE, ZERO
from .ruleset import RuleSet


def consistency_problems(rs: RuleSet) -> list[str]:
    problems: list[str] = []
    w = rs.weights
    weights = {"execution": w.execution, "output": w.output, "effect": w.effect,
               "satisfaction": w.satisfaction, "cost": w.cost}
    if any(v < 0 for v in weights.values()):
        problems.append("weights 中的分值不能为负数")
    if rs.method == "project" and sum(weights.values()) != HUNDRED:
        problems.append(f"weights 各项之和应为 100，实际为 {sum(weights.values())}")
    if rs.method == "department":
        block_total = w.output + w.effect + w.satisfaction + w.cost
        if w.execution + rs.department.tasks_weight != HUNDRED:
            problems.append("部门方法中 weights.execution 与 department.tasks_weight 之和应为 100")
        if block_total <= 0:
            problems.append("部门方法中任务内各一级指标分值之和应大于 0")
    if rs.method == "framework":
        problems += _framework_problems(rs)
    q = rs.qualitative
    for label, factor in (("met", q.met), ("partial", q.partial), ("not_met", q.not_met)):
        low, high = q.bands[label] if label in q.bands else (ZERO, ONE)
        if not (0 <= factor <= 1):
            problems.append(f"qualitative.{label} 应在 0 到 1 之间")
        elif not (low <= factor <= high):
            problems.append(f"qualitative.{label}（{factor}）不在该档区间 [{low}, {high}] 内")
    mins = [g.min for g in rs.grades]
    if not rs.grades or mins != sorted(mins, reverse=True) or mins[-1] != 0:
        problems.append("grades 应按分数线从高到低排列，最后一档的分数线为 0")
    for block, target in rs.empty_block_to.items():
        if block == target:
            problems.append(f"empty_block_to 中“{block}”不能转给自己")
    steps = rs.policies.execution_caps.steps
    if [s.below for s in steps] != sorted(s.below for s in steps):
        problems.append("policies.execution_caps.steps 应按执行率从低到高排列")
    return problems


def _framework_problems(rs: RuleSet) -> list[str]:
    from .framework import MEASURES  # the framework module knows which measures exist

    problems = []
    indicators = rs.framework.indicators
    if not indicators:
        problems.append("框架方法的规则集需要 framework.indicators")
    total = sum((i.weight for i in indicators), ZERO)
    if indicators and total != HUNDRED:
        problems.append(f"framework.indicators 的分值之和应为 100，实际为 {total}")
    ids = [i.id for i in indicators]
    if len(ids) != len(set(ids)):
        problems.append("framework.indicators 中有重复的 id")
    for ind in indicators:
        if ind.measure not in MEASURES:
            problems.append(f"指标“{ind.id}”的 measure“{ind.measure}”未定义；可用：{'、'.join(MEASURES)}")
        elif MEASURES[ind.measure].computable and ind.target is None:
            problems.append(f"指标“{ind.id}”需要 target（目标值，百分数）")
    return problems
