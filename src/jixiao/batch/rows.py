"""One document's rows for every table, from its Review (and the Extraction behind it). Reads, never computes:
execution rates, verdicts, scores and grades are the model's and the rule set's, as the review produced them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from ..extract import Extraction
from ..model import Evaluation, Finding, Money, Severity, Task, format_quantity, round2
from ..model.regions import province_in_text, province_named_as, province_of_name
from ..review import Review
from .schema import LIMIT, TABLES

Rows = dict[str, list[tuple]]


def document_rows(path: Path, sha256: str, size: int, version: str, review: Review | None,
                  extraction: Extraction | None, status: str = "ok",
                  extra_findings: tuple[Finding, ...] = ()) -> Rows:
    """All rows of one document. `review` is None for a document that could not be processed at all."""
    evaluation = review.evaluation if review is not None else None
    ruleset = review.ruleset.name if review is not None and review.ruleset is not None else None
    common = (sha256, str(path), version, ruleset)
    findings = (*(review.findings if review is not None else ()), *extra_findings)
    rows: Rows = {name: [] for name in TABLES}
    rows["documents"].append(common + _document(path, size, status, review, evaluation, extraction, findings))
    rows["findings"] = [common + _finding(i, f) for i, f in enumerate(findings)]
    if evaluation is not None:
        rows["finance"] = [common + row for row in _finance(evaluation)]
        rows["projects"] = [common + _project(i, t, review) for i, t in enumerate(evaluation.tasks)]
        rows["indicators"] = [common + _indicator(ti, ii, ind, review) for ti, ii, ind in evaluation.indicators()]
    if extraction is not None:
        rows["provenance"] = [common + (field, _text(v.value), str(v.location) if v.location else None, v.source,
                                        float(v.confidence), v.method)
                              for field, v in sorted(extraction.provenance.items())]
    return rows


def _document(path: Path, size: int, status: str, review: Review | None, ev: Evaluation | None,
              extraction: Extraction | None, findings: tuple[Finding, ...]) -> tuple:
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    head = (path.name, size, status)
    if ev is None:
        return head + (None,) * 16 + (0, 0, counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])
    funds = ev.funds()
    card = review.scorecard if review is not None else None
    return head + (
        ev.kind.value, ev.kind.label, ev.year, ev.department.name or None, ev.department.supervisor,
        _province(ev, path, extraction), ev.title, ev.unit.value,
        _yuan(funds.budget), _yuan(funds.executed), review.execution_rate if review is not None else None,
        _rate(card.total) if card is not None else None, card.grade if card else None, card.grade_label if card else None,
        _rate(ev.declared_score), ev.declared_grade,
        len(ev.tasks), sum(len(t.indicators) for t in ev.tasks),
        counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO],
    )


def _province(ev: Evaluation, path: Path, extraction: Extraction | None) -> str | None:
    """The unit's name, then a folder named after a province (downloads kept by province), then the text."""
    for name in (ev.department.name, ev.department.supervisor, ev.signature):
        found = province_of_name(name)
        if found:
            return found
    for part in reversed(path.parent.parts):
        found = province_named_as(part)
        if found:
            return found
    return province_in_text(extraction.text) if extraction is not None else None


def _finance(ev: Evaluation) -> list[tuple]:
    rows = []
    fin = ev.finance
    if fin is not None:
        for key in ("initial_budget", "budget", "executed", "carryover"):
            _money_row(rows, None, key, fin.LABELS[key], getattr(fin, key))
        for part_key, part in (("by_source", fin.by_source), ("by_nature", fin.by_nature)):
            if part is not None:
                for key, label in part.LABELS.items():
                    _money_row(rows, None, f"{part_key}.{key}", label, getattr(part, key))
    for i, task in enumerate(ev.tasks):
        for key, label in (("initial_budget", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数")):
            _money_row(rows, i, key, label, getattr(task, key))
        sources = task.by_source
        if sources is not None:
            for key, label in sources.LABELS.items():
                line = getattr(sources, key)
                if line is not None:
                    for part, part_label in (("initial_budget", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数")):
                        _money_row(rows, i, f"by_source.{key}.{part}", f"{label}·{part_label}", getattr(line, part))
    return rows


def _money_row(rows: list, task_index: int | None, item: str, label: str, money: Money | None) -> None:
    if money is not None:
        rows.append((task_index, item, label, _yuan(money)))


def _project(i: int, task: Task, review: Review) -> tuple:
    item = review.scorecard.item(f"tasks[{i}]") if review.scorecard is not None else None
    rate = task.computed_rate()
    return (i, task.name or None, _yuan(task.initial_budget), _yuan(task.budget), _yuan(task.executed),
            _rate(rate), _rate(task.execution_rate), len(task.indicators),
            _rate(item.score) if item else None, _rate(item.weight) if item else None)


def _indicator(ti: int, ii: int, ind, review: Review) -> tuple:
    item = review.scorecard.item(f"tasks[{ti}].indicators[{ii}]") if review.scorecard is not None else None
    verdict = ind.verdict()
    return (ti, ii, ind.resolved_level1.value if ind.resolved_level1 else None, ind.level2, ind.name or None, ind.unit,
            format_quantity(ind.target) if ind.target is not None else None,
            format_quantity(ind.actual) if ind.actual is not None else None, ind.met,
            verdict.outcome.value, verdict.outcome.label, _rate(ind.weight), _rate(ind.score),
            _rate(item.score) if item else None)


def _finding(i: int, f: Finding) -> tuple:
    return (i, f.code, f.severity.value, f.severity.label, f.message, f.path or None,
            str(f.location) if f.location else None)


def _yuan(money: Money | None) -> Decimal | None:
    return _rate(money.yuan()) if money is not None else None


def _rate(value: Decimal | None) -> Decimal | None:
    if value is None or not value.is_finite() or abs(value) >= LIMIT:
        return None
    return round2(value)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)
