"""XLSX 自评表: the real forms row for row, the unit's own scores beside jixiao's 复核得分, cached results."""

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao.load import load_file
from jixiao.model import Kind
from jixiao.render import build_view, make_view, render_xlsx
from jixiao.render.dump import xlsx_dump

from .test_render_docx import check_golden

# A project form typed the way a county's 自评表 is filled in: the unit scores its execution 9 of 9 (a
# ratio 0.958 printed), gives a 时效 indicator whose actual equals its target 5 of 6, and declares 总分.
FORM = """
jixiao: 1
kind: project
year: 2022
ruleset: cn-mof-2020
department: {name: 某县文化和旅游局, supervisor: 某县文化和旅游局}
tasks:
  - name: 县级文物保护专项经费
    expected: 完成三处文物建筑日常维护和一处病虫害防治。
    outcome: 基本完成年度目标。
    initial_budget: 29
    budget: 29
    executed: 27.8
    execution_weight: 9
    execution_score: 8
    by_source:
      current_year: {initial_budget: 29, budget: 29, executed: 27.8}
    indicators:
      - {level1: 产出指标, level2: 数量指标, name: 修缮建筑数量, target: 3处, actual: 3处, weight: 21, score: 21}
      - {level1: 产出指标, level2: 质量指标, name: 验收通过率, target: 100%, actual: 95%, weight: 6, score: 5}
      - {level1: 产出指标, level2: 时效指标, name: 项目完成时间, target: 2022年12月30日前, actual: 2022年12月30日前, weight: 6, score: 5}
      - {level1: 效益指标, level2: 社会效益指标, name: 文物展示利用程度, target: 程度较高, actual: 程度较高, weight: 15, score: 15}
      - {level1: 满意度指标, level2: 服务对象满意度指标, name: "=观众满意度", target: ≥90%, actual: 96%, weight: 43, score: 42}
declared_score: 96
declared_grade: 优
filled_by: 王某
phone: 0564-0000000
unit_head: 李某
date: 2023-05-20
"""


@pytest.fixture(scope="module")
def seed_xlsx(seed, tmp_path_factory):
    return render_xlsx(build_view(seed), tmp_path_factory.mktemp("xlsx") / "seed.xlsx")


@pytest.fixture(scope="module")
def form(tmp_path_factory):
    src = tmp_path_factory.mktemp("form") / "form.yaml"
    src.write_text(FORM, encoding="utf-8")
    result = load_file(src)
    assert not [f for f in result.findings if f.severity.value == "error"], result.findings
    return result.evaluation


@pytest.fixture(scope="module")
def form_xlsx(form, tmp_path_factory):
    return render_xlsx(build_view(form), tmp_path_factory.mktemp("form-xlsx") / "form.xlsx")


def _total_row(ws) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总分")


def test_xlsx_matches_golden_dump(seed_xlsx):
    check_golden("liwan-fulian-2023.xlsx.txt", xlsx_dump(seed_xlsx))


def test_department_has_its_form_first_and_one_project_form_per_task(seed_xlsx):
    wb = load_workbook(seed_xlsx)
    assert wb.sheetnames == ["部门整体", "1-妇联活动及组织建设阵地建设专项经费项目", "2-妇儿工委及妇女儿童中心工作项目"]


