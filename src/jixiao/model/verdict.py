"""Was the target met? The one comparison of an actual with its target that scoring, checks, reports,
the web app and extraction all use.

`compare(target, actual, …)` returns a Verdict: met, exceeded, missed or not comparable, on what basis
(numbers, dates, a qualitative tier, or only the unit's own statement), with the ratio and a Chinese reason.

Decisions (docs/scoring.md explains them to users):
- A number written without a direction (5人, 100%) is read by the indicator's kind: a count, rate or
  benefit is "at least" (≥); a cost, a time limit or an error/complaint rate is "at most" (≤). The
  verdict says the direction was inferred, and why.
- "=" written out is exact: more than the target is "exceeded", less is "missed".
- A 0–1 fraction against a percent target (0.958 for ≥95%) is read as a percent, with a note.
- A date target (2023年12月31日前) is compared with a dated actual; an actual that gives less detail than
  needed to decide (2023年12月 against 12月20日前) is not comparable.
- No actual value, but the unit states the target was met (是否完成: 是, or an actual that only says
  已完成 / 完成绩效目标 against a number): met as stated, marked `unverified`.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from .constants import HUNDRED
from .quantity import Operator, QualTier, Quantity
from .units import is_time_unit, normal_unit

GE, LE, EQ = Operator.GE, Operator.LE, Operator.EQ


class Outcome(StrEnum):
    MET = "met"
    EXCEEDED = "exceeded"  # better than the target: above a ≥ or = target, below a ≤ target
    MISSED = "missed"
    NOT_COMPARABLE = "not_comparable"

    @property
    def label(self) -> str:
        return {"met": "达到", "exceeded": "超额完成", "missed": "未达到", "not_comparable": "无法比较"}[self.value]


class Basis(StrEnum):
    """What the verdict rests on."""

    NUMBER = "number"  # target and actual numbers in one unit
    DATE = "date"  # a deadline and a dated actual
    TIER = "tier"  # a qualitative tier (达成 / 部分达成 / 未达成)
    STATED = "stated"  # only the unit's own statement that it was (not) met: cannot be verified
    NONE = "none"  # not comparable


class Problem(StrEnum):
    """Why a target and an actual cannot be compared."""

    NO_TARGET = "no_target"
    NO_ACTUAL = "no_actual"
    TARGET_UNREADABLE = "target_unreadable"
    ACTUAL_UNREADABLE = "actual_unreadable"
    UNITS_DIFFER = "units_differ"
    KINDS_DIFFER = "kinds_differ"  # a number against a date, a number against a qualitative target …
    NO_TIER = "no_tier"  # a qualitative actual that names no tier
    DATE_IMPRECISE = "date_imprecise"


# Members as module constants: an enum member looked up on its class costs a dictionary walk per use, and
# compare() runs once per indicator on every scoring.
_MET, _EXCEEDED, _MISSED, _NOT_COMPARABLE = Outcome.MET, Outcome.EXCEEDED, Outcome.MISSED, Outcome.NOT_COMPARABLE
_NUMBER, _DATE, _TIER, _STATED, _NONE = Basis.NUMBER, Basis.DATE, Basis.TIER, Basis.STATED, Basis.NONE
_UNPARSED, _QUALITATIVE = Operator.UNPARSED, Operator.QUALITATIVE


class Verdict(NamedTuple):
    """Immutable (a tuple: cheap to make, as scoring makes one per indicator)."""

    outcome: Outcome
    basis: Basis
    reason: str  # 中文, one clause: 实际 6人 达到年度指标值 5人
    op: Operator | None = None  # the direction compared by (after inference)
    inferred: bool = False  # the target wrote no direction; `op` was read from the indicator's kind
    target: Decimal | None = None  # numbers in their common unit (NUMBER basis)
    actual: Decimal | None = None
    unit: str = ""  # the common unit, normal form
    tier: QualTier | None = None  # TIER basis
    problem: Problem | None = None  # NOT_COMPARABLE
    notes: tuple[str, ...] = ()  # how a value was read: the inferred direction, a fraction read as percent

    @property
    def met(self) -> bool | None:
        """True when met or exceeded, False when missed, None when it cannot be told."""
        if self.outcome is _NOT_COMPARABLE:
            return None
        return self.outcome is not _MISSED

    @property
    def unverified(self) -> bool:
        """The verdict is only what the unit says: there is no actual value to check it against."""
        return self.basis is _STATED

    @property
    def ratio(self) -> Decimal | None:
        """actual ÷ target, for numbers with a positive target."""
        if self.basis is not _NUMBER or self.target is None or self.actual is None or self.target <= 0:
            return None
        return self.actual / self.target

    @property
    def overachievement(self) -> Decimal | None:
        """actual ÷ target where more is better: ≥ (written or inferred) and exact counts. A rate target of
        100% or more cannot be exceeded meaningfully and gives None."""
        ratio = self.ratio
        if ratio is None or self.op not in (GE, EQ):
            return None
        rate = self.unit in ("%", "‰")
        if (self.op is EQ and rate) or (rate and self.target >= HUNDRED):
            return None
        return ratio

    @property
    def label(self) -> str:
        """达到 / 超额完成 / 未达到 / 无法比较, with （未核实） when only the unit's statement backs it."""
        return self.outcome.label + ("（未核实）" if self.unverified else "")

    def explained(self) -> str:
        """The reason and the notes, as one sentence for a score explanation or a finding."""
        return "；".join((self.reason, *self.notes))


