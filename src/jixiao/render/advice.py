"""The 结果应用表: each evaluation's grade, the advice the bureau's rules give for it, and the bureau's own
advice where it departs from them, with the reason — as an XLSX the bureau can file or edit further.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .xlsx_style import CENTER, LEFT, SCORE, note, table_cell, table_sheet

HEADS = ("序号", "单位名称", "评价类型", "得分", "等级", "按规则的意见", "按规则的预算安排",
         "财政局意见", "财政局预算安排", "调整理由")
WIDTHS = (6, 28, 14, 9, 8, 16, 30, 16, 30, 30)


@dataclass(frozen=True)
class AdviceRow:
    department: str
    kind: str
    score: Decimal | None
    grade: str
    rule_action: str  # from the rules; "" without a grade
    rule_budget: str
    action: str  # the bureau's: the rules' unless adjusted
    budget: str
    reason: str = ""  # why the bureau departs from the rules; "" when it does not
    note: str = ""  # why there is no advice yet (the evaluation is not yet accepted)


def render_advice_xlsx(year: int, rules_title: str, rows: list[AdviceRow], path: str | Path) -> Path:
    wb, ws = table_sheet("结果应用", f"{year}年度绩效评价结果应用表", HEADS, WIDTHS)
    for n, r in enumerate(rows, 1):
        row = n + 2
        values = (n, r.department, r.kind, r.score, r.grade or "未评分", r.rule_action or r.note or "—", r.rule_budget or "—",
                  r.action or "—", r.budget or "—", r.reason)
        for col, value in enumerate(values, 1):
            table_cell(ws, row, col, value, fmt=SCORE if col == 4 else None, align=LEFT if col in (2, 7, 9, 10) else CENTER)
    note(ws, len(rows) + 3, f"注：按规则的意见依据“{rules_title}”由自评等级得出，只对审核通过（含已公开）的自评提出；"
                            "财政局意见与之不同时，调整理由必填。",
         span=len(HEADS))
    ws.freeze_panes = "C3"
    wb.properties.creator = "jixiao"
    path = Path(path)
    wb.save(path)
    return path
