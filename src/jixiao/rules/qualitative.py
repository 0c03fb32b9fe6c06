"""Qualitative indicators (rules-spec §1.6, §10): 达成 → w, 部分达成 → 0.7w, 未达成 → 0.3w by default;
a declared 得分 that lies inside its tier's band is kept."""

from __future__ import annotations

from decimal import Decimal

from ..model import Indicator, QualTier, Quantity
from .ruleset import RuleSet
from .scorecard import num, round2

_TIER_KEY = {QualTier.MET: "met", QualTier.PARTIAL: "partial", QualTier.NOT_MET: "not_met"}
_TIER_ZH = {"met": "达成年度指标", "partial": "部分达成年度指标并具有一定效果", "not_met": "未达成年度指标且效果较差"}


def tier_of(target: Quantity | None, actual: Quantity) -> str | None:
    """met / partial / not_met, from the actual's label; an actual that repeats the target's wording is met."""
    tier = actual.tier
    if tier is not None:
        return _TIER_KEY[tier]
    if target is not None and actual.label and actual.label == (target.label or target.text):
        return "met"
    if target is not None and actual.text.strip() == target.text.strip():
        return "met"
    return None


def in_band(score: Decimal, w: Decimal, tier: str, rs: RuleSet) -> bool:
    """Bands per rules-spec §1.6: [0.8w, w] for 达成, [0.6w, 0.8w) and [0, 0.6w) below (bounds rounded)."""
    low, high = rs.qualitative.bands[tier]
    lo, hi = round2(w * low), round2(w * high)
    if tier == "met":
        return lo <= score <= hi
    return lo <= score < hi


def qualitative_points(ind: Indicator, actual: Quantity, w: Decimal, rs: RuleSet) -> tuple[Decimal, str, str]:
    tier = tier_of(ind.target, actual)
    if tier is None:
        return Decimal(0), "indicator.qualitative", (
            f"定性指标：实际完成值“{actual.text}”无法判定属于哪一档（达成/部分达成/未达成），得 0 分")
    factor = getattr(rs.qualitative, tier)
    default = w * factor
    declared = ind.score
    name = _TIER_ZH[tier]
    if declared is not None and rs.qualitative.keep_declared_in_band:
        if in_band(declared, w, tier, rs):
            return declared, "indicator.qualitative.declared", (
                f"定性指标：实际为“{name}”档，申报得分 {num(declared)} 在该档区间内，采用申报得分")
        return default, "indicator.qualitative", (
            f"定性指标：实际为“{name}”档，申报得分 {num(declared)} 超出该档区间，"
            f"按默认得分 = 分值 {num(w)} × {num(factor * 100)}% = {num(default)}")
    return default, "indicator.qualitative", (
        f"定性指标：实际为“{name}”档，得分 = 分值 {num(w)} × {num(factor * 100)}% = {num(default)}")
