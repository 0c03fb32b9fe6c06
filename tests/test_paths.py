"""Model paths in words, for findings, comments and the revision diff."""

from __future__ import annotations

import pytest

from jixiao.load.paths import describe

DOC = {
    "finance": {"budget": "688.34"},
    "achievements": ["一段", "二段", "三段"],
    "tasks": [
        {"name": "妇联活动及组织建设阵地建设专项经费项目", "indicators": [
            {"name": "案件办结率"}, {"name": "社区家长学校创建达标率"}, {"name": "“三八”节系列活动"}]},
        {"name": "妇儿工委工作", "indicators": []},
    ],
}


@pytest.mark.parametrize("path, words", [
    ("tasks[0].indicators[2].actual", "重点工作任务1「妇联活动及组织建设阵地建设专项经…」 › 绩效指标3「“三八”节系列活动」 › 实际完成值"),
    ("tasks[1].indicators", "重点工作任务2「妇儿工委工作」 › 绩效指标"),
    ("finance.budget", "收支情况 › 全年预算数"),
    ("achievements[2]", "主要成效第3段"),
    ("department.name", "单位 › 单位名称"),
    ("", "整体"),
])
def test_paths_read_as_field_names_with_task_and_indicator_names(path, words):
    assert describe(path, DOC) == words


def test_without_the_document_or_past_its_end_items_are_numbered_only():
    assert describe("tasks[0].indicators[2].target") == "重点工作任务1 › 绩效指标3 › 年度指标值"
    assert describe("tasks[5].indicators[0].met", DOC) == "重点工作任务6 › 绩效指标1 › 是否完成"


def test_unknown_parts_are_kept_as_written():
    assert describe("tasks[0].colour", DOC) == "重点工作任务1「妇联活动及组织建设阵地建设专项经…」 › colour"
    assert describe("no.such[1].thing") == "no › such[1] › thing"


def test_enum_codes_read_as_their_chinese_names():
    from jixiao.load.paths import field_at, value_words

    assert field_at("tasks[3].indicators[0].level1").label == "一级指标"
    assert field_at("tasks[0].nothing") is None
    assert value_words("kind", "department") == "部门整体" and value_words("kind", "project") == "项目支出"
    assert value_words("tasks[0].indicators[1].level1", "产出指标") == "产出指标"
    assert value_words("finance.budget", "688.34") == "688.34"
