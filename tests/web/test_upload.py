"""Uploads: findings first, overwrite only on confirmation; wrong size, type or content refused with a message."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jixiao.web.uploads import MAX_UPLOAD

from .conftest import SEED

pytestmark = pytest.mark.django_db


def _upload(client, pk, name, data):
    return client.post(f"/e/{pk}/upload/", {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_upload_previews_then_overwrites_on_confirm(world, client_for):
    client = client_for(world.filler_b)
    own = SEED.read_text(encoding="utf-8").replace("广州市荔湾区妇女联合会", "示例区图书馆").encode("utf-8")
    page = _upload(client, world.ev_b.pk, "own.yaml", own).content.decode()
    assert "上传预览" in page and "确认覆盖草稿" in page
    world.ev_b.refresh_from_db()
    assert world.ev_b.version == 1  # nothing overwritten yet
    client.post(f"/e/{world.ev_b.pk}/upload/confirm/", {"confirm": "yes"})
    world.ev_b.refresh_from_db()
    assert world.ev_b.version == 2 and world.ev_b.current.source == "上传 own.yaml"
    assert world.ev_b.current.document["finance"]["budget"] == "688.34"


@pytest.mark.parametrize("old,new,message", [
    (None, None, "与本自评的单位“示例区图书馆”不同"),  # another department's data
    ("year: 2023", "year: 2022", "评价年度是 2022"),
    ("kind: department", "kind: project", "评价类型是“项目支出”"),
])
def test_another_departments_year_or_kind_is_refused(world, client_for, old, new, message):
    text = SEED.read_text(encoding="utf-8")  # as it is: 广州市荔湾区妇女联合会's data
    if old is not None:  # the right department, but another year or kind
        assert old in text
        text = text.replace("广州市荔湾区妇女联合会", "示例区图书馆").replace(old, new, 1)
    client = client_for(world.filler_b)
    page = _upload(client, world.ev_b.pk, "x.yaml", text.encode("utf-8")).content.decode()
    assert "上传被拒绝" in page and message in page and "确认覆盖草稿" not in page
    client.post(f"/e/{world.ev_b.pk}/upload/confirm/", {"confirm": "yes"})
    world.ev_b.refresh_from_db()
    assert world.ev_b.version == 1 and world.ev_b.current.document["department"]["name"] == "示例区图书馆"


def test_an_edit_naming_another_department_is_refused(world, client_for):
    from .test_editor import form_fields

    client = client_for(world.filler_a)
    page = client.get(f"/e/{world.ev_a.pk}/").content.decode()
    assert 'name="department.name"' in page and "不能在此修改" in page
    data = form_fields(page)
    data["department.name"] = "示例区图书馆"
    response = client.post(f"/e/{world.ev_a.pk}/", data, follow=True).content.decode()
    assert "未保存" in response and "示例区图书馆" in response
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 1
    docx = client.get(f"/e/{world.ev_a.pk}/download/docx/")
    assert docx.status_code == 200


def test_cancel_leaves_the_draft_unchanged(world, client_for):
    client = client_for(world.filler_a)
    _upload(client, world.ev_a.pk, "a.yaml", SEED.read_bytes())
    client.post(f"/e/{world.ev_a.pk}/upload/confirm/", {"confirm": "no"})
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 1


def test_broken_yaml_shows_findings_and_cannot_be_confirmed(world, client_for):
    client = client_for(world.filler_a)
    page = _upload(client, world.ev_a.pk, "bad.yaml", b"kind: [department\nyear: 2023\n").content.decode()
    assert "无法读取为自评数据" in page and "JX-" in page and "确认覆盖草稿" not in page
    client.post(f"/e/{world.ev_a.pk}/upload/confirm/", {"confirm": "yes"})
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 1


@pytest.mark.parametrize("name,data,message", [
    ("run.exe", b"MZ\x90\x00", "不支持的文件类型"),
    ("fake.xlsx", b"not a zip at all", "扩展名与内容不符"),
    ("fake.pdf", b"hello", "不是 PDF"),
    ("empty.yaml", b"", "空"),
    ("big.yaml", b"a: 1\n" * (MAX_UPLOAD // 5 + 10), "过大"),
])
def test_bad_files_are_rejected_with_a_message(world, client_for, name, data, message):
    page = _upload(client_for(world.filler_a), world.ev_a.pk, name, data).content.decode()
    assert "上传被拒绝" in page and message in page
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 1


def test_downloads_yaml_and_json(world, client_for):
    client = client_for(world.filler_a)
    yaml_text = client.get(f"/e/{world.ev_a.pk}/download/yaml/").content.decode()
    assert "广州市荔湾区妇女联合会" in yaml_text and "688.34" in yaml_text
    response = client.get(f"/e/{world.ev_a.pk}/download/json/")
    assert response["Content-Type"].startswith("application/json") and "attachment" in response["Content-Disposition"]


def test_preview_names_changed_fields_in_words_and_an_empty_draft_lists_none(world, client_for):
    from bs4 import BeautifulSoup

    from jixiao.web.models import Evaluation

    client = client_for(world.filler_a)
    text = SEED.read_text(encoding="utf-8").replace("budget: 688.34", "budget: 700.00", 1)
    assert "budget: 700.00" in text
    page = BeautifulSoup(_upload(client, world.ev_a.pk, "new.yaml", text.encode()).content.decode(), "html.parser")
    rows = {tr.td.text: [td.text for td in tr.find_all("td")] for tr in page.select("table.diff tbody tr")}
    assert rows["收支情况 › 全年预算数"] == ["收支情况 › 全年预算数", "修改", "688.34", "700.00"]
    from jixiao.web.models import Year

    empty = Evaluation.objects.create(department=world.dept_a, year=Year.objects.create(year=2024))
    text = SEED.read_text(encoding="utf-8").replace("year: 2023", "year: 2024", 1)
    page = _upload(client, empty.pk, "new.yaml", text.encode()).content.decode()
    assert "草稿目前为空" in page and "确认保存为第 1 版" in page and "table" not in page.split("草稿目前为空")[1].split("</section>")[0]


def test_preview_shows_the_score_and_counts_the_upload_would_get(world, client_for):
    from bs4 import BeautifulSoup

    from jixiao.web.analysis import analyse
    from jixiao.web.services import fix_identity

    text = SEED.read_text(encoding="utf-8")
    page = BeautifulSoup(_upload(client_for(world.filler_a), world.ev_a.pk, "a.yaml", text.encode()).content.decode(),
                         "html.parser")
    current, after = [[td.text for td in tr.find_all("td")] for tr in page.select("#upload-outcome tbody tr")]
    expected = analyse(fix_identity(world.seed_document, world.ev_a))
    assert after[0] == "上传后" and after[1] == str(expected.total) and after[4] == str(expected.errors)
    assert current[0] == "当前第 1 版" and current[1] == str(world.ev_a.current.score)
