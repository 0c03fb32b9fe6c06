"""绩效目标表 (stage: target): read, checked only on what is declared, not scored; the self-evaluation that
starts from it carries the approved targets, and a target changed afterwards needs its reason."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from jixiao.load import load_file, to_document, to_yaml
from jixiao.model import Stage
from jixiao.review import review

from .conftest import run_cli

EXAMPLE = Path(__file__).parent.parent / "examples" / "community-library-2025-targets.yaml"


def _doc() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _codes(doc: dict) -> list[str]:
    return [f.code for f in review(doc).findings]


def test_a_declaration_is_read_with_its_stage_and_titled_as_a_targets_table():
    loaded = load_file(EXAMPLE)
    assert loaded.ok, loaded.findings
    ev = loaded.evaluation
    assert ev.stage is Stage.TARGET
    assert ev.title == "2025年度青禾区文化广电旅游体育局社区图书馆分馆建设及阅读推广项目支出绩效目标表"
    assert to_document(ev)["stage"] == "target"


def test_the_stage_may_be_written_in_chinese_and_defaults_to_self_evaluation():
    doc = _doc()
    doc["stage"] = "绩效目标表"
    assert review(doc).evaluation.stage is Stage.TARGET
    del doc["stage"]
    ev = review(doc).evaluation
    assert ev.stage is Stage.SELF
    assert "stage" not in to_document(ev)  # a self-evaluation's document stays as it was


def test_a_declaration_is_not_scored_and_missing_results_are_not_findings():
    reviewed = review(_doc())
    assert not reviewed.scored and reviewed.total is None
    assert reviewed.drafts is None
    assert reviewed.findings == ()  # no 实际完成值, 执行数 or 自评结论: not asked of a 绩效目标表


def test_a_declaration_is_still_checked_on_its_targets():
    doc = _doc()
    inds = doc["tasks"][0]["indicators"]
    del inds[1]["target"]
    inds.append({"level1": "产出指标", "level2": "数量指标", "name": "新建社区图书馆分馆数量", "target": "≥2个"})
    doc["finance"]["by_source"] = {"general_budget": 90, "other": 2}  # 92 against a budget of 96
    codes = _codes(doc)
    assert "JX-I001" in codes  # a target left out
    assert "JX-I013" in codes  # the same indicator twice
    assert "JX-B003" in codes  # the sources do not add up to the budget
    missing = [f for f in review(doc).findings if f.code == "JX-I001"]
    assert [f.message for f in missing] == ["指标“新增馆藏图书册数”缺少年度指标值"]


def test_the_same_table_as_a_self_evaluation_asks_for_its_results():
    doc = _doc()
    doc["stage"] = "self"
    assert _codes(doc).count("JX-I001") == 9  # every 实际完成值 missing


def test_the_self_evaluation_starts_from_the_approved_targets():
    declared = load_file(EXAMPLE).evaluation
    started = declared.started_from_targets()
    assert started.stage is Stage.SELF
    first = started.tasks[0].indicators[0]
    assert first.approved_target.text == first.target.text == "≥2个"
    assert not first.target_adjusted
    doc = to_document(started)
    assert doc["tasks"][0]["indicators"][5]["approved_target"] == "≥18万人次"
    assert [i.name for i in started.tasks[0].indicators] == [i.name for i in declared.tasks[0].indicators]


def test_a_target_changed_after_approval_needs_its_reason():
    doc = to_document(load_file(EXAMPLE).evaluation.started_from_targets())
    doc = copy.deepcopy(doc)
    changed = doc["tasks"][0]["indicators"][6]
    changed["target"] = "≥48场"
    reviewed = review(doc)
    ind = reviewed.evaluation.tasks[0].indicators[6]
    assert ind.target_adjusted
    assert [f.path for f in reviewed.findings if f.code == "JX-I021"] == ["tasks[0].indicators[6].adjust_reason"]
    changed["adjust_reason"] = "年中压减预算 12 万元，活动场次相应调减，已报财政局备案。"
    assert "JX-I021" not in _codes(doc)


def test_the_starting_point_keeps_targets_already_marked_as_approved():
    doc = _doc()
    doc["tasks"][0]["indicators"][0]["approved_target"] = "≥3个"  # changed before this table was approved again
    started = review(doc).evaluation.started_from_targets()
    assert started.tasks[0].indicators[0].approved_target.text == "≥3个"
    assert started.tasks[0].indicators[0].target_adjusted


def test_the_template_carries_the_stage(tmp_path):
    out = tmp_path / "目标.xlsx"
    assert run_cli("convert", EXAMPLE, out).returncode == 0
    back = load_file(out)
    assert back.ok, back.findings
    assert back.evaluation.stage is Stage.TARGET
    assert to_document(back.evaluation) == to_document(load_file(EXAMPLE).evaluation)


def test_the_command_line_checks_a_declaration_but_does_not_score_or_render_it(tmp_path):
    checked = run_cli("check", EXAMPLE)
    assert checked.returncode == 0, checked.stderr
    for args in (("score", EXAMPLE), ("render", EXAMPLE, "-o", tmp_path)):
        done = run_cli(*args)
        assert done.returncode == 2
        assert "绩效目标表" in done.stderr and "jixiao check" in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("approved,target,adjusted", [
    ("≥60场", "≥ 60场", False),  # spaces only
    ("≥98%", "≥98.0%", False),  # the same figure written differently
    ("≥1.5万人次", "≥15000人次", False),  # the same amount in another unit
    ("≥60场", "≥48场", True),
    ("100%", "≥100%", True),  # a direction written where there was none
    ("建立并运行", "建立", True),
])
def test_only_a_changed_value_is_an_adjustment(approved, target, adjusted):
    doc = _doc()
    doc["stage"] = "self"
    ind = doc["tasks"][0]["indicators"][0]
    ind["approved_target"], ind["target"] = approved, target
    assert review(doc).evaluation.tasks[0].indicators[0].target_adjusted is adjusted


def test_a_self_evaluation_with_no_results_yet_is_not_scored_rather_than_zero(tmp_path):
    started = to_document(load_file(EXAMPLE).evaluation.started_from_targets())
    reviewed = review(started)
    assert not reviewed.scored and reviewed.grade == ""  # not 0 分 and 差
    assert "JX-S009" in [f.code for f in reviewed.findings]
    path = tmp_path / "自评草稿.yaml"
    path.write_text(to_yaml(load_file(EXAMPLE).evaluation.started_from_targets()), encoding="utf-8")
    done = run_cli("score", path)
    assert done.returncode == 1 and "未评分" in done.stderr and "规则集" not in done.stderr
    started["tasks"][0]["indicators"][0]["actual"] = "2个"  # the first result given: scored from then on
    again = review(started)
    assert again.scored and "JX-S009" not in [f.code for f in again.findings]
