"""整改 (JX-Z001–Z004): the bureau's open items of earlier years beside this year's self-evaluation."""

from datetime import date

import pytest

from jixiao.checks import CheckParams, OpenItem, check_rectification
from jixiao.checks.examples import example_evaluation
from jixiao.model import Severity
from jixiao.model.catalogue import catalogue
from jixiao.review import review

OLD = "部分绩效指标未设置可衡量的目标值"
Z_CODES = ("JX-Z001", "JX-Z002", "JX-Z003", "JX-Z004")


def _evaluation(**fragment):
    import yaml

    ev, findings = example_evaluation(yaml.safe_dump(fragment, allow_unicode=True) if fragment else "")
    assert ev is not None and not findings
    return ev  # a clean 2024 department (the catalogue examples' base)


def _codes(ev, items):
    return [f.code for f in review(ev, open_items=items).findings if f.code.startswith("JX-Z")]


def test_without_items_nothing_changes():
    ev = _evaluation()
    assert _codes(ev, ()) == [] and review(ev).findings == review(ev, open_items=[]).findings


def test_an_item_past_its_deadline_is_a_warning_naming_it():
    ev = _evaluation(measures=["针对上年度问题，已完成整改。"])
    found = [f for f in review(ev, open_items=[OpenItem(2023, OLD, "细化指标", "张三", date(2024, 6, 30), "整改中")]).findings
             if f.code.startswith("JX-Z")]
    assert [(f.code, f.severity, f.path) for f in found] == [("JX-Z001", Severity.WARNING, "problems")]
    assert "2023年度的整改事项“部分绩效指标未设置可衡量的目标值”整改期限为2024年6月30日" in found[0].message
    assert "至今仍为“整改中”，责任人张三" in found[0].message


@pytest.mark.parametrize("deadline", [date(2025, 3, 31), None])
def test_an_item_still_within_its_deadline_or_without_one_is_a_hint(deadline):
    ev = _evaluation(measures=["上年问题正在整改。"])
    found = [f for f in review(ev, open_items=[OpenItem(2023, OLD, deadline=deadline, state="待整改")]).findings
             if f.code.startswith("JX-Z")]
    assert [(f.code, f.severity) for f in found] == [("JX-Z002", Severity.INFO)]
    assert ("整改期限2025年3月31日" if deadline else "未定整改期限") in found[0].message


def test_the_deadline_on_the_years_last_day_has_passed_by_its_end():
    ev = _evaluation(measures=["上年问题正在整改。"])
    assert _codes(ev, [OpenItem(2023, OLD, deadline=date(2024, 12, 31))]) == ["JX-Z001"]
    assert _codes(ev, [OpenItem(2023, OLD, deadline=date(2025, 1, 1))]) == ["JX-Z002"]


def test_items_of_this_year_or_later_are_not_earlier_problems():
    ev = _evaluation()
    assert _codes(ev, [OpenItem(2024, OLD), OpenItem(2025, OLD), OpenItem(2023, "  ")]) == []


def test_a_text_that_says_nothing_of_rectification_is_told_once():
    ev = _evaluation()  # 存在问题 and 改进措施 say nothing of earlier years
    items = [OpenItem(2022, "资金拨付进度偏慢"), OpenItem(2023, OLD)]
    found = [f for f in review(ev, open_items=items).findings if f.code == "JX-Z003"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "有2022年度、2023年度的 2 项整改事项未完成" in found[0].message
    for said in ("conclusion", "achievements", "problems", "measures"):
        assert "JX-Z003" not in _codes(_evaluation(**{said: ["上年度问题整改情况：已整改一项。"]}), items), said


def test_a_problem_repeated_word_for_word_while_open_is_named_where_it_is():
    ev = _evaluation(problems=["街道分馆的开放时间与需求不匹配。", f"二是{OLD}，个别指标仍为定性描述。"],
                     measures=["落实上年度整改要求。"])
    found = [f for f in review(ev, open_items=[OpenItem(2023, OLD + "。", state="整改中")]).findings
             if f.code == "JX-Z004"]
    assert [(f.path, f.severity) for f in found] == [("problems[1]", Severity.WARNING)]
    assert found[0].message.startswith("存在的主要问题第2段与2023年度尚未完成的整改事项")
    assert found[0].location is not None and found[0].location.line  # the paragraph's line in the file


def test_a_problem_written_anew_is_not_a_repeat():
    ev = _evaluation(problems=["上年度指出的指标目标值问题已整改，个别新增指标仍需细化。"])
    assert "JX-Z004" not in _codes(ev, [OpenItem(2023, OLD)])


def test_without_the_rule_sets_words_the_text_is_not_judged():
    ev = _evaluation()
    params = CheckParams().with_overrides({"rectification_words": []})
    assert [f.code for f in check_rectification(ev, [OpenItem(2023, OLD)], params)] == ["JX-Z002"]


def test_the_codes_are_in_the_catalogue_as_warnings_or_hints_never_errors():
    for code in Z_CODES:
        spec = catalogue()[code]
        assert spec.group == "整改" and spec.example_fail and spec.example_pass
        assert spec.severity in (Severity.WARNING, Severity.INFO)
