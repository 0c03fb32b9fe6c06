"""Thresholds and word lists of the checks: parameters of the rule set, with the rules-spec §4.2 / §10 defaults.

A rule set overrides any of them under its `checks:` key; everything not named keeps its default.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class CheckParams:
    # JX-I002: actual ≥ (1 + this) × target on a ≥ indicator means the target was set too low.
    overachieve_threshold: Decimal = Decimal("0.30")
    # JX-B006: an execution rate below this needs an explanation.
    exec_explain_threshold: Decimal = Decimal("0.90")
    # JX-I004: more than this share of a task's indicators generic is too many.
    generic_ratio_max: Decimal = Decimal("0.5")
    rate_tolerance_pp: Decimal = Decimal("0.01")  # JX-B002, in percentage points
    amount_tolerance: Decimal = Decimal("0.01")  # JX-B003/B004/B005, in the evaluation's money unit
    score_tolerance: Decimal = Decimal("0.1")  # JX-I009
    min_reason_len: int = 10  # JX-I010/B006: a shorter explanation does not explain anything
    duplicate_min_len: int = 50  # JX-T002
    indicator_weight_total: Decimal = Decimal("90")  # JX-I008: 100 minus the 10 of 预算执行率
    # JX-I008: configured 一级 block weights; a block without indicators passes its points on (rules-spec §10).
    block_weights: dict[str, Decimal] = field(default_factory=lambda: {
        "产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10)})
    missing_satisfaction_to: str = "效益指标"
    check_block_weights: bool = True
    # JX-I007: blocks every task should have; 满意度 can be switched off for non-service tasks.
    required_blocks: tuple[str, ...] = ("产出指标", "效益指标", "满意度指标")
    # JX-I011: share-of-weight bands per qualitative tier: [low, high), tier 1 closed at the top.
    qualitative_bands: dict[str, tuple[Decimal, Decimal]] = field(default_factory=lambda: {
        "达成年度指标": (Decimal("0.8"), Decimal("1.0")),
        "部分达成年度指标并具有一定效果": (Decimal("0.6"), Decimal("0.8")),
        "未达成年度指标且效果较差": (Decimal("0"), Decimal("0.6")),
    })
    # JX-I004: a name containing one of these fits any project and says nothing specific about this one.
    generic_indicators: tuple[str, ...] = _words(
        "满意度 合规性 合规率 按时完成率 项目完成率 任务完成率 工作完成率 会议次数 活动次数 培训次数 主题活动 系列活动 "
        "支付及时率 资金到位率 预算执行率 免费开放时间 办结率 达标率 到位率 知晓率")
    # JX-I003: process or compliance measures that are 100% by definition (rules-spec QC-03).
    by_definition_terms: tuple[str, ...] = _words(
        "发放覆盖率 覆盖率 足额保障率 按时发放率 资金到位率 到位率 预算执行率 执行率 资金使用合规 合规率 合规性 "
        "支付率 免费开放时间 开放时间 办结率 达标率 完成率")
    # JX-I005: verbs that make a name describe work to do rather than a result.
    activity_verbs: tuple[str, ...] = _words("开展 组织 举办 做好 完成 推进 落实 加强 召开 实施 举行 参加 开好")
    activity_nouns: tuple[str, ...] = _words("活动 会议 仪式 晚会 典礼 比赛 座谈会 讲座 培训")
    measurable_nouns: tuple[str, ...] = _words("率 数 量 人次 个 次 天 万元 % 金额 时间 面积 比例 占比 满意度")
    activity_name_max_len: int = 20
    # JX-I006: words that promise without committing to anything measurable.
    vague_words: tuple[str, ...] = _words("进一步 有效 明显 显著 较好 良好 有所 逐步 持续 不断 稳步 大幅 全面 切实 积极")
    quantitative_name_marks: tuple[str, ...] = _words("率 人次 金额 数量 次数 个数 户数 人数")
    # JX-I010 / B006: texts that say nothing.
    empty_reasons: tuple[str, ...] = _words("无 暂无 没有 / - — 无偏差 不适用 略")
    # JX-T003: doubled characters that are almost always a typo, and real words that contain them.
    typo_doubling_chars: str = "的了是在和与及并对为将把被从向于其已之也就都而或且"
    typo_doubling_allowed: tuple[str, ...] = _words("不了了之 一走了之 是是非非 的的确确 了了之")
    # JX-S001: more than this share of indicators flagged as easy, while every score is full.
    inflated_flag_share: Decimal = Decimal("0.5")

    @classmethod
    def from_ruleset(cls, ruleset: Any = None) -> "CheckParams":
        """Defaults overridden by `ruleset.checks` (a dict), or by a plain dict."""
        overrides = ruleset if isinstance(ruleset, dict) else getattr(ruleset, "checks", None) or {}
        return cls().with_overrides(overrides, strict=False)

    def with_overrides(self, overrides: dict[str, Any], strict: bool = True) -> "CheckParams":
        """A copy with `overrides` applied. Keys the checks do not know are an error when `strict`, and are
        skipped otherwise (a rule set may carry keys for a newer jixiao; a test keeps the shipped ones known)."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown and strict:
            raise ValueError(f"审核参数中有未知参数：{'、'.join(unknown)}；可用参数：{'、'.join(sorted(known))}")
        changes = {name: _coerce(getattr(self, name), value) for name, value in overrides.items() if name in known}
        return replace(self, **changes)


def _coerce(default: Any, value: Any) -> Any:
    """Give an override the type of its default: numbers as Decimal, lists as tuples or strings."""
    if isinstance(default, bool):
        return bool(value)
    if isinstance(default, Decimal):
        return Decimal(str(value))
    if isinstance(default, int):
        return int(value)
    if isinstance(default, tuple):
        return tuple(value.split()) if isinstance(value, str) else tuple(str(v) for v in value)
    if isinstance(default, dict) and default and isinstance(next(iter(default.values())), tuple):
        return {k: tuple(Decimal(str(x)) for x in v) for k, v in value.items()}
    if isinstance(default, dict):
        return {k: Decimal(str(v)) for k, v in value.items()}
    return value
