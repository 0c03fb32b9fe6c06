"""The project(s) of a 项目支出 report: name and money, from wherever the text gives them.

In order of how sure each place is: a list table of projects with their money (special-bond reports:
项目名称 | 债券性质 | 债券规模 | 自评分数); the 项目名称 of a 自评表 form; several projects each with its
own figures in prose (`教育补助项目全年预算数为36.261万元,执行数为14.261万元`); the project named by the title
(`某局2024年度某某资金绩效评价表`, `“2021年某某资金”`, a `(某某专项资金)` line under the title); or a
sentence that introduces it (`该某某专项资金项目于…`, `2022年某某项目计划投资…`, `某某工程(二期)是为…`).
"""

from __future__ import annotations

import re
from functools import cache

from . import vocab
from .cells import BLANK, Cell
from .document import Document
from .facts import ALIGNED, DERIVED, INFERRED, LABEL, LABELLED, TABLE_COLUMN, TABLE_GUESS, TITLE, Fact, ProjectFacts, \
    ReportFacts
from .funds import FundRow
from .grid import Column, align
from .identity import title_lines
from .labels import find_labelled
from .normalize import NUMBER, clean, to_decimal

_YEAR = r"(?:19|20)\d{2}\s*年\s*度?"
_GENERIC = re.compile(r"^(?:部门|单位)?(?:整体支出|项目支出|项目|专项资金|资金|预算|部门预算|财政资金|转移支付资金|新增地方政府专项债券项目)$")
_NAME_CHARS = r"[\u4e00-\u9fff()（）、\-—\d]"


@cache
def _endings() -> str:
    return vocab.alternation(vocab.fields()["project_name"]["name_endings"], tolerant=False)


@cache
def _tails() -> re.Pattern[str]:
    return re.compile(vocab.alternation(vocab.fields()["project_name"]["title_tails"], tolerant=False) + "$")


def apply_fund_rows(report: ReportFacts, rows: list[FundRow], department: bool = False) -> None:
    """Totals from the 年度资金总额 row; every other row with a 全年预算数 becomes a by-source entry
    (a department form's rows under the four canonical source names, a project form's as printed)."""
    for row in rows:
        if department and not row.total:
            row = FundRow(canonical_source(row.label) or row.label, row.values, row.total)
        if row.total:
            report.budget = report.budget or row.values.get("budget")
            report.executed = report.executed or row.values.get("executed")
            report.execution_rate = report.execution_rate or row.values.get("rate")
            report.initial = report.initial or row.values.get("initial")
            report.execution_weight = report.execution_weight or row.values.get("weight")
            report.execution_score = report.execution_score or row.values.get("score")
        else:
            report.fund_rows.setdefault(row.label, row.values)
            if "budget" in row.values:
                report.by_source.setdefault(row.label, row.values["budget"])


def canonical_source(label: str) -> str | None:
    """一般公共预算拨款 → 一般公共预算财政拨款: the department source a printed row label names."""
    compact = re.sub(r"\s+", "", label)
    return next((canonical for canonical, names in vocab.fields()["sources"].items() if compact in names), None)


def read_projects(doc: Document, cells: list[Cell], report: ReportFacts) -> list[ProjectFacts]:
    listed = project_list(doc, cells)
    if listed:
        return listed
    name = form_name(doc, cells)
    if name is None:
        several = prose_projects(doc)
        if len(several) > 1:
            return several
        name = title_name(doc, report) or prose_name(doc)
    if name is None:
        return []
    return [ProjectFacts(name=name, start=name.location.span[0] if name.location and name.location.span else 0)]


def form_name(doc: Document, cells: list[Cell]) -> Fact | None:
    for entry in vocab.fields()["project_name"]["form_labels"]:
        for found in find_labelled(doc, cells, entry["label"]):
            name = clean(found.value)
            if name and len(name) >= 2 and not _GENERIC.match(name):
                return doc.fact(name, found.start, found.end, TABLE_COLUMN if found.in_cell else LABELLED, LABEL,
                                f"表单标签“{entry['label']}”后的名称")
    return None


