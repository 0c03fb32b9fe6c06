"""整改: items from an accepted self-evaluation's problems and the review's comments, progress reported by the
department, open items shown in its next year's self-evaluation; nobody sees another department's items."""

from __future__ import annotations

import pytest

from jixiao.web.models import Comment, Evaluation, Rectification, Year
from jixiao.web.services import apply_transition

pytestmark = pytest.mark.django_db


def _accept(world, ev, filler):
    apply_transition(ev, "submit", filler)
    apply_transition(ev, "accept", world.reviewer)


def test_items_come_from_the_accepted_evaluations_problems_and_comments(world, client_for):
    Comment.objects.create(evaluation=world.ev_a, user=world.reviewer, text="绩效指标偏重数量，请补充效益指标。")
    _accept(world, world.ev_a, world.filler_a)  # ev_b stays a draft: its problems are not the bureau's record yet
    reviewer = client_for(world.reviewer)
    reviewer.post("/rectification/generate/", {"year": "2023"})
    items = list(Rectification.objects.filter(evaluation=world.ev_a))
    problems = [p["text"] if isinstance(p, dict) else p for p in world.seed_document["problems"]]
    assert [i.problem for i in items if i.origin == "单位自评"] == problems
    assert [i.problem for i in items if i.origin == "审核意见"] == ["绩效指标偏重数量，请补充效益指标。"]
    assert not Rectification.objects.filter(evaluation=world.ev_b).exists()
    reviewer.post("/rectification/generate/", {"year": "2023"})  # again: nothing twice
    assert Rectification.objects.count() == len(items)


def test_the_department_reports_progress_and_the_bureau_assigns(world, client_for):
    _accept(world, world.ev_a, world.filler_a)
    client_for(world.reviewer).post("/rectification/generate/", {"year": "2023"})
    item = Rectification.objects.filter(evaluation=world.ev_a).first()
    client_for(world.reviewer).post(f"/rectification/{item.pk}/", {"owner": "办公室张某", "deadline": "2024-06-30",
                                                                 "state": "doing", "progress": ""})
    item.refresh_from_db()
    assert (item.owner, item.deadline.isoformat(), item.state) == ("办公室张某", "2024-06-30", "doing")
    filler = client_for(world.filler_a)
    refused = filler.post(f"/rectification/{item.pk}/", {"state": "done", "progress": ""}, follow=True)
    assert "请写明整改进展" in refused.content.decode()
    page = filler.post(f"/rectification/{item.pk}/", {"state": "done", "progress": "已修订指标体系，增设两项效益指标。",
                                                      "owner": "改不了"}, follow=True).content.decode()
    item.refresh_from_db()
    # the department reports it done and does not assign; the bureau closes it (销号)
    assert item.state == "reported" and item.owner == "办公室张某" and "待财政局确认销号" in page
    client_for(world.reviewer).post(f"/rectification/{item.pk}/", {"owner": "办公室张某", "deadline": "2024-06-30",
                                                                 "state": "done", "progress": item.progress})
    item.refresh_from_db()
    assert item.state == "done"
    refused = filler.post(f"/rectification/{item.pk}/", {"state": "doing", "progress": "重新打开"}, follow=True)
    assert "已由财政局销号" in refused.content.decode()
    item.refresh_from_db()
    assert item.state == "done" and item.progress == "已修订指标体系，增设两项效益指标。"


def test_another_departments_items_are_not_seen_or_changed(world, client_for):
    _accept(world, world.ev_a, world.filler_a)
    client_for(world.reviewer).post("/rectification/generate/", {"year": "2023"})
    item = Rectification.objects.filter(evaluation=world.ev_a).first()
    other = client_for(world.filler_b)
    assert item.problem not in other.get("/rectification/").content.decode()
    assert other.post(f"/rectification/{item.pk}/", {"state": "done", "progress": "篡改"}).status_code == 404
    item.refresh_from_db()
    assert item.state == "open"
    assert item.problem in client_for(world.filler_a).get("/rectification/").content.decode()


