"""Drafted sections 三 and 四: concrete paragraphs that name the indicators and figures, not boilerplate."""

from pathlib import Path

from jixiao.checks import Drafts, check, draft_sections
from jixiao.checks.examples import example_evaluation
from jixiao.load import load_file

ROOT = Path(__file__).resolve().parent.parent


def drafts_for(fragment: str) -> Drafts:
    evaluation, _ = example_evaluation(fragment)
    return draft_sections(evaluation, check(evaluation))


def test_seed_drafts_name_what_the_seed_admits():
    evaluation = load_file(ROOT / "examples" / "liwan-fulian-2023.yaml").evaluation
    drafts = draft_sections(evaluation, check(evaluation))
    problems = "\n".join(drafts.problems)
    assert "绩效指标设定不够精准" in problems and "通用绩效指标过多" in problems
    assert "“年度免费开放时间”" in problems and "4项指标以100%为目标值" in problems
    assert "「“三八”节系列活动」" in problems
    assert len(drafts.problems) == len(drafts.measures)
    assert "“召开会议次数”" in "\n".join(drafts.measures)


def test_target_too_low_names_the_figures():
    drafts = drafts_for("indicator: {level1: 产出指标, level2: 数量指标, name: 图书外借量, target: ≥10万册次, "
                        "actual: 15万册次, weight: 30, deviation: 新馆开放后借阅量大增，下年度调整目标。}")
    assert drafts.problems == ("部分绩效指标目标值设定偏低：“图书外借量”年度指标值≥10万册次、实际完成15万册次（为指标值的150%），"
                               "超额完成幅度较大，目标值未能起到约束作用。",)
    assert "“图书外借量”的年度指标值提高" in drafts.measures[0]


def test_budget_problems_carry_the_amounts():
    drafts = drafts_for("finance: {budget: 100.00, executed: 120.00}")
    assert "执行数 120.00万元 超过全年预算数 100.00万元" in drafts.problems[0]


def test_clean_evaluation_gets_a_short_honest_statement():
    drafts = drafts_for("")
    assert len(drafts.problems) == 1 and "未发现明显问题" in drafts.problems[0]


def test_as_text_numbers_paragraphs_like_reports():
    text = Drafts(problems=("甲。", "乙。"), measures=("丙。",)).as_text()
    assert text == "三、存在的主要问题\n一是甲。\n二是乙。\n\n四、下一步改进措施\n丙。"


def test_info_findings_other_than_inflation_do_not_make_problems():
    evaluation, _ = example_evaluation("")
    assert draft_sections(evaluation, []) == draft_sections(evaluation, check(evaluation))