def title_name(doc: Document, report: ReportFacts) -> Fact | None:
    """The project a title names: between the year (or the body's name) and 绩效…, or quoted, or the
    `(某某资金)` line right under the title."""
    body = report.department.value if report.department else None
    lines = title_lines(doc) or []
    first = _first_lines(doc)
    for start, end in lines + [s for s in first if s not in lines]:
        line = doc.text[start:end]
        for pattern in _title_patterns():
            m = pattern.search(line)
            if not m:
                continue
            name = _tidy(m.group("name"), body)
            if name:
                at = start + m.start("name") + max(0, m.group("name").find(name[:2]))
                return doc.fact(name, at, at + len(name), INFERRED, TITLE, "标题中的项目名称")
        below = re.match(r"\s*\n\s*[(（](?P<name>[^()（）\n]{4,40})[)）]\s*(?:\n|$)", doc.text[end:end + 60])
        if below and re.search(_endings() + "$", below.group("name")):
            at = end + below.start("name")
            return doc.fact(clean(below.group("name")), at, at + len(below.group("name")), INFERRED, TITLE,
                            "标题下括号中的项目名称")
    return None


def _first_lines(doc: Document) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in doc.text[:800].split("\n"):
        if line.strip() and len(line.strip()) <= 60:
            out.append((pos, pos + len(line)))
            if len(out) == 2:
                break
        pos += len(line) + 1
    return out


@cache
def _title_patterns() -> list[re.Pattern[str]]:
    end = _endings()
    return [
        re.compile(rf"[“\"](?P<name>[^”\"]{{4,40}}?{end})[”\"]"),
        re.compile(rf"{_YEAR}\s*(?P<name>{_NAME_CHARS}{{2,40}}?(?:{end})(?:转移支付)?)\s*(?:项目支出|支出)?\s*"
                   r"(?:绩效|自评|评价|管理使用|使用情况)"),
        re.compile(rf"^\s*(?P<name>{_NAME_CHARS}{{2,40}}?{end})\s*(?:转移支付)?\s*{_YEAR}\s*(?:项目支出)?\s*(?:绩效|自评)"),
        re.compile(rf"{_YEAR}\s*(?P<name>{_NAME_CHARS}{{2,40}}?项目)\s*$"),
    ]


def _tidy(name: str, body: str | None) -> str | None:
    name = clean(name) or ""
    if body and name.startswith(body):
        name = name[len(body):]
    name = re.sub(r"^关于", "", name)
    name = _tails().sub("", name) if not re.search(_endings() + "$", name) or name.endswith("转移支付") else name
    name = name.strip()
    if len(name) < 4 or _GENERIC.match(name) or not re.search(_endings() + "$", name):
        return None
    return name


@cache
def _prose_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(rf"该\s*(?P<name>{_NAME_CHARS}{{4,30}}?(?:资金|经费))\s*项目"), "“该……项目”"),
        (re.compile(rf"(?:^|(?<=[\n。,;:]))\s*(?:我县|我区|我市|我镇|我乡|我单位|我局)?\s*(?:{_YEAR})?\s*"
                    rf"(?P<name>{_NAME_CHARS}{{4,30}}?项目)\s*(?:计划投资|总投资|预算)"), "项目的投资或预算句"),
        (re.compile(rf"(?:^|(?<=\n))\s*(?P<name>{_NAME_CHARS}{{4,30}}?(?:工程|项目)(?:\s*[(（][一二三四五六七八九十\d]+期[)）])?)"
                    r"\s*(?:是|位于|系)"), "项目概况的第一句"),
        (re.compile(rf"下达\s*(?:{_YEAR})?\s*(?P<name>[\u4e00-\u9fff]{{2,30}}?(?:专项资金|资金|经费))\s*{NUMBER}\s*(?:万元|元|亿元)"),
         "“下达……资金”"),
    ]


def prose_name(doc: Document) -> Fact | None:
    for pattern, why in _prose_patterns():
        m = pattern.search(doc.text)
        if m:
            name = clean(m.group("name"))
            if name and not _GENERIC.match(name):
                return doc.fact(name, m.start("name"), m.end("name"), INFERRED, "prose", f"正文{why}中的项目名称")
    return None


