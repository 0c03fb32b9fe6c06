"""Loading YAML and JSON: exact figures, Chinese keys, locations, and a finding for every kind of bad input."""

import json
from decimal import Decimal

import pytest

from jixiao.load import load_file, load_text, to_document, to_json, to_yaml
from jixiao.model import Kind, Level1, MoneyUnit, Operator, Severity

from .conftest import SEED


def codes(result):
    return [f.code for f in result.findings]


def test_seed_example_loads_with_exact_figures():
    r = load_file(SEED)
    assert [f for f in r.findings if f.severity is Severity.ERROR] == []
    e = r.evaluation
    assert e.kind is Kind.DEPARTMENT and e.year == 2023 and e.unit is MoneyUnit.WAN
    assert e.department.name == "广州市荔湾区妇女联合会"
    assert len(e.department.functions) == 6 and len(e.goals) == 5
    f = e.finance
    assert f.budget.amount == Decimal("688.34") and f.executed.amount == Decimal("688.34")
    assert f.by_source.general_budget.amount == Decimal("688.34")
    assert f.by_source.government_fund.amount == Decimal("0.00")
    assert (f.by_nature.basic.amount, f.by_nature.project.amount) == (Decimal("581.73"), Decimal("106.61"))
    assert f.carryover.amount == 0 and f.execution_rate == Decimal("100")
    assert [t.budget.amount for t in e.tasks] == [Decimal("91.20"), Decimal("8.43")]
    assert [len(t.indicators) for t in e.tasks] == [4, 4]
    first = e.tasks[0].indicators[0]
    assert first.name == "案件办结率" and first.level1 is Level1.EFFECT and first.met is True
    assert (first.period_target.op, first.period_target.number, first.period_target.unit) == (Operator.GE, Decimal(98), "%")
    assert first.target.text == "100%" and first.target.number == Decimal(100)
    assert len(e.problems) == 1 and len(e.measures) == 1  # 一是…二是…三是… in one paragraph, as the report writes it
    assert all(n in e.measures[0].text for n in ("一是", "二是", "三是"))


def test_every_value_knows_its_line():
    e = load_file(SEED).evaluation
    lines = (SEED.read_text(encoding="utf-8")).splitlines()
    ind = e.tasks[1].indicators[0]
    loc = ind.where("target")
    assert loc.file == str(SEED) and "target: 1次" in lines[loc.line - 1]
    assert "budget: 688.34" in lines[e.finance.where("budget").line - 1]
    assert str(loc) == f"{SEED}:{loc.line}"


def test_yaml_round_trip_gives_the_same_model():
    e = load_file(SEED).evaluation
    again = load_text(to_yaml(e), "yaml").evaluation
    assert to_document(again) == to_document(e)
    assert to_document(again)["finance"]["by_nature"]["basic"] == Decimal("581.73")


def test_json_round_trip_and_figures():
    e = load_file(SEED).evaluation
    text = to_json(e)
    data = json.loads(text)
    assert data["finance"]["budget"] == 688.34 and data["finance"]["by_nature"] == {"basic": 581.73, "project": 106.61}
    assert [t["budget"] for t in data["tasks"]] == [91.2, 8.43]
    again = load_text(text, "json", "x.json")
    assert again.ok and to_document(again.evaluation) == to_document(e)


def test_chinese_keys_are_accepted_and_mean_the_same():
    zh = """
格式版本: 1
评价类型: 项目支出
年度: 2024
金额单位: 元
单位:
  单位名称: 某区图书馆
收支情况:
  全年预算数: 120000
  执行数: "118,500元"
项目:
  - 项目名称: 社区阅读推广
    绩效指标:
      - {一级指标: 产出, 二级指标: 数量指标, 三级指标: 举办阅读活动场次, 年度指标值: ≥20场, 实际完成值: 22场, 分值: 20}
"""
    en = """
jixiao: 1
kind: project
year: 2024
unit: 元
department: {name: 某区图书馆}
finance: {budget: 120000, executed: 118500}
tasks:
  - name: 社区阅读推广
    indicators:
      - {level1: 产出指标, level2: 数量指标, name: 举办阅读活动场次, target: ≥20场, actual: 22场, weight: 20}
"""
    a, b = load_text(zh), load_text(en)
    assert a.findings == [] and b.findings == []
    assert a.evaluation.finance.executed.amount == Decimal(118500)
    assert a.evaluation.tasks[0].indicators[0].level1 is Level1.OUTPUT
    da, db = to_document(a.evaluation), to_document(b.evaluation)
    da["tasks"][0]["indicators"][0]["target"] = db["tasks"][0]["indicators"][0]["target"]  # same value, written alike
    assert da == db


