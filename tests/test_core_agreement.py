"""One verdict, one execution rate: scoring, checks, reports, the web app and extraction all give the model's.

Evaluations are generated as documents (the way users and the web app hand them over) with values written
in the forms real 自评表 print, loaded once, and every layer's output is compared with jixiao.model.
"""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.checks import check
from jixiao.extract.verdict import compare as extract_compare
from jixiao.load import load_text
from jixiao.model import Basis, Operator, round2
from jixiao.render import make_view
from jixiao.render.format import rate
from jixiao.rules import score
from jixiao.web.analysis import analyse

OPS = ["≥", "≤", "=", "═", "≧", "≦", ">=", "=<", "不少于", "不超过", "不低于", "", "", ""]
UNITS = ["%", "人", "人次", "万人次", "次", "天", "元/人*月", "万元", ""]
NAMES = [("受益人数", "产出指标", "数量指标"), ("群众投诉率", "效益指标", "社会效益指标"),
         ("办结时限", "产出指标", "时效指标"), ("人均补助成本", "产出指标", "成本指标"),
         ("服务对象满意度", "满意度指标", "服务对象满意度指标"), ("项目验收合格率", "产出指标", "质量指标")]
WORDS = ["达成年度指标", "已完成", "部分达成年度指标并具有一定效果", "未达成", "完成绩效目标"]

number = st.decimals(min_value=0, max_value=2000, places=2).map(lambda d: format(d.normalize(), "f"))
fraction = st.decimals(min_value=Decimal("0.001"), max_value=1, places=3).map(lambda d: format(d, "f"))
amount = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2)


@st.composite
def indicator(draw) -> dict:
    name, level1, level2 = draw(st.sampled_from(NAMES))
    unit = draw(st.sampled_from(UNITS))
    target = draw(st.sampled_from(OPS)) + draw(number) + unit
    kind = draw(st.sampled_from(["same", "other-unit", "bare", "fraction", "word", "none"]))
    if kind == "same":
        actual = draw(number) + unit
    elif kind == "other-unit":
        actual = draw(number) + draw(st.sampled_from(UNITS))
    elif kind == "bare":
        actual = draw(number)
    elif kind == "fraction":
        actual = draw(fraction)
    elif kind == "word":
        actual = draw(st.sampled_from(WORDS))
    else:
        actual = None
    doc = {"level1": level1, "level2": level2, "name": name, "target": target,
           "weight": str(draw(st.sampled_from([5, 10, 20])))}
    if actual is not None:
        doc["actual"] = actual
    met = draw(st.sampled_from([None, "是", "否"]))
    if met is not None:
        doc["met"] = met
    return doc


@st.composite
def document(draw) -> dict:
    budget = draw(amount)
    executed = draw(st.decimals(min_value=0, max_value=budget * 2, places=2))
    stated = draw(st.one_of(st.none(), st.sampled_from(["100%", "95.5%", "0.958"])))
    finance = {"budget": str(budget), "executed": str(executed)}
    if stated:
        finance["execution_rate"] = stated
    tasks = []
    for i in range(draw(st.integers(min_value=1, max_value=2))):
        t_budget = draw(amount)
        tasks.append({"name": f"任务{i + 1}", "budget": str(t_budget),
                      "executed": str(draw(st.decimals(min_value=0, max_value=t_budget, places=2))),
                      "indicators": draw(st.lists(indicator(), min_size=1, max_size=5))})
    kind = draw(st.sampled_from(["project", "department"]))
    if kind == "project":
        tasks = tasks[:1]
    return {"jixiao": 1, "kind": kind, "year": 2023, "department": {"name": "测试单位"}, "finance": finance,
            "tasks": tasks}


def _codes_at(findings, path: str) -> set[str]:
    return {f.code for f in findings if f.path.startswith(path + ".") or f.path == path}


@settings(max_examples=120, deadline=None)
@given(document())
def test_every_layer_gives_the_models_verdict_and_execution_rate(doc):
    loaded = load_text(json.dumps(doc, ensure_ascii=False), "json", "生成的数据")
    ev = loaded.evaluation
    assert ev is not None, [f.message for f in loaded.findings]
    card = score(ev)
    findings = check(ev, None, card)
    view = make_view(ev, card)
    web = analyse(doc)

    # execution rate: the model's, wherever it is shown
    assert web.execution_rate == (None if ev.execution_rate() is None else round2(ev.execution_rate()))
    for ti, task in enumerate(ev.tasks):
        assert view.tasks[ti].execution_rate == rate(task.rate_or_stated())
    stated, computed = ev.finance.execution_rate, ev.finance.computed_rate()
    b002 = any(f.code == "JX-B002" and f.path == "finance.execution_rate" for f in findings)
    assert b002 == (stated is not None and computed is not None and abs(stated - computed) > Decimal("0.01"))

    for ti, ii, ind in ev.indicators():
        path = f"tasks[{ti}].indicators[{ii}]"
        verdict = ind.verdict()
        # rules: the item carries the verdict, and its points follow it
        item = card.item(path)
        assert item.verdict == verdict
        if verdict.basis is Basis.NUMBER and verdict.op is not Operator.EQ and item.weight > 0:
            assert (item.score == item.weight) == verdict.met
        # web: the stored analysis scores with the same verdicts
        assert web.scorecard.item(path).verdict == verdict
        # render: the view shows the verdict
        assert view.tasks[ti].indicators[ii].verdict == verdict.label
        # checks: a stated 完成/未完成 that the values contradict, over-completion, unverifiable statements
        codes = _codes_at(findings, path)
        contradicts = ind.met is not None and not verdict.unverified and verdict.met is not None and verdict.met != ind.met
        assert ("JX-I014" in codes) == contradicts
        over = verdict.overachievement
        assert ("JX-I002" in codes) == (over is not None and over >= Decimal("1.3"))
        assert ("JX-I015" in codes) == (verdict.unverified and verdict.met is True)
        # extract: the verdict it records for a table row with these values
        if ind.actual is not None:
            said = extract_compare(ind.target.text, ind.actual.text, ind.name, ind.level1.value, ind.level2)
            assert said == verdict.met
