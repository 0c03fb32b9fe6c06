"""The Excel template: writing it, reading a filled one, and the lossless YAML ↔ XLSX round trip."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from jixiao.load import load_file, to_document
from jixiao.load.xlsx import load_xlsx
from jixiao.load.fieldtypes import DECIMAL, MONEY  # field types are objects since issue 12
from jixiao.load.xlsx_sheet import cell_value, is_percent_format
from jixiao.load.xlsx_layout import DATA_SHEETS, GUIDE_SHEET, LEVEL2_CHOICES
from jixiao.load.xlsx_write import write_template, write_xlsx
from jixiao.model import LEVEL2_BY_LEVEL1

from .conftest import EXAMPLES, SEED, need_tool, run_cli

DATA = Path(__file__).parent / "data" / "xlsx"
PROJECT = DATA / "project-2024.yaml"

HEADERS = {
    "基本信息": ["字段", "值", "填写说明"],
    "部门职能": ["部门职能"],
    "收支情况": ["字段", "值", "填写说明"],
    "绩效目标": ["绩效目标"],
    "重点任务": ["序号", "名称", "期望达到的目标", "年度支出预算数", "预算完成数", "执行率", "执行偏差说明",
              "目标实际完成情况及主要成效", "年初预算数", "执行率分值", "执行率得分",
              *(f"{row}{head}" for row in ("当年财政拨款", "上年结转资金", "其他资金")
                for head in ("年初预算数", "全年预算数", "全年执行数")), "开始日期", "结束日期"],
    "绩效指标": ["所属任务序号", "一级指标", "二级指标", "三级指标", "计量单位", "实施周期指标值", "年度指标值",
              "实际完成值", "是否完成", "分值", "得分", "偏差原因分析及改进措施", "不适用", "批复指标值", "调整原因"],
    "结论与问题": ["类别", "内容"],
}


def codes(findings):
    return [f.code for f in findings]


def errors(findings):
    return [f for f in findings if f.severity == "error"]


@pytest.fixture
def template(tmp_path) -> Path:
    path = tmp_path / "模板.xlsx"
    write_template(path)
    return path


def filled(tmp_path, source: Path = SEED) -> Path:
    """The YAML document written into the template layout."""
    result = load_file(source)
    assert result.ok, result.findings
    path = tmp_path / (source.stem + ".xlsx")
    write_xlsx(result.evaluation, path)
    return path


def validations(ws) -> dict[str, str]:
    """First cell of each validated range → its list formula."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            out[rng.coord.split(":")[0]] = dv.formula1
    return out


# -- the template ------------------------------------------------------------------------------
def test_template_has_every_sheet_and_header(template):
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == [GUIDE_SHEET, *HEADERS]
    for name, headers in HEADERS.items():
        ws = wb[name]
        assert [c.value for c in ws[1]][: len(headers)] == headers, name
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.name == "宋体" and ws["A1"].font.bold
    labels = [ws.value for ws in wb["基本信息"]["A"][1:]]
    assert labels == ["格式版本", "评价类型", "年度", "金额单位", "规则集", "单位名称", "预算编码", "主管部门", "自评得分", "自评等级",
                      "落款", "成文日期", "填报人", "联系电话", "单位负责人", "文书类型"]
    labels = [ws.value for ws in wb["收支情况"]["A"][1:]]
    assert labels == ["全年预算数", "年初预算数", "执行数", "执行率", "一般公共预算财政拨款", "政府性基金预算财政拨款",
                      "国有资本经营预算财政拨款", "其他资金", "基本支出", "项目支出", "年末结转和结余",
                      "预算执行率分值", "预算执行率得分"]
    guide = " ".join(str(c.value) for c in wb[GUIDE_SHEET]["A"] if c.value)
    assert "jixiao validate" in guide and "≥98%" in guide


