"""A target or actual value as reports write it: operator, number, unit, and the original text."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from .units import in_base

if TYPE_CHECKING:
    from .verdict import Verdict


class Operator(StrEnum):
    GE = ">="  # 正向：越高越好（≥98%、98%以上、不低于98%）
    LE = "<="  # 反向：越低越好（≤5天、5天以内、不超过5天）
    EQ = "="  # 等于（=100%）；没写方向的数（100%、1次）也是 EQ，但 implicit 为真
    QUALITATIVE = "定性"  # 达成年度指标、是/否、完成 …
    UNPARSED = "未识别"  # kept as text; the loader reports a finding

    @property
    def symbol(self) -> str:
        return {">=": "≥", "<=": "≤", "=": "="}.get(self.value, "")

    @property
    def label(self) -> str:
        """The word a reader uses for the direction: 不低于 / 不高于 / 等于 / 定性 / 未识别."""
        return {">=": "不低于", "<=": "不高于", "=": "等于"}.get(self.value, self.value)


class QualTier(StrEnum):
    """The three official tiers of a qualitative actual value (rules-spec §1.6)."""

    MET = "达成年度指标"
    PARTIAL = "部分达成年度指标并具有一定效果"
    NOT_MET = "未达成年度指标且效果较差"

    @property
    def key(self) -> str:
        """The rule-set key of the tier: met / partial / not_met."""
        return {QualTier.MET: "met", QualTier.PARTIAL: "partial", QualTier.NOT_MET: "not_met"}[self]


# What a qualitative value says about its tier; the words a unit writes when it states a target was met
# (完成绩效目标, 已完成) count as 达成. Used by scoring, checks and extraction alike.
QUAL_LABELS_MET = frozenset({
    "达成年度指标", "达成预期指标", "完成", "已完成", "达成", "已达成", "达到", "已达到", "是", "有效", "合格", "达标",
    "完成绩效目标", "已完成绩效目标", "完成年度目标", "完成年度指标", "达成绩效目标", "全部完成", "按时完成",
    "按期完成", "如期完成", "达到预期", "达到预期目标", "实现预期目标", "完成目标", "已完成目标",
})
QUAL_LABELS_PARTIAL = frozenset({"部分达成年度指标并具有一定效果", "部分达成", "部分完成", "基本完成", "基本达成"})
QUAL_LABELS_NOT_MET = frozenset({"未达成年度指标且效果较差", "未达成", "未完成", "否", "不合格", "未达标", "未达到"})


class DateSpan(BaseModel):
    """The days a date as written covers: 2023年12月31日 one day, 2023年12月 a month, 12月底 its last days.

    `year` is None when the text gives none (12月底前); comparisons then take the other value's year.
    """

    model_config = ConfigDict(frozen=True)

    year: int | None = None
    first: tuple[int, int]  # (month, day)
    last: tuple[int, int]

    def bounds(self, year: int | None) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        y = self.year if self.year is not None else (year or 0)
        return (y, *self.first), (y, *self.last)


class Quantity(BaseModel):
    model_config = ConfigDict(frozen=True)

    op: Operator
    number: Decimal | None = None
    unit: str | None = None  # "%", "次", "万人次", "天", "万元", "元/人·月" … as written
    label: str | None = None  # canonical qualitative word: 达成年度指标 / 是 / 否 / 完成 / 良好 …
    text: str  # exactly what the user wrote
    implicit: bool = False  # no direction was written (5人, 100%): compare() infers it from the indicator
    date: DateSpan | None = None  # a date or deadline (2023年12月31日前); op says before (≤) or after (≥)

    @property
    def is_quantitative(self) -> bool:
        return self.op in (Operator.GE, Operator.LE, Operator.EQ) and self.number is not None

    @property
    def tier(self) -> QualTier | None:
        """The official tier a qualitative label belongs to, when it names one."""
        if self.label is None:
            return None
        if self.label in QUAL_LABELS_MET:
            return QualTier.MET
        if self.label in QUAL_LABELS_PARTIAL:
            return QualTier.PARTIAL
        if self.label in QUAL_LABELS_NOT_MET:
            return QualTier.NOT_MET
        return None

    def base(self) -> tuple[Decimal, str] | None:
        """Number and unit in the unit's normal form (1.5万人次 → 15000 人次; 元/人*月 → 元/人·月)."""
        if self.number is None:
            return None
        return in_base(self.number, self.unit)

    def same_as(self, other: "Quantity") -> bool:
        """The same value written either way: equal text but for spaces, or the same reading (≥ 98% and ≥98.0%,
        1.5万人次 and 15000人次). An unreadable value is the same only as the same text."""
        if "".join(self.text.split()) == "".join(other.text.split()):
            return True
        if Operator.UNPARSED in (self.op, other.op):
            return False
        return ((self.op, self.base(), self.label, self.date, self.implicit)
                == (other.op, other.base(), other.label, other.date, other.implicit))

    def compare(self, actual: "Quantity | None", **context) -> "Verdict":
        """This value as a target against `actual`: met / exceeded / missed / not comparable, and why.

        `context` (name, level1, level2, unit, stated_met) describes the indicator, for a target that
        writes no direction; see jixiao.model.verdict.compare.
        """
        from .verdict import compare

        return compare(self, actual, **context)

    def __str__(self) -> str:
        return self.text
