"""Text checks on fixtures written in the style of real reports (tests/data/checks/)."""

from pathlib import Path

import pytest

from jixiao.checks import check
from jixiao.checks.examples import example_evaluation
from jixiao.checks.text import bracket_problem
from jixiao.load import load_file

DATA = Path(__file__).resolve().parent / "data" / "checks"


def text_findings(fragment: str, code: str):
    evaluation, load_findings = example_evaluation(fragment)
    assert not load_findings
    return [f for f in check(evaluation) if f.code == code]


@pytest.fixture(scope="module")
def sloppy():
    result = load_file(DATA / "sloppy-report.yaml")
    assert result.evaluation is not None and not result.findings
    return check(result.evaluation)


def test_passage_pasted_from_an_outcome_into_achievements(sloppy):
    found = [f for f in sloppy if f.code == "JX-T002"]
    assert len(found) == 1
    assert found[0].path == "achievements[1]" and "目标实际完成情况" in found[0].message


def test_doubled_numeral_is_a_typo_but_reduplication_is_not(sloppy):
    found = [f for f in sloppy if f.code == "JX-T003"]
    assert [f.message.split("中的")[1][:4] for f in found] == ["“十十”", "“的的”"]


@pytest.mark.parametrize("text", ["常常深入社区", "人人参与", "天天开放", "谢谢大家", "星星点灯", "千千万万的家庭",
                                  "认认真真做好服务", "不了了之", "是是非非", "第二十届比赛", "妈妈课堂"])
def test_real_reduplication_is_not_flagged(text):
    assert text_findings(f"conclusion: [{text}。]", "JX-T003") == []


@pytest.mark.parametrize("text", ["第二十十届比赛", "第三三届论坛", "全区的的妇女", "已经完成了了调研"])
def test_slips_are_flagged(text):
    assert len(text_findings(f"conclusion: [{text}。]", "JX-T003")) == 1


def test_repeat_inside_one_paragraph_is_found():
    sentence = "组织开展家庭教育指导服务进社区活动，覆盖全区二十二条街道的社区家长学校和妇女之家，参与家长超过三千人次。"
    found = text_findings(f"conclusion: [{sentence}{sentence}。]", "JX-T002")
    assert len(found) == 1 and "同一段前文" in found[0].message


def test_repeat_shorter_than_fifty_characters_is_not_reported():
    sentence = "组织开展家庭教育指导服务进社区活动"
    assert text_findings(f"conclusion: [{sentence}。]\nachievements: [{sentence}。]", "JX-T002") == []


@pytest.mark.parametrize("text, ok", [
    ("举办“美荔巾帼心向党”系列活动", True),
    ("学习两个《论述摘编》（2023年版）", True),
    ("永庆坊社区荣获(全市唯一)称号", True),
    ("举办“美荔巾帼心向党系列活动", False),
    ("荣获（全市唯一)称号", False),
    ("《论述摘编）", False),
    ('"巾帼建新功" 行动"', False),
])
def test_brackets_and_quotes(text, ok):
    assert (bracket_problem(text) is None) is ok


def test_unbalanced_quote_in_fixture_points_at_its_paragraph(sloppy):
    found = [f for f in sloppy if f.code == "JX-T004"]
    assert len(found) == 1 and found[0].path == "conclusion[1]"
    assert found[0].location.line is not None


def test_figures_that_contradict_the_data(sloppy):
    found = sorted(f.message for f in sloppy if f.code == "JX-T005")
    assert any("执行率 95%" in m and "执行率 100%" in m for m in found)  # task 执行率 stated 95%, data 100%
    assert any("会员企业 40 个" in m and "会员企业 39 个" in m for m in found)  # the same count twice, differently
    assert any("案件办结率达 98%" in m for m in found)  # indicator actual is 100%
    assert len(found) == 3


def test_missing_sections_are_named(sloppy):
    assert sorted(f.message for f in sloppy if f.code == "JX-T001") == ["缺少“下一步改进措施”部分或内容为空"]


def test_project_evaluations_need_no_department_functions():
    assert text_findings("kind: project\ndepartment: {name: 某区图书馆}", "JX-T001") == []


SEED_TEXT = Path("/work/shared/seed/000_63c091d408b5c5a2.txt")  # the real report; not part of the project


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="the seed report text is not beside this checkout")
def test_real_seed_text_doubled_character_and_pasted_passages():
    from jixiao.checks.text import check_report_text

    found = check_report_text(SEED_TEXT.read_text(encoding="utf-8"), str(SEED_TEXT))
    typos = [f for f in found if f.code == "JX-T003"]
    assert len(typos) == 1 and "第二十十届" in typos[0].message
    assert len([f for f in found if f.code == "JX-T002"]) >= 5  # 自评结论、任务完成情况与主要工作成效互相复制
    assert not [f for f in found if f.code == "JX-T004"]


def test_plain_text_check_locates_lines():
    from jixiao.checks.text import check_report_text

    found = check_report_text("第一段。\n\n组织学生参加第二十十届比赛。\n", "r.txt")
    assert [f.as_line() for f in found] == ["r.txt:3: 警告 JX-T003 第3行“参加第二十十届比赛。”中的“十十”疑为多打了一个字"]


def test_a_year_written_in_numerals_is_not_a_doubled_character():
    from jixiao.checks.text import check_report_text

    assert [f.code for f in check_report_text("二〇二二年度部门整体支出绩效自评报告")] == []
    assert [f.code for f in check_report_text("参加第十五五届全省少儿美术作品展览")] == ["JX-T003"]