def test_template_has_drop_downs(template):
    wb = openpyxl.load_workbook(template)
    basic = validations(wb["基本信息"])
    assert basic["B3"] == '"部门整体,项目支出"' and basic["B5"] == '"万元,元,亿元"'  # 亿元 accepted since issue 12
    ind = validations(wb["绩效指标"])
    assert ind["B2"] == '"产出指标,效益指标,满意度指标,成本指标"'
    every_level2 = {name for names in LEVEL2_BY_LEVEL1.values() for name in names}
    assert set(ind["C2"].strip('"').split(",")) == every_level2 == set(LEVEL2_CHOICES)
    assert {"%", "次", "人次", "万人次", "个工作日", "万元"} <= set(ind["E2"].strip('"').split(","))
    assert ind["I2"] == ind["M2"] == '"是,否"'
    assert validations(wb["结论与问题"])["A2"] == '"自评结论,主要成效,存在的主要问题,下一步改进措施,附件"'
    rules = {str(dv.sqref).split(":")[0]: dv for dv in wb["绩效指标"].data_validations.dataValidation}
    for free in ("C2", "E2"):  # 二级 and 计量单位: another value is kept once the clerk confirms it
        assert rules[free].errorStyle == "information" and rules[free].showErrorMessage
    assert rules["B2"].errorStyle in (None, "stop")  # 一级: only the list
    for formula in [v for v in [*basic.values(), *ind.values()] if v.startswith('"')]:
        assert len(formula) < 255  # Excel's limit for an inline list


def _rule(ws, cell: str):
    return next(dv for dv in ws.data_validations.dataValidation if cell in dv.sqref)


def test_template_checks_years_scores_and_amounts(template):
    wb = openpyxl.load_workbook(template)
    year = _rule(wb["基本信息"], "B4")
    assert (year.type, year.operator, year.formula1, year.formula2) == ("whole", "between", "2000", "2100")
    for sheet, cell in (("绩效指标", "J2"), ("绩效指标", "K300"), ("重点任务", "J2"), ("基本信息", "B10")):
        score = _rule(wb[sheet], cell)  # 分值, 得分, 执行率分值, 自评得分
        assert (score.type, score.formula1, score.formula2, score.errorStyle) == ("decimal", "0", "100", None), cell
    amount = _rule(wb["重点任务"], "D2")  # 年度支出预算数: a number ≥ 0, “912000元” allowed after a warning
    assert (amount.type, amount.operator, amount.formula1, amount.errorStyle) == (
        "decimal", "greaterThanOrEqual", "0", "warning")
    assert _rule(wb["收支情况"], "B2").type == "decimal"


def test_template_structure_is_protected_and_input_cells_open(template):
    wb = openpyxl.load_workbook(template)
    for ws in wb.worksheets:
        assert ws.protection.sheet and not ws.protection.password, ws.title  # no password: 审阅 → 撤销工作表保护
        assert ws.protection.insertRows is False and ws.protection.formatCells is False  # rows and formats stay free
    ind = wb["绩效指标"]
    assert ind["D1"].protection.locked and not ind["D2"].protection.locked and not ind["M300"].protection.locked
    assert not ind.column_dimensions["D"].protection.locked  # rows added below the prepared ones
    basic = wb["基本信息"]
    assert basic["A3"].protection.locked and not basic["B3"].protection.locked


def test_template_value_columns_are_text(template):
    ws = openpyxl.load_workbook(template)["绩效指标"]
    assert ws["F2"].number_format == ws["G2"].number_format == ws["H2"].number_format == "@"


def test_empty_template_loads_with_only_missing_required_fields(template):
    result = load_xlsx(template)
    assert result.findings and set(codes(result.findings)) == {"JX-L004"}
    assert all(str(f.location).endswith("模板.xlsx:基本信息") for f in result.findings)


# -- lossless round trip -----------------------------------------------------------------------
@pytest.mark.parametrize("source", [SEED, PROJECT, EXAMPLES / "community-library-2024.yaml",
                                    EXAMPLES / "clean-department-2024.yaml"],
                         ids=["department", "project", "closing-and-fund-rows", "declared-execution"])
def test_round_trip_gives_the_same_model(tmp_path, source):
    original = load_file(source)
    back = load_file(filled(tmp_path, source))
    assert back.findings == [] or not errors(back.findings), back.findings
    assert to_document(back.evaluation) == to_document(original.evaluation)
    assert codes(back.findings) == codes(original.findings)


def test_round_trip_through_the_cli(tmp_path):
    xlsx, yaml_back = tmp_path / "b.xlsx", tmp_path / "c.yaml"
    assert run_cli("convert", PROJECT, xlsx).returncode == 0
    assert run_cli("convert", xlsx, yaml_back).returncode == 0
    assert to_document(load_file(yaml_back).evaluation) == to_document(load_file(PROJECT).evaluation)


