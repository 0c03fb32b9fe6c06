"""The reviewer's queue: filters, order, counts per status, and last year's score beside this year's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from jixiao.web.models import Evaluation, Year
from jixiao.web.services import apply_transition, save_revision

pytestmark = pytest.mark.django_db


def rows(client, query=""):
    soup = BeautifulSoup(client.get(f"/review/{query}").content.decode(), "html.parser")
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in soup.select("#queue tbody tr")], soup


@pytest.fixture
def two_years(world):
    """Last year's evaluation of department A, with one target missed (so a lower score than this year's).

    (Before issue 12 the seed's missing actuals scored 0, and last year had them filled in to score higher;
    they now score as the unit states, so last year misses a target instead.)"""
    import copy

    last = Year.objects.create(year=2022)
    ev = Evaluation.objects.create(department=world.dept_a, year=last)
    doc = copy.deepcopy(world.seed_document)
    doc["tasks"][0]["indicators"][0]["actual"] = "90%"
    save_revision(ev, doc, world.filler_a, 0, "去年")
    return ev


def test_queue_shows_last_years_score_and_the_change(world, client_for, two_years):
    table, _ = rows(client_for(world.reviewer), "?year=2023")
    this_year = world.ev_a.current.score
    last_year = two_years.current.score
    row = next(r for r in table if r[1] == world.dept_a.name)
    assert last_year < this_year
    assert row[5] == f"{last_year} （+{this_year - last_year}）"
    other = next(r for r in table if r[1] == world.dept_b.name)
    assert other[5] == "—"  # no evaluation of B the year before


def test_filters_and_counts(world, client_for, two_years):
    apply_transition(world.ev_a, "submit", world.filler_a)
    client = client_for(world.reviewer)
    table, soup = rows(client)
    assert len(table) == 3
    assert "共 3 份" in soup.select_one("#counts").text and "已提交 1" in soup.select_one("#counts").text
    table, soup = rows(client, "?year=2023&status=submitted")
    assert [r[1] for r in table] == [world.dept_a.name]
    assert "共 2 份" in soup.select_one("#counts").text  # counts are for the year and kind, across statuses
    table, _ = rows(client, "?kind=project")
    assert table == [["没有符合条件的自评。"]]
    table, _ = rows(client, "?year=abc&status=nonsense&order=drop")  # tampered values are ignored
    assert len(table) == 3


def test_order_by_score_and_errors(world, client_for, two_years):
    doc = world.ev_b.current.document
    doc["tasks"][0]["indicators"][1]["actual"] = "100%"
    save_revision(world.ev_b, doc, world.filler_b, world.ev_b.version, "补充")
    client = client_for(world.reviewer)
    scores = [Decimal(r[4]) for r in rows(client, "?order=-score")[0]]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) > 1
    assert [Decimal(r[4]) for r in rows(client, "?order=score")[0]] == sorted(scores)
    errors = [int(r[8]) for r in rows(client, "?order=errors")[0]]
    assert errors == sorted(errors, reverse=True)


def test_a_save_and_a_step_move_the_update_time(world):
    before = world.ev_a.updated_at
    save_revision(world.ev_a, world.ev_a.current.document, world.filler_a, world.ev_a.version, "再存")
    world.ev_a.refresh_from_db()
    assert world.ev_a.updated_at > before
    saved = world.ev_a.updated_at
    apply_transition(world.ev_a, "submit", world.filler_a)
    world.ev_a.refresh_from_db()
    assert world.ev_a.updated_at > saved


def test_the_queue_reads_no_documents(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.reviewer)
    with CaptureQueriesContext(connection) as ctx:
        client.get("/review/")
    queue_queries = [q["sql"] for q in ctx.captured_queries if "jixiao_revision" in q["sql"]]
    assert queue_queries and not any('"document"' in q or '"findings"' in q for q in queue_queries)


def test_an_evaluation_not_yet_saved_shows_dashes_on_home_and_in_the_queue(world, client_for):
    empty = Evaluation.objects.create(department=world.dept_a, year=world.year, kind="project")
    table, _ = rows(client_for(world.reviewer), "?kind=project")
    assert table[0][4:10] == ["—"] * 6
    soup = BeautifulSoup(client_for(world.filler_a).get("/").content.decode(), "html.parser")
    row = next(tr for tr in soup.select("table.list tbody tr") if f"/e/{empty.pk}/" in str(tr))
    assert [td.text.strip() for td in row.find_all("td")][4:9] == ["—"] * 5
