"""A target or actual value as reports write it: operator, number, unit, and the original text."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Operator(StrEnum):
    GE = ">="  # 正向：越高越好（≥98%、98%以上、不低于98%）
    LE = "<="  # 反向：越低越好（≤5天、5天以内、不超过5天）
    EQ = "="  # 等于（=100%、100%、1次）
    QUALITATIVE = "定性"  # 达成年度指标、是/否、完成 …
    UNPARSED = "未识别"  # kept as text; the loader reports a finding


class QualTier(StrEnum):
    """The three official tiers of a qualitative actual value (rules-spec §1.6)."""

    MET = "达成年度指标"
    PARTIAL = "部分达成年度指标并具有一定效果"
    NOT_MET = "未达成年度指标且效果较差"


# Words that mean a qualitative value reached its tier; used by scoring and checks.
QUAL_LABELS_MET = frozenset({"达成年度指标", "达成预期指标", "完成", "已完成", "达成", "达到", "是", "有效", "合格", "达标"})
QUAL_LABELS_PARTIAL = frozenset({"部分达成年度指标并具有一定效果", "部分达成", "部分完成", "基本完成", "基本达成"})
QUAL_LABELS_NOT_MET = frozenset({"未达成年度指标且效果较差", "未达成", "未完成", "否", "不合格", "未达标"})


class Quantity(BaseModel):
    model_config = ConfigDict(frozen=True)

    op: Operator
    number: Decimal | None = None
    unit: str | None = None  # "%", "次", "万人次", "天", "万元" … as written
    label: str | None = None  # canonical qualitative word: 达成年度指标 / 是 / 否 / 完成 / 良好 …
    text: str  # exactly what the user wrote

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
        """Number and unit with a 万/亿 prefix folded in (1.5万人次 → 15000 人次), for comparing values."""
        if self.number is None:
            return None
        unit = self.unit or ""
        if len(unit) > 1 and unit[0] in "万亿":
            factor = Decimal(10000) if unit[0] == "万" else Decimal(100000000)
            return self.number * factor, unit[1:]
        return self.number, unit

    def __str__(self) -> str:
        return self.text
