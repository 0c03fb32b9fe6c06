"""The check-only part of a rule set: thresholds and word lists of the checks (rules-spec §4.2, §10).

A rule set overrides any of them under its `checks:` key; an unknown key is a JX-R003 finding. What scoring
owns — the 一级 weights, how a block without indicators passes its points on, the qualitative bands — is not
repeated here: the checks read it from the rule set itself (jixiao.checks.params).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def _split(value: object) -> object:
    """A word list may be written as one space-separated string or as a list."""
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return value


Words = Annotated[tuple[str, ...], BeforeValidator(_split)]
Share = Annotated[Decimal, Field(ge=0, le=1)]
NonNegative = Annotated[Decimal, Field(ge=0)]
Count = Annotated[int, Field(ge=0)]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


class CheckThresholds(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # JX-I002: actual ≥ (1 + this) × target on a ≥ indicator means the target was set too low.
    overachieve_threshold: NonNegative = Decimal("0.30")
    # JX-B006: an execution rate below this share needs an explanation.
    exec_explain_threshold: Share = Decimal("0.90")
    # JX-I004: more than this share of a task's indicators generic is too many.
    generic_ratio_max: Share = Decimal("0.5")
    rate_tolerance_pp: NonNegative = Decimal("0.01")  # JX-B002, in percentage points
    amount_tolerance: NonNegative = Decimal("0.01")  # JX-B003/B004/B005, in the evaluation's money unit
    score_tolerance: NonNegative = Decimal("0.1")  # JX-I009
    min_reason_len: Count = 10  # JX-I010/B006: a shorter explanation does not explain anything
    duplicate_min_len: Annotated[int, Field(ge=10)] = 50  # JX-T002
    # JX-I008: also compare each 一级's weights with the rule set's (redistributed as scoring does).
    check_block_weights: bool = True
    # JX-I007: blocks every task should have; 满意度 can be switched off for non-service tasks.
    required_blocks: Words = ("产出指标", "效益指标", "满意度指标")
    # JX-I004: a name containing one of these fits any project and says nothing specific about this one.
    generic_indicators: Words = _words(
        "满意度 合规性 合规率 按时完成率 项目完成率 任务完成率 工作完成率 会议次数 活动次数 培训次数 主题活动 系列活动 "
        "支付及时率 资金到位率 预算执行率 免费开放时间 办结率 达标率 到位率 知晓率")
    # JX-I003: process or compliance measures that are 100% by definition (rules-spec QC-03).
    by_definition_terms: Words = _words(
        "发放覆盖率 覆盖率 足额保障率 按时发放率 资金到位率 到位率 预算执行率 执行率 资金使用合规 合规率 合规性 "
        "支付率 免费开放时间 开放时间 办结率 达标率 完成率")
    # JX-I005: verbs that make a name describe work to do rather than a result.
    activity_verbs: Words = _words("开展 组织 举办 做好 完成 推进 落实 加强 召开 实施 举行 参加 开好")
    activity_nouns: Words = _words("活动 会议 仪式 晚会 典礼 比赛 座谈会 讲座 培训")
    measurable_nouns: Words = _words("率 数 量 人次 个 次 天 万元 % 金额 时间 面积 比例 占比 满意度")
    activity_name_max_len: Count = 20
    # JX-I006: words that promise without committing to anything measurable.
    vague_words: Words = _words("进一步 有效 明显 显著 较好 良好 有所 逐步 持续 不断 稳步 大幅 全面 切实 积极")
    quantitative_name_marks: Words = _words("率 人次 金额 数量 次数 个数 户数 人数")
    # JX-I010 / B006: texts that say nothing.
    empty_reasons: Words = _words("无 暂无 没有 / - — 无偏差 不适用 略")
    # JX-T003: doubled characters that are almost always a typo, and real words that contain them.
    typo_doubling_chars: str = "的了是在和与及并对为将把被从向于其已之也就都而或且"
    typo_doubling_allowed: Words = _words(
        "不了了之 一走了之 是是非非 的的确确 了了之 对对象 对对方 对对口 对对接 和和谐 在在职 在在校 在在建 为为民 与与会 "
        "是是否 就就业")
    # JX-T006: what a count of organisations counts (内设8个机构, 直属事业单位10个), to set against the list.
    organisation_nouns: Words = _words(
        "机构 内设机构 事业单位 行政单位 二级单位 股室 科室 处室 站所 中心 部门 单位 乡镇 街道 社区 行政村 村")
    # JX-T008: words saying the money was all paid or spent; beside a rate below 100 % they contradict it.
    fully_spent_words: Words = _words("全部拨付 已全部拨付 全部支付 已全部支付 全部支出 全部使用完毕 全额拨付 全额支付 已全额")
    # JX-T010: words saying the budget was cut to what was spent; beside a low rate they contradict it.
    reduced_budget_words: Words = _words("相应调减 已调减 调减预算 预算调减 预算也作相应调整 核减预算 预算核减")
    # JX-T011: a form's own instructions, left where the unit's text belongs (regular expressions).
    form_instruction_patterns: Words = (
        r"[(（]\s*\d+\s*字以内\s*[)）]", r"[(（]\s*不超过\s*\d+\s*字\s*[)）]",
        r"^请(?:填写|简要|根据|结合|说明)", r"^[(（]?填写说明")
    # JX-S001: more than this share of indicators flagged as easy, while every score is full.
    inflated_flag_share: Share = Decimal("0.5")
