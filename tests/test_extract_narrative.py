"""The report's own paragraphs come back: duties, goals, conclusion, achievements and each task's outcome."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract import extract_file, extract_text
from jixiao.load import load_text, to_yaml

FIXTURE = Path(__file__).parent / "data" / "extract" / "dept_narrative.txt"


def texts(paragraphs) -> list[str]:
    return [p.text for p in paragraphs]


def test_sections_become_paragraphs_without_item_numbers_or_lead_in():
    ev = extract_file(FIXTURE).evaluation
    assert texts(ev.department.functions) == [
        "收集、整理和保存文献资料，为公众提供借阅服务。",
        "组织“书香东川”全民阅读活动。",
        "指导街道和社区图书室开展业务。",
    ]
    assert texts(ev.goals) == ["新增馆藏图书2万册，数字资源覆盖全部街道。", "全年举办阅读推广活动不少于60场。"]
    assert texts(ev.achievements) == ["阵地建设：新建社区分馆2个，总分馆通借通还覆盖率达到100%。",
                                      "阅读推广：“书香东川”品牌活动64场，线上阅读平台访问量35万次。"]


def test_a_wrapped_line_is_joined_and_traditional_characters_simplified():
    ev = extract_file(FIXTURE).evaluation
    assert texts(ev.conclusion) == ["部门整体支出基本实现年度绩效目标，读者服务量比上年增长12%，总分分馆体系运行平稳。"]


def test_task_outcome_runs_to_the_indicator_paragraph():
    ev = extract_file(FIXTURE).evaluation
    assert ev.tasks[0].name == "全民阅读推广项目"
    assert ev.tasks[0].outcome == "全年举办阅读活动64场，参与读者约2.1万人次。"


def test_each_paragraph_points_at_its_source():
    text = FIXTURE.read_text(encoding="utf-8")
    by_path = {v.path: v for v in extract_text(text, "x.txt").values}
    start, end = by_path["goals[1]"].location.span
    assert text[start:end].startswith("全年举办阅读推广活动不少于 60 场")
    assert by_path["functions[0]"].location.line == text[:by_path["functions[0]"].location.span[0]].count("\n") + 1
    assert "projects[0].outcome" in by_path


def test_a_report_without_those_headings_gets_none_and_the_document_still_loads():
    ev = extract_text("2023年度某镇人民政府部门整体支出绩效自评报告\n全年预算数 100 万元,执行数 90 万元。").evaluation
    assert ev.goals == () and ev.conclusion == () and ev.department.functions == ()


def test_extracted_narrative_round_trips_through_the_input_format():
    ev = extract_file(FIXTURE).evaluation
    again = load_text(to_yaml(ev), "yaml", "again.yaml").evaluation
    assert texts(again.achievements) == texts(ev.achievements)
    assert again.tasks[0].outcome == ev.tasks[0].outcome


def test_problems_and_measures_are_clean_items():
    ev = extract_file(FIXTURE).evaluation
    assert texts(ev.problems) == ["少儿文献更新偏慢", "数字资源使用率不高。"]
    text = ("2023年度某镇人民政府部门整体支出绩效自评报告\n三、存在的主要问题\n指标不够细化。\n"
            "四、下一步改进措施\n针对存在的问题,一是细化指标,提高目标值;二是加强培训。3.按月跟踪支出进度。\n")
    ev = extract_text(text).evaluation
    assert texts(ev.problems) == ["指标不够细化。"]
    assert texts(ev.measures) == ["细化指标，提高目标值", "加强培训。", "按月跟踪支出进度。"]
