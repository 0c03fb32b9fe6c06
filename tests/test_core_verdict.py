"""The domain core: values as real 自评表 print them, and the one verdict of an actual against its target."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model import (
    Basis, Indicator, Level1, Money, MoneyUnit, Operator, Outcome, Problem, QualTier, execution_rate,
    parse_quantity, rate_from_fraction,
)
from jixiao.model.units import in_base, normal_unit

D = Decimal
GE, LE, EQ = Operator.GE, Operator.LE, Operator.EQ


def q(text):
    value, problem = parse_quantity(text)
    assert problem is None, problem
    return value


def verdict(target, actual, name="指标", level1=Level1.OUTPUT, level2=None, met=None):
    return Indicator(name=name, level1=level1, level2=level2, target=q(target) if target else None,
                     actual=q(actual) if actual else None, met=met).verdict()


@pytest.mark.parametrize(("text", "op", "number", "unit"), [
    ("═100%", EQ, D(100), "%"), ("≦5天", LE, D(5), "天"), ("≧735人次", GE, D(735), "人次"),
    ("＞90%", GE, D(90), "%"), ("﹤3%", LE, D(3), "%"), ("=<5天", LE, D(5), "天"), (">=21933人", GE, D(21933), "人"),
    ("不少于12 种", GE, D(12), "种"), ("不低于95%", GE, D(95), "%"), ("95%以上", GE, D(95), "%"),
    ("3天以内", LE, D(3), "天"), ("不超过5%", LE, D(5), "%"), ("控制在2%以内", LE, D(2), "%"), ("达到90%", GE, D(90), "%"),
    ("≥95%以上", GE, D(95), "%"), ("583元/人*月", EQ, D(583), "元/人*月"), ("800元/生.年", EQ, D(800), "元/生.年"),
    ("5300元/户·年", EQ, D(5300), "元/户·年"), ("120人次/年", EQ, D(120), "人次/年"), ("≥100百分比", GE, D(100), "百分比"),
])
def test_printed_forms_read_as_they_look(text, op, number, unit):
    value = q(text)
    assert (value.op, value.number, value.unit) == (op, number, unit)


def test_a_bare_number_is_marked_implicit_and_a_written_one_is_not():
    assert q("5人").implicit and q("100%").implicit and q("80人次").implicit
    assert not q("=5人").implicit and not q("═100%").implicit and not q("≥5人").implicit and not q("5人以上").implicit


def test_compound_units_fold_their_spellings():
    assert normal_unit("元/人*月") == normal_unit("元/人·月") == normal_unit("元/人．月") == (D(1), "元/人·月")
    assert in_base(D("1.5"), "万人次") == (D("15000.0"), "人次")
    assert in_base(D("2.62"), "亿元") == (D("262000000.00"), "元")
    assert normal_unit("百分比")[1] == "%" and normal_unit("人")[1] != normal_unit("人次")[1]
    v = verdict(">=530元/人*月", "583元/人·月")
    assert v.outcome is Outcome.EXCEEDED and v.unit == "元/人·月"


@pytest.mark.parametrize(("name", "level2", "target", "actual", "op", "met"), [
    ("受益人数", "数量指标", "5人", "6人", GE, True),
    ("项目验收合格率", "质量指标", "100%", "98%", GE, False),
    ("户均救助支出", "成本指标", "5300元/户·年", "5120元/户·年", LE, True),
    ("审批办结时限", "时效指标", "5个工作日", "4个工作日", LE, True),
    ("群众投诉率", "社会效益指标", "2%", "3%", LE, False),
    ("投诉办结率", "社会效益指标", "95%", "97%", GE, True),
    ("不合格率", "质量指标", "1%", "0.5%", LE, True),
    ("安全事故下降率", "社会效益指标", "10%", "12%", GE, True),
])
def test_a_target_without_direction_is_read_by_the_indicators_kind(name, level2, target, actual, op, met):
    v = verdict(target, actual, name=name, level2=level2)
    assert v.op is op and v.inferred and v.met is met
    assert "未写比较方向" in v.explained() and "推定" in v.explained() and op.symbol in v.explained()


def test_an_exact_target_is_exact_and_more_is_exceeded():
    assert verdict("═100%", "98%").outcome is Outcome.MISSED
    assert verdict("=4次", "5次").outcome is Outcome.EXCEEDED and verdict("=4次", "5次").met
    assert verdict("4次", "5次").met  # bare: at least, inferred


@pytest.mark.parametrize(("target", "actual", "outcome"), [
    ("2023年12月31日前", "2023年12月20日", Outcome.MET),
    ("2023年12月31日前", "2024年1月5日", Outcome.MISSED),
    ("12月底前", "2023年12月28日", Outcome.MET),
    ("2023年10月底前", "2023年11月", Outcome.MISSED),
    ("2023年12月20日前", "2023年12月", Outcome.NOT_COMPARABLE),  # the actual says too little to decide
    ("2023年6月30日", "2023年6月1日", Outcome.MET),  # a bare date is a deadline (inferred)
    ("2023年7月1日起", "2023年7月3日", Outcome.MET),
])
def test_a_date_target_is_compared_with_a_dated_actual(target, actual, outcome):
    v = verdict(target, actual, name="完成时间", level2="时效指标")
    assert v.outcome is outcome
    if outcome is not Outcome.NOT_COMPARABLE:
        assert v.basis is Basis.DATE
    else:
        assert v.problem is Problem.DATE_IMPRECISE


def test_a_date_target_against_a_done_word_is_met_as_stated():
    v = verdict("2023年12月31日前", "按时完成")
    assert v.met and v.unverified


def test_a_fraction_against_a_percent_target_is_read_as_a_percent_with_a_note():
    v = verdict("≥90%", "0.958")
    assert v.actual == D("95.800") and v.met and any("95.8%" in n for n in v.notes)
    assert verdict("≥0.5%", "0.4").met is False  # both below 1: no fraction reading
    assert verdict("≥90%", "98").met  # a bare number beside a percent target takes its unit
    assert rate_from_fraction(D("0.958"), "0.958") == (D("95.800"), "“0.958”是小数，按百分数 95.8% 读取")
    assert rate_from_fraction(D(1), "1") == (D(1), None) and rate_from_fraction(D(95), "95%") == (D(95), None)


def test_no_actual_but_stated_met_is_met_and_unverified():
    v = verdict("≥95%", None, met=True)
    assert v.outcome is Outcome.MET and v.unverified and "无法核实" in v.reason
    assert verdict("≥95%", None, met=False).met is False
    v = verdict("≥95%", None)
    assert v.met is None and v.problem is Problem.NO_ACTUAL
    for said in ("完成绩效目标", "已完成", "达成年度指标"):
        v = verdict("≥10次", said)
        assert v.met and v.unverified and v.tier is QualTier.MET


def test_qualitative_tiers_and_repeated_wording():
    assert verdict("达成年度指标", "部分达成年度指标并具有一定效果").tier is QualTier.PARTIAL
    assert verdict("显著提升", "显著提升").met and verdict("显著提升", "显著提升").basis is Basis.TIER
    assert verdict("显著提升", "有所提升").problem is Problem.NO_TIER


def test_units_that_differ_are_not_comparable():
    v = verdict("≥10个", "12场")
    assert v.met is None and v.problem is Problem.UNITS_DIFFER
    assert verdict("≥10万人次", "120000人次").met  # 万 folds into the number


def test_money_units_are_kept_as_printed_and_converted_exactly():
    bond = Money(amount=D("2.62"), unit=MoneyUnit.YI)
    assert str(bond) == "2.62亿元" and bond.to(MoneyUnit.WAN).amount == D("26200") and bond.yuan() == D("262000000")
    assert execution_rate(Money(amount=D("2.62"), unit=MoneyUnit.YI), Money(amount=D(26200))) == D(100)
    assert execution_rate(Money(amount=D(0)), Money(amount=D(1))) is None
    assert execution_rate(Money(amount=D(3)), Money(amount=D(1))) == D(100) / 3


def test_labels_have_one_owner():
    from jixiao.model import BySource, Finance, Kind

    assert Kind.DEPARTMENT.label == "部门整体支出" and Kind.DEPARTMENT.short_label == "部门整体"
    assert Kind.PROJECT.short_label == "项目支出" and "项目" in Kind.PROJECT.spellings
    assert BySource.LABELS["general_budget"] == "一般公共预算财政拨款" and Finance.LABELS["budget"] == "全年预算数"
    assert Level1.SATISFACTION.short_label == "满意度"


def test_a_value_without_unit_is_in_the_others_unit_as_written():
    assert verdict("=8万元", "8").outcome is Outcome.MET  # not 80000 against 8
    assert verdict("735", "≧735人次").met


def test_a_progress_figure_against_another_measure_is_met_as_stated():
    v = verdict("全年不少于4场", "已完成100%")
    assert v.met and v.unverified and "完成进度" in v.reason
    assert verdict("达到培训要求", "100%完成").unverified
    assert verdict("≥85%", "已完成100%").basis is Basis.NUMBER  # the same unit: compared as a number
