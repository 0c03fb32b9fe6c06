"""Run the library on a stored document: the review pipeline (jixiao.review). No Django here: plain data in,
plain data out."""

from __future__ import annotations

import json
import logging
from decimal import Decimal
from typing import Any

from ..checks import CheckParams, OpenItem, check_rectification
from ..load import LoadResult, load_text, to_document
from ..model import Evaluation
from ..review import Review, review
from ..rules import resolve_ruleset

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


def analyse(doc: dict) -> Review:
    """Load, score, check and draft a stored document. Load findings come first.

    A defect in scoring or checks must not lose the user's save: the revision is then stored with the
    load findings only and no score.
    """
    loaded = load_document(doc)
    try:
        return review(loaded)
    except Exception:
        log.exception("review failed")
        return Review(loaded.evaluation, None, None, tuple(loaded.findings), None)


def rectification_findings(evaluation: Evaluation | None, items: list[OpenItem]) -> list[dict]:
    """The 整改 findings (JX-Z…) of a loaded document beside the department's open items of earlier years, as
    JSON like a revision's stored findings. Computed when shown, never stored with the revision: an item marked
    done is gone from them at once, without a new save. None (a document that does not load): none."""
    if not items or evaluation is None:
        return []
    try:
        ruleset, _ = resolve_ruleset(evaluation)  # its word lists; a rule set that cannot be used: the default's
        return [f.as_json() for f in check_rectification(evaluation, items, CheckParams(ruleset))]
    except Exception:
        log.exception("rectification check failed")
        return []
