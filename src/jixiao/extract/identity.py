"""The report's identity: issuing body, year, kind (整体/项目) and money unit.

The body is looked for in order of how sure each place is: a form label (实施单位, 部门名称 … ranked in
vocab/fields.yaml), the title (`某局2023年度…`, `2024年某局部门整体…`, `某局关于…`), the page's byline
(来源, 信息来源), and — for a department report only — the first sentence that names a body as the subject.
A name must end like a body's name (局, 委员会, 中心, 学校 …).
"""

from __future__ import annotations

import re
from functools import cache

from . import vocab
from .cells import Cell
from .document import Document
from .facts import BYLINE, INFERRED, LABELLED, TABLE_COLUMN, TITLE, Fact
from .labels import find_labelled, strip_code
from .normalize import clean, spaced

_YEAR_OF_REPORT = re.compile(r"((?:19|20)\d{2})\s*年\s*度")
_ANY_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})\s*年(?![\d月]|\s*\d)")
_WHOLE = re.compile(spaced("整体支出") + "|" + spaced("部门整体") + "|" + spaced("整体绩效") + "|" + spaced("单位整体"))
_WHOLE_IN_TEXT = re.compile(spaced("整体支出") + "|" + spaced("部门整体") + "|" + spaced("单位整体"))
_PROJECT = re.compile("项目|专项|资金|经费|转移支付|债券")
_UNIT = re.compile(r"\d\s*(亿元|万元|元)(?![/／])|[(（]\s*(?:单位\s*[:：]\s*)?(亿元|万元|元)(?![/／\u4e00-\u9fff])"
                   r"|单位\s*[:：]\s*(亿元|万元|元)")
_PLACE = re.compile(r"[省市州县区旗镇乡村盟]|自治|中国|中共|共青团|政协|人大")
_NOT_A_NAME = re.compile(r"[0-9%_【】\[\]<>《》“”\"?？!！]|报告|绩效|自评|评价|通知|情况|支出|预算|决算|资金|项目|关于|如下|根据")
_REPORT_WORDS = r"(?:部门|单位|本级|机关)?\s*(?:\(单位\))?\s*(?:整体|项目|预算|绩效|财政|专项|转移支付|衔接|年度|决算|自评|支出|关于)"
_YEAR = r"(?:19|20)\d{2}\s*年\s*度?"


@cache
def _suffix() -> re.Pattern[str]:
    return re.compile(vocab.alternation(vocab.fields()["department"]["org_suffixes"], tolerant=False) + "$")


def find_year(doc: Document) -> Fact | None:
    m = _YEAR_OF_REPORT.search(doc.text) or _ANY_YEAR.search(doc.text)
    if not m:
        return None
    labelled = "度" in m.group()
    return doc.fact(int(m.group(1)), m.start(1), m.end(1), LABELLED if labelled else INFERRED,
                    TITLE if labelled else "first-year", "“××年度”" if labelled else "文中第一个“××年”")


def find_report_type(doc: Document) -> Fact | None:
    """整体 or 项目: from the title lines first, then from the opening text."""
    titles = title_lines(doc)
    for start, end in titles:
        m = _WHOLE.search(doc.text, start, end)
        if m:
            return doc.fact("整体", m.start(), m.end(), LABELLED, TITLE, "标题写明“整体支出/部门整体”")
    for start, end in titles:
        m = _PROJECT.search(doc.text, start, end)
        if m:
            return doc.fact("项目", m.start(), m.end(), INFERRED, TITLE, "标题含“项目/专项/资金”")
    head = doc.text[:3000]
    m = _WHOLE_IN_TEXT.search(head)
    if m:
        return doc.fact("整体", m.start(), m.end(), INFERRED, TITLE, "开头部分写明“整体支出/部门整体”")
    m = re.search("项目|专项", head)
    if m:
        return doc.fact("项目", m.start(), m.end(), INFERRED, TITLE, "开头部分提到“项目/专项”")
    for start, end in titles:
        m = re.search(spaced("绩效") + r".{0,8}" + "(?:报告|自评表|评价表)", doc.text[start:end])
        if m:  # 某单位2020年度预算绩效自评报告: a body's own report is a department report
            return doc.fact("整体", start + m.start(), start + m.end(), INFERRED, TITLE, "单位的预算绩效自评报告，未写项目")
    return None


def title_lines(doc: Document) -> list[tuple[int, int]]:
    """Spans of the lines before the first heading that read like a title (…报告, …自评表, …评价表, …情况)."""
    start, end = _title_region(doc)
    out = []
    pos = start
    for line in doc.text[start:end].split("\n"):
        if re.search(r"报\s*告|自评表|评价表|评价情况|自评结果|使用情况", line) and len(line.strip()) <= 80:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def find_unit(doc: Document) -> Fact | None:
    m = _UNIT.search(doc.text)
    if not m:
        return None
    group = next(g for g in (1, 2, 3) if m.group(g))
    return doc.fact(m.group(group), m.start(group), m.end(group), LABELLED, "label", "金额后的单位")


