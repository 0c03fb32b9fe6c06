"""The web app's XLSX download: user text that begins with =, +, -, @ is text, never a formula."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from jixiao.load import load_text
from jixiao.web.analysis import document_of
from jixiao.web.models import Department, Evaluation, Kind, Year
from jixiao.web.services import save_revision

from ..test_xlsx_user_text import COMPUTED, EXAMPLE, HOSTILE, hostile_document

pytestmark = pytest.mark.django_db


def _project(world, text: str) -> Evaluation:
    ev_model = load_text(text, "yaml", "x.yaml").evaluation
    dept = Department.objects.create(name=ev_model.department.name)
    ev = Evaluation.objects.create(department=dept, year=Year.objects.create(year=ev_model.year), kind=Kind.PROJECT)
    save_revision(ev, document_of(ev_model), world.admin, 0, "测试")
    return ev


def _cells(content: bytes):
    wb = load_workbook(io.BytesIO(content))
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def test_download_writes_user_text_as_text(world, client_for):
    ev = _project(world, hostile_document())
    response = client_for(world.admin).get(f"/e/{ev.pk}/download/xlsx/")
    assert response.status_code == 200
    found = _cells(response.content)
    formulas = [c.value for c in found if c.data_type == "f"]
    assert formulas and all(COMPUTED.match(f) for f in formulas)
    texts = [c.value for c in found if c.data_type == "s"]
    for text in (HOSTILE["target"], HOSTILE["actual"], HOSTILE["deviation"], HOSTILE["department"]):
        assert any(text in t for t in texts), text


def test_the_demo_example_downloads_without_a_formula_from_its_target(world, client_for):
    ev = _project(world, EXAMPLE.read_text(encoding="utf-8"))
    found = _cells(client_for(world.admin).get(f"/e/{ev.pk}/download/xlsx/").content)
    target = [c for c in found if c.value == "=48场"]
    assert target and all(c.data_type == "s" for c in target)
