"""结果应用: each grade's advice from the rules (data), the bureau's own advice with a reason, the XLSX export."""

from __future__ import annotations

import io

import openpyxl
import pytest

from jixiao.rules.result_use import AdviceRulesError, advice_rules
from jixiao.web.models import AuditLog, BudgetAdvice, Evaluation
from jixiao.web.services import apply_transition

pytestmark = pytest.mark.django_db


def _grade(ev) -> str:
    return Evaluation.objects.get(pk=ev.pk).current.grade


@pytest.fixture
def accepted(world):
    """Both evaluations submitted and accepted: the year's results the advice follows from."""
    for ev in (world.ev_a, world.ev_b):
        apply_transition(ev, "submit", world.filler_a if ev == world.ev_a else world.filler_b)
        apply_transition(ev, "accept", world.reviewer)
    return world


def _row(page: str, ev) -> str:
    row = page[page.index(f'id="advice-{ev.pk}"'):]
    return row[:row.index("</tr>")]


def test_each_evaluation_gets_the_advice_its_grade_gives(accepted, client_for):
    world = accepted
    page = client_for(world.reviewer).get("/results/?year=2023").content.decode()
    rules = advice_rules()
    for ev in (world.ev_a, world.ev_b):
        advice = rules.advice(_grade(ev))
        row = _row(page, ev)
        assert advice.action in row and advice.budget in row and "同按规则的意见" in row


def test_no_advice_before_the_bureau_accepts_the_evaluation(world, client_for):
    apply_transition(world.ev_b, "submit", world.filler_b)
    page = client_for(world.reviewer).get("/results/?year=2023").content.decode()
    rules = advice_rules()
    for ev, status in ((world.ev_a, "草稿"), (world.ev_b, "已提交")):
        row = _row(page, ev)
        assert f"尚未审核通过（{status}），暂不提出意见" in row
        assert rules.advice(_grade(ev)).budget not in row and "同按规则的意见" not in row
    response = client_for(world.reviewer).get("/results/export/?year=2023")
    ws = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert {ws.cell(r, 6).value for r in (3, 4)} == {"尚未审核通过（草稿）", "尚未审核通过（已提交）"}


def test_the_bureau_adjusts_with_a_reason_and_can_go_back(world, client_for):
    reviewer = client_for(world.reviewer)
    refused = reviewer.post(f"/results/{world.ev_a.pk}/", {"action": "保持", "budget": "按上年安排", "reason": " "},
                            follow=True)
    assert "调整理由不能为空" in refused.content.decode() and not BudgetAdvice.objects.exists()
    reviewer.post(f"/results/{world.ev_a.pk}/", {"action": "保持", "budget": "按上年安排",
                                                "reason": "整改已在年内完成，经复核效果良好"})
    saved = BudgetAdvice.objects.get(evaluation=world.ev_a)
    assert (saved.action, saved.user) == ("保持", world.reviewer)
    assert AuditLog.objects.filter(action="result_use", evaluation=world.ev_a).exists()
    page = reviewer.get("/results/?year=2023").content.decode()
    assert "整改已在年内完成" in page
    reviewer.post(f"/results/{world.ev_a.pk}/", {"clear": "1"})
    assert not BudgetAdvice.objects.exists()


def test_the_table_exports_to_excel_with_the_adjustment(accepted, client_for):
    world = accepted
    reviewer = client_for(world.reviewer)
    reviewer.post(f"/results/{world.ev_b.pk}/", {"action": "压减", "budget": "压减 15%", "reason": "分馆开放时长未达标"})
    response = reviewer.get("/results/export/?year=2023")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    ws = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert ws["A1"].value == "2023年度绩效评价结果应用表"
    rows = {ws.cell(r, 2).value: [ws.cell(r, c).value for c in range(1, 11)] for r in range(3, 5)}
    b = rows[world.ev_b.department.name]
    assert b[4] == _grade(world.ev_b) and b[7:] == ["压减", "压减 15%", "分馆开放时长未达标"]
    a = rows[world.ev_a.department.name]
    assert a[5] == advice_rules().advice(_grade(world.ev_a)).action and a[9] is None


def test_a_bureaus_own_rules_file(tmp_path):
    own = tmp_path / "本地办法.yaml"
    own.write_text("title: 某市办法\ngrades:\n  优: {action: 增加, budget: 增加 5%}\n  良: {action: 保持, budget: 持平}\n"
                   "  中: {action: 压减, budget: 压减 10%}\n  差: {action: 取消, budget: 取消}\n", encoding="utf-8")
    assert advice_rules(own).advice("优").budget == "增加 5%"
    own.write_text("title: 缺等级\ngrades:\n  优: {action: 增加, budget: 增加 5%}\n", encoding="utf-8")
    with pytest.raises(AdviceRulesError, match="缺少等级“良、中、差”"):
        advice_rules(own)
