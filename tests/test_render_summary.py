"""The 汇总表: one row per evaluation, amounts in 万元, the model's execution rate, the unit's and the review's scores."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from jixiao.load import load_file
from jixiao.render import render_summary_xlsx
from jixiao.render.summary import HEADS, summary_row
from jixiao.review import review

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_rows_carry_the_models_figures_and_are_written_as_numbers(tmp_path):
    rows = []
    for name in ("liwan-fulian-2023.yaml", "community-library-2024.yaml"):
        result = review(load_file(EXAMPLES / name))
        ev = result.evaluation
        row = summary_row(ev, result.scorecard, "已提交", Decimal("88.5"))
        funds = ev.funds()
        assert row.execution_rate == ev.execution_rate()
        assert row.budget == funds.budget.to("万元").amount and row.review_score == result.scorecard.total
        rows.append(row)
    out = render_summary_xlsx(2023, rows, tmp_path / "汇总表.xlsx")
    ws = openpyxl.load_workbook(out)["汇总表"]
    assert ws["A1"].value == "2023年度预算绩效自评汇总表"
    assert tuple(c.value for c in ws[2]) == HEADS
    assert ws["B3"].value == rows[0].department and ws["L3"].value == 88.5
    assert ws["G3"].value.startswith("=") and ws["E3"].number_format == "0.00"
    cached = openpyxl.load_workbook(out, data_only=True)["汇总表"]
    assert abs(Decimal(str(cached["G3"].value)) * 100 - rows[0].execution_rate) < Decimal("1e-6")
    assert ws["A5"].value.startswith("注：")


def test_user_text_is_never_a_formula(tmp_path):
    result = review(load_file(EXAMPLES / "liwan-fulian-2023.yaml"))
    row = summary_row(result.evaluation, result.scorecard, "=HYPERLINK(\"http://x\")")
    ws = openpyxl.load_workbook(render_summary_xlsx(2023, [row], tmp_path / "s.xlsx"))["汇总表"]
    assert ws["D3"].data_type == "s" and ws["D3"].value.startswith("=HYPERLINK")


def test_an_unscored_evaluation_leaves_the_review_cells_empty(tmp_path):
    result = review(load_file(EXAMPLES / "liwan-fulian-2023.yaml"))
    row = summary_row(result.evaluation, None)
    assert row.review_score is None and row.review_grade == ""
    ws = openpyxl.load_workbook(render_summary_xlsx(2023, [row], tmp_path / "s.xlsx"))["汇总表"]
    assert ws["J3"].value is None and ws["K3"].value is None
