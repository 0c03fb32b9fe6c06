"""The template filled in as a clerk fills it: merged 一级/二级 cells, General-format fractions, date cells,
amounts typed with separators, short 二级 names — read as the clerk sees them, or the cell is named."""

from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from jixiao.load import load_file
from jixiao.load.xlsx_write import write_template
from jixiao.model import Severity
from jixiao.render import build_view, render_xlsx
from jixiao.review import review

from .conftest import run_cli

# A county project table in the style of a real 项目支出绩效自评表 (014/017-like figures).
PROJECT = "市级文物保护专项经费"
INDICATORS = [  # 一级, 二级 as typed, 三级, 计量单位, 年度指标值, 实际完成值, 是否完成, 分值, 得分
    ("产出指标", "数量", "修缮建筑面积", "平方米", "6000平方米", "6000平方米", "是", 7, 7),
    (None, "质量指标", "验收通过率", "%", "100%", 0.95, "否", 6, 5),
    (None, "时效指标", "项目设计、招标、施工完成时间", None, "2022年12月31日前", datetime(2022, 12, 30), "是", 6, 5),
    (None, "成本指标", "项目成本控制率", "%", "≤100%", 0.9586, "是", 5, 5),
    ("效益指标", "社会效益指标", "文物展示利用程度", None, "程度较高", "程度较高", "是", 15, 15),
]


def _columns(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value}


def _pair(ws, label: str, value) -> None:
    row = next(c.row for c in ws["A"] if c.value == label)
    ws.cell(row, 2, value)


def _type_project(path, *, executed="27.8", merge_level2=False):
    """Fill the blank template with openpyxl the way a clerk types into Excel."""
    write_template(path)
    wb = openpyxl.load_workbook(path)
    basic = wb["基本信息"]
    for label, value in (("评价类型", "项目支出"), ("年度", 2022), ("单位名称", "裕安区文化和旅游局"),
                         ("主管部门", "裕安区文化和旅游局"), ("填报人", "张某"), ("联系电话", "0564-3300000"),
                         ("单位负责人", "刘某")):
        _pair(basic, label, value)
    tasks = wb["重点任务"]
    col = _columns(tasks)
    row = {"序号": 1, "名称": PROJECT, "期望达到的目标": "完成三处文物建筑日常维护。", "年度支出预算数": 29,
           "预算完成数": executed, "执行率": 0.9586, "年初预算数": 29, "执行率分值": 9, "执行率得分": 8,
           "当年财政拨款年初预算数": 29, "当年财政拨款全年预算数": 29, "当年财政拨款全年执行数": 27.8}
    for header, value in row.items():
        tasks.cell(2, col[header], value)
    tasks.cell(2, col["执行率"]).number_format = "General"  # =27.8/29 pasted as a value: the clerk sees 0.9586
    ind = wb["绩效指标"]
    ind.protection.sheet = False  # merging needs 审阅 → 撤销工作表保护, as the guide says
    col = _columns(ind)
    heads = ("一级指标", "二级指标", "三级指标", "计量单位", "年度指标值", "实际完成值", "是否完成", "分值", "得分")
    for r, values in enumerate(INDICATORS, start=2):
        for header, value in zip(heads, values, strict=True):
            if value is not None:
                ind.cell(r, col[header], value)
        for header in ("年度指标值", "实际完成值"):  # a pasted value brings its own format
            cell = ind.cell(r, col[header])
            if isinstance(cell.value, float):
                cell.number_format = "General"
            elif isinstance(cell.value, datetime):
                cell.number_format = 'yyyy"年"m"月"d"日"'
    letter = openpyxl.utils.get_column_letter(col["一级指标"])
    ind.merge_cells(f"{letter}2:{letter}5")  # 产出指标 over its four rows
    if merge_level2:
        level2 = openpyxl.utils.get_column_letter(col["二级指标"])
        ind.cell(3, col["二级指标"], "质量")
        ind.merge_cells(f"{level2}3:{level2}4")  # 质量 over two rows: the 时效 row becomes 质量 too
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def typed(tmp_path_factory):
    return _type_project(tmp_path_factory.mktemp("clerk") / "自评表.xlsx")


@pytest.fixture(scope="module")
def loaded(typed):
    result = load_file(typed)
    assert result.evaluation is not None and not [f for f in result.findings if f.severity is Severity.ERROR], \
        result.findings
    return result


def test_merged_level1_fills_every_row_it_covers(loaded):
    indicators = loaded.evaluation.tasks[0].indicators
    assert [str(i.level1) for i in indicators] == ["产出指标"] * 4 + ["效益指标"]
    assert [i.level2 for i in indicators] == ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标"]  # 数量 → 数量指标
    assert indicators[1].where("level1").cell == "B2"  # the merge's value, where the clerk typed it


