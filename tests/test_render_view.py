"""ReportView: formatting once, drafting from data where the input is silent, keeping the author's text."""

from decimal import Decimal

import pytest

from jixiao.model import Money, MoneyUnit, Paragraph
from jixiao.render import build_view, make_view
from jixiao.render.format import amount, chinese_number, level2_number, ordinal_clause, rate, trim



def test_amounts_have_two_decimals_and_the_evaluation_unit():
    assert amount(Money(amount=Decimal("688.34")), MoneyUnit.WAN) == "688.34万元"
    assert amount(Money(amount=Decimal("0")), MoneyUnit.WAN) == "0.00万元"
    assert amount(Money(amount=Decimal("12345"), unit=MoneyUnit.YUAN), MoneyUnit.WAN) == "1.23万元"
    assert amount(None, MoneyUnit.WAN) == "—"


def test_rates_and_scores_drop_trailing_zeros():
    assert rate(Decimal("100")) == "100%"
    assert rate(Decimal("98.50")) == "98.5%"
    assert rate(Decimal("76.125")) == "76.13%"
    assert trim(Decimal("45.08")) == "45.08"


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五")])
def test_chinese_numbers(n, text):
    assert chinese_number(n) == text


def test_outline_numbering():
    assert level2_number(4) == "（四）"
    assert ordinal_clause(2) == "二是"


def test_finance_section_is_drafted_from_the_figures(seed):
    view = make_view(seed)
    assert view.finance[0] == "全年预算数688.34万元，执行数688.34万元，完成预算的100%。"
    assert "基本支出581.73万元，项目支出106.61万元" in view.finance[1]
    assert "年末结转和结余0.00万元" in view.finance[1]


def test_task_lines_follow_the_seed_outline(seed):
    task = make_view(seed).tasks[1]
    assert task.spending == "支出完成情况：年度支出预算数8.43万元，预算完成数8.43万元，执行率100%。"
    assert task.indicator_summary.startswith("指标完成情况：一是召开会议次数：实施周期指标值1次，年度指标值1次")
    assert "四是特色活动建设达标率" in task.indicator_summary
    assert task.indicator_summary.endswith("完成绩效目标。")


def test_targets_are_shown_as_the_author_wrote_them(seed):
    first = make_view(seed).tasks[0]
    assert "实施周期指标值98%以上" in first.indicator_summary
    assert first.indicators[0].period_target == "98%以上"


def test_authors_text_is_kept(seed):
    view = make_view(seed)
    assert view.problems == ("绩效指标设定不够精准，绩效指标目标值偏低，通用绩效指标过多。",)
    assert view.conclusion[0] == "部门整体支出如期实现预期整体目标。"


def test_conclusion_is_drafted_when_the_input_has_none(seed):
    view = make_view(seed.model_copy(update={"conclusion": ()}))
    assert view.conclusion[0].startswith("部门整体支出全年预算数688.34万元，执行数688.34万元，执行率100%。")
    assert "共设置绩效指标8个" in view.conclusion[0]


def test_problems_and_measures_fall_back_to_check_drafts(seed):
    class Drafts:  # the shape jixiao.checks.draft_sections returns
        problems = ("目标值偏低。", "通用指标过多。")
        measures = ("按历史标准设定目标值。",)

    bare = seed.model_copy(update={"problems": (), "measures": ()})
    view = make_view(bare, drafts=Drafts())
    assert view.problems == ("1.目标值偏低。", "2.通用指标过多。")
    assert view.measures == ("按历史标准设定目标值。",)
    assert make_view(bare).problems == ("经自评，未发现需要说明的主要问题。",)


def test_build_view_scores_checks_and_marks_reference_scores(seed):
    view = build_view(seed)
    assert view.score is not None
    assert view.score.reference
    assert "参考分" in view.conclusion[0]
    assert f"自评得分{trim(view.score.total)}分" in view.conclusion[0]
    assert view.findings, "the seed's weak indicators should give findings"


def test_build_view_fills_problems_from_checks_when_the_author_wrote_none(seed):
    bare = seed.model_copy(update={"problems": (), "measures": ()})
    view = build_view(bare)
    assert view.problems != ("经自评，未发现需要说明的主要问题。",)
    assert all(p for p in view.problems)


def test_blocks_give_the_whole_outline_in_order(seed):
    texts = [b.text for b in make_view(seed).blocks() if b.kind in ("h1", "h2")]
    assert texts == [
        "一、基本情况", "（一）部门职能", "（二）部门整体收支情况", "（三）部门整体支出绩效目标", "（四）部门年度重点工作任务",
        "二、综合评价分析", "（一）自评结论综述", "（二）各重点工作任务绩效目标完成情况分析", "（三）主要工作成效",
        "三、存在的主要问题", "四、下一步改进措施",
    ]


def test_missing_parts_are_marked_not_invented(seed):
    view = make_view(seed.model_copy(update={"goals": (), "finance": None}))
    assert view.goals == ("（本部分未填报。）",)
    assert view.finance == ("（本部分未填报。）",)


def test_single_paragraph_lists_are_not_numbered(seed):
    view = make_view(seed.model_copy(update={"achievements": (Paragraph(text="成效显著"),)}))
    assert view.achievements == ("成效显著。",)
