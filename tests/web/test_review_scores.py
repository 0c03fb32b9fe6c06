"""The reviewer's 复核评分 per indicator row: kept per revision with a reason, checked, audited, shown."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.web.models import AuditLog, ReviewScore, Status
from jixiao.web.services import apply_transition, save_revision

pytestmark = pytest.mark.django_db

ROW = "tasks[0].indicators[0]"


def _submitted(world):
    apply_transition(world.ev_a, "submit", world.filler_a)
    return world.ev_a


def _post(client, ev, **fields):
    data = {"revision": str(ev.version)}
    data.update(fields)
    return client.post(f"/e/{ev.pk}/review-scores/", data, follow=True)


def test_reviewer_scores_a_row_with_reason_and_it_is_shown_and_audited(world, client_for):
    ev = _submitted(world)
    client = client_for(world.reviewer)
    page = client.get(f"/e/{ev.pk}/").content.decode()
    assert 'id="review-scores"' in page and "案件办结率" in page and f'name="score.{ROW}"' in page
    response = _post(client, ev, **{f"score.{ROW}": "8.5", f"reason.{ROW}": "佐证不足，酌情扣分"})
    assert "已保存复核评分" in response.content.decode()
    kept = ReviewScore.objects.get(evaluation=ev)
    assert (kept.revision_number, kept.path, kept.score, kept.reason) == (1, ROW, Decimal("8.50"), "佐证不足，酌情扣分")
    assert AuditLog.objects.filter(action="review_score", evaluation=ev, detail__contains="8.5分").exists()
    page = client_for(world.filler_a).get(f"/e/{ev.pk}/").content.decode()  # the unit sees it, read-only
    assert "佐证不足，酌情扣分" in page and f'name="score.{ROW}"' not in page


@pytest.mark.parametrize("score, reason, message", [
    ("8", "", "请填写复核评分的理由"),
    ("abc", "x", "不是数字"),
    ("NaN", "x", "不是数字"),
    ("-1", "x", "不能为负数"),
    ("1.234", "x", "最多保留两位小数"),
])
def test_bad_scores_are_refused_with_the_row_named(world, client_for, score, reason, message):
    ev = _submitted(world)
    text = _post(client_for(world.reviewer), ev, **{f"score.{ROW}": score, f"reason.{ROW}": reason}).content.decode()
    assert message in text and "第2行“案件办结率”" in text
    assert not ReviewScore.objects.exists()


def test_score_above_the_rows_weight_is_refused(world, client_for):
    doc = dict(world.seed_document)
    doc["tasks"] = [dict(doc["tasks"][0])]
    doc["tasks"][0]["indicators"] = [dict(doc["tasks"][0]["indicators"][0], weight="10", score="10")]
    save_revision(world.ev_a, doc, world.filler_a, world.ev_a.version)
    ev = _submitted(world)
    text = _post(client_for(world.reviewer), ev, **{f"score.{ROW}": "12", f"reason.{ROW}": "x"}).content.decode()
    assert "超过该指标的分值 10" in text and not ReviewScore.objects.exists()


def test_one_bad_row_keeps_none(world, client_for):
    ev = _submitted(world)
    other = "tasks[0].indicators[1]"
    _post(client_for(world.reviewer), ev, **{f"score.{ROW}": "5", f"reason.{ROW}": "x", f"score.{other}": "x", f"reason.{other}": "y"})
    assert not ReviewScore.objects.exists()


def test_empty_score_removes_it_and_scores_stay_with_their_revision(world, client_for):
    ev = _submitted(world)
    client = client_for(world.reviewer)
    _post(client, ev, **{f"score.{ROW}": "5", f"reason.{ROW}": "x"})
    _post(client, ev, **{f"score.{ROW}": "", f"reason.{ROW}": ""})
    assert not ReviewScore.objects.exists()
    _post(client, ev, **{f"score.{ROW}": "5", f"reason.{ROW}": "第一版的理由"})
    apply_transition(ev, "return", world.reviewer, "请补充")
    save_revision(ev, world.seed_document, world.filler_a, ev.version)
    apply_transition(ev, "submit", world.filler_a)
    page = client.get(f"/e/{ev.pk}/").content.decode()
    assert "第一版的理由" not in page  # version 2 is scored afresh
    assert ReviewScore.objects.get().revision_number == 1


def test_only_a_reviewer_of_a_submitted_evaluation_scores(world, client_for):
    ev = world.ev_a
    data = {f"score.{ROW}": "5", f"reason.{ROW}": "x"}
    assert "只有已提交待审核" in _post(client_for(world.reviewer), ev, **data).content.decode()  # still a draft
    _submitted(world)
    assert client_for(world.filler_a).post(f"/e/{ev.pk}/review-scores/", dict(data, revision="1")).status_code == 403
    assert "有新版本" in _post(client_for(world.reviewer), ev, **dict(data, revision="0")).content.decode()
    assert not ReviewScore.objects.exists()


def test_a_score_counts_as_taken_up(world, client_for):
    ev = _submitted(world)
    _post(client_for(world.reviewer), ev, **{f"score.{ROW}": "5", f"reason.{ROW}": "x"})
    client_for(world.filler_a).post(f"/e/{ev.pk}/step/withdraw/", {"comment": "改"})
    ev.refresh_from_db()
    assert ev.status == Status.SUBMITTED


def test_the_execution_row_is_scored_too(world, client_for):
    ev = _submitted(world)
    client = client_for(world.reviewer)
    page = client.get(f"/e/{ev.pk}/").content.decode()
    assert 'name="score.finance"' in page and "预算执行率" in page
    _post(client, ev, **{"score.finance": "10", "reason.finance": "执行率 100%"})
    assert ReviewScore.objects.get().path == "finance"


def test_the_downloaded_form_shows_the_reviewers_scores_marked_with_their_reasons(world, client_for, tmp_path):
    from openpyxl import load_workbook

    ev = _submitted(world)
    client = client_for(world.reviewer)
    _post(client, ev, **{"score.finance": "8", "reason.finance": "年末结转偏多",
                         f"score.{ROW}": "6.5", f"reason.{ROW}": "=佐证不足，酌情扣分"})
    response = client.get(f"/e/{ev.pk}/download/xlsx/")
    assert response.status_code == 200
    path = tmp_path / "form.xlsx"
    path.write_bytes(response.content)
    wb = load_workbook(path, data_only=True)
    assert wb.sheetnames[-1] == "复核评分说明"
    dept = wb["部门整体"]
    assert (dept["J5"].value, dept["J5"].number_format) == (8, '0.00"*"')
    task = wb.worksheets[1]
    row = next(r for r in range(13, task.max_row) if task.cell(r, 4).value == "案件办结率")
    assert (task.cell(row, 9).value, task.cell(row, 9).number_format) == (6.5, '0.00"*"')
    notes = [c.value for c in task["A"] if isinstance(c.value, str) and c.value.startswith("注")]
    assert "带“*”的1行为复核人的复核评分" in notes[0]
    listing = wb["复核评分说明"]
    reasons = {listing.cell(r, 3).value: (listing.cell(r, 7).value, listing.cell(r, 8).value) for r in range(3, 5)}
    assert reasons == {"预算执行率": (8, "年末结转偏多"), "案件办结率": (6.5, "=佐证不足，酌情扣分")}
    assert listing.cell(4, 8).data_type == "s"  # a reason is text, never a formula
    # the unit's own download is the same form: the bureau's scores are not hidden from it
    # and with no scores the form carries jixiao's alone
    _post(client, ev, **{"score.finance": "", "reason.finance": "", f"score.{ROW}": "", f"reason.{ROW}": ""})
    path.write_bytes(client.get(f"/e/{ev.pk}/download/xlsx/").content)
    wb = load_workbook(path, data_only=True)
    assert "复核评分说明" not in wb.sheetnames and wb["部门整体"]["J5"].number_format == "0.00"


def test_the_year_archive_carries_the_reviewers_scores(world, client_for, tmp_path):
    import zipfile

    from openpyxl import load_workbook

    from jixiao.web.bulk import year_archive

    ev = _submitted(world)
    _post(client_for(world.reviewer), ev, **{"score.finance": "7", "reason.finance": "执行率偏低"})
    target = tmp_path / "year.zip"
    year_archive(ev.year.year, [ev], target)
    with zipfile.ZipFile(target) as z:
        name = next(n for n in z.namelist() if n.endswith("自评表.xlsx"))
        (tmp_path / "f.xlsx").write_bytes(z.read(name))
    wb = load_workbook(tmp_path / "f.xlsx", data_only=True)
    assert wb["部门整体"]["J5"].value == 7 and wb["复核评分说明"].cell(3, 8).value == "执行率偏低"
