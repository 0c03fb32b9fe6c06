"""How much one document may hold in the web app: tasks, indicators, text. Checked before the expensive work.

Scoring, checks and the editor page grow with the number of indicators; an accepted document must stay
editable (the editor posts every field, settings.DATA_UPLOAD_MAX_NUMBER_FIELDS) and quick to save. The
limits are far above any real self-evaluation (tens of tasks, a few hundred indicators) and are counted from
the content, before the file is parsed in full: YAML as a stream of parser events, JSON object by object,
Office files by streaming their XML, PDF by its page count — each stops at the first limit passed, so the
cost of refusing a file is bounded by the limits, not by the file.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in the wheels jixiao installs
    from yaml import SafeLoader as _Loader


@dataclass(frozen=True)
class Limits:
    tasks: int = 100
    indicators: int = 1000  # in the whole document
    text: int = 10_000  # characters in one field (a 结论 of several pages)
    total_text: int = 300_000  # characters in the whole document
    depth: int = 12  # nesting of the input format is 5
    rows: int = 3000  # rows of all sheets of an Excel template
    paragraphs: int = 20_000  # paragraphs and table rows of a DOCX report
    pages: int = 150  # pages of a PDF report


LIMITS = Limits()


class TooLarge(Exception):
    """The content passes a limit; the message (Chinese) says which, and by how much."""


def _over(what: str, count: int, limit: int, more: bool = False) -> TooLarge:
    said = f"{what}多于网页系统的上限 {limit} 个" if more else f"{what}有 {count} 个，超过网页系统的上限 {limit} 个"
    return TooLarge(f"{said}。请拆分为几份自评，或删去重复的条目后再上传。")


def _long_text(length: int, limits: Limits) -> TooLarge:
    return TooLarge(f"有一段文字长 {length} 字，超过单个字段的上限 {limits.text} 字。请精简或分段后再上传。")


# ---- a document already parsed (the editor's post, a loaded upload) --------------------------------------------

def check_document(doc: dict, limits: Limits = LIMITS) -> None:
    """Raise TooLarge when the document passes a limit."""
    tasks = doc.get("tasks") or []
    if not isinstance(tasks, list):
        return
    if len(tasks) > limits.tasks:
        raise _over("重点工作任务", len(tasks), limits.tasks)
    indicators = sum(len(t.get("indicators") or []) for t in tasks if isinstance(t, dict))
    if indicators > limits.indicators:
        raise _over("绩效指标", indicators, limits.indicators)
    total = 0
    for text in _strings(doc):
        if len(text) > limits.text:
            raise _long_text(len(text), limits)
        total += len(text)
    if total > limits.total_text:
        raise TooLarge(f"全部文字共 {total} 字，超过上限 {limits.total_text} 字。请精简后再上传。")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


# ---- YAML: parser events, no tree ----------------------------------------------------------------------------

class _Counter:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.tasks = self.indicators = self.total = 0

    def item(self, list_name: str | None) -> None:
        if list_name == "tasks":
            self.tasks += 1
            if self.tasks > self.limits.tasks:
                raise _over("重点工作任务", self.limits.tasks, self.limits.tasks, more=True)
        elif list_name == "indicators":
            self.indicators += 1
            if self.indicators > self.limits.indicators:
                raise _over("绩效指标", self.limits.indicators, self.limits.indicators, more=True)

    def text(self, value: str) -> None:
        if len(value) > self.limits.text:
            raise _long_text(len(value), self.limits)
        self.total += len(value)
        if self.total > self.limits.total_text:
            raise TooLarge(f"全部文字超过上限 {self.limits.total_text} 字。请精简后再上传。")


def check_yaml(text: str, limits: Limits = LIMITS) -> None:
    """Count tasks, indicators and text from the YAML parser's events; stop at the first limit passed.

    Aliases (*name) are refused: a few of them nested can stand for millions of nodes."""
    count = _Counter(limits)
    stack: list[list] = []  # [kind, key awaiting a value (maps) or the list's own name (sequences), at key?]
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise TooLarge("文件使用了 YAML 别名（*…）。网页上传不支持别名，请写出完整内容后再上传。")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                name = _value_slot(stack, count)
                if len(stack) >= limits.depth:
                    raise TooLarge(f"文件嵌套超过 {limits.depth} 层，不是自评数据的结构。")
                stack.append(["map", None, True] if isinstance(event, yaml.MappingStartEvent) else ["seq", name, False])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                top = stack[-1] if stack else None
                if top is not None and top[0] == "map" and top[2]:
                    top[1], top[2] = event.value, False  # a key
                else:
                    _value_slot(stack, count)
                    count.text(event.value)
    except yaml.YAMLError:
        return  # the loader reports the syntax error, with its line, in Chinese


def _value_slot(stack: list[list], count: _Counter) -> str | None:
    """A value arrives: what it is named by (the map key) and, in a named list, one more item of it."""
    if not stack:
        return None
    top = stack[-1]
    if top[0] == "map":
        name, top[2] = top[1], True
        return name
    count.item(top[1])
    return top[1]


# ---- JSON: object by object ----------------------------------------------------------------------------------

def check_json(text: str, limits: Limits = LIMITS) -> None:
    """Parse with a hook that counts objects, so that a file of many small objects stops early."""
    budget = [limits.tasks + limits.indicators + 200]  # every object of the format is a task, an indicator or a part

    def hook(pairs):
        budget[0] -= 1
        if budget[0] < 0:
            raise TooLarge(f"文件中的条目超过网页系统的上限（重点工作任务 {limits.tasks} 个、绩效指标 "
                           f"{limits.indicators} 个）。请拆分为几份自评后再上传。")
        return dict(pairs)

    try:
        doc = json.loads(text, object_pairs_hook=hook)
    except ValueError:
        return  # the loader reports the syntax error
    if isinstance(doc, dict):
        check_document(doc, limits)


# ---- Office files and PDF: streamed XML, page count ------------------------------------------------------------

_ROW = re.compile(rb"<row[\s>/]")
_PARAGRAPH = re.compile(rb"<w:(?:p|tr)[\s>/]")


def _count_in_members(archive: zipfile.ZipFile, names: list[str], pattern: re.Pattern, limit: int) -> int:
    """Matches of `pattern` in the members, read 64 KB at a time; stops once past `limit`."""
    total = 0
    for name in names:
        with archive.open(name) as member:
            tail = b""
            while chunk := member.read(1 << 16):
                data = tail + chunk
                # a match lying wholly in the carried-over tail was counted with the previous chunk
                total += sum(1 for m in pattern.finditer(data) if m.end() > len(tail))
                if total > limit:
                    return total
                tail = data[-16:]
    return total


def check_office(path, suffix: str, limits: Limits = LIMITS) -> None:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if suffix == ".xlsx":
            sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
            if _count_in_members(archive, sheets, _ROW, limits.rows) > limits.rows:
                raise TooLarge(f"Excel 文件的行数超过网页系统的上限 {limits.rows} 行。请拆分为几份自评后再上传。")
        elif suffix == ".docx":
            body = [n for n in names if n == "word/document.xml"]
            if _count_in_members(archive, body, _PARAGRAPH, limits.paragraphs) > limits.paragraphs:
                raise TooLarge(f"Word 文件的段落和表格行超过上限 {limits.paragraphs} 个，不像一份自评报告。")


def check_pdf(path, limits: Limits = LIMITS) -> None:
    try:
        import pypdfium2
    except ImportError:
        return
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        return  # the extractor says, in Chinese, that the PDF cannot be read
    try:
        pages = len(pdf)
    finally:
        pdf.close()
    if pages > limits.pages:
        raise TooLarge(f"PDF 有 {pages} 页，超过网页系统的上限 {limits.pages} 页。请只上传自评报告本身。")