def test_written_cells_keep_types(tmp_path):
    ws = openpyxl.load_workbook(filled(tmp_path, PROJECT))
    tasks, inds, texts = ws["重点任务"], ws["绩效指标"], ws["结论与问题"]
    assert tasks["E2"].value == 348215.37 and tasks["E2"].number_format == "0.00"
    assert tasks["F2"].number_format == "0.00%" and Decimal(repr(tasks["F2"].value)) * 100 == Decimal("97.81")
    assert inds["G5"].value == "=90%" and inds["G5"].data_type == "s"  # text, never a formula
    assert texts["B2"].data_type == "s" and texts["B2"].value.startswith("=")
    assert inds["J6"].value == "0.1234567890123456789"  # not exact as a double: kept as text


def test_locations_point_at_sheet_and_cell(tmp_path):
    result = load_file(filled(tmp_path))
    task = result.evaluation.tasks[1]
    assert str(task.where("budget")).endswith("liwan-fulian-2023.xlsx:重点任务!D3")
    assert task.indicators[2].where("target").short() == "绩效指标!G8"  # header, 4 rows of task 1, then the 3rd of task 2
    assert result.evaluation.finance.by_nature.where("basic").short() == "收支情况!B10"


# -- filled templates with mistakes ------------------------------------------------------------
def fill(template: Path, sheet: str, rows: dict[str, object]) -> Path:
    wb = openpyxl.load_workbook(template)
    for ref, value in rows.items():
        wb[sheet][ref] = value
    wb.save(template)
    return template


def basic_info(template: Path) -> Path:
    return fill(template, "基本信息", {"B3": "项目支出", "B4": 2024, "B7": "某区社区图书馆"})


def test_bad_indicator_values_point_at_their_cells(template):
    basic_info(template)
    fill(template, "重点任务", {"A2": 1, "B2": "社区阅读推广"})
    fill(template, "绩效指标", {"A2": 1, "B2": "产出类", "D2": "活动场次", "G2": "≥24场",
                              "A3": 1, "D3": "满意度", "G3": "≥90%", "J3": "十分"})
    result = load_xlsx(template)
    where = {f.code: str(f.location) for f in result.findings}
    assert where["JX-L006"].endswith("模板.xlsx:绩效指标!B2")
    assert where["JX-L005"].endswith("模板.xlsx:绩效指标!J3")
    assert not result.ok


def test_indicator_of_unknown_task(template):
    basic_info(template)
    fill(template, "重点任务", {"A2": 1, "B2": "甲", "A3": 2, "B3": "乙"})
    fill(template, "绩效指标", {"A2": 3, "D2": "指标一", "D3": "指标二"})
    found = load_xlsx(template).findings
    assert ("JX-L005", "绩效指标!A2") in [(f.code, f.location.short()) for f in found]
    assert ("JX-L004", "绩效指标!A3") in [(f.code, f.location.short()) for f in found]


def test_percent_formatted_cells(template):
    basic_info(template)
    fill(template, "重点任务", {"A2": 1, "B2": "社区阅读推广", "F2": 0.9781})
    fill(template, "绩效指标", {"D2": "读者满意度", "G2": 0.9, "H2": 0.963, "D3": "活动场次", "H3": 26})
    wb = openpyxl.load_workbook(template)
    wb["重点任务"]["F2"].number_format = "0.00%"
    wb["绩效指标"]["G2"].number_format = wb["绩效指标"]["H2"].number_format = "0%"
    wb.save(template)
    result = load_xlsx(template)
    assert result.ok, result.findings
    task = result.evaluation.tasks[0]
    assert task.execution_rate == Decimal("97.81")
    assert task.indicators[0].target.text == "90%" and task.indicators[0].actual.text == "96.3%"
    assert task.indicators[1].actual.text == "26"  # a plain number stays a plain number


def test_percent_format_detection():
    assert is_percent_format("0%") and is_percent_format("0.00%")
    assert not is_percent_format('0.00"%"') and not is_percent_format("0.00\\%") and not is_percent_format("General")


def test_float_cells_become_exact_decimals(template):
    ws = openpyxl.Workbook().active
    ws["A1"] = 688.34
    assert cell_value(ws["A1"], DECIMAL) == Decimal("688.34")
    assert cell_value(ws["A1"], MONEY) == Decimal("688.34")
    ws["A2"] = 91.2
    assert str(cell_value(ws["A2"], MONEY)) == "91.20"


