"""绩效目标 → 自评 in the web app: a department declares its 绩效目标表, the bureau approves (批复) it, and the
year-end self-evaluation starts from the approved targets; a target changed afterwards shows as 调整."""

from __future__ import annotations

import io

import openpyxl
import pytest
import yaml
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from jixiao.web.models import Evaluation, Stage, Status, Year

from .conftest import ROOT

pytestmark = pytest.mark.django_db

TARGETS = ROOT / "examples" / "community-library-2025-targets.yaml"
LIBRARY = "示例区图书馆"


def _declaration_text(kind: str = "project") -> bytes:
    text = TARGETS.read_text(encoding="utf-8").replace("青禾区文化广电旅游体育局", LIBRARY).replace("year: 2025", "year: 2023")
    return text.replace("kind: project", f"kind: {kind}").encode("utf-8")


def _create(client, world, stage: str, kind: str = "project"):
    response = client.post("/new/", {"department": world.dept_b.pk, "year": world.year.pk, "kind": kind, "stage": stage},
                           follow=True)
    ev = Evaluation.objects.get(department=world.dept_b, year=world.year, kind=kind, stage=stage)
    return ev, response.content.decode()


def _upload(client, ev, name: str, data: bytes):
    client.post(f"/e/{ev.pk}/upload/", {"file": SimpleUploadedFile(name, data)})
    return client.post(f"/e/{ev.pk}/upload/confirm/", {"confirm": "yes"}, follow=True).content.decode()


def _declared_and_approved(world, client_for):
    filler, reviewer = client_for(world.filler_b), client_for(world.reviewer)
    targets, page = _create(filler, world, Stage.TARGET)
    assert "已新建绩效目标表草稿" in page
    _upload(filler, targets, "绩效目标表.yaml", _declaration_text())
    filler.post(f"/e/{targets.pk}/step/submit/")
    page = reviewer.post(f"/e/{targets.pk}/step/accept/", {"comment": "同意"}, follow=True).content.decode()
    assert "已批复绩效目标" in page
    targets.refresh_from_db()
    return targets


def test_a_declaration_is_edited_without_results_and_is_not_scored(world, client_for):
    filler = client_for(world.filler_b)
    targets, _ = _create(filler, world, Stage.TARGET)
    _upload(filler, targets, "绩效目标表.yaml", _declaration_text())
    targets.refresh_from_db()
    assert targets.current.document["stage"] == "target"
    assert targets.current.score is None and targets.current.errors == 0
    page = filler.get(f"/e/{targets.pk}/").content.decode()
    soup = BeautifulSoup(page, "html.parser")
    assert "stage-target" in soup.select_one("form#editor")["class"]
    assert "绩效目标表：审核指标设置，不评分" in page and 'id="score"' not in page
    # the result columns are hidden, not dropped: their inputs still post, so nothing is lost
    actual = soup.select_one('td.col-actual')
    assert "result" in actual["class"] and actual.select_one("input") is not None
    assert str(targets) == "2023年度示例区图书馆项目支出绩效目标表"


def test_the_approved_declaration_is_the_start_of_the_self_evaluation(world, client_for):
    targets = _declared_and_approved(world, client_for)
    assert targets.status == Status.ACCEPTED and targets.status_label == "已批复"
    filler = client_for(world.filler_b)
    ev, page = _create(filler, world, Stage.SELF)
    assert "以批复的绩效目标表（第1版）为起点" in page
    assert ev.current.source == f"批复的绩效目标表（第{targets.version}版）"
    indicators = ev.current.document["tasks"][0]["indicators"]
    assert all(i["approved_target"] == i["target"] for i in indicators)
    assert "stage" not in ev.current.document
    assert ev.current.errors > 0  # now the 实际完成值 are asked for
    assert ev.current.score is None and ev.current.grade == ""  # nothing reported yet: not scored, not 0 and 差
    assert "（未评分）" in BeautifulSoup(page, "html.parser").select_one("#score").text
    assert BeautifulSoup(page, "html.parser").select_one("#started-from a")["href"] == f"/e/{targets.pk}/"


