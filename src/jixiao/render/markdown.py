"""Markdown: the report outline as headings and paragraphs, plus the indicator table."""

from __future__ import annotations

from .format import trim
from .view import ReportView

_PREFIX = {"title": "# ", "h1": "## ", "h2": "### ", "h3": "#### "}
_HEADS = ("一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值", "实际完成值", "分值", "得分", "完成情况")


def render_markdown(view: ReportView) -> str:
    """The report; with `view.with_review` also the review score, 复核得分 column and findings."""
    lines: list[str] = []
    for block in view.blocks():
        if block.kind == "department":
            lines.append(f"**{_escape(block.text)}**")
        elif block.kind == "title":
            lines.append("# " + _escape("".join(view.title_lines) or block.text))
        elif block.kind in ("signature", "date"):
            lines.append(f'<p align="right">{_html(block.text)}</p>')
        else:
            lines.append(_PREFIX.get(block.kind, "") + _escape(block.text))
        lines.append("")
    lines.extend(_appendix(view))
    return "\n".join(lines).rstrip() + "\n"


def _appendix(view: ReportView) -> list[str]:
    lines = ["## 附：绩效指标完成情况表", ""]
    review = view.with_review
    if review and view.score:
        s = view.score
        note = "（参考分）" if s.reference else ""
        lines += [f"复核（jixiao 按“{s.ruleset}”规则集测算，不是单位自评）：得分 {trim(s.total)} 分；"
                  f"等级：{s.grade_label}{note}", ""]
    if review and view.reviewer_scored:
        lines += ["带“*”的复核得分为复核人的复核评分，其余为 jixiao 测算。", ""]
    heads = (*_HEADS[:-1], "复核得分", _HEADS[-1]) if review else _HEADS
    for task in view.tasks:
        lines += [f"### {_escape(task.heading)}", "", _row(heads), _row(("---",) * len(heads))]
        for i in task.indicators:
            cells = [i.level1, i.level2, i.name, i.period_target, i.target, i.actual, _num(i.weight), _num(i.score)]
            if review:
                cells.append(_num(i.shown_review_score) + ("*" if i.reviewer is not None else ""))
            lines.append(_row((*cells, i.met)))
        lines.append("")
    if review and view.findings:
        lines += ["## 审核发现", ""]
        lines += [f"- {f.severity} {f.code}：{_escape(f.message)}" + (f"（{f.where}）" if f.where else "") for f in view.findings]
    return lines


def _num(value) -> str:
    return trim(value) if value is not None else ""


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _row(cells) -> str:
    return "| " + " | ".join(str(c).replace("\n", " ").replace("|", "\\|") for c in cells) + " |"


def _escape(text: str) -> str:
    """Keep user text literal: a leading 1. or # must not turn into a list or heading."""
    text = text.replace("\n", " ")
    if text and text[0] in "#>-+*":
        return "\\" + text
    if text[:1].isdigit() and "." in text[:4]:
        return text.replace(".", "\\.", 1)
    return text
