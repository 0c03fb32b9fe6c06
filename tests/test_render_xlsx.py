"""XLSX 自评表: golden dump of values and formulas, layout, formulas that Excel recomputes."""

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao.model import Kind
from jixiao.render import build_view, make_view, render_xlsx
from jixiao.render.dump import xlsx_dump

from .test_render_docx import check_golden


@pytest.fixture(scope="module")
def seed_xlsx(seed, tmp_path_factory):
    return render_xlsx(make_view(seed), tmp_path_factory.mktemp("xlsx") / "seed.xlsx")


def test_xlsx_matches_golden_dump(seed_xlsx):
    check_golden("liwan-fulian-2023.xlsx.txt", xlsx_dump(seed_xlsx))


def test_department_has_a_summary_sheet_and_one_sheet_per_task(seed_xlsx):
    wb = load_workbook(seed_xlsx)
    assert wb.sheetnames == ["部门整体", "1-妇联活动及组织建设阵地建设专项经费项目", "2-妇儿工委及妇女儿童中心工作项目"]


def test_task_sheet_has_the_canonical_blocks(seed_xlsx):
    ws = load_workbook(seed_xlsx).worksheets[2]
    heads = [ws.cell(5, c).value for c in range(3, 9)]
    assert heads == ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"]
    assert [ws.cell(12, c).value for c in range(1, 9)] == [
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    assert ws["D6"].value == 8.43 and ws["E6"].value == 8.43
    assert ws["G6"].value == '=IF(N(D6)=0,"",E6/D6)'
    assert ws["A17"].value == "总分" and ws["G17"].value == "=H6+SUM(G13:G16)"


def test_indicators_are_grouped_by_level1_with_merged_cells(seed_xlsx):
    ws = load_workbook(seed_xlsx).worksheets[2]
    assert [ws.cell(r, 1).value for r in range(13, 17)] == ["产出指标", None, None, "效益指标"]
    assert "A13:A15" in {str(r) for r in ws.merged_cells.ranges}


def test_prints_on_a4_landscape_one_page_wide(seed_xlsx):
    for ws in load_workbook(seed_xlsx).worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_area.endswith(f"$H${ws.max_row}")
        assert ws["A3"].border.left.style == "thin"


def test_summary_sums_funds_with_formulas(seed_xlsx):
    ws = load_workbook(seed_xlsx)["部门整体"]
    assert ws["D5"].value == 688.34 and ws["F5"].value == '=IF(N(D5)=0,"",E5/D5)'
    assert ws["G7"].value == "=SUM(C7:F7)" and ws["E9"].value == "=SUM(C9:D9)"
    assert (ws["C9"].value, ws["D9"].value) == (581.73, 106.61)


def test_scores_come_from_the_score_card(seed, tmp_path):
    view = build_view(seed)
    ws = load_workbook(render_xlsx(view, tmp_path / "s.xlsx"))["部门整体"]
    values = {ws.cell(r, 2).value: (ws.cell(r, 7).value, ws.cell(r, 8).value) for r in range(12, 15)}
    task = view.tasks[0]
    assert values[f"重点工作任务：{task.name}"] == (float(task.task_weight), float(task.task_score))
    total_row = next(r for r in range(12, 20) if ws.cell(r, 1).value == "部门整体自评得分")
    assert ws.cell(total_row, 4).value == float(view.score.total)
    assert ws.cell(total_row, 7).value == "参考分"


def test_project_gets_one_sheet(seed, tmp_path):
    project = seed.model_copy(update={"kind": Kind.PROJECT, "tasks": seed.tasks[:1]})
    wb = load_workbook(render_xlsx(make_view(project), tmp_path / "p.xlsx"))
    assert len(wb.sheetnames) == 1
    assert wb.active["A1"].value == "2023年度项目支出绩效自评表"
