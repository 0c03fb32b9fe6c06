"""`jixiao check` on a published report: the extractor reads it, and the report's own text is checked too."""

REPEATED = "全年组织送戏下乡演出42场，惠及群众约1.2万人次，带动各街道文化站开展群众文化活动一百余场，群众文化生活更加丰富多彩。"

# the opening both test reports share: duties and figures, then the heading of the evaluation part
OPENING = """一、基本情况
(一)部门职能
组织开展群众文化活动，指导基层文化站工作。
(二)部门整体收支情况
全年预算数 320.50 万元,执行数 318.20 万元,完成预算的 99.28%。
二、综合评价分析
"""

REPORT = f"""2024年度某市某区文化馆部门整体支出绩效自评报告
{OPENING}组织学员参加第十五五届全省少儿美术作品展览,28幅作品获奖。{REPEATED}
(三)主要工作成效
{REPEATED}常常深入社区开展调研，人人参与。
"""


def test_check_reads_a_report_and_finds_its_text_problems(cli, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    proc = cli("check", report, "--json")
    assert proc.returncode == 0, proc.stderr
    import json

    found = json.loads(proc.stdout)["findings"]
    codes = {f["code"]: f for f in found}
    assert "五五" in codes["JX-T003"]["message"] and codes["JX-T003"]["location"] == f"{report}:8"
    assert codes["JX-T002"]["location"] == f"{report}:10"
    assert "JX-T001" not in codes  # a section the extractor did not find may still be there: not judged
    assert not any("常常" in f["message"] or "人人" in f["message"] for f in found if f["code"] == "JX-T003")


NARRATIVE_REPORT = f"""2024年度某区文化馆部门整体支出绩效自评报告
{OPENING}(一)自评结论综述
整体目标基本实现。{REPEATED}
(二)主要工作成效
1.{REPEATED}
三、存在的主要问题
一是指标偏重数量;二是进度前慢后快。
四、下一步改进措施
一是细化效益指标;二是按月跟踪支出进度。
"""


def test_a_repeat_inside_the_carried_narrative_is_reported_once_by_paragraph(cli, tmp_path):
    import json

    report = tmp_path / "report.txt"
    report.write_text(NARRATIVE_REPORT, encoding="utf-8")
    found = json.loads(cli("check", report, "--json").stdout)["findings"]
    repeats = [f for f in found if f["code"] == "JX-T002"]
    assert len(repeats) == 1, repeats
    assert repeats[0]["message"].startswith("主要成效第1段有") and "自评结论第1段" in repeats[0]["message"]
    assert repeats[0]["location"] == f"{report}:11"
