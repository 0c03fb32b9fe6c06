"""草稿 → 已提交 → 退回修改 → 已提交 → 审核通过 → 已公开, each step recorded; wrong steps refused."""

from __future__ import annotations

import pytest

from jixiao.web.models import Status, Transition

pytestmark = pytest.mark.django_db


def _status(ev):
    ev.refresh_from_db()
    return ev.status


def test_full_workflow_is_recorded(world, client_for):
    filler, reviewer = client_for(world.filler_a), client_for(world.reviewer)
    pk = world.ev_a.pk
    filler.post(f"/e/{pk}/step/submit/")
    assert _status(world.ev_a) == Status.SUBMITTED
    reviewer.post(f"/e/{pk}/step/return/", {"comment": "请补充实际完成值"})
    assert _status(world.ev_a) == Status.RETURNED
    page = filler.get(f"/e/{pk}/").content.decode()
    assert "请补充实际完成值" in page and 'id="save"' in page  # editable again, with the reason shown
    filler.post(f"/e/{pk}/step/submit/")
    reviewer.post(f"/e/{pk}/step/accept/", {"comment": ""})
    assert _status(world.ev_a) == Status.ACCEPTED
    assert filler.post(f"/e/{pk}/", {"base_version": "1"}).status_code == 403
    reviewer.post(f"/e/{pk}/step/publish/")
    assert _status(world.ev_a) == Status.PUBLISHED
    steps = list(Transition.objects.filter(evaluation=world.ev_a).values_list("from_status", "to_status", "user__username", "comment"))
    assert steps == [
        ("draft", "submitted", "filler_a", ""),
        ("submitted", "returned", "reviewer", "请补充实际完成值"),
        ("returned", "submitted", "filler_a", ""),
        ("submitted", "accepted", "reviewer", ""),
        ("accepted", "published", "reviewer", ""),
    ]


def test_return_needs_a_comment(world, client_for):
    client_for(world.filler_a).post(f"/e/{world.ev_a.pk}/step/submit/")
    response = client_for(world.reviewer).post(f"/e/{world.ev_a.pk}/step/return/", {"comment": "  "}, follow=True)
    assert "请填写退回意见" in response.content.decode()
    assert _status(world.ev_a) == Status.SUBMITTED


def test_filler_cannot_accept_own_evaluation(world, client_for):
    client = client_for(world.filler_a)
    client.post(f"/e/{world.ev_a.pk}/step/submit/")
    assert client.post(f"/e/{world.ev_a.pk}/step/accept/").status_code == 403
    assert _status(world.ev_a) == Status.SUBMITTED


def test_reviewer_cannot_accept_a_draft(world, client_for):
    assert client_for(world.reviewer).post(f"/e/{world.ev_a.pk}/step/accept/").status_code == 403
    assert _status(world.ev_a) == Status.DRAFT


def test_comment_on_a_single_field_is_shown_next_to_it(world, client_for):
    path = "tasks[0].indicators[1].actual"
    client_for(world.reviewer).post(f"/e/{world.ev_a.pk}/comment/", {"path": path, "text": "实际完成值未填写"})
    page = client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/").content.decode()
    name_at = page.index(f'name="{path}"')
    assert page.index("实际完成值未填写", name_at) - name_at < 400  # the comment sits in the field's own cell


def test_database_is_the_configured_one():
    """Guards test_postgres.py: with JIXIAO_DATABASE_URL=postgresql://… these tests really run on PostgreSQL."""
    import os

    from django.db import connection

    expected = "postgresql" if os.environ.get("JIXIAO_DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
