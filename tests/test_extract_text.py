"""Extraction from text: the project's own fixtures in the three shapes real reports come in."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.extract import extract_file, extract_text
from jixiao.extract.normalize import clean, normalize, rate_percent, to_decimal

DATA = Path(__file__).parent / "data" / "extract"
FIXTURES = ["dept_prose", "project_pipe", "project_spaces"]


@pytest.mark.parametrize("name", FIXTURES)
def test_summary_matches_the_key_exactly(name):
    summary = extract_file(DATA / f"{name}.txt").summary
    key = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    assert summary == key


def test_summary_has_exactly_the_documented_keys():
    summary = extract_file(DATA / "dept_prose.txt").summary
    assert list(summary) == ["department", "year", "report_type", "unit", "budget_total", "executed_total",
                             "execution_rate_pct", "by_source", "basic_expenditure", "project_expenditure",
                             "carryover", "projects", "self_score", "grade", "problems_count"]
    indicator = summary["projects"][0]["indicators"][0]
    assert list(indicator) == ["name", "period_target", "target", "actual", "met"]


def test_every_value_points_at_its_source_text():
    text = (DATA / "dept_prose.txt").read_text(encoding="utf-8")
    result = extract_text(text, "dept.txt")
    by_path = {v.path: v for v in result.values}
    budget = by_path["budget"]
    start, end = budget.location.span
    assert text[start:end] == "1,236.50"
    assert budget.location.line == text[:start].count("\n") + 1
    assert "全年预算数" in budget.source and budget.confidence > 0.9
    target = by_path["projects[1].indicators[1].actual"]
    assert text[slice(*target.location.span)] == "80%"
    assert "非遗展示活动覆盖率" in target.source


def test_text_flattened_onto_one_line_still_reads():
    text = " ".join((DATA / "dept_prose.txt").read_text(encoding="utf-8").split())
    summary = extract_text(text).summary
    assert summary["department"] == "清河县文化馆"
    assert summary["budget_total"] == 1236.5
    assert summary["carryover"] == 56.25
    assert [p["name"] for p in summary["projects"]] == ["群众文化活动项目", "非遗保护传承项目"]


def test_headings_run_together_and_spaces_inside_words():
    text = ("2022 年度东岭镇人民政府部门整体支出 绩效自评报告 一、基本情况 (一)收支情况 全 年 预 算 数 320.5 万元,"
            "执 行 数 300.00 万元,完成预算的 93.6%。基本支出 250 万元,项目支出 50 万元。")
    summary = extract_text(text).summary
    assert summary["department"] == "东岭镇人民政府"
    assert (summary["budget_total"], summary["executed_total"], summary["execution_rate_pct"]) == (320.5, 300, 93.6)
    assert (summary["basic_expenditure"], summary["project_expenditure"]) == (250, 50)


def test_text_that_says_nothing_gives_nulls_and_a_warning():
    result = extract_text("这是一则通知，与预算绩效无关。", "note.txt")
    assert result.summary["budget_total"] is None and result.summary["projects"] == []
    assert result.evaluation is None
    assert {f.code for f in result.findings} == {"JX-E005", "JX-E006"}


@pytest.mark.parametrize("text", ["", "\x00\x01", "一、" * 500, "|" * 3000, "年度资金总额 " * 300,
                                  "指标完成情况:" + "一是,年度指标值" * 200, "三级指标 " + "1 2 " * 500])
def test_odd_text_never_raises(text):
    result = extract_text(text)
    assert isinstance(result.summary, dict)


def test_normalize_keeps_length_and_simplifies():
    raw = "績效自評：全年預算數（萬元）１２３"
    out = normalize(raw)
    assert len(out) == len(raw)
    assert out == "绩效自评:全年预算数(万元)123"


def test_helpers():
    assert clean("妇 女 联 合 会 ") == "妇女联合会"
    assert clean("召开会议 1 次") == "召开会议1次"
    assert to_decimal("1,234.50") == Decimal("1234.50")
    assert rate_percent("0.958") == Decimal("95.800")
    assert rate_percent("100.00%") == Decimal("100.00")
    assert rate_percent("0") == Decimal(0)
