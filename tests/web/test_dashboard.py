"""The bureau's dashboard: figures from the stored scores, counted by the database, for reviewers only."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from jixiao.web import dashboard
from jixiao.web.models import Evaluation, Revision, Year
from jixiao.web.services import save_revision

pytestmark = pytest.mark.django_db


def _data(page: str) -> dict:
    start = page.index('id="dashboard-data"')
    return json.loads(page[page.index(">", start) + 1:page.index("</script>", start)])


def test_the_dashboard_shows_the_stored_figures(world, client_for):
    last_year = Year.objects.create(year=2022)
    earlier = Evaluation.objects.create(department=world.dept_a, year=last_year)
    doc = dict(world.seed_document, tasks=world.seed_document["tasks"][:1])
    save_revision(earlier, doc, world.filler_a, 0, "上年")
    page = client_for(world.reviewer).get("/dashboard/?year=2023").content.decode()
    data = _data(page)
    revs = [Evaluation.objects.get(pk=e.pk).current for e in (world.ev_a, world.ev_b)]
    assert sum(data["bands"]["counts"]) == sum(1 for r in revs if r.score is not None) == 2
    grades = Counter(r.grade for r in revs)
    assert data["grades"]["labels"] == ["优", "良", "中", "差"]
    assert data["grades"]["counts"] == [grades.get(g, 0) for g in data["grades"]["labels"]]
    assert sorted(data["rates"]["values"]) == sorted(format(r.execution_rate, "f") for r in revs)
    assert set(data["rates"]["links"]) == {world.ev_a.pk, world.ev_b.pk}
    # year-over-year: only 妇联 has a 2022 score; its change is the stored difference
    last = Evaluation.objects.get(pk=earlier.pk).current.score
    this = Evaluation.objects.get(pk=world.ev_a.pk).current.score
    assert data["changes"]["links"] == [world.ev_a.pk]
    assert data["changes"]["values"] == [format(this - last, "f")]
    assert f'href="/e/{world.ev_a.pk}/"' in page and "示例区图书馆" in page


def test_findings_are_counted_per_evaluation_as_stored(world):
    ids = list(Evaluation.objects.filter(year__year=2023).values_list("current_id", flat=True))
    per_evaluation, times = Counter(), Counter()
    for findings in Revision.objects.filter(pk__in=ids).values_list("findings", flat=True):
        codes = [f["code"] for f in findings]
        times.update(codes)
        per_evaluation.update(set(codes))
    board = dashboard.build(Evaluation.objects.all(), 2023)
    assert board.findings, "the seed has findings"
    for row in board.findings:
        assert (row.evaluations, row.times) == (per_evaluation[row.code], times[row.code])
        assert row.title and row.title != row.code
    assert [r.evaluations for r in board.findings] == sorted((r.evaluations for r in board.findings), reverse=True)


def test_a_year_without_evaluations_and_no_year(world, client_for):
    Year.objects.create(year=2030)
    page = client_for(world.reviewer).get("/dashboard/?year=2030").content.decode()
    assert "这一年度还没有自评" in page and _data(page)["bands"]["counts"] == [0, 0, 0, 0, 0]


def test_no_year_yet(db, client_for):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_user("root", is_superuser=True)
    assert "还没有评价年度" in client_for(admin).get("/dashboard/").content.decode()


def test_only_the_bureau_sees_the_dashboard(world, client_for, client):
    assert client_for(world.filler_a).get("/dashboard/").status_code == 403
    assert client.get("/dashboard/").status_code == 302
    assert client_for(world.admin).get("/dashboard/").status_code == 200


def test_the_chart_library_is_served_locally(world, client_for):
    page = client_for(world.reviewer).get("/dashboard/").content.decode()
    scripts = [line for line in page.splitlines() if "<script src=" in line]
    assert scripts and all('src="/static/' in line for line in scripts) and "http" not in "".join(scripts)
    assert '<script src="/static/web/vendor/chart.umd.min.js">' in page
    response = client_for(world.reviewer).get("/static/web/vendor/chart.umd.min.js")
    assert response.status_code == 200 and b"Chart.js v4.6.1" in b"".join(response.streaming_content)
