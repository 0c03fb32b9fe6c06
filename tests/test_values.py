"""The value parser: every form reports write, and robustness on arbitrary text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model.quantity import Operator, QualTier
from jixiao.model.values import format_quantity, parse_quantity

GE, LE, EQ, QUAL, BAD = Operator.GE, Operator.LE, Operator.EQ, Operator.QUALITATIVE, Operator.UNPARSED
D = Decimal

# (text, op, number, unit, label)
CASES = [
    # ≥ in all its spellings
    ("≥98%", GE, D("98"), "%", None),
    (">=98%", GE, D("98"), "%", None),
    ("＞＝98％", GE, D("98"), "%", None),
    ("98%以上", GE, D("98"), "%", None),
    ("不低于98%", GE, D("98"), "%", None),
    ("大于等于98%", GE, D("98"), "%", None),
    ("≥ 98 %", GE, D("98"), "%", None),
    ("大于90%", GE, D("90"), "%", None),
    ("≥85分", GE, D("85"), "分", None),
    (">0", GE, D("0"), None, None),
    ("≥3000平方米", GE, D("3000"), "平方米", None),
    # ≤ in all its spellings
    ("≤5天", LE, D("5"), "天", None),
    ("<=5天", LE, D("5"), "天", None),
    ("5天以内", LE, D("5"), "天", None),
    ("不超过5天", LE, D("5"), "天", None),
    ("5天内", LE, D("5"), "天", None),
    ("不高于3%", LE, D("3"), "%", None),
    ("低于3%", LE, D("3"), "%", None),
    ("＜5%", LE, D("5"), "%", None),
    ("≤5个工作日", LE, D("5"), "个工作日", None),
    # = and plain counts
    ("=100%", EQ, D("100"), "%", None),
    ("100%", EQ, D("100"), "%", None),
    ("98％", EQ, D("98"), "%", None),
    ("1次", EQ, D("1"), "次", None),
    ("39个", EQ, D("39"), "个", None),
    ("1.5万人次", EQ, D("1.5"), "万人次", None),
    ("297宗", EQ, D("297"), "宗", None),
    ("165幅", EQ, D("165"), "幅", None),
    ("0.5万元", EQ, D("0.5"), "万元", None),
    ("1,200人", EQ, D("1200"), "人", None),
    ("约1.5万人次", EQ, D("1.5"), "万人次", None),
    ("0.958", EQ, D("0.958"), None, None),
    # 余/多/以上 mean "at least"
    ("30余场", GE, D("30"), "场", None),
    ("30多场", GE, D("30"), "场", None),
    ("30场以上", GE, D("30"), "场", None),
    # Chinese numerals
    ("一次", EQ, D("1"), "次", None),
    ("三十余场", GE, D("30"), "场", None),
    ("十二个", EQ, D("12"), "个", None),
    ("两次", EQ, D("2"), "次", None),
    ("百分之九十五", EQ, D("95"), "%", None),
    ("十二", EQ, D("12"), None, None),
    ("二十", EQ, D("20"), None, None),
    ("一百零五", EQ, D("105"), None, None),
    ("三千", EQ, D("3000"), None, None),
    ("两万", EQ, D("20000"), None, None),
    ("九万九千九百九十九", EQ, D("99999"), None, None),
    # qualitative tiers and words
    ("达成年度指标", QUAL, None, None, "达成年度指标"),
    ("达成预期指标", QUAL, None, None, "达成预期指标"),
    ("部分达成年度指标并具有一定效果", QUAL, None, None, "部分达成年度指标并具有一定效果"),
    ("未达成年度指标且效果较差", QUAL, None, None, "未达成年度指标且效果较差"),
    ("是", QUAL, None, None, "是"),
    ("否", QUAL, None, None, "否"),
    ("完成", QUAL, None, None, "完成"),
    ("已完成", QUAL, None, None, "已完成"),
    ("未完成", QUAL, None, None, "未完成"),
    ("基本完成", QUAL, None, None, "基本完成"),
    ("良好", QUAL, None, None, "良好"),
    ("优", QUAL, None, None, "优"),
    ("好", QUAL, None, None, "好"),
    ("有效提升", QUAL, None, None, "有效提升"),
    ("明显改善", QUAL, None, None, "明显改善"),
    # deadlines are qualitative (no date in a Quantity)
    ("2023年12月31日前", LE, None, None, None),  # a deadline: compared with a dated actual
    ("12月底前", LE, None, None, None),  # a deadline: compared with a dated actual
    # ranges: ≥ the lower bound
    ("95%-100%", GE, D("95"), "%", None),
    ("95%～100%", GE, D("95"), "%", None),
    # unreadable
    ("xyz", BAD, None, None, None),
    ("???", BAD, None, None, None),
    # ---- more real-world forms ----
    ("≥95%", GE, D("95"), "%", None),
    ("100%完成", EQ, D("100"), "%", None),
    ("按时完成", QUAL, None, None, "按时完成"),
    ("不少于10场", GE, D("10"), "场", None),
    ("≤10万元", LE, D("10"), "万元", None),
    ("3天内办结", LE, D("3"), "天", None),
    ("≥90分", GE, D("90"), "分", None),
    ("24小时内", LE, D("24"), "小时", None),
    ("≥80%", GE, D("80"), "%", None),
    ("12期", EQ, D("12"), "期", None),
    ("500册", EQ, D("500"), "册", None),
    ("2000人次以上", GE, D("2000"), "人次", None),
    ("90%及以上", GE, D("90"), "%", None),
    ("不少于三十场", GE, D("30"), "场", None),
    ("达到95%以上", GE, D("95"), "%", None),
    ("达到98%", GE, D("98"), "%", None),
    ("控制在5%以内", LE, D("5"), "%", None),
    ("≥1.2万人次", GE, D("1.2"), "万人次", None),
    ("5个工作日内完成", LE, D("5"), "个工作日", None),
    ("≤0.5%", LE, D("0.5"), "%", None),
    ("≥98.5%", GE, D("98.5"), "%", None),
    ("满意度≥90%", GE, D("90"), "%", None),
    ("≥3年", GE, D("3"), "年", None),
    ("98%（含）以上", GE, D("98"), "%", None),
    ("≥95%（含）", GE, D("95"), "%", None),
    ("百分之百", EQ, D("100"), "%", None),
    ("百分百", EQ, D("100"), "%", None),
    ("百分之九十五以上", GE, D("95"), "%", None),
    ("千分之三以下", LE, D("3"), "‰", None),
    ("两万人次", EQ, D("20000"), "人次", None),
    ("一百零五户", EQ, D("105"), "户", None),
    ("三千册", EQ, D("3000"), "册", None),
    ("十余所", GE, D("10"), "所", None),
    ("一点五万人次", EQ, D("1.5"), "万人次", None),
    ("3万余人次", GE, D("3"), "万人次", None),
    ("30余万元", GE, D("30"), "万元", None),
    ("≥1,000,000元", GE, D("1000000"), "元", None),
    ("约3000人", EQ, D("3000"), "人", None),
    ("全年不少于4次", GE, D("4"), "次", None),
    ("累计完成500人次", EQ, D("500"), "人次", None),
    ("至少2次", GE, D("2"), "次", None),
    ("最多3次", LE, D("3"), "次", None),
    ("不多于5个", LE, D("5"), "个", None),
    ("高于90%", GE, D("90"), "%", None),
    ("少于1%", LE, D("1"), "%", None),
    ("超过100人", GE, D("100"), "人", None),
    ("≤5个百分点", LE, D("5"), "个百分点", None),
    ("100%覆盖", EQ, D("100"), "%", None),
    ("100%到位", EQ, D("100"), "%", None),
    ("1项", EQ, D("1"), "项", None),
    ("0起", EQ, D("0"), "起", None),
    ("-5%", EQ, D("-5"), "%", None),
    ("≧95%", GE, D("95"), "%", None),
    ("＜＝3天", LE, D("3"), "天", None),
    ("15℃以下", LE, D("15"), "℃", None),
    ("≥3000㎡", GE, D("3000"), "m2", None),
    ("≥100kW", GE, D("100"), "kW", None),
    ("≥20次/年", GE, D("20"), "次/年", None),
    ("3-5个工作日内", LE, D("5"), "个工作日", None),
    ("1-2次", GE, D("1"), "次", None),
    ("90至100分", GE, D("90"), "分", None),
    ("3天～5天", GE, D("3"), "天", None),
    ("2023年底前完成", LE, None, None, None),  # a deadline: compared with a dated actual
    ("6月30日前", LE, None, None, None),  # a deadline: compared with a dated actual
    ("2024.06.30前", LE, None, None, None),
    ("已达成年度指标", QUAL, None, None, "达成年度指标"),
    ("达成年度指标。", QUAL, None, None, "达成年度指标"),
    ("达成 年度指标", QUAL, None, None, "达成年度指标"),
    ("√", QUAL, None, None, "是"),
    ("×", QUAL, None, None, "否"),
    ("一般", QUAL, None, None, "一般"),
    ("十分满意", QUAL, None, None, "十分满意"),
    ("万无一失", QUAL, None, None, "万无一失"),
    ("十四五规划落实到位", QUAL, None, None, "十四五规划落实到位"),
    ("零投诉", QUAL, None, None, "零投诉"),
    ("不低于上年", QUAL, None, None, "不低于上年"),
    ("合格", QUAL, None, None, "合格"),
    ("优秀", QUAL, None, None, "优秀"),
    ("≥5天以内", BAD, None, None, None),
    ("100%-95%", BAD, None, None, None),
    ("≥良好", BAD, None, None, None),
    ("同比下降5%", BAD, None, None, None),
    ("98%%", BAD, None, None, None),
    ("3abc", BAD, None, None, None),
    ("1e5", BAD, None, None, None),
    ("abc123", BAD, None, None, None),
]


@pytest.mark.parametrize(("text", "op", "number", "unit", "label"), CASES, ids=[c[0] for c in CASES])
def test_parse_table(text, op, number, unit, label):
    q, problem = parse_quantity(text)
    assert q is not None
    assert (q.op, q.number, q.unit, q.label) == (op, number, unit, label)
    assert q.text == text.strip()
    assert isinstance(q.number, (Decimal, type(None)))
    assert (problem is not None) == (op is BAD)


def test_table_has_no_duplicates_and_is_large():
    texts = [c[0] for c in CASES]
    assert len(texts) == len(set(texts))
    assert len(texts) >= 150


@pytest.mark.parametrize("value", [None, "", "   ", "\t\n"])
def test_empty_is_nothing(value):
    assert parse_quantity(value) == (None, None)
    assert parse_quantity(value, "%") == (None, None)


def test_text_is_kept_as_written():
    q, _ = parse_quantity("  ＞＝98％ ")
    assert q.text == "＞＝98％"
    assert str(q) == "＞＝98％"


def test_unparsed_problem_is_chinese_and_names_the_value():
    q, problem = parse_quantity("xyz")
    assert q.op is BAD and q.number is None and q.label is None
    assert problem == "无法识别的指标值“xyz”：请写成“≥98%”“5天以内”“达成年度指标”等形式"


def test_conflicting_directions_say_so():
    _, problem = parse_quantity("≥5天以内")
    assert "矛盾" in problem and "≥5天以内" in problem


def test_reversed_range_says_so():
    _, problem = parse_quantity("100%-95%")
    assert "下限大于上限" in problem


def test_long_text_is_shortened_in_the_problem():
    _, problem = parse_quantity("x" * 100)
    assert "x" * 30 + "…" in problem and "x" * 31 not in problem


@pytest.mark.parametrize(
    ("text", "default", "op", "number", "unit"),
    [
        ("100", "%", EQ, D("100"), "%"),
        ("≥98", "%", GE, D("98"), "%"),
        ("5", " 天 ", EQ, D("5"), "天"),
        ("5天", "%", EQ, D("5"), "天"),  # a written unit wins over the column's
        ("三十余", "场", GE, D("30"), "场"),
        ("0.958", None, EQ, D("0.958"), None),
        ("0.958", "", EQ, D("0.958"), None),
        ("95-100", "%", GE, D("95"), "%"),
    ],
)
def test_default_unit(text, default, op, number, unit):
    q, problem = parse_quantity(text, default)
    assert problem is None
    assert (q.op, q.number, q.unit) == (op, number, unit)


def test_default_unit_does_not_touch_qualitative():
    q, _ = parse_quantity("达成年度指标", "%")
    assert q.unit is None and q.label == "达成年度指标"


@pytest.mark.parametrize(
    ("value", "default", "number", "unit", "text"),
    [
        (98, None, D("98"), None, "98"),
        (0.958, None, D("0.958"), None, "0.958"),
        (0.1, "%", D("0.1"), "%", "0.1"),  # str(), not the binary 0.1000000000000000055…
        (1e-07, None, D("1E-7"), None, "1e-07"),
        (D("100.0"), "%", D("100.0"), "%", "100.0"),
    ],
)
def test_numeric_inputs(value, default, number, unit, text):
    q, problem = parse_quantity(value, default)
    assert problem is None
    assert (q.op, q.number, q.unit, q.text) == (EQ, number, unit, text)
    assert type(q.number) is Decimal


@pytest.mark.parametrize("value", [float("nan"), float("inf"), D("NaN"), True])
def test_non_numbers_are_unparsed(value):
    q, problem = parse_quantity(value)
    assert q.op is BAD and problem


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("达成年度指标", QualTier.MET),
        ("已达成年度指标", QualTier.MET),
        ("√", QualTier.MET),
        ("部分达成年度指标并具有一定效果", QualTier.PARTIAL),
        ("基本完成", QualTier.PARTIAL),
        ("未达成年度指标且效果较差", QualTier.NOT_MET),
        ("否", QualTier.NOT_MET),
        ("明显改善", None),
    ],
)
def test_labels_land_in_tiers(text, tier):
    q, _ = parse_quantity(text)
    assert q.tier is tier


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("≥98%", "≥98%"),
        ("＞＝98.0％", "≥98%"),
        ("5天以内", "≤5天"),
        ("=100%", "=100%"),  # a written "=" is exact, unlike a bare 100%
        ("100%", "100%"),
        ("一次", "1次"),
        ("三十余场", "≥30场"),
        ("约1.5万人次", "1.5万人次"),
        ("1,200人", "1200人"),
        ("0.958", "0.958"),
        ("≥0.50%", "≥0.5%"),
        (">0", "≥0"),
        ("达成 年度指标。", "达成年度指标"),
        ("√", "是"),
        ("xyz", "xyz"),
    ],
)
def test_format_quantity(text, shown):
    q, _ = parse_quantity(text)
    assert format_quantity(q) == shown


def test_base_folds_wan_after_parsing():
    a, _ = parse_quantity("1.5万人次")
    b, _ = parse_quantity("一万五千人次")
    assert a.base() == b.base() == (D("15000"), "人次")


# ---- properties ----

_VALUE_CHARS = list("0123456789.,%≥≤<>=-~ 一二两三十百千万亿零余多以上下内天次个人场达成年度指标否是约()（）％＞＝点之分月日前")


@settings(max_examples=400)
@given(st.one_of(st.text(), st.text(alphabet=_VALUE_CHARS, max_size=20)))
def test_never_raises_and_keeps_text(text):
    q, problem = parse_quantity(text)
    if not text.strip():
        assert (q, problem) == (None, None)
        return
    assert q.text == text.strip()
    assert (problem is None) == (q.op is not BAD)
    assert q.number is None or type(q.number) is Decimal
    assert isinstance(format_quantity(q), str) and format_quantity(q)


_UNITS = [None, "%", "天", "次", "个工作日", "万人次", "平方米", "万元", "分", "场"]


@given(
    st.sampled_from([GE, LE, EQ]),
    st.decimals(min_value=-10**6, max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(_UNITS),
)
def test_format_then_parse_round_trips(op, number, unit):
    from jixiao.model.quantity import Quantity

    shown = format_quantity(Quantity(op=op, number=number, unit=unit, text="x"))
    q, problem = parse_quantity(shown)
    assert problem is None
    assert (q.op, q.number, q.unit) == (op, number, unit)


@given(st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)))
def test_numbers_become_exact_decimals(value):
    q, problem = parse_quantity(value)
    assert problem is None
    assert q.op is EQ and q.number == Decimal(str(value)) and q.text == str(value)
