"""User text in any workbook jixiao writes is a string cell: never a formula, read back the same.

`render` (the 自评表) and `convert` (the Excel template) both write text that begins with =, +, - or @ as
text; only the cells the project computes (sums, execution rates) are formulas.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from jixiao.load import load_file, load_text
from jixiao.load.xlsx_write import write_xlsx
from jixiao.render import build_view, render_xlsx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "community-library-2024.yaml"
HOSTILE = {
    "department": '=HYPERLINK("http://example.invalid/x","点这里")',
    "task": "+1 社区分馆",
    "expected": "=1+1",
    "outcome": "@SUM(A1:A9)",
    "target": "=48场",
    "actual": "-x",
    "deviation": "@x 原因",
    "name": "-2+3",
}
# what the project's own formulas are made of: cell references, SUM, IF(N(…)=0,"",…), + : , / and sheet names
COMPUTED = re.compile(r"=(?:[A-Z]{1,2}\d+|SUM|IF|N|=0|[()+:,/\"]|'[^']*'!)+$")


def hostile_document() -> str:
    doc = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    doc["department"]["name"] = doc["department"]["supervisor"] = HOSTILE["department"]
    task = doc["tasks"][0]
    task["name"], task["expected"], task["outcome"] = HOSTILE["task"], HOSTILE["expected"], HOSTILE["outcome"]
    ind = task["indicators"][1]
    ind["target"], ind["actual"], ind["deviation"], ind["name"] = (HOSTILE["target"], HOSTILE["actual"],
                                                                     HOSTILE["deviation"], HOSTILE["name"])
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def evaluation():
    result = load_text(hostile_document(), "yaml", "hostile.yaml")
    assert result.evaluation is not None, result.findings
    return result.evaluation


def cells(path: Path):
    return [c for ws in load_workbook(path).worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def assert_text_only(path: Path, wanted: list[str]) -> None:
    found = cells(path)
    formulas = [c.value for c in found if c.data_type == "f"]
    assert all(COMPUTED.match(f) for f in formulas), [f for f in formulas if not COMPUTED.match(f)]
    texts = {c.value for c in found if c.data_type == "s"}
    for text in wanted:
        assert any(text in t for t in texts), text


def test_render_writes_user_text_as_text(evaluation, tmp_path):
    out = render_xlsx(build_view(evaluation), tmp_path / "form.xlsx")
    assert_text_only(out, list(HOSTILE.values()))
    values = {c.value for c in cells(out)}
    assert HOSTILE["target"] in values and HOSTILE["actual"] in values  # exactly the same text, not "48场"
    assert any(isinstance(v, str) and "+SUM(" in v for v in values)  # computed cells stay formulas


def test_the_bundled_example_target_is_text(tmp_path):
    out = render_xlsx(build_view(load_file(EXAMPLE).evaluation), tmp_path / "example.xlsx")
    target = [c for c in cells(out) if c.value == "=48场"]
    assert target and all(c.data_type == "s" for c in target)


def test_convert_writes_user_text_as_text(evaluation, tmp_path):
    out = tmp_path / "data.xlsx"
    write_xlsx(evaluation, out)
    assert_text_only(out, list(HOSTILE.values()))
    back = load_file(out).evaluation
    assert back.department.name == HOSTILE["department"] and back.tasks[0].name == HOSTILE["task"]
    assert back.tasks[0].indicators[1].target.text == HOSTILE["target"]
    assert back.tasks[0].indicators[1].deviation == HOSTILE["deviation"]


def test_control_characters_do_not_break_the_workbook(evaluation, tmp_path):
    department = evaluation.department.model_copy(update={"name": "=青禾\x01区\x1f"})
    out = render_xlsx(build_view(evaluation.model_copy(update={"department": department})), tmp_path / "ctl.xlsx")
    assert "=青禾区" in {c.value for c in cells(out)}