def _not_comparable(problem: Problem, reason: str) -> Verdict:
    return Verdict(_NOT_COMPARABLE, _NONE, reason, problem=problem)


def compare(target: Quantity | None, actual: Quantity | None, *, name: str = "", level1: object = None,
            level2: str | None = None, unit: str | None = None, stated_met: bool | None = None) -> Verdict:
    """`actual` against `target`. `name`, `level1`, `level2` and `unit` describe the indicator, to infer the
    direction of a target that writes none; `stated_met` is the unit's own 是否完成, used only when there is
    no actual value."""
    return compare_in(target, actual, _Context(name, level1, level2, unit, stated_met))


class _Context(NamedTuple):
    """What compare() needs to know of the indicator; an Indicator has the same attributes and is passed as is."""

    name: str
    level1: object
    level2: str | None
    unit: str | None
    met: bool | None


def compare_in(target: Quantity | None, actual: Quantity | None, indicator) -> Verdict:
    """compare() for an indicator (anything with name, level1, level2, unit and met, such as an Indicator)."""
    if target is not None and actual is not None:
        t_op, a_op = target.op, actual.op
        if (t_op is GE or t_op is LE or t_op is EQ) and (a_op is GE or a_op is LE or a_op is EQ) \
                and target.number is not None and actual.number is not None:
            return _numbers(target, actual, indicator)  # the common case, first
    return _other(target, actual, indicator.met)


def _other(target: Quantity | None, actual: Quantity | None, stated_met: bool | None) -> Verdict:
    """Everything but two numbers: missing values, unreadable ones, tiers, dates, values of different kinds."""
    if target is None:
        return _not_comparable(Problem.NO_TARGET, "未填写年度指标值，无法比较")
    if actual is None:
        if stated_met is True:
            return Verdict(_MET, _STATED,
                           "未填写实际完成值；单位填报为已完成，按单位所述计为达到，实际完成情况无法核实")
        if stated_met is False:
            return Verdict(_MISSED, _STATED, "未填写实际完成值；单位填报为未完成")
        return _not_comparable(Problem.NO_ACTUAL, "未填写实际完成值，无法比较")
    if target.op is _UNPARSED:
        if actual.tier is not None:  # the actual names its tier itself (达成年度指标): that is the unit's word
            return _stated_tier(target, actual, actual.tier, f"年度指标值“{target.text}”无法识别，")
        return _not_comparable(Problem.TARGET_UNREADABLE, f"年度指标值“{target.text}”无法识别")
    if actual.op is _UNPARSED:
        return _not_comparable(Problem.ACTUAL_UNREADABLE, f"实际完成值“{actual.text}”无法识别")
    if actual.op is _QUALITATIVE:
        return _qualitative(target, actual)
    if target.date is not None:
        if actual.date is None:
            return _not_comparable(Problem.KINDS_DIFFER, f"年度指标值是日期“{target.text}”，实际完成值“{actual.text}”不是日期，无法比较")
        return _dates(target, actual)
    if target.op is _QUALITATIVE:
        if actual.text.strip() == target.text.strip():
            return Verdict(_MET, _TIER, f"实际完成值与年度指标值“{target.text}”一致", tier=QualTier.MET)
        if _progress_done(actual):
            return _stated_progress(target, actual)
        return _not_comparable(Problem.NO_TIER, f"定性指标的实际完成值“{actual.text}”无法判定属于哪一档（达成/部分达成/未达成）")
    return _not_comparable(Problem.KINDS_DIFFER, f"实际完成值“{actual.text}”与年度指标值“{target.text}”不是同一类值，无法比较")