def test_unknown_key_is_a_finding_with_a_suggestion():
    r = load_text("kind: department\nyear: 2023\ndepartment: {name: x}\nfinance:\n  budgt: 1\n", "yaml", "a.yaml")
    f = next(f for f in r.findings if f.code == "JX-L003")
    assert "budgt" in f.message and "budget" in f.message and f.location.line == 5 and f.path == "finance.budgt"


def test_missing_required_fields():
    r = load_text("kind: department\n", "yaml", "a.yaml")
    messages = " ".join(f.message for f in r.findings if f.code == "JX-L004")
    assert "year" in messages and "department" in messages and r.evaluation is None


@pytest.mark.parametrize("text,path,expected", [
    ("finance: {budget: 六百万}", "finance.budget", "金额"),
    ("year: 二〇二三", "year", "整数"),
    ("finance: [1, 2]", "finance", "键值对"),
    ("tasks: {name: x}", "tasks", "列表"),
    ("goals: [[1, 2]]", "goals[0]", "文字"),
    ("tasks: [{name: x, indicators: [{name: y, met: 也许}]}]", "tasks[0].indicators[0].met", "是 或 否"),
])
def test_wrong_types_are_findings(text, path, expected):
    base = "kind: department\nyear: 2023\ndepartment: {name: x}\n"
    r = load_text(base.replace("year: 2023\n", "") + text if text.startswith("year") else base + text, "yaml", "t.yaml")
    hits = [f for f in r.findings if f.code == "JX-L005" and f.path == path]
    assert hits and expected in hits[0].message, r.findings


def test_bad_enum_value():
    r = load_text("kind: 整体部门\nyear: 2023\ndepartment: {name: x}\n")
    assert "JX-L006" in codes(r) and "department" in r.findings[0].message


def test_unparseable_value_is_kept_and_reported():
    r = load_text("kind: project\nyear: 2023\ndepartment: {name: x}\ntasks: [{name: t, indicators: [{name: y, target: 同比下降5%}]}]\n")
    assert "JX-L008" in codes(r)
    q = r.evaluation.tasks[0].indicators[0].target
    assert q.op is Operator.UNPARSED and q.text == "同比下降5%"


def test_yaml_syntax_error_points_at_the_line():
    r = load_text("kind: department\nyear: [2023\n", "yaml", "s.yaml")
    assert codes(r) == ["JX-L002"] and r.findings[0].location.line >= 2


def test_json_syntax_error_points_at_the_line():
    r = load_text('{\n  "kind": "department",\n  "year": 2023,,\n}', "json", "s.json")
    assert codes(r) == ["JX-L002"] and r.findings[0].location.line == 3


def test_yaml_bomb_is_refused_quickly():
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f'{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n' for p, c in zip("abcdefgh", "bcdefghi"))
    r = load_text(bomb, "yaml", "bomb.yaml")
    assert codes(r) == ["JX-L007"] and "别名" in r.findings[0].message


def test_too_deep_nesting_is_refused():
    r = load_text("a: " + "[" * 100 + "]" * 100, "yaml")
    assert codes(r) == ["JX-L007"]


@pytest.mark.parametrize("content,needle", [
    (b"", "空"),
    (b"   \n\n", "空"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
    ("kind: department\nyear: 2023\ndepartment: {name: 广州市荔湾区妇女联合会}\n".encode("gbk"), "UTF-8"),
])
def test_bad_files(tmp_path, content, needle):
    p = tmp_path / "input.yaml"
    p.write_bytes(content)
    r = load_file(p)
    assert codes(r) == ["JX-L001"] and needle in r.findings[0].message and r.evaluation is None


def test_directory_missing_file_and_wrong_suffix(tmp_path):
    assert "目录" in load_file(tmp_path).findings[0].message
    assert "不存在" in load_file(tmp_path / "nope.yaml").findings[0].message
    other = tmp_path / "report.doc"
    other.write_text("x", encoding="utf-8")
    assert "不支持" in load_file(other).findings[0].message


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    r = load_file(big)
    assert codes(r) == ["JX-L001"] and "过大" in r.findings[0].message


def test_utf8_bom_is_fine(tmp_path):
    p = tmp_path / "bom.yaml"
    p.write_bytes("\ufeffkind: department\nyear: 2023\ndepartment: {name: x}\n".encode("utf-8"))
    assert load_file(p).ok


def test_money_with_its_own_unit_is_exact():
    r = load_text("kind: department\nyear: 2023\nunit: 万元\ndepartment: {name: x}\nfinance: {budget: 6883400元, executed: 688.34}\n")
    f = r.evaluation.finance
    assert f.budget.unit is MoneyUnit.YUAN and f.budget.to(MoneyUnit.WAN).amount == Decimal("688.34")
    assert f.executed.unit is MoneyUnit.WAN
