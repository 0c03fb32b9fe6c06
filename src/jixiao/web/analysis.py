"""Run the library on a stored document: load, score, check. No Django here: plain data in, plain data out.

Scoring (jixiao.rules) and checks (jixiao.checks) are imported lazily, so the web app works — without a
score — on an installation where those packages are not present.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..load import LoadResult, load_text, to_document
from ..model import Evaluation, Finding, Severity, round2

log = logging.getLogger(__name__)


def plain(doc: Any) -> Any:
    """Document → JSON-safe, with Decimals as exact strings (never float)."""
    if isinstance(doc, dict):
        return {k: plain(v) for k, v in doc.items()}
    if isinstance(doc, (list, tuple)):
        return [plain(v) for v in doc]
    if isinstance(doc, Decimal):
        return format(doc, "f")
    return doc


def document_of(evaluation: Evaluation) -> dict:
    return plain(to_document(evaluation))


def load_document(doc: dict, name: str = "自评数据") -> LoadResult:
    return load_text(json.dumps(doc, ensure_ascii=False), "json", name)


@dataclass
class Analysis:
    evaluation: Evaluation | None
    findings: list[Finding] = field(default_factory=list)
    score: Decimal | None = None
    grade: str = ""
    grade_label: str = ""
    execution_rate: Decimal | None = None
    scorecard: Any = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def findings_json(self) -> list[dict]:
        return [f.as_json() for f in self.findings]


def _execution_rate(ev: Evaluation) -> Decimal | None:
    rate = ev.execution_rate()
    return None if rate is None else round2(rate)


def _score(ev: Evaluation, result: Analysis) -> None:
    try:
        from ..rules import RuleSetError, score
    except ImportError:
        return
    try:
        card = score(ev)
    except RuleSetError:  # unknown or broken rule set: unscored; the checks report it (JX-R0xx)
        return
    result.scorecard = card
    result.score = card.total
    result.grade = str(card.grade)
    result.grade_label = getattr(card, "grade_label", "") or result.grade


def _checks(ev: Evaluation, scorecard) -> list[Finding]:
    try:
        from ..checks import check
    except ImportError:
        return []
    return list(check(ev, None, scorecard) if scorecard is not None else check(ev))


def analyse(doc: dict) -> Analysis:
    """Load the document and, when it loads, score and check it. Load findings come first."""
    loaded = load_document(doc)
    result = Analysis(loaded.evaluation, list(loaded.findings))
    if loaded.evaluation is None:
        return result
    result.execution_rate = _execution_rate(loaded.evaluation)
    # A defect in scoring or checks must not lose the user's save: the revision is stored without a score.
    try:
        _score(loaded.evaluation, result)
    except Exception:
        log.exception("scoring failed")
    try:
        result.findings += _checks(loaded.evaluation, result.scorecard)
    except Exception:
        log.exception("checks failed")
    return result
