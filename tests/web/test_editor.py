"""The editor posts every field; saves become revisions; a stale save is a conflict and both versions are kept."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from jixiao.web.models import Revision

pytestmark = pytest.mark.django_db


def form_fields(html: str) -> dict[str, str]:
    """What a browser would post for the editor form as rendered (no script)."""
    form = BeautifulSoup(html, "html.parser").find("form", id="editor")
    data: dict[str, str] = {}
    for el in form.find_all(["input", "textarea", "select"]):
        if el.find_parent("template") or not el.get("name"):
            continue
        if el.name == "textarea":
            data[el["name"]] = el.text
        elif el.name == "select":
            chosen = el.find("option", selected=True)
            data[el["name"]] = chosen["value"] if chosen else ""
        elif el.get("type") == "checkbox":
            if el.has_attr("checked"):
                data[el["name"]] = "on"
        else:
            data[el["name"]] = el.get("value", "")
    return data


def test_saving_the_form_unchanged_keeps_the_document(world, client_for):
    client = client_for(world.filler_a)
    data = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    assert data["finance.budget"] == "688.34" and data["tasks[1].indicators[3].name"] == "特色活动建设达标率"
    client.post(f"/e/{world.ev_a.pk}/", data)
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 2
    assert world.ev_a.current.document == world.ev_a.revisions.get(number=1).document


def test_edit_add_remove_and_reorder_indicator_rows(world, client_for):
    client = client_for(world.filler_a)
    data = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    data["tasks[0].indicators[1].actual"] = "100%"
    # remove row 2 (“三八”节系列活动), add a new row 9 (the script would renumber; the server sorts indices)
    for key in [k for k in data if k.startswith("tasks[0].indicators[2].")]:
        del data[key]
    data.update({"tasks[0].indicators[9].level1": "产出指标", "tasks[0].indicators[9].level2": "数量指标",
                 "tasks[0].indicators[9].name": "普法讲座场次", "tasks[0].indicators[9].target": "≥8场",
                 "tasks[0].indicators[9].actual": "9场", "tasks[0].indicators[9].met": "是"})
    client.post(f"/e/{world.ev_a.pk}/", data)
    world.ev_a.refresh_from_db()
    names = [i["name"] for i in world.ev_a.current.document["tasks"][0]["indicators"]]
    assert names == ["案件办结率", "社区家长学校创建达标率", "服务对象满意度(%)", "普法讲座场次"]
    assert world.ev_a.current.document["tasks"][0]["indicators"][1]["actual"] == "100%"
    assert world.ev_a.current.document["tasks"][0]["indicators"][3]["met"] is True


def test_kind_and_year_cannot_be_tampered_with(world, client_for):
    client = client_for(world.filler_a)
    data = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    data.update({"kind": "project", "year": "1999"})
    client.post(f"/e/{world.ev_a.pk}/", data)
    world.ev_a.refresh_from_db()
    assert world.ev_a.current.document["kind"] == "department" and world.ev_a.current.document["year"] == 2023


def test_save_shows_findings_for_bad_values(world, client_for):
    client = client_for(world.filler_a)
    data = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    data["finance.budget"] = "六百八十八"
    page = client.post(f"/e/{world.ev_a.pk}/", data, follow=True).content.decode()
    world.ev_a.refresh_from_db()
    assert world.ev_a.current.errors >= 1
    assert "已保存为第2版" in page and "finance.budget" in page


def test_concurrent_edit_is_a_conflict_and_both_versions_are_kept(world, client_for):
    first, second = client_for(world.filler_a), client_for(world.admin)
    data_1 = form_fields(first.get(f"/e/{world.ev_a.pk}/").content.decode())
    data_2 = form_fields(second.get(f"/e/{world.ev_a.pk}/").content.decode())
    data_1["conclusion"] = "第一位的修改"
    data_2["conclusion"] = "第二位的修改"
    first.post(f"/e/{world.ev_a.pk}/", data_1)
    page = second.post(f"/e/{world.ev_a.pk}/", data_2, follow=True).content.decode()
    assert "保存冲突" in page
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 2 and world.ev_a.current.document["conclusion"] == ["第一位的修改"]
    conflict = Revision.objects.get(evaluation=world.ev_a, number=3)
    assert conflict.conflict and conflict.base_number == 1 and conflict.document["conclusion"] == ["第二位的修改"]
    history = first.get(f"/e/{world.ev_a.pk}/history/").content.decode()
    assert "冲突版本" in history
    diff = first.get(f"/e/{world.ev_a.pk}/history/diff/?a=2&b=3").content.decode()
    assert "第一位的修改" in diff and "第二位的修改" in diff


def test_restore_makes_an_old_revision_current_as_a_new_one(world, client_for):
    client = client_for(world.filler_a)
    data = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    data["conclusion"] = "改过的结论"
    client.post(f"/e/{world.ev_a.pk}/", data)
    client.post(f"/e/{world.ev_a.pk}/revision/1/restore/")
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 3 and world.ev_a.current.document == world.ev_a.revisions.get(number=1).document
    assert world.ev_a.revisions.count() == 3


def test_revisions_are_immutable(world):
    rev = world.ev_a.current
    rev.source = "改写"
    with pytest.raises(ValueError):
        rev.save()


def test_field_values_and_comments_are_escaped(world, client_for):
    from jixiao.web.services import add_comment, save_revision

    doc = dict(world.seed_document, conclusion=['总体良好"><script>alert(1)</script>'])
    save_revision(world.ev_a, doc, world.filler_a, world.ev_a.version, "测试")
    add_comment(world.ev_a, world.reviewer, "finance.budget", "<b>请核对</b> & 补充")
    page = client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>请核对</b>" not in page and "&lt;b&gt;请核对&lt;/b&gt; &amp; 补充" in page
    # the value still round-trips through the form unchanged
    assert form_fields(page)["conclusion"] == '总体良好"><script>alert(1)</script>'


def test_read_only_editor_locks_every_field(world, client_for):
    from jixiao.web.services import apply_transition

    apply_transition(world.ev_a, "submit", world.filler_a)
    form = BeautifulSoup(client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/").content.decode(), "html.parser").find("form", id="editor")
    controls = [el for el in form.find_all(["input", "textarea", "select"]) if el.get("data-tpl")]
    assert len(controls) > 100
    assert all(el.has_attr("readonly") or el.has_attr("disabled") for el in controls)


def test_history_is_paged_and_any_two_revisions_can_be_compared(world, client_for):
    from jixiao.web.services import save_revision
    from jixiao.web.views.history import PAGE_SIZE

    for n in range(PAGE_SIZE + 5):
        save_revision(world.ev_a, dict(world.seed_document, conclusion=[f"第{n}次修改"]), world.filler_a, world.ev_a.version, "测试")
    client = client_for(world.filler_a)
    first = BeautifulSoup(client.get(f"/e/{world.ev_a.pk}/history/").content.decode(), "html.parser")
    numbers = [int(a["value"]) for a in first.select('#history input[name="b"]')]
    assert numbers == list(range(PAGE_SIZE + 6, 6, -1))  # newest first, one page
    assert "第 1/2 页" in first.text
    second = BeautifulSoup(client.get(f"/e/{world.ev_a.pk}/history/?page=2").content.decode(), "html.parser")
    assert [int(a["value"]) for a in second.select('#history input[name="b"]')] == [6, 5, 4, 3, 2, 1]
    diff = client.get(f"/e/{world.ev_a.pk}/history/diff/?a=1&b={PAGE_SIZE + 6}").content.decode()
    assert f"第{PAGE_SIZE + 4}次修改" in diff


def test_findings_comments_and_diffs_name_fields_in_words(world, client_for):
    from jixiao.web.services import add_comment, save_revision

    add_comment(world.ev_a, world.reviewer, "tasks[0].indicators[2].actual", "请补充实际完成值")
    client = client_for(world.filler_a)
    soup = BeautifulSoup(client.get(f"/e/{world.ev_a.pk}/").content.decode(), "html.parser")
    # the finding list says which task and indicator, not tasks[0].indicators[2].actual
    where = [li.find("span", class_="muted") for li in soup.select("#findings li")]
    assert "［重点工作任务1「妇联活动及组织建设阵地建设专项经…」 › 绩效指标3「“三八”节系列活动」 › 实际完成值］" in [w.text for w in where if w]
    # the comment chooser groups fields by task and indicator; the posted value is still the model path
    option = soup.select_one('select[name="path"] option[value="tasks[0].indicators[2].actual"]')
    assert option.text == "实际完成值"
    assert option.parent.name == "optgroup" and option.parent["label"].endswith("绩效指标3「“三八”节系列活动」")
    doc = world.ev_a.current.document
    doc["tasks"][0]["indicators"][2]["actual"] = "1次"
    save_revision(world.ev_a, doc, world.filler_a, world.ev_a.version, "测试")
    diff = BeautifulSoup(client.get(f"/e/{world.ev_a.pk}/history/diff/?a=1&b=2").content.decode(), "html.parser")
    row = diff.select_one("#diff tbody tr")
    assert row.td.text.endswith("绩效指标3「“三八”节系列活动」 › 实际完成值") and row.td["title"] == "tasks[0].indicators[2].actual"
    assert row.select_one("td.new").text == "1次"


def test_session_status_for_the_save_check(world, client_for):
    from django.test import Client

    anonymous = Client().get("/session/")
    assert anonymous.status_code == 401 and anonymous.json() == {"ok": False}  # not a redirect to the login page
    answer = client_for(world.filler_a).get("/session/").json()
    assert answer["ok"] is True and len(answer["csrf"]) >= 32
    page = client_for(world.filler_a).get("/relogged/").content.decode()
    assert "已重新登录" in page and "再点一次" in page


def test_pages_carry_the_save_check_only_for_logged_in_users(world, client_for):
    from django.test import Client

    login_page = Client().get("/login/").content.decode()
    assert "keep.js" not in login_page and "data-session-url" not in login_page
    editor = client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/").content.decode()
    assert 'data-session-url="/session/"' in editor and "keep.js" in editor and 'id="session-lost"' in editor


def test_adjusted_targets_show_their_columns_and_others_keep_them_hidden(world, client_for):
    from jixiao.web.services import save_revision

    page = client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/").content.decode()
    assert 'class="indicators no-adjustments"' in page  # the inputs are there, the columns hidden
    assert 'name="tasks[0].indicators[0].approved_target"' in page
    doc = dict(world.seed_document)
    tasks = [dict(t) for t in doc["tasks"]]
    tasks[0]["indicators"] = [dict(tasks[0]["indicators"][0], approved_target="≥99%", adjust_reason="年中任务调整，经批准调减。"),
                              *tasks[0]["indicators"][1:]]
    save_revision(world.ev_a, dict(doc, tasks=tasks), world.filler_a, world.ev_a.version, "测试")
    page = client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/").content.decode()
    assert 'class="indicators"' in page and 'value="≥99%"' in page