def test_general_fractions_read_as_the_percent_the_clerk_means(loaded):
    task = loaded.evaluation.tasks[0]
    assert task.execution_rate == Decimal("95.86")
    quality, cost = task.indicators[1], task.indicators[3]
    assert (quality.actual.number, quality.actual.unit) == (Decimal(95), "%")
    assert (cost.actual.number, cost.actual.unit) == (Decimal("95.86"), "%")
    notes = {f.location.cell: f for f in loaded.findings if f.code == "JX-L010"}
    assert {"F2", "H3", "H5"} <= set(notes)  # 重点任务!F2 (执行率), 绩效指标!H3 and H5
    assert notes["H5"].location.sheet == "绩效指标" and "95.86%" in notes["H5"].message


def test_date_cell_reads_as_shown_and_the_deadline_still_scores(loaded):
    timely = loaded.evaluation.tasks[0].indicators[2]
    assert timely.actual.text == "2022年12月30日" and timely.actual.date is not None
    assert timely.verdict().met is True


def test_rendered_form_row_for_row(loaded, tmp_path):
    reviewed = review(loaded, "cn-mof-2020")
    ws = openpyxl.load_workbook(render_xlsx(build_view(reviewed), tmp_path / "表.xlsx"), data_only=True).worksheets[0]
    assert ws["C3"].value == PROJECT and ws["A5"].value == "项目资金（万元）"
    # 年度资金总额: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 as declared, then 复核得分
    assert [ws.cell(6, c).value for c in range(2, 10)] == [
        "年度资金总额", None, 29, 29, 27.8, 9, pytest.approx(27.8 / 29), 8]
    assert ws["J6"].value is not None and ws["J6"].value > 0
    assert [ws.cell(7, c).value for c in range(2, 7)] == ["其中：当年财政拨款", None, 29, 29, 27.8]
    rows = [[ws.cell(r, c).value for c in range(2, 9)] for r in range(13, 18)]
    assert rows == [
        ["产出指标", "数量指标", "修缮建筑面积", "6000平方米", "6000平方米", 7, 7],
        [None, "质量指标", "验收通过率", "100%", "95%", 6, 5],
        [None, "时效指标", "项目设计、招标、施工完成时间", "2022年12月31日前", "2022年12月30日", 6, 5],
        [None, "成本指标", "项目成本控制率", "≤100%", "95.86%", 5, 5],
        ["效益指标", "社会效益指标", "文物展示利用程度", "程度较高", "程度较高", 15, 15],
    ]
    review_scores = [ws.cell(r, 9).value for r in range(13, 18)]
    assert all(s is not None for s in review_scores)
    assert review_scores[2] == 6  # the 时效 deadline was met: full marks, not 0
    assert "B13:B16" in {str(r) for r in ws.merged_cells.ranges}
    total = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总分")
    assert total == 18 and (ws.cell(total, 7).value, ws.cell(total, 8).value) == (48, 45)  # as the unit declared
    texts = [str(c.value) for row in ws.iter_rows(min_row=total + 1) for c in row if c.value]
    assert "填报人：张某" in texts and "联系电话：0564-3300000" in texts and "单位负责人：刘某" in texts


def test_merged_level2_fills_its_rows(tmp_path):
    result = load_file(_type_project(tmp_path / "t.xlsx", merge_level2=True))
    assert [i.level2 for i in result.evaluation.tasks[0].indicators][1:3] == ["质量指标", "质量指标"]


