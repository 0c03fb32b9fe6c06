"""Provinces as reports write them: a unit's name, a folder's name, a finance notice cited in the text."""

from jixiao.model.regions import PROVINCES, province_in_text, province_named_as, province_of_name


def test_a_units_name_names_its_province_by_full_or_short_name():
    assert province_of_name("湖南省财政厅") == "湖南"
    assert province_of_name("广西壮族自治区教育厅") == "广西"
    assert province_of_name("内蒙古自治区林业和草原局") == "内蒙古"
    assert province_of_name("山西省水利厅") == "山西" and province_of_name("陕西省水利厅") == "陕西"
    assert province_of_name("常宁市水利局") is None and province_of_name(None) is None


def test_a_folder_is_a_province_only_when_named_exactly():
    assert province_named_as("四川") == "四川" and province_named_as("四川省") == "四川"
    assert province_named_as("四川省下载") is None and province_named_as("2023") is None


def test_the_first_province_written_out_in_the_text():
    text = "根据《湖南省财政厅关于开展2023年度预算绩效自评工作的通知》，参照广东省做法"
    assert province_in_text(text) == "湖南"
    assert province_in_text("根据市财政局通知") is None


def test_thirty_one_provincial_divisions():
    assert len(PROVINCES) == 31 and len(set(PROVINCES.values())) == 31