def test_project_form_has_the_real_forms_rows(form_xlsx):
    ws = load_workbook(form_xlsx).worksheets[0]
    assert (ws["A1"].value, ws["A2"].value) == ("项目支出绩效自评表", "（2022年度）")
    assert (ws["A3"].value, ws["C3"].value) == ("项目名称", "县级文物保护专项经费")
    assert (ws["A4"].value, ws["F4"].value, ws["H4"].value) == ("主管部门", "实施单位", "某县文化和旅游局")
    assert ws["A5"].value == "项目资金（万元）"
    assert [ws.cell(5, c).value for c in range(4, 11)] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "复核得分"]
    assert [ws.cell(r, 2).value for r in range(6, 10)] == ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"]
    assert (ws["A10"].value, ws["B10"].value, ws["G10"].value) == ("年度总体目标", "预期目标", "实际完成情况")
    assert ws["A12"].value == "绩效指标"  # the label column of the indicator block
    assert [ws.cell(12, c).value for c in range(2, 11)] == [
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "复核得分", "偏差原因分析及改进措施"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A5:A9", "A10:A11", f"A12:A{_total_row(ws) - 1}"} <= merged


def test_initial_budget_and_source_rows_are_filled(form_xlsx, project, tmp_path):
    ws = load_workbook(form_xlsx).worksheets[0]
    assert [ws.cell(6, c).value for c in (4, 5, 6)] == [29, 29, 27.8]
    assert [ws.cell(7, c).value for c in (4, 5, 6)] == [29, 29, 27.8]
    assert [ws.cell(8, c).value for c in (4, 5, 6)] == [None, None, None]  # 上年结转: not given, left blank
    ws = load_workbook(render_xlsx(make_view(project), tmp_path / "p.xlsx")).worksheets[0]
    assert [ws.cell(r, c).value for r in (7, 8, 9) for c in (4, 5, 6)] == [120, 120, 111.6, 0, 0, 0, 0, 0, 0]


def test_the_units_own_scores_are_kept_and_jixiaos_go_to_the_review_column(form, form_xlsx):
    ws = load_workbook(form_xlsx).worksheets[0]
    rows = {ws.cell(r, 4).value: r for r in range(13, _total_row(ws))}
    timely = rows["项目完成时间"]
    assert (ws.cell(timely, 7).value, ws.cell(timely, 8).value) == (6, 5)  # as the unit declared
    review = build_view(form).tasks[0].indicators
    by_name = {i.name: i for i in review}
    assert ws.cell(timely, 9).value == float(by_name["项目完成时间"].review_score)
    assert (ws["G6"].value, ws["I6"].value) == (9, 8)  # the execution row as declared
    assert ws["J6"].value == float(build_view(form).tasks[0].review_execution_score)


def test_totals_are_formulas_with_results_a_viewer_can_show(form_xlsx):
    formulas = load_workbook(form_xlsx).worksheets[0]
    values = load_workbook(form_xlsx, data_only=True).worksheets[0]
    total = _total_row(formulas)
    assert formulas["H6"].value == '=IF(N(E6)=0,"",F6/E6)'
    assert values["H6"].value == pytest.approx(27.8 / 29)
    assert formulas.cell(total, 7).value == f"=G6+SUM(G13:G{total - 1})"
    assert values.cell(total, 7).value == 100  # 9 + 21 + 6 + 6 + 15 + 43
    assert values.cell(total, 8).value == 96  # the unit's declared 总分
    assert values.cell(total, 9).value is not None  # the rule set's total
    assert values.cell(total, 10).value == "自评等级：优"


def test_every_formula_cell_carries_its_result(seed_xlsx, form_xlsx):
    import re

    for path in (seed_xlsx, form_xlsx):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    xml = z.read(name).decode("utf-8")
                    cells = re.findall(r"<c [^>]*>(.*?)</c>", xml)
                    with_formula = [c for c in cells if "<f>" in c]
                    assert with_formula and all(re.search(r"<v>[^<]+</v>|t=\"str\"", c) or "<v>" in c for c in with_formula)
                    assert not [c for c in with_formula if "<v></v>" in c or "<v/>" in c], name


def test_text_that_looks_like_a_formula_stays_text(form_xlsx):
    ws = load_workbook(form_xlsx).worksheets[0]
    cell = next(ws.cell(r, 4) for r in range(13, _total_row(ws)) if str(ws.cell(r, 4).value).startswith("="))
    assert cell.value == "=观众满意度" and cell.data_type == "s"


def test_sign_off_lines(form_xlsx):
    ws = load_workbook(form_xlsx).worksheets[0]
    texts = [str(c.value) for row in ws.iter_rows(min_row=_total_row(ws) + 1) for c in row if c.value]
    assert "填报人：王某" in texts and "联系电话：0564-0000000" in texts and "单位负责人：李某" in texts
    assert "填报单位（盖章）：某县文化和旅游局" in texts and "填报日期：2023年5月20日" in texts
    assert any(t.startswith("注：分值、得分为单位自评填报。") and "复核得分由 jixiao" in t for t in texts)


def test_department_task_forms_total_100_with_an_execution_row(seed_xlsx):
    wb = load_workbook(seed_xlsx, data_only=True)
    for ws in wb.worksheets[1:]:
        total = _total_row(ws)
        assert ws["B6"].value == "年度资金总额" and ws["G6"].value == 10  # the rule set's 10 (the unit gave none)
        assert ws.cell(total, 7).value == 100
        assert ws["J6"].value == 10  # 复核: the task's own execution rate is 100%


def test_department_form_is_the_real_one(seed, seed_xlsx):
    ws = load_workbook(seed_xlsx, data_only=True)["部门整体"]
    assert (ws["A1"].value, ws["A2"].value) == ("部门整体支出绩效自评表", "（2023年度）")
    assert ws["A4"].value == "年度预算申请（万元）" and ws["B5"].value == "年度资金总额"
    assert [ws.cell(5, c).value for c in (5, 6, 7)] == [688.34, 688.34, 10]
    assert (ws["B6"].value, ws["D6"].value, ws["G6"].value, ws["I6"].value) == ("按资金来源分", 688.34, "按支出性质分", 688.34)
    assert (ws["B7"].value, ws["D7"].value) == ("其中：一般公共预算财政拨款", 688.34)
    assert (ws["G7"].value, ws["I7"].value, ws["G8"].value, ws["I8"].value) == ("其中：基本支出", 581.73, "项目支出", 106.61)
    assert (ws["A11"].value, ws["B11"].value, ws["G11"].value) == ("年度总体目标", "预期目标", "实际完成情况")
    assert ws["B12"].value.startswith("1.深化“巾帼心向党”品牌") and ws["G12"].value.startswith("部门整体支出如期实现")
    assert ws["A13"].value == "年度绩效指标"
    names = [ws.cell(r, 4).value for r in range(14, _total_row(ws))]
    assert sorted(i.name for t in seed.tasks for i in t.indicators) == sorted(n for n in names if n)
    assert ws["B14"].value == "重点工作任务1：妇联活动及组织建设阵地建设专项经费项目"
    total = _total_row(ws)
    assert ws.cell(total, 7).value == 100  # 10 for execution + the tasks' 90
    view = build_view(seed)
    assert ws.cell(total, 9).value == float(view.score.total)
    assert ws.cell(total, 8).value is None  # the unit declared no total


def test_prints_on_a4_landscape_one_page_wide_with_room_for_the_footer(seed_xlsx):
    for ws in load_workbook(seed_xlsx).worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_area.endswith(f"$J${ws.max_row}")
        assert ws.page_margins.bottom - ws.page_margins.footer >= 0.5  # inches: the footer's line fits
        assert ws["A3"].border.left.style == "thin"


def test_project_gets_one_form(seed, tmp_path):
    project = seed.model_copy(update={"kind": Kind.PROJECT, "tasks": seed.tasks[:1]})
    wb = load_workbook(render_xlsx(make_view(project), tmp_path / "p.xlsx"))
    assert len(wb.sheetnames) == 1
    assert wb.active["A1"].value == "项目支出绩效自评表" and wb.active["A2"].value == "（2023年度）"


def test_without_a_score_card_the_review_column_is_empty(form, tmp_path):
    ws = load_workbook(render_xlsx(make_view(form), tmp_path / "u.xlsx"), data_only=True).worksheets[0]
    total = _total_row(ws)
    assert ws.cell(total, 9).value is None and ws.cell(total, 8).value == 96
    assert any("未评分" in str(c.value) for row in ws.iter_rows(min_row=total + 1) for c in row if c.value)


@pytest.mark.pdf
def test_printed_form_shows_its_footer_and_figures(seed_xlsx, tmp_path):
    import re
    import shutil
    import subprocess

    import pdfplumber

    from .conftest import need_tool

    need_tool("soffice")
    work = tmp_path / "print"
    work.mkdir()
    shutil.copy(seed_xlsx, work / "form.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(work / "form.xlsx")],
                   capture_output=True, timeout=180, check=True)
    with pdfplumber.open(str(work / "form.pdf")) as pdf:
        assert len(pdf.pages) >= 3
        for page in pdf.pages:
            footer = [line for line in page.extract_text_lines() if re.fullmatch(r"第\s*\d+\s*页，共\s*\d+\s*页", line["text"])]
            assert footer, "no page footer on the printed page"
            assert footer[0]["bottom"] < page.height - 5  # fully on the page, not clipped
        text = pdf.pages[0].extract_text()
    assert "100.00%" in text and "688.34" in text
    assert Path(work / "form.pdf").stat().st_size > 0


# -- a reviewer's own 复核评分 (the web app's ReviewScore, passed in as plain data) ------------------------
def _reviewed_form(form, tmp_path, scores):
    return load_workbook(render_xlsx(build_view(form, review_scores=scores), tmp_path / "r.xlsx"), data_only=True)


def test_reviewer_scores_replace_jixiaos_in_their_rows_marked_and_totalled(form, tmp_path):
    from jixiao.render import ReviewerScore

    plain = build_view(form).tasks[0]
    wb = _reviewed_form(form, tmp_path, {
        "finance": ReviewerScore(Decimal("7"), "执行率未达100%"),
        "tasks[0].indicators[1]": ReviewerScore(Decimal("4"), "验收通过率未达目标值")})
    ws = wb.worksheets[0]
    rows = {ws.cell(r, 4).value: r for r in range(13, _total_row(ws))}
    assert (ws["J6"].value, ws["J6"].number_format) == (7, '0.00"*"')
    assert (ws.cell(rows["验收通过率"], 9).value, ws.cell(rows["验收通过率"], 9).number_format) == (4, '0.00"*"')
    by_name = {i.name: i for i in plain.indicators}
    timely = rows["项目完成时间"]  # not scored by the reviewer: jixiao's, unmarked
    assert ws.cell(timely, 9).value == float(by_name["项目完成时间"].review_score)
    assert ws.cell(timely, 9).number_format == "0.00"
    # 总分: the column as shown, added up
    shown = [Decimal("7"), Decimal("4")] + [i.review_score for i in plain.indicators if i.name != "验收通过率"]
    assert Decimal(str(ws.cell(_total_row(ws), 9).value)) == sum(shown)
    text = ws.cell(_total_row(ws) + 1, 1).value
    assert "带“*”的2行为复核人的复核评分" in text and "其余行由 jixiao 按“cn-mof-2020”规则集测算" in text
    assert "总分的复核得分为本列各行之和" in text and "jixiao 按规则集测算的总分为" in text
    listing = wb["复核评分说明"]
    assert [listing.cell(2, c).value for c in range(1, 9)] == [
        "序号", "所在表", "指标", "分值", "单位自评得分", "jixiao 测算", "复核评分", "复核理由"]
    assert [listing.cell(3, c).value for c in (1, 3, 4, 5, 7, 8)] == [1, "预算执行率", 9, 8, 7, "执行率未达100%"]
    assert [listing.cell(4, c).value for c in (3, 4, 5, 7, 8)] == ["验收通过率", 6, 5, 4, "验收通过率未达目标值"]


def test_without_reviewer_scores_the_form_is_jixiaos_alone(form, form_xlsx, tmp_path):
    wb = _reviewed_form(form, tmp_path, {"tasks[9].indicators[0]": Decimal("3")})  # a row that is not there
    assert wb.sheetnames == load_workbook(form_xlsx).sheetnames and "复核评分说明" not in wb.sheetnames
    ws = wb.worksheets[0]
    assert "复核人" not in ws.cell(_total_row(ws) + 1, 1).value
    assert ws.cell(_total_row(ws), 9).value == float(build_view(form).score.total)


def test_department_reviewer_scores_go_to_the_execution_row_and_the_task_forms(seed, tmp_path):
    from jixiao.render import ReviewerScore

    view = build_view(seed, review_scores={"finance": ReviewerScore(Decimal("8"), "结转偏多", Decimal("10")),
                                           "tasks[1].indicators[0]": Decimal("5")})
    wb = load_workbook(render_xlsx(view, tmp_path / "d.xlsx"), data_only=True)
    dept = wb["部门整体"]
    total = _total_row(dept)
    assert (dept["J5"].value, dept["J5"].number_format) == (8, '0.00"*"')
    assert Decimal(str(dept.cell(total, 9).value)) == Decimal("8") + sum(t.task_score for t in view.tasks)
    assert "本表各任务的折合得分仍为 jixiao 测算" in dept.cell(total + 1, 1).value
    task = wb.worksheets[2]
    name = seed.tasks[1].indicators[0].name
    row = next(r for r in range(13, _total_row(task)) if task.cell(r, 4).value == name)
    assert (task.cell(row, 9).value, task.cell(row, 9).number_format) == (5, '0.00"*"')
    listing = wb["复核评分说明"]
    assert [listing.cell(3, c).value for c in (2, 3, 4, 7)] == ["部门整体", "预算执行率", 10, 8]
    assert listing.cell(4, 3).value == name and listing.cell(4, 7).value == 5
