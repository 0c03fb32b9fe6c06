"""Cached results for the 自评表's formulas, so viewers that do not recalculate still show 执行率 and 总分.

openpyxl writes a formula with an empty result. Excel and LibreOffice recalculate on opening, but
previewers, mail clients, phone viewers and anything reading the file as data show that empty
result. jixiao knows each formula's value when it writes it, so it records the value beside the
formula (`Formulas.put`) and fills the results into the saved file (`Formulas.write_results`).
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

from lxml import etree
from openpyxl.worksheet.worksheet import Worksheet

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS = {"m": _MAIN}


class Formulas:
    """The formulas of one workbook with the values they evaluate to."""

    def __init__(self) -> None:
        self._results: dict[str, dict[str, Decimal | str]] = {}  # sheet title → cell → result

    def put(self, ws: Worksheet, row: int, col: int, formula: str, result: Decimal | str | None):
        """Write `formula` (which must start with =) and remember what it comes to."""
        if not formula.startswith("="):
            raise ValueError("a formula starts with =")  # a bug in jixiao, never user input
        cell = ws.cell(row, col, formula)
        if result is not None:
            self._results.setdefault(ws.title, {})[cell.coordinate] = result
        return cell

    def write_results(self, path: Path, sheet_titles: list[str]) -> None:
        """Fill the remembered results into the formula cells of the saved workbook at `path`."""
        targets = {f"xl/worksheets/sheet{i}.xml": self._results.get(title, {})
                   for i, title in enumerate(sheet_titles, 1)}
        with zipfile.ZipFile(path) as source:
            entries = [(info, source.read(info.filename)) for info in source.infolist()]
        patched = path.with_name(path.name + ".part")
        with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
            for info, data in entries:
                if targets.get(info.filename):
                    data = _fill(data, targets[info.filename])
                target.writestr(info, data)
        patched.replace(path)


def _fill(xml: bytes, results: dict[str, Decimal | str]) -> bytes:
    root = etree.fromstring(xml)
    for cell in root.iterfind(".//m:sheetData/m:row/m:c", _NS):
        result = results.get(cell.get("r"))
        if result is None or cell.find("m:f", _NS) is None:
            continue
        value = cell.find("m:v", _NS)
        if value is None:
            value = etree.SubElement(cell, f"{{{_MAIN}}}v")
        if isinstance(result, str):
            cell.set("t", "str")
            value.text = result
        else:
            cell.attrib.pop("t", None)
            value.text = format(result.normalize(), "f") if result else "0"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
