"""An indicator table scored by the project method: weights allocated per 一级, then each indicator scored."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model import ZERO, Basis, Indicator, Outcome, Problem, QualTier, Verdict
from .qualitative import qualitative_points
from .quantitative import quantitative_points
from .ruleset import BLOCK_LABELS, RuleSet
from .scorecard import ScoreItem, num, round2


@dataclass
class Table:
    """The scored indicators of one table (a project, or one task of a department)."""

    items: list[ScoreItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    na_weight: Decimal = ZERO  # weight of indicators dropped as not applicable
    full: Decimal = ZERO  # the sum of all allocated weights


def apportion(total: Decimal, shares: list[Decimal]) -> list[Decimal]:
    """Split `total` in proportion to `shares` into whole cents that add up exactly (largest remainder)."""
    whole = sum(shares, ZERO)
    exact = [total * 100 * s / whole for s in shares]
    cents = [int(e) for e in exact]
    left = int(total * 100) - sum(cents)
    for i in sorted(range(len(exact)), key=lambda i: exact[i] - cents[i], reverse=True)[:left]:
        cents[i] += 1
    return [Decimal(c) / 100 for c in cents]


def split_evenly(total: Decimal, n: int) -> list[Decimal]:
    """`total` in n parts of whole cents that add up exactly (the first parts get the odd cents)."""
    cents = int(max(total, ZERO) * 100)
    base, extra = divmod(cents, n)
    return [Decimal(base + (1 if i < extra else 0)) / 100 for i in range(n)]


def allocate(indicators: list[tuple[str, Indicator]], rs: RuleSet, notes: list[str]) -> dict[str, tuple[Decimal, bool]]:
    """path → (weight, was it split from the 一级 weight?). Given weights are used as given."""
    by_block: dict[str, list[tuple[str, Indicator]]] = {}
    for path, ind in indicators:
        by_block.setdefault(rs.block_of(ind.resolved_level1), []).append((path, ind))
    weights, moved = rs.block_weights(set(by_block))
    notes += moved
    out: dict[str, tuple[Decimal, bool]] = {}
    for block, members in by_block.items():
        given = sum((ind.weight for _, ind in members if ind.weight is not None), ZERO)
        missing = [path for path, ind in members if ind.weight is None]
        for path, ind in members:
            if ind.weight is not None:
                out[path] = (ind.weight, False)
        if missing:
            rest = weights[block] - given
            for path, w in zip(missing, split_evenly(rest, len(missing))):
                out[path] = (w, True)
            notes.append(f"{BLOCK_LABELS[block]}中 {len(missing)} 项未填分值，平分剩余的 {num(max(rest, ZERO))} 分")
    if rs.given_weights == "rescale":
        _rescale(out, rs.indicator_points, notes)
    return out


def _rescale(weights: dict[str, tuple[Decimal, bool]], points: Decimal, notes: list[str]) -> None:
    """Given weights that do not add up to the table's points are scaled in proportion to them, in whole cents
    (a department whose tasks each weight their indicators to 90, scored as one table)."""
    if not weights or any(split for _, split in weights.values()):
        return
    paths = list(weights)
    total = sum((weights[p][0] for p in paths), ZERO)
    if total <= 0 or total == points:
        return
    for path, w in zip(paths, apportion(points, [weights[p][0] for p in paths])):
        weights[path] = (w, False)
    notes.append(f"各指标所填分值合计 {num(total)} 分，按比例折算为 {num(points)} 分（规则集参数 given_weights: rescale）")


def score_table(indicators: list[tuple[str, Indicator]], rs: RuleSet) -> Table:
    table = Table()
    weights = allocate(indicators, rs, table.notes)
    rescale = rs.policies.not_applicable_rescale.enabled
    for path, ind in indicators:
        w, split = weights[path]
        table.full += w
        if ind.not_applicable and rescale:
            table.na_weight += w
            table.items.append(ScoreItem.make(path, "indicator.not_applicable", ind.name, w, _inputs(ind, w),
                                              f"标为不适用，剔除本项（分值 {num(w)}），总分按适用指标折算", ZERO, ind.location))
            continue
        table.items.append(score_indicator(path, ind, w, rs, split))
    return table


def _inputs(ind: Indicator, w: Decimal) -> dict[str, str]:
    return {"年度指标值": ind.target.text if ind.target else "—",
            "实际完成值": ind.actual.text if ind.actual else "—", "分值": num(w)}


def score_indicator(path: str, ind: Indicator, w: Decimal, rs: RuleSet, split: bool = False) -> ScoreItem:
    verdict = ind.verdict()
    points, rule, explain = _points(ind, verdict, w, rs)
    points = min(max(round2(points), ZERO), w) if w > 0 else ZERO
    if split:
        explain = f"（分值由一级指标分值平分得 {num(w)}）{explain}"
    if ind.not_applicable and not rs.policies.not_applicable_rescale.enabled:
        explain += "；本项标为不适用，但规则集未启用剔除折算，照常计分"
    return ScoreItem.make(path, rule, ind.name, w, _inputs(ind, w), explain, points, ind.where("actual"), verdict)


_UNCOMPARABLE_RULES = {
    Problem.NO_ACTUAL: "indicator.missing_actual", Problem.NO_TARGET: "indicator.missing_target",
    Problem.TARGET_UNREADABLE: "indicator.unparsed", Problem.ACTUAL_UNREADABLE: "indicator.unparsed",
    Problem.UNITS_DIFFER: "indicator.unit_mismatch", Problem.NO_TIER: "indicator.qualitative",
}


_NUMBER, _TIER = Basis.NUMBER, Basis.TIER  # module constants: the hot path of scoring reads them per indicator


def _points(ind: Indicator, v: Verdict, w: Decimal, rs: RuleSet) -> tuple[Decimal, str, str]:
    """Points from the verdict: numbers by the rule set's formulas, tiers by its factors."""
    if v.basis is _NUMBER:
        return quantitative_points(v, w, rs, ind.target.text, ind.actual.text)
    if v.basis is _TIER:
        return qualitative_points(ind, v.tier, w, rs)
    if v.basis is Basis.STATED:
        if not v.met:
            return ZERO, "indicator.missing_actual", f"{v.reason}，得 0 分"
        points, rule, explain = qualitative_points(ind, QualTier.MET, w, rs, lead=f"按单位所述计分：{v.reason}")
        return points, "indicator.stated", explain
    if v.basis is Basis.DATE:
        if v.outcome is not Outcome.MISSED:
            return w, "indicator.date", f"时限指标：{v.explained()}，得满分 {num(w)}"
        factor = rs.qualitative.not_met
        points = w * factor
        return points, "indicator.date", (f"时限指标：{v.explained()}，按“未达成”档计分 = 分值 {num(w)} × "
                                          f"{num(factor * 100)}% = {num(points)}")
    rule = _UNCOMPARABLE_RULES.get(v.problem, "indicator.not_comparable")
    said = "；作者标注“已完成”，但评分只依据实际完成值" if v.problem is not Problem.NO_ACTUAL and ind.met else ""
    lead = "定性指标：" if v.problem is Problem.NO_TIER else ""
    return ZERO, rule, f"{lead}{v.reason}，得 0 分{said}"
