"""The public entry points: extract_file(path) and extract_text(text) → Extraction. Never raises for bad input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Evaluation, Finding, Location
from ..model.catalogue import finding
from .completeness import CutOff, cut_off
from .document import Document
from .facts import READ_METHODS, ReportFacts
from .pipeline import read_report
from .summary import summarize
from .textlayer import read_document, read_document_data
from .to_model import model_sources, to_evaluation


@dataclass(frozen=True)
class Value:
    """One extracted value with its provenance."""

    path: str  # summary-style field path: budget, projects[0].indicators[2].target
    value: Any
    location: Location | None
    source: str  # the sentence or table line it came from
    confidence: float
    method: str = "label"  # how it was found: label, table, table-aligned, title, byline, derived, computed …
    why: str = ""  # the same in Chinese words, for --explain

    @property
    def read(self) -> bool:
        """Read from the text (a label's number, a table cell), not guessed, derived or computed."""
        return self.method in READ_METHODS

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "value": _plain(self.value), "location": str(self.location) if self.location else None,
                "span": list(self.location.span) if self.location and self.location.span else None,
                "source": self.source, "confidence": self.confidence, "method": self.method, "why": self.why}


@dataclass
class Extraction:
    evaluation: Evaluation | None
    summary: dict[str, Any]
    values: list[Value] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    text: str = ""  # the report's text as read from the file, for checks that read prose
    # model path of the Evaluation (finance.budget, tasks[0].indicators[2].target …) → the value behind it
    provenance: dict[str, Value] = field(default_factory=dict)
    cut: CutOff | None = None  # where the text stops short (a page stored only in part), None when whole

    def origin(self, model_path: str) -> Value | None:
        """Where the Evaluation's field at `model_path` came from, and how sure the extractor is of it."""
        return self.provenance.get(model_path)

    def confidence(self, model_path: str) -> float | None:
        value = self.provenance.get(model_path)
        return value.confidence if value else None

    def is_read(self, model_path: str, minimum: float = 0.7) -> bool:
        """The field was read from the text (a label's number, a table cell) with at least `minimum`
        confidence — not derived, computed or guessed. A check that would raise an error on the field
        should only do so when this holds; otherwise a warning that says the value is uncertain."""
        value = self.provenance.get(model_path)
        return value is not None and value.read and value.confidence >= minimum

    def lines_of(self, *fields: str) -> set[int]:
        """Line numbers of `text` that values of these fields (conclusion, outcome …, any index) came from."""
        lines: set[int] = set()
        for v in self.values:
            name = re.sub(r"\[\d+\]$", "", v.path.rsplit(".", 1)[-1])
            if name in fields and v.location is not None and v.location.span:
                start, end = v.location.span
                first = v.location.line
                lines.update(range(first, first + self.text.count("\n", start, max(start, end - 1)) + 1))
        return lines


def extract_text(text: str, file: str | None = None) -> Extraction:
    return _extract(Document(file=file, raw=text))


def extract_file(path: str | Path) -> Extraction:
    return _from_document(*read_document(Path(path)))


def extract_data(data: bytes, path: str | Path) -> Extraction:
    """A report's bytes, already read from `path` (which names it in findings and gives its suffix)."""
    return _from_document(*read_document_data(Path(path), data))


def _from_document(doc: Document | None, findings: list[Finding]) -> Extraction:
    if doc is None:
        return Extraction(None, summarize(ReportFacts()), [], findings)
    result = _extract(doc)
    result.findings[:0] = findings
    return result


def _extract(doc: Document) -> Extraction:
    report = read_report(doc)
    values = [_value(path, fact) for path, fact in report.records()]
    findings: list[Finding] = []
    if not values or all(v.path in ("year", "report_type", "unit") for v in values):
        findings.append(finding("JX-E005", location=Location(file=doc.file)))
    evaluation, model_findings = to_evaluation(report, doc.file)
    provenance = {path: _value(path, fact) for path, fact in model_sources(report).items()} if evaluation else {}
    cut = cut_off(doc.raw) if values else None
    if cut is not None:
        findings.append(finding("JX-E007", location=Location(file=doc.file, line=cut.line), tail=cut.tail))
    return Extraction(evaluation, summarize(report), values, findings + model_findings, doc.raw, provenance, cut)


def _value(path: str, fact) -> Value:
    return Value(path, fact.value, fact.location, fact.source, fact.confidence, fact.method, fact.why)


def _plain(value: Any) -> Any:
    from decimal import Decimal

    return str(value) if isinstance(value, Decimal) else value
