"""Qualitative indicators (rules-spec §1.6, §10): 达成 → w, 部分达成 → 0.7w, 未达成 → 0.3w by default;
a declared 得分 that lies inside its tier's band is kept. The tier comes from the Verdict (jixiao.model)."""

from __future__ import annotations

from decimal import Decimal

from ..model import Indicator, QualTier
from .ruleset import RuleSet
from .scorecard import num


def qualitative_points(ind: Indicator, tier: QualTier, w: Decimal, rs: RuleSet,
                       lead: str = "定性指标") -> tuple[Decimal, str, str]:
    """(points, rule id, explanation) for an indicator judged by its tier. `lead` opens the explanation."""
    key = tier.key
    factor = getattr(rs.qualitative, key)
    default = w * factor
    declared = ind.score
    if declared is not None and rs.qualitative.keep_declared_in_band:
        if rs.qualitative.in_band(declared, w, key):
            return declared, "indicator.qualitative.declared", (
                f"{lead}：实际为“{tier.value}”档，申报得分 {num(declared)} 在该档区间内，采用申报得分")
        return default, "indicator.qualitative", (
            f"{lead}：实际为“{tier.value}”档，申报得分 {num(declared)} 超出该档区间，"
            f"按默认得分 = 分值 {num(w)} × {num(factor * 100)}% = {num(default)}")
    return default, "indicator.qualitative", (
        f"{lead}：实际为“{tier.value}”档，得分 = 分值 {num(w)} × {num(factor * 100)}% = {num(default)}")
