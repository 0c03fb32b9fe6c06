"""Field finders driven by the vocabulary: bodies, titles, money in prose, totals and grades, indicators in
prose, and what is not data. Every text here is the project's own, written the way published reports write."""

from pathlib import Path

import pytest

from jixiao.extract import extract_text
from jixiao.extract import vocab


def summary(text):
    return extract_text(text).summary


@pytest.mark.parametrize("text,body", [
    ("部门整体支出绩效自评表\n项目单位: 河阳县机构编制委员会办公室\n主管部门: 中共河阳县委", "河阳县机构编制委员会办公室"),
    ("2022年度部门整体支出绩效自评情况 | |||\n一、部门基本情况 | 3.人员情况,金沙县人民代表大会常务委员会部门2022年末实有人员编制18人。 |",
     "金沙县人民代表大会常务委员会"),
    ("城乡医疗救助补助资金转移支付2023年度绩效自评报告\n来源:凯里县医疗保障局 作者:凯里县人民政府\n一、基本情况", "凯里县医疗保障局"),
    ("2024年桃江县林业局部门整体支出绩效自评报告\n为进一步规范财政资金管理……", "桃江县林业局"),
    ("长宁县统计局部门整体支出绩效自评报 告\n来源:作者:2019-05-08\n一、部门概况", "长宁县统计局"),
    ("现将2022年汝南县水利局财政衔接推进乡村振兴资金项目绩效自评总结报告如下:\n一、绩效目标", "汝南县水利局"),
    ("项目名称临溪县山塘整治项目项目负责人及电话李明13900000000主管部门临溪县水利局实施单位临溪县水利局资金情况(万元)",
     "临溪县水利局"),
    ("绩效目标自评表\n主管部门 |\n[203]濉阳县民政局 |\n", "濉阳县民政局"),
])
def test_the_body_wherever_the_text_names_it(text, body):
    assert summary(text)["department"] == body


@pytest.mark.parametrize("text", [
    "2023年度新增地方政府专项债券项目绩效评价情况\n我单位对项目进行绩效自评。",
    "索引号 | 01526400-X/2024 | 发布机构 | 某县政府办公室 |\n教育补助项目绩效自评报告\n一、项目绩效基本情况",
    "该项目于2020年初向财政局进行资金申报工作,批复下达预算资金10万元。",
])
def test_no_body_is_invented(text):
    assert summary(text)["department"] is None


def test_a_department_report_titled_without_整体():
    s = summary("标      题 雪城自治区盲人协会2020年度预算绩效自评报告\n雪城自治区盲人协会2020年度预算绩效自评报告\n"
                "一、单位基本情况\n为了提高预算资金使用效益……")
    assert (s["department"], s["year"], s["report_type"]) == ("雪城自治区盲人协会", 2020, "整体")


@pytest.mark.parametrize("text,field,value", [
    ("2024年共支出1211.89万元。其中,基本支出573.36万元,项目支出638.53万元。", "executed_total", 1211.89),
    ("部门预算总金额 803.74 万元其中:基本支出 757.49 万元,项目支出 46.25 万元。完成率均达到 100%;", "budget_total", 803.74),
    ("部门整体支出预算调整 1922.76 2690.62\n部门整体支出绩效评价指标表", "budget_total", 2690.62),
    ("三公经费 2017年决算数 2018年预算数 2018年决算数\n29.08 63.46 44.29", "executed_total", None),
    ("2018年本年支出1366.23万元,其中基本支出802.21万元。2018年一般公共预算财政拨款支出668.3万元。", "executed_total", 1366.23),
])
def test_department_money_in_prose(text, field, value):
    s = summary("某县某局2023年度部门整体支出绩效自评报告\n" + text)
    assert s[field] == value


def test_project_money_in_prose_with_its_labels():
    s = summary("西平县交通运输局2022年项目绩效自评报告\n我县2022年农村道路硬化项目计划投资1580万元。"
                "项目资金共1580万元,截止2022年12月10日,已完成拨付1422万元,执行率90%。")
    assert (s["budget_total"], s["executed_total"], s["execution_rate_pct"]) == (1580, 1422, 90)
    assert s["projects"][0]["name"] == "农村道路硬化项目"


def test_special_bonds_in_亿元():
    s = summary("一、基本情况\n(一)项目概况\n江北区雨污分流改造工程(三期)是为提高污水收集率而实施的项目,项目总投资约18.2亿元。\n"
                "该项目申请专项债券资金9亿元,2023年已拨付资金4.5亿元,已全部投入使用。")
    assert (s["unit"], s["budget_total"], s["executed_total"]) == ("亿元", 9, 4.5)
    assert s["projects"][0]["name"] == "江北区雨污分流改造工程(三期)"


def test_several_projects_in_prose_have_no_invented_total():
    s = summary("帮扶补助和技能培训项目绩效自评报告\n一、项目绩效基本情况\n项目自评得分95分,自评结论为“优”。"
                "帮扶补助项目全年预算数为20.5万元,执行数为18.2万元。技能培训项目全年预算数6万元,执行数为5.5万元。")
    assert s["budget_total"] is None
    assert [(p["name"], p["budget"], p["executed"]) for p in s["projects"]] == [("帮扶补助项目", 20.5, 18.2),
                                                                                ("技能培训项目", 6, 5.5)]
    assert (s["self_score"], s["grade"]) == (95, "优")