def test_a_target_changed_after_approval_is_marked_and_needs_its_reason(world, client_for):
    _declared_and_approved(world, client_for)
    filler = client_for(world.filler_b)
    ev, _ = _create(filler, world, Stage.SELF)
    doc = ev.current.document
    doc["tasks"][0]["indicators"][6]["target"] = "≥48场"
    changed = yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    page = _upload(filler, ev, "改了目标.yaml", changed)
    soup = BeautifulSoup(page, "html.parser")
    marked = [tr for tr in soup.select("table.indicators tbody tr.adjusted")]
    assert len(marked) == 1 and "调整" in marked[0].select_one("td.col-target").text
    ev.refresh_from_db()
    assert [f["path"] for f in ev.current.findings if f["code"] == "JX-I021"] == ["tasks[0].indicators[6].adjust_reason"]
    assert not soup.select_one("table.indicators").get("class", []).count("no-adjustments")


def test_uploading_the_declaration_into_a_self_evaluation_starts_it_from_the_targets(world, client_for):
    filler = client_for(world.filler_b)
    ev, _ = _create(filler, world, Stage.SELF)  # nothing approved yet: an empty draft
    assert ev.current is None
    preview = filler.post(f"/e/{ev.pk}/upload/", {"file": SimpleUploadedFile("绩效目标表.xlsx", _as_xlsx(_declaration_text()))})
    assert "其中的年度指标值已记为批复指标值" in preview.content.decode()
    filler.post(f"/e/{ev.pk}/upload/confirm/", {"confirm": "yes"})
    ev.refresh_from_db()
    assert ev.current.document["tasks"][0]["indicators"][0]["approved_target"] == "≥2个"
    assert "stage" not in ev.current.document


def test_a_declaration_is_approved_not_published_and_stays_out_of_the_bureaus_counts(world, client_for):
    targets = _declared_and_approved(world, client_for)
    reviewer = client_for(world.reviewer)
    page = reviewer.get(f"/e/{targets.pk}/").content.decode()
    assert "action-publish" not in page and "撤回批复" in page
    assert reviewer.post(f"/e/{targets.pk}/step/publish/").status_code == 403
    targets.refresh_from_db()
    assert targets.status == Status.ACCEPTED
    queue = BeautifulSoup(reviewer.get("/review/").content.decode(), "html.parser")
    assert f"/e/{targets.pk}/" not in str(queue.select_one("#queue"))
    assert queue.select_one("#counts").text.startswith("共 2 份")  # the two self-evaluations only
    queue = BeautifulSoup(reviewer.get("/review/?stage=target").content.decode(), "html.parser")
    assert f"/e/{targets.pk}/" in str(queue.select_one("#queue"))


def test_a_declaration_downloads_as_its_table_not_as_a_report(world, client_for):
    targets = _declared_and_approved(world, client_for)
    filler = client_for(world.filler_b)
    xlsx = filler.get(f"/e/{targets.pk}/download/xlsx/")
    assert xlsx.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    basic = {row[0].value: row[1].value for row in wb["基本信息"].iter_rows(min_row=2)}
    assert basic["文书类型"] == "绩效目标" and basic["单位名称"] == LIBRARY
    response = filler.get(f"/e/{targets.pk}/download/docx/", follow=True)
    assert "绩效目标表不生成自评报告" in response.content.decode()


def test_another_departments_declaration_is_not_found(world, client_for):
    targets = _declared_and_approved(world, client_for)
    other = client_for(world.filler_a)
    assert other.get(f"/e/{targets.pk}/").status_code == 404
    assert other.get(f"/e/{targets.pk}/download/xlsx/").status_code == 404
    assert f"/e/{targets.pk}/" not in other.get("/").content.decode()


def _as_xlsx(text: bytes) -> bytes:
    from jixiao.load import load_text
    from jixiao.load.xlsx_write import write_xlsx
    import tempfile
    from pathlib import Path

    loaded = load_text(text.decode("utf-8"), "yaml", "绩效目标表.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "t.xlsx"
        write_xlsx(loaded.evaluation, out)
        return out.read_bytes()


def test_a_year_has_one_declaration_per_department_and_kind(world, client_for):
    filler = client_for(world.filler_b)
    first, _ = _create(filler, world, Stage.TARGET)
    again, page = _create(filler, world, Stage.TARGET)
    assert again.pk == first.pk and "这份绩效目标已经存在" in page
    assert Evaluation.objects.filter(department=world.dept_b, year=world.year, stage=Stage.TARGET).count() == 1
    assert Year.objects.count() == 1
