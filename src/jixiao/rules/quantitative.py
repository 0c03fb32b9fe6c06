"""Quantitative indicators (rules-spec §1.5, §10): ≥ met → w else w×A/T; ≤ met → w else w×T/A (or the
vendor variant); = equal → w else w×min/max. Points are unrounded here; the caller rounds each item.

Whether the target was met, and in which direction, is the Verdict's (jixiao.model); this module only
turns it into points.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import ZERO, Operator, Verdict
from .ruleset import RuleSet
from .scorecard import num


_LE, _EQ = Operator.LE, Operator.EQ


def quantitative_points(v: Verdict, w: Decimal, rs: RuleSet, t_text: str, a_text: str) -> tuple[Decimal, str, str]:
    """(points, rule id, explanation) for one indicator compared on numbers."""
    t, a = v.target, v.actual
    if v.op is _LE:
        points, rule, explain = _le(t, a, w, rs, t_text, a_text)
    elif v.op is _EQ and rs.equal_variant == "minmax":
        points, rule, explain = _eq(t, a, w, t_text, a_text)
    else:
        points, rule, explain = _ge(t, a, w, t_text, a_text)
    if v.notes:  # how a value was read: the inferred direction, a fraction read as a percent
        explain += "；" + "；".join(v.notes)
    return points, rule, explain


def _ge(t: Decimal, a: Decimal, w: Decimal, t_text: str, a_text: str) -> tuple[Decimal, str, str]:
    if a >= t:
        return w, "indicator.ge", f"正向指标：实际 {a_text} 达到年度指标值 {t_text}，得满分 {num(w)}"
    if t <= 0 or a <= 0:
        return ZERO, "indicator.ge", f"正向指标：实际 {a_text} 未达到年度指标值 {t_text}，得 0 分"
    pts = w * a / t
    return pts, "indicator.ge", (f"正向指标：实际 {a_text} 未达到年度指标值 {t_text}，"
                                 f"得分 = 分值 {num(w)} × 实际 {num(a)} ÷ 目标 {num(t)} = {num(pts)}")


def _le(t: Decimal, a: Decimal, w: Decimal, rs: RuleSet, t_text: str, a_text: str) -> tuple[Decimal, str, str]:
    if a <= t:
        return w, "indicator.le", f"反向指标：实际 {a_text} 不超过年度指标值 {t_text}，得满分 {num(w)}"
    if t <= 0:
        return ZERO, "indicator.le", f"反向指标：目标为 {t_text}，实际 {a_text} 超出，得 0 分"
    if rs.reverse_variant == "vendor":
        pts = max(ZERO, w * (1 - (a - t) / t))
        return pts, "indicator.le", (f"反向指标：实际 {a_text} 超过年度指标值 {t_text}，得分 = 分值 {num(w)} × "
                                     f"(1 − 超出 {num(a - t)} ÷ 目标 {num(t)})，不低于 0 = {num(pts)}")
    pts = w * t / a
    return pts, "indicator.le", (f"反向指标：实际 {a_text} 超过年度指标值 {t_text}，"
                                 f"得分 = 分值 {num(w)} × 目标 {num(t)} ÷ 实际 {num(a)} = {num(pts)}")


def _eq(t: Decimal, a: Decimal, w: Decimal, t_text: str, a_text: str) -> tuple[Decimal, str, str]:
    if a == t:
        return w, "indicator.eq", f"等值指标：实际 {a_text} 等于年度指标值 {t_text}，得满分 {num(w)}"
    low, high = min(a, t), max(a, t)
    if low <= 0:
        return ZERO, "indicator.eq", f"等值指标：实际 {a_text} 与年度指标值 {t_text} 不符，得 0 分"
    pts = w * low / high
    return pts, "indicator.eq", (f"等值指标：实际 {a_text} 与年度指标值 {t_text} 不符，"
                                 f"得分 = 分值 {num(w)} × 较小值 {num(low)} ÷ 较大值 {num(high)} = {num(pts)}")
