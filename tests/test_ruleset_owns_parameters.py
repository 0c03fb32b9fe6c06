"""A rule set is the one owner of scoring parameters: the checks expect the weights, redistribution and
qualitative bands the score was computed with, and its check thresholds are typed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.checks import CheckParams, check
from jixiao.rules import load_ruleset, load_ruleset_file, score

from .test_rules_support import ind, project

D = Decimal


@pytest.fixture
def rules_40_40(tmp_path):
    f = tmp_path / "local.yaml"
    f.write_text("name: local-2024\ntitle: 本地细则\nextends: cn-mof-2020\nweights: {output: 40, effect: 40}\n",
                 encoding="utf-8")
    rs, findings = load_ruleset_file(str(f))
    assert findings == []
    return rs


def i008(ev, rs):
    return [f for f in check(ev, rs) if f.code == "JX-I008"]


def test_weights_of_the_rule_set_score_100_and_check_clean(rules_40_40):
    ev = project(ind("产出指标", "≥10个", "10个", 40), ind("效益指标", "≥90%", "95%", 40),
                 ind("满意度指标", "≥90%", "92%", 10))
    assert score(ev, rules_40_40).total == 100
    assert i008(ev, rules_40_40) == []  # used to say 产出 should be 50 and 效益 30


def test_weights_other_than_the_rule_sets_are_named(rules_40_40):
    ev = project(ind("产出指标", "≥10个", "10个", 50), ind("效益指标", "≥90%", "95%", 30),
                 ind("满意度指标", "≥90%", "92%", 10))
    found = i008(ev, rules_40_40)
    assert len(found) == 1 and "产出指标 50 分（应为 40 分）" in found[0].message
    assert "效益指标 30 分（应为 40 分）" in found[0].message
    assert i008(ev, load_ruleset("cn-mof-2020")[0]) == []


def test_a_missing_block_is_redistributed_as_scoring_does(tmp_path):
    f = tmp_path / "to-output.yaml"
    f.write_text("name: to-output\ntitle: 满意度并入产出\nextends: cn-mof-2020\n"
                 "empty_block_to: {satisfaction: output}\n", encoding="utf-8")
    rs, _ = load_ruleset_file(str(f))
    ev = project(ind("产出指标", "≥10个", "10个", 60), ind("效益指标", "≥90%", "95%", 30))
    assert score(ev, rs).total == 100
    assert i008(ev, rs) == []
    assert i008(ev, load_ruleset("cn-mof-2020")[0])  # there the 10 go to 效益 instead


def test_qualitative_bands_of_the_rule_set_decide_jx_i011(tmp_path):
    f = tmp_path / "bands.yaml"
    f.write_text("name: bands\ntitle: 档位\nextends: cn-mof-2020\n"
                 "qualitative: {partial: 0.55, bands: {partial: [0.5, 0.8], not_met: [0, 0.5]}}\n", encoding="utf-8")
    rs, findings = load_ruleset_file(str(f))
    assert findings == []
    ev = project(ind("产出指标", "完成", "部分达成", 10, score=5.5), ind("效益指标", "≥90%", "95%", 30),
                 ind("满意度指标", "≥90%", "92%", 10))
    codes = lambda r: {x.code for x in check(ev, r)}  # noqa: E731
    assert "JX-I011" not in codes(rs) and "JX-I011" in codes(load_ruleset("cn-mof-2020")[0])
    assert score(ev, rs).item("tasks[0].indicators[0]").score == D("5.5")  # kept: inside the band


def test_check_thresholds_are_typed_and_read_from_the_rule_set(tmp_path):
    f = tmp_path / "strict.yaml"
    f.write_text("name: strict\ntitle: 严格\nextends: cn-mof-2020\n"
                 "checks: {min_reason_len: 30, vague_words: 进一步 有效}\n", encoding="utf-8")
    rs, findings = load_ruleset_file(str(f))
    assert findings == []
    assert rs.checks.min_reason_len == 30 and rs.checks.vague_words == ("进一步", "有效")
    p = CheckParams(rs)
    assert p.min_reason_len == 30 and p.indicator_weight_total == 90
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\ntitle: 坏\nextends: cn-mof-2020\nchecks: {generic_ratio_max: 2}\n", encoding="utf-8")
    rs, findings = load_ruleset_file(str(bad))
    assert rs is None and [x.code for x in findings] == ["JX-R004"]


def test_removed_check_keys_that_scoring_owns_are_unknown(tmp_path):
    f = tmp_path / "old.yaml"
    f.write_text("name: old\ntitle: 旧\nextends: cn-mof-2020\nchecks: {block_weights: {产出指标: 50}}\n",
                 encoding="utf-8")
    rs, findings = load_ruleset_file(str(f))
    assert rs is None and findings[0].code == "JX-R003" and "checks.block_weights" in findings[0].message


def test_department_default_reads_a_table_weighted_per_task_and_one_weighted_across_tasks():
    from .test_rules_support import department, task

    per_task = department(task("A", "30", ind("产出指标", "≥1", "1", 50), ind("效益指标", "≥1", "1", 30),
                               ind("满意度指标", "≥1", "1", 10)),
                          task("B", "10", ind("产出指标", "≥2", "1", 50), ind("效益指标", "≥1", "1", 30),
                               ind("满意度指标", "≥1", "1", 10)))
    card = score(per_task)  # cn-dept-2020: 180 given points scaled to the table's 90
    assert card.item("tasks[0].indicators[0]").weight == D(25) and card.total == D("87.50")
    assert any("按比例折算为 90 分" in n for n in card.notes)
    assert [f for f in check(per_task) if f.code == "JX-I008"] == []
    across = department(task("A", "30", ind("产出指标", "≥1", "1", 20), ind("效益指标", "≥1", "1", 30),
                             ind("满意度指标", "≥1", "1", 10)), task("B", "10", ind("产出指标", "≥2", "2", 30)))
    assert score(across).total == 100 and [f for f in check(across) if f.code == "JX-I008"] == []
    short = department(task("A", "30", ind("产出指标", "≥1", "1", 20)), task("B", "10", ind("产出指标", "≥2", "2", 30)))
    (found,) = [f for f in check(short) if f.code == "JX-I008"]
    assert "部门指标表" in found.message and "合计 50 分，应为 90 分" in found.message