def test_a_merge_that_cannot_be_read_row_by_row_is_named(tmp_path):
    path = _type_project(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["绩效指标"]
    weight = openpyxl.utils.get_column_letter(_columns(ws)["分值"])
    ws.merge_cells(f"{weight}3:{weight}4")  # one 分值 for two indicators: which one has it?
    wb.save(path)
    result = load_file(path)
    (merge,) = [f for f in result.findings if f.code == "JX-L011"]
    assert str(merge.location).endswith(f"绩效指标!{weight}3:{weight}4") and f"{weight}3" in merge.message
    assert result.evaluation.tasks[0].indicators[2].weight is None


def test_amount_typed_in_yuan_in_a_wan_form_is_warned_about(tmp_path):
    path = _type_project(tmp_path / "t.xlsx", executed="278,000")
    proc = run_cli("check", path)
    assert "JX-B010" in proc.stdout and "重点任务!E2" in proc.stdout and "278000元" in proc.stdout


def test_amount_with_separators_reads_in_the_forms_unit(tmp_path):
    path = _type_project(tmp_path / "t.xlsx", executed="278,000")
    wb = openpyxl.load_workbook(path)
    _pair(wb["基本信息"], "金额单位", "元")
    wb.save(path)
    task = load_file(path).evaluation.tasks[0]
    assert (task.executed.amount, task.executed.unit.value) == (Decimal(278000), "元")


@pytest.mark.parametrize("fmt,shown", [
    ('yyyy"年"m"月"d"日"', "2022年12月30日"),
    ('yyyy"年"m"月"', "2022年12月"),
    ("yyyy/m/d", "2022/12/30"),
    ("mm-dd-yy", "2022/12/30"),  # Excel's built-in short date, shown in the Chinese order
    ('m"月"d"日"', "12月30日"),
    ("yyyy-mm-dd hh:mm", "2022-12-30 00:00"),
    ("[$-F800]dddd, mmmm dd, yyyy", "2022年12月30日"),  # Excel's 长日期, as a Chinese system shows it
    ("yyyy-mm-dd;@", "2022-12-30"),
])
def test_dates_read_by_their_number_format(tmp_path, fmt, shown):
    from jixiao.load.xlsx_formats import date_as_shown

    wb = openpyxl.Workbook()
    cell = wb.active["A1"]
    cell.value, cell.number_format = datetime(2022, 12, 30), fmt
    assert date_as_shown(cell, cell.value) == shown


def test_a_zh_cn_locale_date_format_known_only_by_number(tmp_path):
    """Chinese Excel stores 2022年12月 under format number 57 without the format text: openpyxl sees a number."""
    import re
    import zipfile

    from jixiao.load.xlsx_formats import date_as_shown, date_of

    plain, path = tmp_path / "plain.xlsx", tmp_path / "zh.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["A1"].number_format = 44896, "0.00"  # 2022-12-01, under built-in format 2
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = re.sub(rb'numFmtId="2"', b'numFmtId="57"', data)
            dst.writestr(item, data)
    cell = openpyxl.load_workbook(path)["Sheet"]["A1"]
    assert cell.value == 44896  # openpyxl does not know format 57 as a date
    when = date_of(cell)
    assert when is not None and date_as_shown(cell, when) == "2022年12月"


def test_merged_category_of_conclusions_fills_its_rows(tmp_path):
    path = _type_project(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["结论与问题"]
    ws.protection.sheet = False
    ws["A2"], ws["B2"], ws["B3"] = "存在的主要问题", "部分修缮工程验收延期。", "项目成本核算不够精细。"
    ws.merge_cells("A2:A3")
    wb.save(path)
    problems = load_file(path).evaluation.problems
    assert [p.text for p in problems] == ["部分修缮工程验收延期。", "项目成本核算不够精细。"]


def test_a_fraction_with_nothing_to_compare_is_named(tmp_path):
    path = _type_project(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["绩效指标"]
    col = _columns(ws)
    ws.cell(3, col["年度指标值"], 0.9).number_format = "General"  # target and actual both fractions
    wb.save(path)
    result = load_file(path)
    guesses = [f for f in result.findings if f.code == "JX-L012"]
    assert {f.location.cell for f in guesses} == {"G3", "H3"}
    assert all(f.severity is Severity.WARNING and "0.9" in f.message for f in guesses if f.location.cell == "G3")
    quality = result.evaluation.tasks[0].indicators[1]
    assert (quality.target.number, quality.actual.number) == (Decimal(90), Decimal(95))


def test_validate_reports_what_check_reports_and_render_warns(typed, tmp_path):
    validated, checked = run_cli("validate", typed), run_cli("check", typed)
    assert validated.returncode == checked.returncode == 1  # the review finds errors (分值 do not total 90)
    assert validated.stdout == checked.stdout and validated.stdout.startswith("【读取】")
    rendered = run_cli("render", typed, "-f", "xlsx", "-o", tmp_path)
    assert rendered.returncode == 0 and (tmp_path / "自评表.xlsx").exists()  # still renders
    assert "警告：审核发现" in rendered.stderr and "jixiao check" in rendered.stderr


def test_render_beside_the_template_does_not_overwrite_it(tmp_path):
    typed = _type_project(tmp_path / "填报.xlsx")
    before = typed.read_bytes()
    assert run_cli("render", typed, "-f", "xlsx", "-o", tmp_path).returncode == 0
    assert typed.read_bytes() == before  # the clerk's workbook is untouched
    assert openpyxl.load_workbook(tmp_path / "填报-自评表.xlsx").worksheets[0]["A1"].value == "项目支出绩效自评表"


def test_a_fraction_beside_a_small_percent_reads_as_written(tmp_path):
    path = _type_project(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["绩效指标"]
    col = _columns(ws)
    ws.cell(3, col["三级指标"], "工程返工率")
    ws.cell(3, col["年度指标值"], "≤1%")
    ws.cell(3, col["实际完成值"], 0.5).number_format = "General"  # beside ≤1%, 0.5 is 0.5%
    wb.save(path)
    result = load_file(path)
    rework = result.evaluation.tasks[0].indicators[1]
    assert (rework.actual.number, rework.actual.unit) == (Decimal("0.5"), "%")
    assert not [f for f in result.findings if f.location and f.location.cell == "H3"]