def find_department(doc: Document, cells: list[Cell], department_report: bool) -> Fact | None:
    return (_from_form(doc, cells) or _from_title(doc) or _from_byline(doc)
            or (_from_prose(doc) if department_report else None))


def valid_name(text: str, need_place: bool = False) -> str | None:
    name = clean(strip_code(text))
    if not name:
        return None
    name = re.sub(r"(?:部门\(单位\)|\(单位\)|部门|本级)$", "", name).strip()
    if not (2 <= len(name) <= 40) or _NOT_A_NAME.search(name) or not _suffix().search(name):
        return None
    if need_place and not _PLACE.search(name):
        return None
    return name


def _from_form(doc: Document, cells: list[Cell]) -> Fact | None:
    best: tuple[int, int, Fact] | None = None
    for entry in vocab.fields()["department"]["form_labels"]:
        for found in find_labelled(doc, cells, entry["label"], one_word=True):
            if entry["label"] == "部门" and found.in_cell:
                continue  # a bare 部门 cell heads a column; only `部门:某某` names the body
            name = valid_name(found.value)
            if name is None:
                continue
            key = (entry["rank"], found.start)
            if best is None or key < best[:2]:
                fact = doc.fact(name, found.start, found.end, TABLE_COLUMN if found.in_cell else LABELLED,
                                "label", f"表单标签“{entry['label']}”后的名称")
                best = (*key, fact)
            break
    return best[2] if best else None


def _title_region(doc: Document) -> tuple[int, int]:
    """The part of the text before the first 一、 heading (or the first 1500 characters)."""
    m = re.search(r"(?:^|\n)\s*一\s*[、.]", doc.text)
    end = m.start() if m and m.start() > 0 else min(len(doc.text), 1500)
    return 0, min(end, 3000)


def _from_title(doc: Document) -> Fact | None:
    start, end = _title_region(doc)
    region = doc.text[start:end]
    joiners = vocab.alternation(vocab.fields()["department"]["title_joiners"])
    patterns = [  # (pattern, why)
        (re.compile(rf"(?:^|(?<=[\n。:：;]))[ \t]*(?P<name>[^\n。,;:：]{{2,40}}?)\s*{joiners}"), "标题“××关于……”"),
        (re.compile(rf"(?:^|(?<=[\n。:：;]))[ \t]*(?P<name>[^\n。,;:：\d]{{2,40}}?)\s*{_YEAR}"), "标题中年度前的名称"),
        (re.compile(rf"{_YEAR}\s*(?P<name>[^\n。,;:：\d]{{2,40}}?)\s*{_REPORT_WORDS}[^\n。]{{0,60}}?(?:报\s*告|自评表|评价表)"),
         "标题或正文中年度后的名称"),
        (re.compile(rf"(?:^|(?<=\n))[ \t]*(?P<name>[^\n。,;:：\d]{{2,40}}?)\s*(?:部门|单位)?\s*"
                    rf"(?:{spaced('整体支出')}|{spaced('预算绩效')}|{spaced('绩效自评')}|{spaced('项目支出')})"),
         "标题中的名称"),
    ]
    for pattern, why in patterns:
        for m in pattern.finditer(region):
            name = _shortest_name(m.group("name"))
            if name:
                offset = start + m.start("name") + m.group("name").find(name[:2])
                return doc.fact(name, offset, offset + len(name), INFERRED, TITLE, why)
    return None


def _shortest_name(text: str) -> str | None:
    """The name in `text`: the whole of it, or its start up to a body's ending that a report word follows
    (`西平县交通运输局财政衔接…` → 西平县交通运输局)."""
    text = text.strip()
    whole = valid_name(text, need_place=True)
    if whole:
        return whole
    for m in re.finditer(_suffix().pattern.rstrip("$"), text):
        head = text[:m.end()]
        if re.match(_REPORT_WORDS, text[m.end():]) and valid_name(head, need_place=True):
            return valid_name(head, need_place=True)
    return None


def _from_byline(doc: Document) -> Fact | None:
    for entry in vocab.fields()["department"]["byline_labels"]:
        pattern = re.compile(rf"{spaced(entry['label'])}\s*[:：]\s*(?P<name>[^\s:：|]{{2,40}})")
        for m in pattern.finditer(doc.text[:3000]):
            name = valid_name(m.group("name"))
            if name:
                return doc.fact(name, m.start("name"), m.start("name") + len(name), INFERRED, BYLINE,
                                f"网页“{entry['label']}”一栏")
    return None


def _from_prose(doc: Document) -> Fact | None:
    """`…,德钦县人民代表大会常务委员会部门2022年末实有人员…`: a place-named body as a sentence's subject."""
    pattern = re.compile(rf"(?:^|(?<=[\n。,;:：]))\s*(?P<name>[\u4e00-\u9fff()]{{4,40}}?)\s*(?:部门|单位)?\s*"
                         rf"(?:{_YEAR}|是|为|共有|现有|内设|下设)")
    for m in pattern.finditer(doc.text[:4000]):
        name = valid_name(m.group("name"), need_place=True)
        if name:
            return doc.fact(name, m.start("name"), m.start("name") + len(name), INFERRED, "prose",
                            "正文中作为主语的单位名称")
    return None
