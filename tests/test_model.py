"""The domain model: exact money, frozen values, locations that print as users expect."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from jixiao.model import Location, Money, MoneyUnit, Operator, Quantity, money_sum
from jixiao.model.catalogue import catalogue, finding


def test_money_converts_exactly_between_units():
    m = Money(amount=Decimal("688.34"), unit=MoneyUnit.WAN)
    assert m.to(MoneyUnit.YUAN).amount == Decimal("6883400")
    assert Money(amount=Decimal("1.01"), unit=MoneyUnit.YUAN).to(MoneyUnit.WAN).amount == Decimal("0.000101")
    assert str(Money(amount=Decimal("91.2"))) == "91.20万元"


def test_money_sum_in_a_unit():
    total = money_sum([Money(amount=Decimal("0.1")), None, Money(amount=Decimal("2000"), unit=MoneyUnit.YUAN)], MoneyUnit.WAN)
    assert total.amount == Decimal("0.3000")  # 0.1 万元 + 2000 元, with no float anywhere


def test_models_are_frozen():
    q = Quantity(op=Operator.GE, number=Decimal(98), unit="%", text="≥98%")
    with pytest.raises(ValidationError):
        q.number = Decimal(1)


def test_quantity_base_folds_wan():
    q = Quantity(op=Operator.EQ, number=Decimal("1.5"), unit="万人次", text="1.5万人次")
    assert q.base() == (Decimal("15000.0"), "人次")
    assert Quantity(op=Operator.QUALITATIVE, label="达成预期指标", text="达成预期指标").tier.value == "达成年度指标"


def test_location_strings():
    assert str(Location(file="a.yaml", line=12)) == "a.yaml:12"
    assert str(Location(file="模板.xlsx", sheet="绩效指标", cell="F12")) == "模板.xlsx:绩效指标!F12"
    assert str(Location(file="r.pdf", page=3)) == "r.pdf 第3页"


def test_catalogue_codes_are_unique_and_complete():
    cat = catalogue()
    for code, spec in cat.items():
        assert code.startswith("JX-") and spec.title and spec.message, code
    f = finding("JX-L003", path="finance.budgt", key="budgt", suggestion="，是否应为“budget”？")
    assert f.message == "未知字段“budgt”，是否应为“budget”？" and f.severity.value == "error"


@pytest.mark.parametrize("written,canonical", [
    ("数量", "数量指标"), ("数量指标", "数量指标"), (" 质 量 ", "质量指标"), ("时效", "时效指标"),
    ("满意度", "服务对象满意度指标"), ("满意度指标", "服务对象满意度指标"), ("社会效益", "社会效益指标"),
    ("公众满意度", "公众满意度"),  # a unit's own 二级 is kept as written
    ("", None), (None, None),
])
def test_level2_label_is_the_one_reading_of_level2(written, canonical):
    from jixiao.model import Indicator, Level1, level2_label

    assert level2_label(written) == canonical
    indicator = Indicator(name="修缮建筑面积", level2=written)  # every layer that makes an Indicator gets it
    assert indicator.level2 == canonical
    if canonical == "数量指标":
        assert indicator.resolved_level1 is Level1.OUTPUT