def _qualitative(target: Quantity, actual: Quantity) -> Verdict:
    tier = actual.tier
    if tier is None and (target.op is _QUALITATIVE or target.date is not None):
        if actual.label and actual.label == (target.label or target.text) or actual.text.strip() == target.text.strip():
            tier = QualTier.MET  # the actual repeats the target's wording
    if tier is None:
        return _not_comparable(Problem.NO_TIER, f"实际完成值“{actual.text}”无法判定属于哪一档（达成/部分达成/未达成）")
    if target.is_quantitative or target.date is not None:
        kind = "日期" if target.date is not None else "数值"
        return _stated_tier(target, actual, tier, f"年度指标值是{kind}“{target.text}”，")
    outcome = _MET if tier is QualTier.MET else _MISSED
    return Verdict(outcome, _TIER, f"实际完成值“{actual.text}”属于“{tier.value}”档", tier=tier)


def _stated_tier(target: Quantity, actual: Quantity, tier: QualTier, lead: str) -> Verdict:
    """An actual that only names a tier where a number or date was due: met as the unit states it (cannot be
    verified); a tier below 达成 is judged by that tier."""
    if tier is QualTier.MET:
        return Verdict(_MET, _STATED,
                       f"{lead}实际完成值只写“{actual.text}”，按单位所述计为达到，无法核实", tier=tier)
    return Verdict(_MISSED, _TIER, f"{lead}实际完成值为“{actual.text}”，属于“{tier.value}”档", tier=tier)


def _dates(target: Quantity, actual: Quantity) -> Verdict:
    t, a = target.date, actual.date
    year = t.year if t.year is not None else a.year
    t_lo, t_hi = t.bounds(year)
    a_lo, a_hi = a.bounds(year)
    op, notes = target.op, ()
    if target.implicit or op is EQ:
        op = LE
        if target.implicit:
            notes = (f"“{target.text}”未写“前”或“后”，按截止日期比较（推定）",)
    if op is LE:
        if a_hi <= t_hi:
            return Verdict(_MET, _DATE, f"实际完成时间“{actual.text}”不晚于“{target.text}”", op=op,
                           inferred=target.implicit, notes=notes)
        if a_lo > t_hi:
            return Verdict(_MISSED, _DATE, f"实际完成时间“{actual.text}”晚于“{target.text}”", op=op,
                           inferred=target.implicit, notes=notes)
    else:
        if a_lo >= t_lo:
            return Verdict(_MET, _DATE, f"实际时间“{actual.text}”不早于“{target.text}”", op=op, notes=notes)
        if a_hi < t_lo:
            return Verdict(_MISSED, _DATE, f"实际时间“{actual.text}”早于“{target.text}”", op=op, notes=notes)
    return _not_comparable(Problem.DATE_IMPRECISE, f"实际完成时间“{actual.text}”不够具体，无法判断是否符合“{target.text}”")


_PERCENT_MARKS = ("%", "％", "百分")
_RATES = frozenset({"%", "‰"})


def _numbers(target: Quantity, actual: Quantity, indicator) -> Verdict:
    t_factor, t_unit = normal_unit(target.unit)
    a_factor, a_unit = normal_unit(actual.unit)
    # a value written without a unit is in the other's unit, as written (=8万元 against 8: 8万元)
    if not actual.unit and target.unit and not (t_unit in _RATES and _is_fraction(actual.number, actual, target.number)):
        a_factor, a_unit = t_factor, t_unit
    elif not target.unit and actual.unit and not (a_unit in _RATES and _is_fraction(target.number, target, actual.number)):
        t_factor, t_unit = a_factor, a_unit
    t = target.number * t_factor if t_factor != 1 else target.number
    a = actual.number * a_factor if a_factor != 1 else actual.number
    notes: list[str] = []
    if t_unit in _RATES and _is_fraction(a, actual, t):
        a, a_unit = a * HUNDRED, t_unit
        notes.append(f"实际完成值“{actual.text}”是小数，按百分数 {_plain(a)}% 读取")
    elif a_unit in _RATES and _is_fraction(t, target, a):
        t, t_unit = t * HUNDRED, a_unit
        notes.append(f"年度指标值“{target.text}”是小数，按百分数 {_plain(t)}% 读取")
    if t_unit and a_unit and t_unit != a_unit:
        if _progress_done(actual):
            return _stated_progress(target, actual)
        return _not_comparable(Problem.UNITS_DIFFER, f"实际完成值的单位“{actual.unit}”与年度指标值的单位“{target.unit}”不一致，无法比较")
    common = t_unit or a_unit
    op, inferred = target.op, target.implicit
    if inferred:  # (notes stay a list until the end: most values need none)
        op, why = infer_direction(indicator.name, indicator.level1, indicator.level2, target.unit or indicator.unit)
        notes.insert(0, f"“{target.text}”未写比较方向，{why}按“{op.symbol}”比较（推定）")
    a_text, t_text = actual.text, target.text
    if op is LE:
        outcome = _EXCEEDED if a < t else _MET if a == t else _MISSED
        reason = (f"实际 {a_text} 不超过年度指标值 {t_text}" if outcome is not _MISSED
                  else f"实际 {a_text} 超过年度指标值 {t_text}")
    elif op is EQ:
        outcome = _MET if a == t else _EXCEEDED if a > t else _MISSED
        reason = (f"实际 {a_text} 等于年度指标值 {t_text}" if outcome is _MET
                  else f"实际 {a_text} 与年度指标值 {t_text} 不符（{'多于' if a > t else '少于'}目标）")
    else:
        outcome = _EXCEEDED if a > t else _MET if a == t else _MISSED
        reason = (f"实际 {a_text} 达到年度指标值 {t_text}" if outcome is not _MISSED
                  else f"实际 {a_text} 未达到年度指标值 {t_text}")
    return Verdict(outcome, _NUMBER, reason, op, inferred, t, a, common, None, None, tuple(notes) if notes else ())