def test_levels_each_allotting_a_part_have_no_total():
    s = summary("某县民政局 关于2021年度困难群众救助补助专项转移支付资金绩效自评报告\n"
                "2021年我局共收到中央下达困难群众救助补助资金6120万元。省级下达资金530万元。市县下达资金1204.5万元。")
    assert s["budget_total"] is None
    assert s["projects"][0]["name"] == "困难群众救助补助专项转移支付资金"


@pytest.mark.parametrize("text,score,grade", [
    ("| 其他需要说明事项 | 无 | 总分 | 100 | 92 | 优 |", 92, "优"),
    ("……总分100100注:1.一级指标分值统一设置为", 100, None),
    ("合计 | 100 |\n|\n评价结论 | 项目完成较好,总体评价良好。 |", None, "良好"),
    ("自评得分86.4分,自评结果为“良好”。", 86.4, "良好"),
    ("部门目标实现率 100%,整体绩效自评为优 秀;", None, "优秀"),
    ("按要求开展绩效自评,自评得分\n90 分,存在的问题:", 90, None),
    ("资金使用合理,达到目标,总体绩效评价评为好。", None, "好"),
])
def test_totals_and_grades(text, score, grade):
    s = summary("某镇人民政府2023年度项目支出绩效自评表\n" + text)
    assert (s["self_score"], s["grade"]) == (score, grade)


def test_indicators_in_prose():
    s = summary("某校2023年度项目支出绩效自评报告\n(学生生活补助专项资金)\n四是成本指标:小学寄宿生补助标准指标值1000元/生.年,"
                "全年实际完成值1000元/生.年;初中寄宿生补助标准指标值1250元/生.年,全年实际完成值1250元/生.年。\n"
                "飞行时长≥928小时,实际飞行时长909.93小时。")
    inds = {i["name"]: (i["target"], i["actual"], i["met"]) for i in s["projects"][0]["indicators"]}
    assert inds["小学寄宿生补助标准"] == ("1000元/生.年", "1000元/生.年", True)
    assert inds["初中寄宿生补助标准"][1] == "1250元/生.年"
    assert inds["飞行时长"] == ("≥928小时", "909.93小时", False)


def test_results_under_indicator_headings():
    s = summary("某区民政局关于“2022年中央财政困难群众救助补助资金”管理使用情况\n四、资金绩效评价结果\n(2)质量指标\n"
                "救助资金发放准确率100%。按照相关规定发放。\n(3)时效指标\n救助资金发放及时率100%,发放及时。")
    assert s["projects"][0]["name"] == "2022年中央财政困难群众救助补助资金"
    assert [(i["name"], i["target"], i["actual"]) for i in s["projects"][0]["indicators"]] == [
        ("救助资金发放准确率", None, "100%"), ("救助资金发放及时率", None, "100%")]


def test_site_chrome_is_not_data():
    text = ("您当前所在的位置: 首页 > 政务公开 > 财政资金\n[ 索引号 ] 11500111709318024F/2021-00230 [ 发文字号 ]\n"
            "[ 发布机构 ] 区发展改革委 [ 发布日期 ] 2021-08-03\n浏览量: 1268\n"
            "柳林县发展和改革局2020年度部门整体支出绩效自评报告\n发布时间:2021-07-30 访问次数:35 来源: :0次\n一、基本情况")
    s = summary(text)
    assert s["department"] == "柳林县发展和改革局" and s["year"] == 2020
    assert s["budget_total"] is None and s["executed_total"] is None


def test_form_instruction_text_is_not_a_value():
    s = summary("部门预算项目支出绩效自评表(2023年度) |\n项目名称 |\n工资性支出 |\n实施单位 |\n某县财政局 |\n"
                "评价结论 |\n结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内) |\n")
    assert s["self_score"] is None and s["grade"] is None


def test_every_label_names_its_provinces():
    data = vocab.fields()
    for entry in data["department"]["form_labels"] + data["department"]["byline_labels"]:
        assert entry["provinces"], entry
    for section in ("finance", "project_money"):
        for field, entries in data[section].items():
            assert all(e["provinces"] for e in entries), (section, field)
    for table in ("funds", "indicators"):
        assert all(c["provinces"] for c in vocab.tables()[table]["columns"])


def test_provenance_of_the_evaluation_tells_read_values_from_guesses():
    text = (Path(__file__).parent / "data" / "extract" / "layouts" / "cell_lines.txt").read_text(encoding="utf-8")
    result = extract_text(text, "form.txt")
    assert result.evaluation is not None
    budget = result.origin("finance.budget")
    assert budget.value == result.evaluation.finance.budget.amount and budget.method == "table"
    assert result.is_read("finance.budget") and "资金表" in budget.why
    target = result.origin("tasks[0].indicators[1].target")
    assert target.value == ">=80件" and target.location.line > 1
    met = result.origin("tasks[0].indicators[1].met")
    assert met.value is False and met.method == "computed" and not result.is_read("tasks[0].indicators[1].met")
    project_budget = result.origin("tasks[0].budget")  # the project's money is the form's total: derived
    assert project_budget.value == budget.value
    assert result.confidence("department.name") is not None and result.origin("no.such.path") is None


def test_a_project_forms_funding_block_reaches_the_task():
    result = extract_text((Path(__file__).parent / "data" / "extract" / "project_pipe.txt").read_text(encoding="utf-8"))
    task = result.evaluation.tasks[0]
    assert (str(task.initial_budget.amount), task.execution_weight, task.execution_score) == ("80.00", 10, 9)
    line = task.by_source.current_year
    assert (str(line.initial_budget.amount), str(line.budget.amount), str(line.executed.amount)) == ("80.00", "86.40", "81.20")
    assert result.origin("tasks[0].by_source.current_year.budget").method == "table"
