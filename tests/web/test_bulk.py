"""Bulk steps from the review queue, and a year's ZIP of reports, 自评表 and the 汇总表."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from jixiao.web.bulk import safe_name
from jixiao.web.models import AuditLog, Department, Evaluation, ReviewScore, Status, Transition
from jixiao.web.services import apply_transition, save_revision

pytestmark = pytest.mark.django_db


def _submit_both(world):
    apply_transition(world.ev_a, "submit", world.filler_a)
    apply_transition(world.ev_b, "submit", world.filler_b)


def _statuses(world):
    return [Evaluation.objects.get(pk=e.pk).status for e in (world.ev_a, world.ev_b)]


def test_accept_several_at_once_each_step_recorded(world, client_for):
    _submit_both(world)
    response = client_for(world.reviewer).post("/review/bulk/", {"action": "accept", "ids": [world.ev_a.pk, world.ev_b.pk],
                                                               "year": "2023"}, follow=True)
    assert _statuses(world) == [Status.ACCEPTED, Status.ACCEPTED]
    assert response.redirect_chain[-1][0] == "/review/?year=2023"
    assert "已审核通过 2 份" in response.content.decode()
    assert Transition.objects.filter(to_status=Status.ACCEPTED).count() == 2
    assert AuditLog.objects.filter(action="accept").count() == 2


def test_return_needs_a_comment_and_each_gets_it(world, client_for):
    _submit_both(world)
    client = client_for(world.reviewer)
    text = client.post("/review/bulk/", {"action": "return", "ids": [world.ev_a.pk, world.ev_b.pk]}, follow=True).content.decode()
    assert "请填写退回意见" in text and _statuses(world) == [Status.SUBMITTED, Status.SUBMITTED]
    client.post("/review/bulk/", {"action": "return", "ids": [world.ev_a.pk, world.ev_b.pk], "comment": "请补充佐证"})
    assert _statuses(world) == [Status.RETURNED, Status.RETURNED]
    assert set(Transition.objects.filter(to_status=Status.RETURNED).values_list("comment", flat=True)) == {"请补充佐证"}


def test_one_that_cannot_take_the_step_is_left_with_the_reason(world, client_for):
    apply_transition(world.ev_a, "submit", world.filler_a)  # ev_b stays a draft
    text = client_for(world.reviewer).post("/review/bulk/", {"action": "accept", "ids": [world.ev_a.pk, world.ev_b.pk]},
                                           follow=True).content.decode()
    assert _statuses(world) == [Status.ACCEPTED, Status.DRAFT]
    assert "示例区图书馆" in text and "未处理" in text and "不能审核通过" in text


def test_unknown_action_and_publish_are_refused(world, client_for):
    _submit_both(world)
    for action in ("publish", "", "submit"):
        client_for(world.reviewer).post("/review/bulk/", {"action": action, "ids": [world.ev_a.pk]})
    assert _statuses(world) == [Status.SUBMITTED, Status.SUBMITTED]


def test_queue_offers_checkboxes_for_submitted_only(world, client_for):
    apply_transition(world.ev_a, "submit", world.filler_a)
    page = client_for(world.reviewer).get("/review/").content.decode()
    assert f'name="ids" value="{world.ev_a.pk}"' in page and f'name="ids" value="{world.ev_b.pk}"' not in page


def _archive(client, **params):
    response = client.get("/review/archive/", {"year": "2023", **params})
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_year_zip_holds_reports_forms_and_the_summary(world, client_for):
    apply_transition(world.ev_a, "submit", world.filler_a)
    ReviewScore.objects.create(evaluation=world.ev_a, revision_number=1, path="tasks[0].indicators[0]",
                               score=Decimal("7.5"), reason="x", user=world.reviewer)
    ReviewScore.objects.create(evaluation=world.ev_a, revision_number=1, path="tasks[0].indicators[1]",
                               score=Decimal("2"), reason="y", user=world.reviewer)
    archive = _archive(client_for(world.reviewer))
    names = archive.namelist()
    assert f"2023年度自评/{world.ev_a.pk:05d}-广州市荔湾区妇女联合会-部门整体支出/自评报告.docx" in names
    assert sum(n.endswith("自评表.xlsx") for n in names) == 2 and sum(n.endswith(".docx") for n in names) == 2
    assert archive.read(names[0])[:2] == b"PK"
    book = openpyxl.load_workbook(io.BytesIO(archive.read("2023年度自评/2023年度汇总表.xlsx")))
    ws = book["汇总表"]
    assert ws["A1"].value == "2023年度预算绩效自评汇总表"
    header = [c.value for c in ws[2]]
    rows = {r[1]: dict(zip(header, r)) for r in ws.iter_rows(min_row=3, max_row=4, values_only=True)}
    fulian = rows["广州市荔湾区妇女联合会"]
    ev = world.ev_a
    ev.refresh_from_db()
    assert fulian["状态"] == "已提交" and rows["示例区图书馆"]["状态"] == "草稿"
    assert fulian["复核得分（规则集测算）"] == pytest.approx(float(ev.current.score))
    assert fulian["审核人复核评分合计"] == pytest.approx(9.5) and rows["示例区图书馆"]["审核人复核评分合计"] is None
    assert fulian["全年预算数（万元）"] is not None
    assert AuditLog.objects.filter(action="download", detail__contains="2023年度汇总压缩包：2 份").exists()


def test_summary_amounts_are_in_wan_and_rate_from_the_model(world, client_for):
    doc = dict(world.seed_document, unit="元")
    doc["finance"] = dict(doc.get("finance") or {}, budget="2000000", executed="1500000")
    save_revision(world.ev_b, doc, world.filler_b, world.ev_b.version)
    archive = _archive(client_for(world.reviewer))
    book = openpyxl.load_workbook(io.BytesIO(archive.read("2023年度自评/2023年度汇总表.xlsx")))
    row = next(r for r in book["汇总表"].iter_rows(min_row=3, values_only=True) if r[1] == "示例区图书馆")
    assert row[4] == 200 and row[5] == 150
    formula = openpyxl.load_workbook(io.BytesIO(archive.read("2023年度自评/2023年度汇总表.xlsx")), data_only=True)
    cached = next(r for r in formula["汇总表"].iter_rows(min_row=3, values_only=True) if r[1] == "示例区图书馆")
    assert cached[6] == pytest.approx(0.75)


def test_department_names_never_become_paths(world, client_for):
    Department.objects.filter(pk=world.dept_b.pk).update(name="../../etc/passwd")
    world.ev_b.refresh_from_db()
    doc = dict(world.seed_document, department={"name": "../../etc/passwd"})
    save_revision(world.ev_b, doc, world.filler_b, world.ev_b.version)
    names = _archive(client_for(world.reviewer)).namelist()
    assert all(".." not in n.split("/") and not n.startswith("/") and "\\" not in n for n in names)
    assert safe_name("../a\\b:c") == "a_b_c" and safe_name("...") == "未命名"


def test_archive_of_an_unknown_year_is_404(world, client_for):
    assert client_for(world.reviewer).get("/review/archive/", {"year": "1999"}).status_code == 404
    assert client_for(world.reviewer).get("/review/archive/", {"year": "../x"}).status_code == 404