def test_empty_rows_are_skipped(template):
    basic_info(template)
    fill(template, "重点任务", {"A2": 1, "B2": "甲", "A3": 2, "A4": 3, "B5": "乙"})
    fill(template, "绩效目标", {"A3": "目标一", "A6": "  ", "A9": "目标二"})
    result = load_xlsx(template)
    assert result.ok, result.findings
    assert [t.name for t in result.evaluation.tasks] == ["甲", "乙"]
    assert [g.text for g in result.evaluation.goals] == ["目标一", "目标二"]


def test_unknown_sheet_and_header_are_reported(template):
    basic_info(template)
    wb = openpyxl.load_workbook(template)
    wb.create_sheet("备注")["A1"] = "内部备注"
    wb.create_sheet("Sheet9")  # empty: ignored
    wb["绩效指标"]["N1"] = "备用列"
    wb.save(template)
    found = load_xlsx(template).findings
    assert ("JX-L003", "备注") in [(f.code, f.location.short()) for f in found]
    assert ("JX-L003", "绩效指标!N1") in [(f.code, f.location.short()) for f in found]
    assert "Sheet9" not in " ".join(f.message for f in found)


def test_unknown_field_and_bad_category(template):
    basic_info(template)
    fill(template, "基本信息", {"A12": "联系人", "B12": "张三"})
    fill(template, "结论与问题", {"A2": "结论", "B2": "完成目标。"})
    found = [(f.code, f.location.short()) for f in load_xlsx(template).findings]
    assert ("JX-L003", "基本信息!A12") in found and ("JX-L006", "结论与问题!A2") in found


def test_missing_sheet(tmp_path):
    path = filled(tmp_path)
    wb = openpyxl.load_workbook(path)
    del wb["绩效指标"]
    wb.save(path)
    result = load_xlsx(path)
    assert result.evaluation is None and codes(result.findings) == ["JX-L009"]
    assert str(result.findings[0].location).endswith(":绩效指标")


