"""信息公开: published evaluations open without an account; nothing internal in the pages or the files."""

from __future__ import annotations

import io
import os

import pytest
from docx import Document
from openpyxl import load_workbook

from jixiao import render
from jixiao.web.models import Evaluation
from jixiao.web.services import add_comment, apply_transition

pytestmark = pytest.mark.django_db
COMMENT = "内部意见：请核对第二项指标"


def _publish(world):
    add_comment(world.ev_a, world.reviewer, "finance.budget", COMMENT)
    apply_transition(world.ev_a, "submit", world.filler_a)
    apply_transition(world.ev_a, "accept", world.reviewer)
    apply_transition(world.ev_a, "publish", world.reviewer)
    return Evaluation.objects.get(pk=world.ev_a.pk)


def test_only_published_evaluations_are_listed(world, client):
    page = client.get("/public/").content.decode()
    assert "还没有公开的自评" in page
    ev = _publish(world)
    page = client.get("/public/").content.decode()
    assert f'href="/public/{ev.pk}/"' in page and "广州市荔湾区妇女联合会" in page
    assert "示例区图书馆" not in page  # a draft
    assert client.get(f"/public/{world.ev_b.pk}/").status_code == 404
    assert client.get(f"/public/{world.ev_b.pk}/xlsx/").status_code == 404
    assert "示例区图书馆" not in client.get("/public/?year=2023&department=示例区图书馆").content.decode()


def test_the_detail_page_has_nothing_internal(world, client):
    ev = _publish(world)
    page = client.get(f"/public/{ev.pk}/").content.decode()
    assert "广州市荔湾区妇女联合会" in page and "自评表（Excel）" in page
    for finding in ev.current.findings:
        assert finding["message"] not in page
    assert COMMENT not in page and str(ev.current.score) not in page and "第1版" not in page
    assert "/e/" not in page and "var/" not in page and "/tmp" not in page


def test_the_public_files_carry_no_review(world, client):
    ev = _publish(world)
    response = client.get(f"/public/{ev.pk}/docx/")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "广州市荔湾区妇女联合会" in text
    for finding in ev.current.findings:
        assert finding["message"] not in text
    assert COMMENT not in text and "复核得分" not in text
    book = load_workbook(io.BytesIO(client.get(f"/public/{ev.pk}/xlsx/").content))
    review_cells = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == "复核得分":
                    below = [ws.cell(r, cell.column).value for r in range(cell.row + 1, ws.max_row + 1)]
                    review_cells += [v for v in below if v not in (None, "")]
    assert not any(isinstance(v, (int, float)) for v in review_cells), review_cells
    assert "广州市荔湾区妇女联合会" in "".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)


def test_the_public_report_as_pdf(world, client):
    if not render.pdf_available():
        if os.environ.get("JIXIAO_CI"):
            pytest.fail("LibreOffice is required in CI")
        pytest.skip("LibreOffice is not installed")
    ev = _publish(world)
    assert f'href="/public/{ev.pk}/pdf/"' in client.get(f"/public/{ev.pk}/").content.decode()
    response = client.get(f"/public/{ev.pk}/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_withdrawn_publication_is_gone(world, client):
    ev = _publish(world)
    apply_transition(ev, "unpublish", world.reviewer, "数据需更正")
    assert client.get(f"/public/{ev.pk}/").status_code == 404
    assert client.get(f"/public/{ev.pk}/docx/").status_code == 404
    assert "广州市荔湾区妇女联合会" not in client.get("/public/").content.decode()


def test_unknown_format_and_bad_ids(world, client):
    ev = _publish(world)
    assert client.get(f"/public/{ev.pk}/yaml/").status_code == 404
    assert client.get(f"/public/{ev.pk}/json/").status_code == 404
    assert client.get("/public/999999/").status_code == 404
