"""The report's identity: issuing department, year, kind (整体/项目) and money unit."""

from __future__ import annotations

import re

from .document import Document
from .facts import INFERRED, LABELLED, TABLE_COLUMN, Fact
from .normalize import clean, spaced
from .cells import Cell

_YEAR_OF_REPORT = re.compile(r"((?:19|20)\d{2})\s*年\s*度")
_ANY_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})\s*年(?!\d)")
_WHOLE = re.compile(spaced("整体支出") + "|" + spaced("部门整体") + "|" + spaced("整体绩效"))
_PROJECT = re.compile("项目|专项")
_UNIT = re.compile(r"\d\s*(万元|元)|\((万元|元)")

# Title: [year] name [部门/(单位)] 整体支出绩效…; the name is what remains after the year.
_TITLE_AFTER_YEAR = re.compile(
    r"(?:19|20)\d{2}\s*年\s*度?\s*(?P<name>[^\n。,;:]{2,40}?)\s*(?:部门|单位|机关)?\s*(?:\(单位\))?\s*"
    + spaced("整体支出"))
_TITLE_BEFORE_YEAR = re.compile(
    r"^\s*(?P<name>[^\n。,;:\d]{2,30}?)\s*(?:19|20)\d{2}\s*年\s*度?\s*(?:部门|单位|机关)?\s*(?:\(单位\))?\s*"
    + spaced("整体支出"), re.M)
# Form labels whose next cell is the unit's name. 实施单位 first: on project forms it is the department.
_LABELS = ("实施单位", "预算部门、单位名称", "部门\\(单位\\)名称", "单位名称", "部门名称", "预算单位名称")
_LABEL_CELL = re.compile(r"^(?:" + "|".join(_LABELS) + r")\s*(?:\(盖章\))?\s*[:]?$")
_LABEL_INLINE = re.compile(r"(?:" + "|".join(_LABELS) + r")\s*(?:\(盖章\))?\s*:\s*(?P<name>[^\s|:]{2,40})")
_CODE_PREFIX = re.compile(r"^[0-9A-Za-z]+\s*-\s*")
_NOT_A_NAME = re.compile(r"^(?:部门|单位|机关|本级|\(单位\)|部门\(单位\))+$|[0-9%]{3,}|^\(")
_ORG_END = re.compile("(?:会|局|委|院|部|厅|办|处|所|站|中心|政府|委员会|联合会|管理局|公司|学校|小学|中学|队|室|馆|社|团|组)$")


def find_year(doc: Document) -> Fact | None:
    m = _YEAR_OF_REPORT.search(doc.text) or _ANY_YEAR.search(doc.text)
    if not m:
        return None
    return doc.fact(int(m.group(1)), m.start(1), m.end(1), LABELLED if "度" in m.group() else INFERRED)


def find_report_type(doc: Document) -> Fact | None:
    head = doc.text[:3000]
    m = _WHOLE.search(head)
    if m:
        return doc.fact("整体", m.start(), m.end())
    m = _PROJECT.search(head)
    if m:
        return doc.fact("项目", m.start(), m.end(), INFERRED)
    return None


def find_unit(doc: Document) -> Fact | None:
    m = _UNIT.search(doc.text)
    if not m:
        return None
    group = 1 if m.group(1) else 2
    return doc.fact(m.group(group), m.start(group), m.end(group))


def find_department(doc: Document, cells: list[Cell]) -> Fact | None:
    return _from_label_cell(doc, cells) or _from_inline_label(doc) or _from_title(doc)


def _from_label_cell(doc: Document, cells: list[Cell]) -> Fact | None:
    for i, cell in enumerate(cells):
        if not _LABEL_CELL.match(cell.text):
            continue
        for nxt in cells[i + 1:i + 3]:
            if nxt.text.startswith("(") or nxt.empty:
                continue
            name = _name(nxt.text)
            if name:
                return doc.fact(name, nxt.start, nxt.end, TABLE_COLUMN)
            break
    return None


def _from_inline_label(doc: Document) -> Fact | None:
    for m in _LABEL_INLINE.finditer(doc.text):
        name = _name(m.group("name"))
        if name:
            return doc.fact(name, m.start("name"), m.end("name"))
    return None


def _from_title(doc: Document) -> Fact | None:
    for pattern in (_TITLE_AFTER_YEAR, _TITLE_BEFORE_YEAR):
        for m in pattern.finditer(doc.text[:5000]):
            name = _name(m.group("name"))
            if name and _ORG_END.search(name):
                return doc.fact(name, m.start("name"), m.end("name"), INFERRED)
    return None


def _name(text: str) -> str | None:
    name = clean(_CODE_PREFIX.sub("", text.strip()))
    if not name:
        return None
    name = re.sub(r"(?:部门\(单位\)|\(单位\)|部门)$", "", name).strip()
    if len(name) < 2 or len(name) > 40 or _NOT_A_NAME.search(name):
        return None
    return name
