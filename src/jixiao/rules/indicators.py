"""An indicator table scored by the project method: weights allocated per 一级, then each indicator scored."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Indicator, Operator
from .qualitative import qualitative_points
from .quantitative import compare_units, quantitative_points
from .ruleset import BLOCK_LABELS, RuleSet
from .scorecard import ScoreItem, num, round2

ZERO = Decimal(0)
BLOCKS = ("output", "effect", "satisfaction", "cost")


@dataclass
class Table:
    """The scored indicators of one table (a project, or one task of a department)."""

    items: list[ScoreItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    na_weight: Decimal = ZERO  # weight of indicators dropped as not applicable
    full: Decimal = ZERO  # the sum of all allocated weights


def block_of(ind: Indicator, rs: RuleSet) -> str:
    level1 = ind.level1.value if ind.level1 is not None else None
    return rs.level1_blocks.get(level1, "output") if level1 else "output"


def split_evenly(total: Decimal, n: int) -> list[Decimal]:
    """`total` in n parts of whole cents that add up exactly (the first parts get the odd cents)."""
    cents = int(max(total, ZERO) * 100)
    base, extra = divmod(cents, n)
    return [Decimal(base + (1 if i < extra else 0)) / 100 for i in range(n)]


def block_weights(present: set[str], rs: RuleSet, notes: list[str]) -> dict[str, Decimal]:
    """Each block's weight, with the weight of a block that has no indicators moved per `empty_block_to`."""
    weights = {b: rs.block_weight(b) for b in BLOCKS}
    for block in BLOCKS:
        if block in present or weights[block] <= 0:
            continue
        target, hops = rs.empty_block_to.get(block), 0
        while target is not None and target not in present and hops < len(BLOCKS):
            target, hops = rs.empty_block_to.get(target), hops + 1
        moved = weights[block]
        weights[block] = ZERO
        if target is None or target not in present:
            notes.append(f"没有{BLOCK_LABELS[block]}，其 {num(moved)} 分无处分配，未计入")
            continue
        weights[target] += moved
        notes.append(f"没有{BLOCK_LABELS[block]}，其 {num(moved)} 分并入{BLOCK_LABELS[target]}（规则集参数 empty_block_to）")
    return weights


def allocate(indicators: list[tuple[str, Indicator]], rs: RuleSet, notes: list[str]) -> dict[str, tuple[Decimal, bool]]:
    """path → (weight, was it split from the 一级 weight?). Given weights are used as given."""
    by_block: dict[str, list[tuple[str, Indicator]]] = {}
    for path, ind in indicators:
        by_block.setdefault(block_of(ind, rs), []).append((path, ind))
    weights = block_weights(set(by_block), rs, notes)
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
    return out


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
    points, rule, explain = _points(ind, w, rs)
    points = min(max(round2(points), ZERO), w) if w > 0 else ZERO
    if split:
        explain = f"（分值由一级指标分值平分得 {num(w)}）{explain}"
    if ind.not_applicable and not rs.policies.not_applicable_rescale.enabled:
        explain += "；本项标为不适用，但规则集未启用剔除折算，照常计分"
    return ScoreItem.make(path, rule, ind.name, w, _inputs(ind, w), explain, points, ind.where("actual"))


def _points(ind: Indicator, w: Decimal, rs: RuleSet) -> tuple[Decimal, str, str]:
    target, actual = ind.target, ind.actual
    if actual is None:
        said = "；作者标注“已完成”，但评分只依据实际完成值" if ind.met else ""
        return ZERO, "indicator.missing_actual", f"未填写实际完成值，得 0 分{said}"
    if target is None:
        return ZERO, "indicator.missing_target", "未填写年度指标值，无法比较，得 0 分"
    if actual.op is Operator.UNPARSED:
        return ZERO, "indicator.unparsed", f"实际完成值“{actual.text}”无法识别，得 0 分"
    if target.op is Operator.UNPARSED:
        return ZERO, "indicator.unparsed", f"年度指标值“{target.text}”无法识别，得 0 分"
    if target.op is Operator.QUALITATIVE or not actual.is_quantitative:
        return qualitative_points(ind, actual, w, rs)
    pair = compare_units(target, actual)
    if isinstance(pair, str):
        return ZERO, "indicator.unit_mismatch", pair
    t, a = pair
    return quantitative_points(target.op, t, a, w, rs, target.text, actual.text)
