"""Field types are objects: the loader, the JSON Schema, the input-format docs, the Excel template and the web
editor all ask a field's type, so a new type is one object and works everywhere without touching them."""

from __future__ import annotations

import datetime

from openpyxl import Workbook

from jixiao.load.build import Builder
from jixiao.load.docs import _row
from jixiao.load.fields import ROOT, walk
from jixiao.load.fieldtypes import TYPES, FieldType
from jixiao.load.fields import Field
from jixiao.load.schema import _schema
from jixiao.load.tree import Node
from jixiao.load.xlsx_write import _put
from jixiao.model import Location


def _iso_date(value, reading):
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        return reading.fail("日期（如 2024-03-15）")


DATE = FieldType("date", "日期", _iso_date, {"type": "string", "format": "date"}, excel_format="yyyy-mm-dd",
                 widget="date")
FIELD = Field("submitted", ("报送日期",), DATE, "报送财政局的日期。")


def test_a_new_type_is_read_by_the_loader_with_its_findings():
    builder = Builder("示例.yaml")
    assert builder.scalar(FIELD, Node("2024-03-15", Location(line=3)), "submitted", {}) == datetime.date(2024, 3, 15)
    assert builder.scalar(FIELD, Node("三月", Location(line=4)), "submitted", {}) is None
    (found,) = builder.findings
    assert found.code == "JX-L005" and "日期（如 2024-03-15）" in found.message and found.location.line == 4


def test_a_new_type_shows_in_the_schema_the_docs_the_template_and_the_editor():
    from jixiao.web.forms import _widget

    assert _schema(FIELD) == {"type": "string", "format": "date"}
    assert "| 日期 |" in _row("submitted", FIELD)
    cell = Workbook().active["A1"]
    _put(cell, None, DATE, None)
    assert cell.number_format == "yyyy-mm-dd"
    assert _widget(FIELD, None, "submitted", "submitted").widget == "date"


def test_every_field_of_the_format_has_a_type_object():
    assert all(isinstance(f.type, FieldType) and f.type is TYPES[f.type.name] for _, f in walk(ROOT))
    assert all(f.type.convert is not None for _, f in walk(ROOT) if not f.type.container)


def test_project_dates_are_read_in_the_ways_a_clerk_writes_them():
    from jixiao.load import load_text

    text = """jixiao: 1
kind: project
year: 2024
unit: 万元
department: {{name: 某区图书馆}}
tasks:
  - name: 分馆建设
    start_date: {start}
    end_date: {end}
    budget: 10
    executed: 10
"""
    for start, end in (("2024-03-01", "2024年11月30日"), ("2024/3/1", "2024.11.30")):
        result = load_text(text.format(start=start, end=end), "yaml", "示例.yaml")
        task = result.evaluation.tasks[0]
        assert (task.start_date, task.end_date) == (datetime.date(2024, 3, 1), datetime.date(2024, 11, 30))
    bad = load_text(text.format(start="2024-02-30", end="年底"), "yaml", "示例.yaml")
    assert {f.code for f in bad.findings} == {"JX-L005"} and len(bad.findings) == 2
    assert bad.evaluation.tasks[0].start_date is None
