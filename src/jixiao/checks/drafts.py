"""Draft 三、存在的主要问题 and 四、下一步改进措施 from the findings: one paragraph per kind of problem,
naming the indicators and figures concerned, with the matching measure."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Evaluation, Finding, Indicator, Severity
from .compare import percent


@dataclass(frozen=True)
class Drafts:
    problems: tuple[str, ...]
    measures: tuple[str, ...]

    def as_text(self) -> str:
        """Both sections as report text, numbered 一是、二是 … as reports write them."""
        lines = ["三、存在的主要问题", *_numbered(self.problems), "", "四、下一步改进措施", *_numbered(self.measures)]
        return "\n".join(lines)


_ORDINALS = "一二三四五六七八九十"


def _numbered(paragraphs: tuple[str, ...]) -> list[str]:
    if len(paragraphs) == 1:
        return list(paragraphs)
    return [f"{_ORDINALS[i] if i < 10 else i + 1}是{p}" for i, p in enumerate(paragraphs)]


_INDICATOR_PATH = re.compile(r"tasks\[(\d+)\]\.indicators\[(\d+)\]")
_TASK_PATH = re.compile(r"tasks\[(\d+)\]")


def _indicator(ev: Evaluation, f: Finding) -> Indicator | None:
    m = _INDICATOR_PATH.match(f.path)
    if not m:
        return None
    ti, ii = int(m.group(1)), int(m.group(2))
    return ev.tasks[ti].indicators[ii] if ti < len(ev.tasks) and ii < len(ev.tasks[ti].indicators) else None


def _names(ev: Evaluation, found: list[Finding], limit: int = 4) -> tuple[str, int]:
    """「A」「B」等 for the indicators of the findings, and how many distinct ones there are."""
    names: list[str] = []
    for f in found:
        ind = _indicator(ev, f)
        if ind is not None and ind.name and ind.name not in names:
            names.append(ind.name)
    shown = "、".join(f"「{n}」" if "“" in n else f"“{n}”" for n in names[:limit])
    return (shown + ("等" if len(names) > limit else "")), len(names)


def _tasks(ev: Evaluation, found: list[Finding]) -> str:
    names = []
    for f in found:
        m = _TASK_PATH.match(f.path)
        if m and (name := ev.tasks[int(m.group(1))].name) not in names:
            names.append(name)
    return "、".join(f"“{n}”" for n in names)


# -- one function per theme: (problem, measure) ----------------------------------------------------------
def _budget(ev, found):
    facts = "；".join(f.message for f in found[:4])
    return (f"预算执行和收支数据存在不一致：{facts}。",
            "加强预算执行管理和数据核对，填报前逐项核对全年预算数、执行数、执行率以及按资金来源、按支出性质的分项合计，"
            "确保报告数据与决算数据一致；执行率偏低的要说明原因并加快支出进度。")


def _missing_values(ev, found):
    names, n = _names(ev, found)
    return (f"绩效指标完成情况填报不完整，{names}{n}项指标的年度指标值或实际完成值缺失或无法核对，"
            "只写“完成绩效目标”，难以据实评价。",
            f"建立绩效指标完成情况台账，年末对{names}逐项填写可核对的实际完成值（与年度指标值同一计量单位），"
            "并保留统计依据备查。")


def _imprecise(ev, found):
    by_def = [f for f in found if f.code == "JX-I003"]
    activity = [f for f in found if f.code == "JX-I005"]
    vague = [f for f in found if f.code == "JX-I006"]
    parts, fixes = [], []
    if by_def:
        names, n = _names(ev, by_def)
        parts.append(f"{names}{n}项指标以100%为目标值，属于只要开展工作就能达到的过程性、合规性指标")
        fixes.append(f"将{names}等过程性指标调整为反映服务数量、质量和效果的结果指标")
    if activity:
        names, n = _names(ev, activity)
        parts.append(f"{names}{n}项指标以开展1次活动或会议为目标，反映的是工作内容而不是工作成效")
        fixes.append(f"以参与人次、覆盖对象、服务对象满意度等可衡量的产出和效果替代{names}")
    if vague:
        names, n = _names(ev, vague)
        parts.append(f"{names}{n}项指标使用“进一步”“明显”等模糊表述，没有可衡量的标准")
        fixes.append(f"对{names}能量化的给出具体数值，不能量化的采用分级分档表述")
    return ("绩效指标设定不够精准：" + "；".join(parts) + "。",
            "提高绩效指标编制质量，" + "；".join(fixes) + "。")


def _too_low(ev, found):
    details = []
    for f in found:
        ind = _indicator(ev, f)
        if ind is not None:
            ratio = ind.verdict().overachievement
            details.append(f"“{ind.name}”年度指标值{ind.target.text}、实际完成{ind.actual.text}（为指标值的{percent(ratio * 100)}）")
    names, _ = _names(ev, found)
    return ("部分绩效指标目标值设定偏低：" + "；".join(details[:4]) + "，超额完成幅度较大，目标值未能起到约束作用。",
            f"以上年实际完成值和行业标准为依据科学设定目标值，将{names}的年度指标值提高到不低于上年实际完成水平，"
            "并对超额完成的原因作出分析说明。")


def _generic(ev, found):
    counts = "；".join(re.sub(r"，超过.*$", "", f.message) for f in found)
    tasks = _tasks(ev, found)
    return (f"通用绩效指标过多，个性化指标不足：{counts}。",
            f"围绕{tasks}的具体工作内容设置个性化指标，减少满意度、办结率、活动次数等通用指标的比重，"
            "使指标能够反映该项工作的特定产出和效果。")


def _structure(ev, found):
    facts = "；".join(f.message for f in found[:4])
    return (f"绩效指标体系不够完整规范：{facts}。",
            "对照产出、效益、满意度三类一级指标补齐缺失的指标，删除重复指标，按规则集要求分配各级指标分值。")


def _deviation(ev, found):
    names, n = _names(ev, found)
    return (f"偏差分析不充分：{names}{n}项指标的完成情况与年度指标值存在偏差或填报的完成状态与数值不符，"
            "但未说明原因或说明过于简单。",
            f"对{names}逐项分析偏差原因，说明未完成或超额完成的原因及改进措施，并如实填写是否完成。")


def _scores(ev, found):
    facts = "；".join(f.message for f in found[:3])
    return (f"自评打分不够客观准确：{facts}。",
            "严格按评分规则逐项计算得分，定性指标按完成等级对应的分数区间打分，对以过程性指标取得的满分审慎复核，"
            "确保自评结果客观真实。")


def _text(ev, found):
    kinds = {"JX-T001": "章节缺失", "JX-T002": "段落重复", "JX-T003": "疑似错字", "JX-T004": "括号或引号不配对",
             "JX-T005": "文字数据与报表不一致"}
    counts = [f"{kinds[c]}{sum(1 for f in found if f.code == c)}处" for c in kinds if any(f.code == c for f in found)]
    example = found[0].message
    return (f"自评报告的文字质量有待提高，存在{'、'.join(counts)}，例如{example}。",
            "报告定稿前逐段校对文字和数据，删除重复内容，核对正文数字与报表数据一致，补齐必备章节。")


_THEMES: tuple[tuple[tuple[str, ...], Callable], ...] = (
    (("JX-B001", "JX-B002", "JX-B003", "JX-B004", "JX-B005", "JX-B006", "JX-B007"), _budget),
    (("JX-I003", "JX-I005", "JX-I006"), _imprecise),
    (("JX-I002",), _too_low),
    (("JX-I004",), _generic),
    (("JX-I001", "JX-I012", "JX-I015"), _missing_values),
    (("JX-I007", "JX-I008", "JX-I013"), _structure),
    (("JX-I010", "JX-I014"), _deviation),
    (("JX-I009", "JX-I011", "JX-S001"), _scores),
    (("JX-T001", "JX-T002", "JX-T003", "JX-T004", "JX-T005"), _text),
)


def draft_sections(evaluation: Evaluation, findings: list[Finding]) -> Drafts:
    """Sections 三 and 四 from the findings; a clean evaluation gets a short, honest statement instead."""
    problems, measures = [], []
    for codes, theme in _THEMES:
        found = [f for f in findings if f.code in codes and (f.severity is not Severity.INFO or f.code == "JX-S001")]
        if found:
            problem, measure = theme(evaluation, found)
            problems.append(problem)
            measures.append(measure)
    if not problems:
        problems = ["经逐项审核，预算收支数据、绩效指标设置和完成情况未发现明显问题；"
                    "下一步应结合年度工作实际查找深层次问题。"]
        measures = ["继续做好绩效目标管理和运行监控，及时分析指标完成情况，强化绩效评价结果应用，"
                    "以绩效结果为导向优化财政支出结构。"]
    return Drafts(problems=tuple(problems), measures=tuple(measures))
