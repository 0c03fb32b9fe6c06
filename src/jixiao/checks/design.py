"""How indicators are set (JX-I003–I008, I013): precise, specific, measurable, complete and weighted."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..model import HUNDRED, ZERO, Evaluation, Finding, Indicator, Operator, Severity, Task
from ..model.catalogue import finding
from ..rules.ruleset import BLOCK_LABELS
from .compare import is_percent, level1_of, normal_name
from .indicators import label
from .params import CheckParams

_DIGIT = re.compile(r"[0-9０-９]")
_COUNT_UNITS = {"", "次", "场", "项", "期", "届", "个", "轮"}
_DONE_WORDS = {"完成", "是", "达成", "达成年度指标", "达成预期指标", "已完成"}


def check_indicator_design(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    for ti, task in enumerate(ev.tasks):
        tpath = f"tasks[{ti}]"
        live = [(ii, ind) for ii, ind in enumerate(task.indicators) if not ind.not_applicable]
        for ii, ind in live:
            path = f"{tpath}.indicators[{ii}]"
            if is_by_definition(ind, p):
                yield finding("JX-I003", f"{path}.name", ind.where("name"), indicator=label(ind),
                              target=ind.target.text)
            if is_activity(ind, p):
                yield finding("JX-I005", f"{path}.name", ind.where("name"), indicator=label(ind),
                              target=ind.target.text if ind.target else "（未填）")
            yield from _vague(path, ind, p)
        yield from _generic_share(tpath, task, [ind for _, ind in live], p)
        yield from _missing_blocks(tpath, task, [ind for _, ind in live], p)
        yield from _duplicates(tpath, live)
    for tpath, name, where, inds in p.weight_tables(ev):
        yield from _weights(tpath, name, where, inds, p)


def is_by_definition(ind: Indicator, p: CheckParams) -> bool:
    """A process or compliance rate aimed at 100%: reached by doing the work at all, so it measures nothing."""
    t = ind.target
    if t is None or not t.is_quantitative or t.op is Operator.LE or t.number < HUNDRED:
        return False
    name = normal_name(ind.name)
    is_rate = is_percent(t) or name.endswith("率") or (ind.unit or "").strip() == "%"
    return is_rate and p.contains_any("by_definition_terms", name)


def is_activity(ind: Indicator, p: CheckParams) -> bool:
    """Work to be done (召开会议 1次, 举办“三八”节活动) stated in place of a result."""
    name = normal_name(ind.name)
    if len(name) > p.activity_name_max_len and not p.contains_any("measurable_nouns", name):
        return _trivial_target(ind)  # a long description of work, "done" as its target
    names_activity = name.startswith(p.activity_verbs) or any(name.endswith(n) or n + "次" in name
                                                                 for n in p.activity_nouns)
    return names_activity and _trivial_target(ind)


def _trivial_target(ind: Indicator) -> bool:
    t = ind.target
    if t is None:
        return False
    if t.op is Operator.QUALITATIVE:
        return (t.label or t.text) in _DONE_WORDS
    return t.number == 1 and (t.unit or "") in _COUNT_UNITS


def is_generic(ind: Indicator, p: CheckParams) -> bool:
    name = normal_name(ind.name)
    return p.contains_any("generic_indicators", name)


def _vague(path: str, ind: Indicator, p: CheckParams) -> Iterator[Finding]:
    for key in ("target", "actual"):
        q = getattr(ind, key)
        if q is None or q.op is not Operator.QUALITATIVE or _DIGIT.search(q.text) or q.tier is not None:
            continue
        words = [w for w in p.vague_words if w in q.text]
        if words:
            yield finding("JX-I006", f"{path}.{key}", ind.where(key), indicator=label(ind),
                          problem=f"“{q.text}”含有“{'、'.join(words)}”等模糊表述，没有可衡量的标准")
            return
    t = ind.target
    if t is not None and t.op is Operator.QUALITATIVE and p.contains_any("quantitative_name_marks", normal_name(ind.name)):
        yield finding("JX-I006", f"{path}.target", ind.where("target"), indicator=label(ind),
                      problem=f"指标名称表示数量或比率，年度指标值却是文字“{t.text}”，应改为具体数值")


def _generic_share(tpath: str, task: Task, inds: list[Indicator], p: CheckParams) -> Iterator[Finding]:
    if len(inds) < 2:
        return
    generic = [ind for ind in inds if is_generic(ind, p)]
    if Decimal(len(generic)) / len(inds) > p.generic_ratio_max:
        yield finding("JX-I004", f"{tpath}.indicators", task.where("indicators"), task=task.name,
                      count=len(generic), total=len(inds), names="、".join(label(i) for i in generic),
                      limit=f"{(p.generic_ratio_max * 100).normalize():f}%")


def _missing_blocks(tpath: str, task: Task, inds: list[Indicator], p: CheckParams) -> Iterator[Finding]:
    blocks = [level1_of(ind) for ind in inds]
    if not inds or None in blocks:
        return  # an indicator of unknown 一级 may be the very block that looks missing
    present = {str(b) for b in blocks}
    missing = [b for b in p.required_blocks if b not in present]
    if missing:
        yield finding("JX-I007", f"{tpath}.indicators", task.where("indicators") or task.location, task=task.name,
                      blocks="、".join(missing))


def _weights(tpath: str, name: str, where, inds: list[Indicator], p: CheckParams) -> Iterator[Finding]:
    """One table the rule set scores together. Checked only when every indicator states its weight: missing
    weights are shared out by the rule set."""
    if not inds or any(ind.weight is None for ind in inds):
        return
    bad = [ind for ind in inds if ind.weight <= 0]
    for ind in bad:
        yield finding("JX-I008", f"{tpath}.indicators", ind.where("weight"), task=name,
                      problem=f"指标{label(ind)}的分值为 {ind.weight}，应大于 0")
    total = sum((ind.weight for ind in inds), ZERO)
    if total != p.indicator_weight_total:
        yield finding("JX-I008", f"{tpath}.indicators", where, task=name,
                      problem=f"各指标分值合计 {total.normalize():f} 分，应为 {p.indicator_weight_total.normalize():f} 分")
    elif p.check_block_weights:
        yield from _block_weights(tpath, name, inds, p, where)


def _block_weights(tpath, name, inds, p: CheckParams, where) -> Iterator[Finding]:
    """Each 一级's weights against the rule set's, after the same redistribution scoring makes."""
    sums: dict[str, Decimal] = {}
    for ind in inds:
        block = p.block_of(level1_of(ind))
        sums[block] = sums.get(block, ZERO) + ind.weight
    expected = {b: w for b, w in p.expected_block_weights(set(sums)).items() if w or b in sums}
    wrong = [f"{BLOCK_LABELS[b]} {sums.get(b, ZERO).normalize():f} 分（应为 {w.normalize():f} 分）"
             for b, w in expected.items() if sums.get(b, ZERO) != w]
    if wrong:
        yield finding("JX-I008", f"{tpath}.indicators", where, severity=Severity.WARNING, task=name,
                      problem="一级指标分值与规则集不符：" + "；".join(wrong))


def _duplicates(tpath: str, live: list[tuple[int, Indicator]]) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for ii, ind in live:
        key = normal_name(ind.name)
        if not key:
            continue
        if key in seen:
            yield finding("JX-I013", f"{tpath}.indicators[{ii}].name", ind.where("name"), indicator=label(ind),
                          first=seen[key] + 1, second=ii + 1)
        else:
            seen[key] = ii