def test_missing_header(tmp_path):
    path = filled(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["重点任务"]["B1"] = "任务"
    wb.save(path)
    result = load_xlsx(path)
    assert "JX-L009" in codes(result.findings) and result.evaluation is None
    assert any("名称" in f.message and f.location.sheet == "重点任务" for f in result.findings)


def test_title_row_above_header_is_allowed(tmp_path):
    path = filled(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["绩效指标"].insert_rows(1)
    wb["绩效指标"]["A1"] = "2023 年度绩效指标"
    wb.save(path)
    result = load_xlsx(path)
    assert result.ok, result.findings
    assert result.evaluation.tasks[0].indicators[0].where("name").short() == "绩效指标!D3"


# -- files that are not templates --------------------------------------------------------------
def corrupt_files(tmp_path) -> dict[str, Path]:
    good = filled(tmp_path)
    files = {}
    files["random"] = tmp_path / "random.xlsx"
    files["random"].write_bytes(random.Random(7).randbytes(4096))
    files["truncated"] = tmp_path / "truncated.xlsx"
    files["truncated"].write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    files["text"] = tmp_path / "text.xlsx"
    files["text"].write_text("kind: department\nyear: 2023\n", encoding="utf-8")
    files["no-workbook"] = tmp_path / "no-workbook.xlsx"
    with zipfile.ZipFile(files["no-workbook"], "w") as archive:
        archive.writestr("readme.txt", "不是工作簿")
    files["xls"] = tmp_path / "old.xlsx"
    files["xls"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    files["bad-xml"] = tmp_path / "bad-xml.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(files["bad-xml"], "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<broken" if item.filename == "xl/workbook.xml" else data)
    return files


def test_corrupt_files_give_findings(tmp_path):
    expected = {"random": "JX-L002", "truncated": "JX-L002", "text": "JX-L001", "no-workbook": "JX-L002",
                "xls": "JX-L001", "bad-xml": "JX-L002"}
    for name, path in corrupt_files(tmp_path).items():
        result = load_file(path)
        assert result.evaluation is None, name
        assert codes(result.findings) == [expected[name]], (name, result.findings)


def test_corrupt_files_via_cli_exit_1_without_traceback(tmp_path):
    for name, path in corrupt_files(tmp_path).items():
        done = run_cli("validate", path)
        assert done.returncode == 1, (name, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr and "错误" in done.stdout, name


# -- the CLI template command ------------------------------------------------------------------
def test_cli_template(tmp_path):
    out = tmp_path / "模板.xlsx"
    done = run_cli("template", "-o", out)
    assert done.returncode == 0, done.stderr
    found = load_file(out).findings
    assert found and all(f.code == "JX-L004" for f in found)
    again = run_cli("template", "-o", out)
    assert again.returncode == 1 and "--force" in again.stderr
    assert run_cli("template", "-o", out, "--force").returncode == 0
    wrong = run_cli("template", "-o", tmp_path / "模板.xls")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr


def test_sheet_layout_matches_headers():
    assert {s.name: [c.header for c in s.columns] for s in DATA_SHEETS} == HEADERS


# -- LibreOffice -------------------------------------------------------------------------------
def need_calc(soffice: str) -> None:
    """LibreOffice can be installed with Writer only; opening a workbook needs Calc (libsclo.so)."""
    if not (Path(soffice).resolve().parent / "libsclo.so").exists():
        if os.environ.get("JIXIAO_CI"):
            pytest.fail("LibreOffice Calc (libreoffice-calc-nogui) is required in CI but not installed")
        pytest.skip("LibreOffice Calc not installed (Debian package libreoffice-calc-nogui)")


@pytest.mark.pdf
def test_libreoffice_resaved_workbook_reads_the_same(tmp_path):
    """A workbook opened and saved again by LibreOffice (as staff do with WPS/LibreOffice) reads the same."""
    soffice = need_tool("soffice")
    need_calc(soffice)
    source = filled(tmp_path, PROJECT)
    empty = tmp_path / "模板.xlsx"
    write_template(empty)
    outdir = tmp_path / "lo"
    env = {**os.environ, "HOME": str(tmp_path)}  # a private profile: parallel runs do not collide
    done = subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                           "--outdir", str(outdir), str(source), str(empty)],
                          capture_output=True, text=True, timeout=180, env=env)
    resaved = outdir / source.name
    assert resaved.exists() and (outdir / empty.name).exists(), done.stderr
    result = load_file(resaved)
    assert not errors(result.findings), result.findings
    assert to_document(result.evaluation) == to_document(load_file(PROJECT).evaluation)
    assert {f.code for f in load_file(outdir / empty.name).findings} == {"JX-L004"}
    assert validations(openpyxl.load_workbook(outdir / empty.name)["绩效指标"])  # drop-downs survive
    shutil.rmtree(outdir)


# -- exactness ---------------------------------------------------------------------------------
def test_amounts_survive_excel_exactly(tmp_path):
    """Random amounts of every scale: what is written as a number or as text reads back as the same Decimal."""
    from jixiao.load.xlsx_write import _put

    rng = random.Random(2023)
    amounts = [Decimal(rng.randint(-10**18, 10**18)).scaleb(-rng.randint(0, 12)) for _ in range(400)]
    amounts += [Decimal("0.1"), Decimal("688.34"), Decimal("0.00"), Decimal("1E+20"), Decimal("99999999999999.99")]
    wb = openpyxl.Workbook()
    for row, amount in enumerate(amounts, start=1):
        _put(wb.active.cell(row, 1), amount, DECIMAL, None)
    wb.save(tmp_path / "n.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "n.xlsx", data_only=True).active
    back = [cell_value(ws.cell(row, 1), DECIMAL) for row in range(1, len(amounts) + 1)]
    assert [Decimal(str(b)) for b in back] == amounts
    assert any(isinstance(ws.cell(r, 1).value, float) for r in range(1, len(amounts) + 1))  # most are numbers


def test_numeric_code_and_duplicate_numbers(template):
    basic_info(template)
    fill(template, "基本信息", {"B8": 440103017, "A13": "单位名称", "B13": "重复"})
    fill(template, "重点任务", {"A2": 1, "B2": "甲", "A3": 1.0, "B3": "乙"})
    result = load_xlsx(template)
    found = [(f.code, f.location.short()) for f in result.findings]
    assert ("JX-L002", "基本信息!A13") in found and ("JX-L002", "重点任务!A3") in found