def _progress_done(actual: Quantity) -> bool:
    """An actual that reports progress, not the measure: 已完成100%, 100%完成."""
    return actual.unit == "%" and actual.number == HUNDRED and "完成" in actual.text


def _stated_progress(target: Quantity, actual: Quantity) -> Verdict:
    return Verdict(_MET, _STATED, f"实际完成值“{actual.text}”是完成进度，不是“{target.text}”的实际数值，"
                                  f"按单位所述计为达到，无法核实", tier=QualTier.MET)


def _is_fraction(value: Decimal, q: Quantity, other: Decimal) -> bool:
    """A 0–1 number written without a percent sign, beside a percent above 1: 0.958 meant as 95.8%."""
    return 0 < value <= 1 and other > 1 and not q.unit and not any(m in q.text for m in _PERCENT_MARKS)


def _plain(n: Decimal) -> str:
    s = format(n.normalize(), "f")
    return s


# -- the direction of a target that writes none ----------------------------------------------------------
# Words naming something of which less is better. A later word that names a good result (投诉办结率,
# 事故下降率) wins over them; 不合格 and the like are removed before good words are looked for.
_LOWER_IS_BETTER = (
    "不合格", "不达标", "不满意", "投诉", "差错", "错误", "失误", "出错", "事故", "违规", "违纪", "违法", "超标", "返工",
    "返修", "误差", "逾期", "延误", "超期", "超时", "滞留", "积压", "空置", "闲置", "流失", "辍学", "死亡", "感染", "发病",
    "复发", "漏报", "误报", "缺陷", "故障", "损耗", "损失", "结转结余", "拖欠", "欠薪", "超支", "成本", "费用", "造价",
    "单价", "变动率", "发生率", "上访",
)
_GOOD_RESULT = (
    "办结", "处理", "处置", "解决", "回复", "答复", "整改", "完成", "覆盖", "合格", "达标", "满意", "及时", "知晓", "到位",
    "完好", "通过", "利用", "使用", "查处", "处罚", "化解", "调处", "受理",
)
_REDUCTION = ("降低", "下降", "减少", "节约", "节省", "压减", "压缩")  # 降低成本, 事故下降率: the reduction is the result
_DEADLINE_WORDS = ("时限", "期限", "用时", "耗时", "周期", "响应时间", "等待时间", "办理时间", "办结时间", "完成时间",
                   "审批时间", "到场时间", "处置时间")


def infer_direction(name: str, level1: object = None, level2: str | None = None,
                    unit: str | None = None) -> tuple[Operator, str]:
    """(≥ or ≤, the kind it was read from in Chinese) for a target written without a direction."""
    l1, l2 = str(getattr(level1, "value", level1) or ""), level2 or ""
    if "成本" in l2 or "成本" in l1:
        return LE, "成本指标越低越好，"
    if is_time_unit(unit) and ("时效" in l2 or any(w in name for w in _DEADLINE_WORDS)):
        return LE, "时限类指标越短越好，"
    bad = _last_bad_word(name)
    if bad is not None:
        return LE, f"“{bad}”类指标越低越好，"
    return GE, "数量、比率、效益类指标"


def _last_bad_word(name: str) -> str | None:
    """The word of _LOWER_IS_BETTER that decides the name's direction, or None when a good result follows it."""
    hits = [(name.rfind(w), w) for w in _LOWER_IS_BETTER if w in name]
    if not hits:
        return None
    pos, word = max(hits, key=lambda h: (h[0] + len(h[1]), len(h[1])))
    rest = name
    for _, w in hits:
        rest = rest.replace(w, "\0" * len(w))
    end = pos + len(word)
    if any(rest.find(g, end) >= 0 for g in _GOOD_RESULT) or any(r in rest for r in _REDUCTION):
        return None
    return word
