"""ReportView: formatting once, drafting from data where the input is silent, keeping the author's text."""

from decimal import Decimal

import pytest

from jixiao.model import Kind, Money, MoneyUnit, Paragraph
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
    assert view.conclusion[0].startswith("部门整体支出如期实现预期整体目标：一是坚持党建引领")


def test_paragraphs_the_author_numbered_are_not_numbered_again(seed):
    view = make_view(seed)
    assert view.measures[0].startswith("针对上述问题，一是加强财务人员")  # one paragraph, 一是…二是… as written
    own = (Paragraph(text="一是压实责任"), Paragraph(text="二是加强培训"))
    assert make_view(seed.model_copy(update={"measures": own})).measures == ("一是压实责任。", "二是加强培训。")
    listed = (Paragraph(text="压实责任"), Paragraph(text="加强培训"))
    assert make_view(seed.model_copy(update={"measures": listed})).measures == ("1.压实责任。", "2.加强培训。")


def test_conclusion_is_drafted_when_the_input_has_none(seed):
    view = make_view(seed.model_copy(update={"conclusion": ()}))
    assert view.conclusion[0].startswith("部门整体支出全年预算数688.34万元，执行数688.34万元，执行率100%。")
    assert "共设置绩效指标8个" in view.conclusion[0]


def test_sections_the_unit_left_empty_stay_empty_even_with_findings(seed):
    bare = seed.model_copy(update={"problems": (), "measures": ()})
    view = build_view(bare)
    assert view.findings, "the checks find problems in the seed"
    assert view.problems == view.measures == ("（本部分未填报。）",)
    text = " ".join(b.text for b in view.blocks())
    for f in view.findings:
        assert f.message not in text


def test_the_report_carries_the_units_own_score_not_the_rule_sets(seed):
    view = build_view(seed)
    assert view.score is not None and view.score.reference
    text = " ".join(b.text for b in view.blocks())
    assert "规则集" not in text and "参考分" not in text and trim(view.score.total) + "分" not in text
    declared = seed.model_copy(update={"declared_score": Decimal("92.5"), "declared_grade": "优"})
    view = build_view(declared)
    assert view.conclusion[0].endswith("经自评，自评得分92.5分，自评等级为“优”。")
    assert "规则集" not in " ".join(b.text for b in view.blocks())


def test_the_units_own_words_about_its_score_are_not_repeated(seed):
    said = seed.model_copy(update={"declared_score": Decimal(96), "declared_grade": "优",
                                   "conclusion": (Paragraph(text="项目自评得分96分，评价等级为优。"),)})
    assert make_view(said).conclusion == ("项目自评得分96分，评价等级为优。",)


def test_with_review_the_report_states_the_review_score_as_jixiaos(seed):
    view = build_view(seed, with_review=True)
    lines = [b.text for b in view.blocks()]
    review = next(t for t in lines if t.startswith("（复核参考："))
    assert f"得分{trim(view.score.total)}分" in review and "gz-dept-ref-2023" in review and "参考分" in review
    assert lines.index(review) == lines.index(view.conclusion[-1]) + 1  # after the unit's own conclusion


def test_findings_name_files_without_their_directories(seed):
    view = build_view(seed)
    assert view.findings and all("/" not in f.where and "\\" not in f.where for f in view.findings)
    assert any(f.where.startswith("liwan-fulian-2023.yaml:") for f in view.findings)


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


def test_source_figures_keep_the_word_expenditure(seed):
    text = make_view(seed).finance[1]
    assert text.startswith("按资金来源分，一般公共预算财政拨款支出688.34万元，政府性基金预算财政拨款支出0.00万元")
    assert "其他资金支出0.00万元。按支出性质分，基本支出581.73万元，项目支出106.61万元。年末结转和结余0.00万元。" in text


def test_a_plain_result_is_stated_and_an_unclear_one_left_unsaid(project):
    summary = make_view(project).tasks[0].indicator_summary
    assert "未说明是否完成" not in summary
    assert "新建社区图书馆分馆数量：年度指标值≥4个，实际完成值4个，完成绩效目标" in summary
    assert "新增馆藏图书册数：年度指标值≥20000册，实际完成值18500册，未完成绩效目标（偏差原因" in summary
    # a qualitative 部分达成 actual says how far it got: no verdict is added to it
    assert "实际完成值部分达成年度指标并具有一定效果；" in summary


def test_project_title_names_the_project_and_breaks_by_meaning(project):
    view = make_view(project)
    assert view.title == "2024年度青禾区文化广电旅游体育局社区图书馆分馆建设及阅读推广项目支出绩效自评报告"
    assert view.title_lines == ("2024年度青禾区文化广电旅游体育局", "社区图书馆分馆建设及阅读推广", "项目支出绩效自评报告")


def test_department_title_breaks_between_the_unit_and_the_kind_of_report(seed):
    assert make_view(seed).title_lines == ("2023年度广州市荔湾区妇女联合会", "部门整体支出绩效自评报告")


def test_closing_has_attachments_signature_and_date(project):
    blocks = [(b.kind, b.text) for b in make_view(project).blocks()][-3:]
    assert blocks == [("attachment", "附件：2024年度社区图书馆分馆建设及阅读推广项目支出绩效自评表"),
                      ("signature", "青禾区文化广电旅游体育局"), ("date", "2025年3月20日")]
    two = project.model_copy(update={"attachments": (Paragraph(text="自评表"), Paragraph(text="佐证材料。")),
                                     "date": "2025-03-05", "signature": "青禾区文旅体局（盖章）"})
    view = make_view(two)
    assert view.attachments == ("附件：1.自评表", "2.佐证材料")
    assert (view.signature, view.date) == ("青禾区文旅体局（盖章）", "2025年3月5日")


def test_no_date_means_no_date_line_and_the_unit_signs(seed):
    kinds = [b.kind for b in make_view(seed).blocks()]
    assert kinds[-1] == "signature" and "date" not in kinds and "attachment" not in kinds


def test_indicator_views_keep_declared_and_reviewed_scores_apart(project):
    view = build_view(project)
    row = next(i for i in view.tasks[0].indicators if i.name == "新增馆藏图书册数")
    assert (row.weight, row.score) == (Decimal(10), Decimal("9.25"))  # as the unit declared
    assert row.review_weight == Decimal(10) and row.review_score is not None
    task = view.tasks[0]
    assert (task.execution_weight, task.execution_score) == (Decimal(10), Decimal("9.3"))
    assert task.review_execution_score == Decimal("9.3")  # 111.60 / 120.00 × 10


def test_department_task_forms_get_their_execution_reviewed(seed):
    view = build_view(seed)
    assert view.kind is Kind.DEPARTMENT
    assert [(t.review_execution_weight, t.review_execution_score) for t in view.tasks] == [
        (Decimal(10), Decimal(10)), (Decimal(10), Decimal(10))]
    assert all(t.execution_weight is None for t in view.tasks)  # the unit declared none