_SEVERAL = re.compile(
    rf"(?:^|(?<=[\n。;]))\s*(?P<name>{_NAME_CHARS}{{2,30}}?项目)\s*(?:全年)?预算数?\s*为?\s*(?P<budget>{NUMBER})\s*万元"
    rf"[^。\n]{{0,80}}?执行数?\s*为?\s*(?P<executed>{NUMBER})\s*万元")


def prose_projects(doc: Document) -> list[ProjectFacts]:
    """`甲项目全年预算数为36.261万元,…执行数为14.261万元。乙项目全年预算数9万元,执行数为8.4万元`."""
    out = []
    for m in _SEVERAL.finditer(doc.text):
        name = doc.fact(clean(m.group("name")), m.start("name"), m.end("name"), LABELLED, LABEL, "句首的项目名称")
        out.append(ProjectFacts(
            name=name, start=m.start(),
            budget=doc.fact(to_decimal(m.group("budget")), m.start("budget"), m.end("budget"), LABELLED, LABEL,
                            "项目名称后“预算数”的数字"),
            executed=doc.fact(to_decimal(m.group("executed")), m.start("executed"), m.end("executed"), LABELLED,
                              LABEL, "项目名称后“执行数”的数字")))
    return out


@cache
def _list_config():
    cfg = vocab.tables()["project_list"]
    return ([(re.compile(c["pattern"]), c["kind"], float(c.get("blank", 0.5))) for c in cfg["columns"]],
            re.compile("|".join(cfg["anchors"])), re.compile("|".join(cfg["total_rows"])))


def project_list(doc: Document, cells: list[Cell]) -> list[ProjectFacts]:
    """A table of projects with their money: 项目名称 | 债券性质 | 债券规模 | 自评分数 | 自评等级."""
    columns_cfg, anchor, total = _list_config()
    for i, cell in enumerate(cells):
        if not anchor.search(cell.text.strip()):
            continue
        j, kinds = max(0, i - 2), []
        while j < len(cells) and j < i + 8:
            kind = next((k for p, k, _ in columns_cfg if p.search(re.sub(r"\s+", "", cells[j].text))), None)
            if kind and kind not in kinds:
                kinds.append(kind)
            elif not kind and j > i and cells[j].type != BLANK:
                break
            j += 1
        if "budget" not in kinds or "name" not in kinds:
            continue
        blank = {k: b for _, k, b in columns_cfg}
        body = []
        for c in cells[j:]:
            if total.search(c.text.strip()) or c.type == "end":
                break
            body.append(c)
        rows = align(body, [Column(k, blank[k]) for k in kinds])
        out = []
        for row in rows:
            name, money = row.cells.get("name"), row.cells.get("budget")
            if name is None or money is None:
                continue
            conf = round(TABLE_GUESS * row.confidence, 3)
            project = ProjectFacts(name=doc.fact(clean(name.text), name.start, name.end, conf, ALIGNED, "项目表“项目名称”列"),
                                   start=name.start,
                                   budget=doc.fact(to_decimal(money.text), money.start, money.end, conf, ALIGNED,
                                                   "项目表中的金额列"))
            score = row.cells.get("score")
            if score is not None and to_decimal(score.text) is not None:
                project.score = doc.fact(to_decimal(score.text), score.start, score.end, conf, ALIGNED, "项目表“自评分数”列")
            out.append(project)
        if out:
            return out
    return []


def reconcile(report: ReportFacts) -> None:
    """One project and the report's totals are the same money: each fills what the other lacks."""
    if len(report.projects) != 1:
        return
    p = report.projects[0]
    for mine, theirs in (("budget", "budget"), ("executed", "executed"), ("execution_rate", "execution_rate")):
        doc_fact, project_fact = getattr(report, theirs), getattr(p, mine)
        if project_fact is None and doc_fact is not None:
            setattr(p, mine, doc_fact)
        elif doc_fact is None and project_fact is not None:
            setattr(report, theirs, _derived(project_fact, "即唯一项目的金额"))
    if report.score is None and getattr(p, "score", None) is not None:
        report.score = _derived(p.score, "唯一项目的自评分数即报告的自评得分")


def _derived(fact: Fact, why: str) -> Fact:
    return Fact(fact.value, fact.location, fact.source, min(fact.confidence, INFERRED + 0.2), DERIVED, why)
