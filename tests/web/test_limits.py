"""Upload and save cost is bounded by content: tasks, indicators, text. Refused early, with a clear message;
whatever is accepted stays editable (the editor can post it back)."""

from __future__ import annotations

import io
import json
import re

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile

from jixiao.web import limits
from jixiao.web.limits import LIMITS, TooLarge, check_json, check_yaml

from .conftest import SEED
from .test_editor import form_fields

pytestmark = pytest.mark.django_db


def _document(tasks: int, per_task: int, text: str | None = None) -> dict:
    doc = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    task, ind = doc["tasks"][0], doc["tasks"][0]["indicators"][0]
    doc["tasks"] = [dict(task, name=f"任务{t}", indicators=[dict(ind, name=f"指标{t}-{i}") for i in range(per_task)])
                    for t in range(tasks)]
    if text is not None:
        doc["conclusion"] = [text]
    return doc


def _upload(client, pk, name, data):
    return client.post(f"/e/{pk}/upload/", {"file": SimpleUploadedFile(name, data)}, follow=True).content.decode()


@pytest.mark.parametrize("doc,message", [
    (lambda: _document(12, 100), "绩效指标(多于|有 1200 个，超过)网页系统的上限 1000 个"),
    (lambda: _document(LIMITS.tasks + 1, 1), "重点工作任务(多于|有 101 个，超过)网页系统的上限 100 个"),
    (lambda: _document(1, 1, "很长的结论。" * 3000), "长 18000 字，超过单个字段的上限 10000 字"),
])
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_too_much_content_is_refused_with_a_message(world, client_for, doc, message, fmt):
    body = doc()
    data = (yaml.safe_dump(body, allow_unicode=True) if fmt == "yaml" else json.dumps(body, ensure_ascii=False)).encode()
    assert len(data) < 5 * 1024 * 1024
    page = _upload(client_for(world.filler_a), world.ev_a.pk, f"big.{fmt}", data)
    assert "上传被拒绝" in page and re.search(message, page), message
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 1


def test_yaml_is_counted_from_parser_events_and_stops_early(monkeypatch):
    text = yaml.safe_dump(_document(40, 100), allow_unicode=True)  # 4000 indicators
    seen = []
    real = limits.yaml.parse

    def counting(*args, **kwargs):
        for event in real(*args, **kwargs):
            seen.append(1)
            yield event

    monkeypatch.setattr(limits.yaml, "parse", counting)
    with pytest.raises(TooLarge):
        check_yaml(text)
    total = sum(1 for _ in real(text, Loader=limits._Loader))
    assert len(seen) < total / 3  # stopped near the 1001st indicator, far from the end of the file


def test_yaml_aliases_are_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n"
    with pytest.raises(TooLarge, match="别名"):
        check_yaml(bomb)


def test_json_of_many_small_objects_stops_early():
    text = json.dumps({"tasks": [{"indicators": [{} for _ in range(500)]} for _ in range(20)]})
    with pytest.raises(TooLarge):
        check_json(text)


def test_the_largest_accepted_document_stays_editable(world, client_for):
    doc = _document(10, 100)  # exactly the indicator limit
    data = yaml.safe_dump(doc, allow_unicode=True).encode()
    client = client_for(world.filler_a)
    page = _upload(client, world.ev_a.pk, "max.yaml", data)
    assert "确认覆盖草稿" in page
    client.post(f"/e/{world.ev_a.pk}/upload/confirm/", {"confirm": "yes"})
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 2
    fields = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    fields["conclusion"] = "改了一句结论"
    client.post(f"/e/{world.ev_a.pk}/", fields)  # the whole form posts back and saves
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 3 and world.ev_a.current.document["conclusion"] == ["改了一句结论"]
    assert sum(len(t["indicators"]) for t in world.ev_a.current.document["tasks"]) == 1000


def test_an_edit_beyond_the_limits_is_refused(world, client_for):
    client = client_for(world.filler_a)
    fields = form_fields(client.get(f"/e/{world.ev_a.pk}/").content.decode())
    fields["conclusion"] = "字" * (LIMITS.text + 1)
    page = client.post(f"/e/{world.ev_a.pk}/", fields, follow=True).content.decode()
    assert "未保存" in page and "10000 字" in page
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 1


def test_an_excel_file_with_too_many_rows_is_refused(world, client_for, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    for r in range(LIMITS.rows + 10):
        wb.active.append(["产出指标", "数量指标", f"指标{r}", "≥1个", "1个"])
    buffer = io.BytesIO()
    wb.save(buffer)
    page = _upload(client_for(world.filler_a), world.ev_a.pk, "rows.xlsx", buffer.getvalue())
    assert "上传被拒绝" in page and "行数超过" in page
