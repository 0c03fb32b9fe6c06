"""规则集 in the web app: a choice list of names; a path, URL or typo never reads a file and never breaks a download."""

from __future__ import annotations

import io

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from jixiao.render import pdf_available

from .conftest import SEED
from .test_editor import form_fields

pytestmark = pytest.mark.django_db

HOSTILE = ["/etc/passwd", "../../../../etc/passwd", "file:///etc/passwd"]


def _codes(rev) -> list[str]:
    return [f["code"] for f in rev.findings]


def test_the_field_is_a_choice_list_of_names_with_titles(world, client_for):
    page = client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/").content.decode()
    start = page.index('<select name="ruleset"')
    select = page[start:page.index("</select>", start)]
    assert 'value="cn-mof-2020"' in select and "（cn-mof-2020）" in select
    assert 'value="gz-dept-ref-2023"' in select and "按评价类型自动选择" in select


def test_an_installed_rule_set_is_offered(world, client_for, tmp_path, monkeypatch):
    (tmp_path / "qu-local-2025.yaml").write_text("name: qu-local-2025\ntitle: 某区本地细则\nextends: gz-dept-ref-2023\n",
                                                 encoding="utf-8")
    monkeypatch.setenv("JIXIAO_RULESETS_DIR", str(tmp_path))
    client = client_for(world.filler_a)
    page = client.get(f"/e/{world.ev_a.pk}/").content.decode()
    assert "某区本地细则（qu-local-2025）" in page
    data = form_fields(page)
    data["ruleset"] = "qu-local-2025"
    client.post(f"/e/{world.ev_a.pk}/", data)
    world.ev_a.refresh_from_db()
    assert world.ev_a.current.score is not None and "JX-R008" not in _codes(world.ev_a.current)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_path_in_the_form_reads_no_file(world, client_for, value):
    client = client_for(world.filler_a)
    data = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    data["ruleset"] = value
    page = client.post(f"/e/{world.ev_a.pk}/", data, follow=True).content.decode()
    world.ev_a.refresh_from_db()
    rev = world.ev_a.current
    assert rev.number == 2 and rev.document["ruleset"] == value  # kept as typed, nothing lost
    assert rev.score is None and "JX-R008" in _codes(rev)
    assert "root:" not in page and "root:" not in str(rev.findings)
    assert "（无此规则集或无法使用）" in page


def test_a_real_rule_set_file_named_in_the_form_is_not_used(world, client_for, tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("name: mine\ntitle: 文件规则集\nextends: gz-dept-ref-2023\n", encoding="utf-8")
    client = client_for(world.filler_a)
    data = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    data["ruleset"] = str(f)
    client.post(f"/e/{world.ev_a.pk}/", data)
    world.ev_a.refresh_from_db()
    assert world.ev_a.current.score is None and "JX-R008" in _codes(world.ev_a.current)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_path_in_an_uploaded_yaml_reads_no_file(world, client_for, value):
    doc = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    doc["ruleset"] = value
    data = yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    client = client_for(world.filler_a)
    page = client.post(f"/e/{world.ev_a.pk}/upload/", {"file": SimpleUploadedFile("x.yaml", data)}).content.decode()
    assert "root:" not in page
    client.post(f"/e/{world.ev_a.pk}/upload/confirm/", {"confirm": "yes"})
    world.ev_a.refresh_from_db()
    rev = world.ev_a.current
    assert rev.number == 2 and rev.score is None and "JX-R008" in _codes(rev) and "root:" not in str(rev.findings)


def test_a_typo_in_the_rule_set_leaves_every_download_working(world, client_for):
    client = client_for(world.filler_a)
    data = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    data["ruleset"] = "gz-dept-ref-2032"
    client.post(f"/e/{world.ev_a.pk}/", data)
    page = client.get(f"/e/{world.ev_a.pk}/").content.decode()
    assert "JX-R008" in page and "gz-dept-ref-2032" in page  # unscored, with the finding shown
    formats = ["yaml", "json", "docx", "xlsx"] + (["pdf"] if pdf_available() else [])
    for fmt in formats:
        response = client.get(f"/e/{world.ev_a.pk}/download/{fmt}/")
        assert response.status_code == 200 and response.get("Content-Disposition", "").startswith("attachment"), fmt
    sheet = load_workbook(io.BytesIO(client.get(f"/e/{world.ev_a.pk}/download/xlsx/").content)).worksheets[0]
    texts = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "广州市荔湾区妇女联合会" in texts  # a real 自评表, only without jixiao's 复核 figures


def test_a_broken_installed_rule_set_leaves_downloads_working(world, client_for, tmp_path, monkeypatch):
    (tmp_path / "qu-broken-2025.yaml").write_text("name: qu-broken-2025\ntitle: 写错的细则\nextends: gz-dept-ref-2023\n"
                                                  "weigths: {output: 50}\n", encoding="utf-8")
    monkeypatch.setenv("JIXIAO_RULESETS_DIR", str(tmp_path))
    client = client_for(world.filler_a)
    data = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    data["ruleset"] = "qu-broken-2025"
    client.post(f"/e/{world.ev_a.pk}/", data)
    world.ev_a.refresh_from_db()
    assert world.ev_a.current.score is None and "JX-R003" in _codes(world.ev_a.current)
    for fmt in ("docx", "xlsx"):
        assert client.get(f"/e/{world.ev_a.pk}/download/{fmt}/").status_code == 200, fmt