def test_open_items_show_in_next_years_self_evaluation(world, client_for):
    _accept(world, world.ev_a, world.filler_a)
    client_for(world.reviewer).post("/rectification/generate/", {"year": "2023"})
    next_year = Evaluation.objects.create(department=world.dept_a, year=Year.objects.create(year=2024))
    page = client_for(world.filler_a).get(f"/e/{next_year.pk}/").content.decode()
    first = Rectification.objects.filter(evaluation=world.ev_a).first()
    assert "以前年度尚未完成的整改事项" in page and first.problem in page
    Rectification.objects.update(state="done", progress="已完成")
    assert "以前年度尚未完成的整改事项" not in client_for(world.filler_a).get(f"/e/{next_year.pk}/").content.decode()


def _next_year_with_an_open_item(world, deadline="2024-06-30"):
    """A 2024 self-evaluation of department A that repeats its 2023 problems, and one open 2023 item."""
    from datetime import date

    from jixiao.web.services import save_revision

    ev = Evaluation.objects.create(department=world.dept_a, year=Year.objects.create(year=2024))
    save_revision(ev, dict(world.seed_document, year=2024), world.filler_a, 0, "测试数据")
    problem = next(p["text"] if isinstance(p, dict) else p for p in world.seed_document["problems"])
    item = Rectification.objects.create(
        department=world.dept_a, evaluation=world.ev_a, year=2023, origin="审核意见", problem=problem,
        owner="办公室张某", deadline=date.fromisoformat(deadline) if deadline else None, state="doing",
        created_by=world.reviewer)
    return ev, item


def test_open_items_are_findings_in_the_editor_until_marked_done(world, client_for):
    ev, item = _next_year_with_an_open_item(world)
    stored = ev.current.warnings
    page = client_for(world.reviewer).get(f"/e/{ev.pk}/").content.decode()
    assert "<code>JX-Z001</code> 2023年度的整改事项" in page and "至今仍为“整改中”，责任人办公室张某" in page
    assert "<code>JX-Z004</code> 存在的主要问题第1段与2023年度尚未完成的整改事项" in page  # the seed repeats it
    assert "<code>JX-Z003</code> 有2023年度的 1 项整改事项未完成" in page  # the seed says nothing of 整改
    assert f"警告 <b>{stored + 3}</b>（含整改 3 条）" in page
    ev.current.refresh_from_db()
    assert not [f for f in ev.current.findings if f["code"].startswith("JX-Z")]  # never stored with the revision
    client_for(world.filler_a).post(f"/rectification/{item.pk}/", {"state": "done", "progress": "已修订指标体系。"})
    item.refresh_from_db()
    assert item.state == "reported"  # reported done by the department: still open until the bureau closes it
    page = client_for(world.reviewer).get(f"/e/{ev.pk}/").content.decode()
    assert "<code>JX-Z001</code>" in page and "单位报完成，待销号" in page
    client_for(world.reviewer).post(f"/rectification/{item.pk}/", {"owner": item.owner, "state": "done",
                                                                 "deadline": item.deadline.isoformat(),
                                                                 "progress": item.progress})
    item.refresh_from_db()
    assert item.state == "done"
    page = client_for(world.reviewer).get(f"/e/{ev.pk}/").content.decode()
    assert "JX-Z00" not in page and f"警告 <b>{stored}</b>（" not in page and f"警告 <b>{stored}</b>" in page


def test_the_queue_counts_overdue_items_as_warnings_and_drops_them_when_done(world, client_for):
    from jixiao.web.queue import queue_rows

    ev, item = _next_year_with_an_open_item(world)
    _next_item = Rectification.objects.create(department=world.dept_a, year=2023, origin="财政局", problem="档案不全",
                                              state="open", created_by=world.reviewer)  # no deadline: a hint only
    rows, _ = queue_rows(Evaluation.objects.all(), year="2024")
    (row,) = rows
    assert (row.open_rectifications, row.overdue_rectifications) == (2, 1)
    assert row.warnings == ev.current.warnings + 1
    page = client_for(world.reviewer).get("/review/?year=2024").content.decode()
    assert "整改 2" in page
    rows_2023, _ = queue_rows(Evaluation.objects.all(), year="2023")  # items of 2023 are not 2023's earlier years
    assert all(r.open_rectifications == 0 for r in rows_2023)
    item.state = "done"
    item.save()
    (row,) = queue_rows(Evaluation.objects.all(), year="2024")[0]
    assert (row.open_rectifications, row.overdue_rectifications, row.warnings) == (1, 0, ev.current.warnings)
    assert _next_item.state == "open"
