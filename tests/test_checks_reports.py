"""The checks on published reports, read back by extraction: what a report can support, and what it says.

The texts in tests/data/checks/reports are our own, written in the layouts real reports use (a pipe-table
自评表 with a signature block, a department report in prose, a stored page that stops mid-table).
"""

from pathlib import Path

import pytest

from jixiao.checks.trust import UNSURE_NOTE, ReadQuality, gate
from jixiao.extract.completeness import cut_off
from jixiao.model import Finding, Location, Severity
from jixiao.review import review_file

DATA = Path(__file__).parent / "data" / "checks" / "reports"


def findings(name: str) -> list[Finding]:
    return list(review_file(DATA / name).findings)


def codes(name: str) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in findings(name):
        out.setdefault(f.code, []).append(f)
    return out


def test_a_clean_form_whose_results_differ_from_its_plans_has_no_finding():
    assert findings("clean_project_form.txt") == []


def test_a_clean_report_whose_results_exceed_its_plans_has_no_finding():
    # 120场以上 planned, 126场 held; 不少于8000人 planned, 8650 reached: plans and results, not a contradiction
    assert findings("plans_and_results.txt") == []


def test_the_units_own_table_is_judged_against_itself():
    found = codes("defective_project_form.txt")
    assert "预算执行率得分 10 与各指标得分合计 85.5，共 95.5 分，与填写的总分 98 分不符" in found["JX-S002"][0].message
    assert "通行条件改善的行政村" in found["JX-S004"][0].message and found["JX-S004"][0].severity is Severity.ERROR
    assert "养护农村公路里程" in found["JX-S005"][0].message  # 320 of 350 km, full marks
    assert "路面技术状况优良率" in found["JX-S006"][0].message  # met, 15 of 20, no reason
    assert "安装防护栏" in found["JX-S003"][0].message  # half done, 95 % of the points
    assert "最多 9.5 分，自评 10 分" in found["JX-S007"][0].message


def test_a_reason_in_the_deviation_column_is_read_and_counts():
    unexplained = [f.message for f in codes("defective_project_form.txt")["JX-I010"]]
    assert len(unexplained) == 1 and "养护农村公路里程" in unexplained[0]  # the two rows with reasons pass


def test_the_texts_claims_are_set_against_its_figures():
    found = codes("department_claims.txt")
    assert "内设5个股室" in found["JX-T006"][0].message and "4 个" in found["JX-T006"][0].message
    assert "全部拨付" in found["JX-T008"][0].message and "91.92%" in found["JX-T008"][0].message
    assert "50%" in found["JX-T010"][0].message  # 120 budgeted, 60 spent, "已相应调减"
    years = " ".join(f.message for f in found["JX-T009"])
    assert "86.35万元" in years and "2022年12月31日前" in years
    assert "青禾区" in found["JX-T007"][0].message
    assert "200字以内" in found["JX-T011"][0].message
    assert all(f.severity is Severity.WARNING for fs in found.values() for f in fs)


def test_a_text_that_stops_short_is_said_once_and_absences_are_not_claimed():
    found = codes("cut_off_department.txt")
    assert len(found["JX-E007"]) == 1 and found["JX-E007"][0].location.line == 13
    # the last row lost its actual value to the cut, and the 满意度 block is not in the copy
    assert "JX-I001" not in found and "JX-I007" not in found


@pytest.mark.parametrize("text, whole", [
    ("一、基本情况\n全年预算数100万元,执行数", False),
    ("总体目标完成情况\n指标 | 10 | >=9", False),
    ("五、下一步改进措施\n细化绩效目标，按月跟踪执行。\n某区图书馆\n2025年3月20日", True),
    ("评价结论 | 良好 |\n项目负责人: | 财务负责人: |", True),
    ("总分 | 100 | 96 | 优 |", True),
    ("四、下一步改进措施\n加强项目库建设，细化绩效目标。", True),
    ("一、部门概况\n本单位负责全区的档案管理工作。", False),  # a full sentence, but no closing part yet
])
def test_whether_a_text_is_whole(text, whole):
    assert (cut_off(text) is None) is whole


def test_an_error_on_a_guessed_value_becomes_a_warning_that_says_so():
    error = Finding(code="JX-B001", severity=Severity.ERROR, message="部门整体执行数超过全年预算数",
                    path="finance.executed", location=Location(file="r.txt", line=3))
    read = {"finance.budget": True, "finance.executed": True}
    sure = ReadQuality(lambda p: read.get(p, False), frozenset(read), None)
    assert gate([error], sure) == [error]
    read["finance.budget"] = False  # the budget was derived, not read
    unsure = gate([error], ReadQuality(lambda p: read.get(p, False), frozenset(read), None))
    assert unsure[0].severity is Severity.WARNING and unsure[0].message.endswith(UNSURE_NOTE)


def test_checks_against_the_rule_set_and_absence_checks_are_not_run_where_they_cannot_be_judged():
    rule_set_score = Finding(code="JX-I009", severity=Severity.ERROR, message="…", path="declared_score")
    missing = Finding(code="JX-I001", severity=Severity.ERROR, message="…", path="tasks[0].indicators[3].actual")
    whole = ReadQuality(lambda p: True, frozenset(), None)
    cut = ReadQuality(lambda p: True, frozenset(), 40)
    assert gate([rule_set_score, missing], whole) == [missing]
    assert gate([rule_set_score, missing], cut) == []


def test_the_bundled_examples_raise_no_error():
    root = Path(__file__).parent.parent / "examples"
    for name in ("community-library-2024.yaml", "clean-department-2024.yaml", "liwan-fulian-2023.yaml"):
        errors = [f.message for f in review_file(root / name).findings if f.severity is Severity.ERROR]
        assert errors == [], name


def test_a_plan_is_not_compared_with_a_result_but_two_results_are(tmp_path):
    from jixiao.checks.narrative import check_narrative_figures
    from jixiao.checks.params import CheckParams
    from jixiao.checks.examples import example_evaluation

    def t005(fragment: str) -> list[Finding]:
        ev, _ = example_evaluation(fragment)
        return [f for f in check_narrative_figures(ev, CheckParams()) if f.code == "JX-T005"]

    assert t005("goals: [全年举办阅读推广活动120场以上。]\nconclusion: [全年举办阅读推广活动126场。]") == []
    assert t005("conclusion: [全年举办阅读推广活动不少于120场。]\nachievements: [全年举办阅读推广活动126场。]") == []
    two = t005("conclusion: [全年举办阅读推广活动120场。]\nachievements: [全年举办阅读推广活动126场。]")
    assert len(two) == 1 and two[0].severity is Severity.WARNING
