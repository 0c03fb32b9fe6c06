"""The per-document task, the same in a local worker process and on a cluster: read the file once, hash what
was read, extract, review through the one pipeline (jixiao.review), and turn the result into rows.

Takes and returns plain picklable values. Never raises: a failure becomes a `failed` document with its finding.
"""

from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..extract import extract_data
from ..extract.textlayer import MAX_BYTES
from ..model import Finding, Location
from ..model.catalogue import finding
from ..review import review_extraction
from .rows import Rows, document_rows


@dataclass(frozen=True)
class DocumentResult:
    sha256: str
    path: str
    status: str  # ok, failed, timeout
    rows: Rows


def file_digest(path: Path) -> tuple[str, int]:
    """sha256 and size of a file, read in blocks (the parent hashes every input to skip what is stored)."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def process_document(path: str, ruleset: str | None = None, known_sha256: str = "") -> DocumentResult:
    """Extract, score and check one report. `ruleset` is a rule-set name or None (the default for its kind);
    `known_sha256` is the hash the parent read, recorded when the file can no longer be read here."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:  # refused unread, as extraction refuses it
            sha, size = file_digest(file)
            return failed_result(path, sha, size, finding("JX-E001", location=Location(file=path),
                                 reason=f"文件过大，上限为 {MAX_BYTES // 1024 // 1024} MB"), ruleset=ruleset)
        data = file.read_bytes()
    except OSError as exc:
        return failed_result(path, known_sha256, 0, finding("JX-E001", location=Location(file=path),
                             reason=f"无法读取文件：{exc.strerror}"), ruleset=ruleset)
    sha = hashlib.sha256(data).hexdigest()
    try:
        extraction = extract_data(data, file)
        review = review_extraction(extraction, file, ruleset)
        status = "ok" if review.evaluation is not None else "failed"
        rows = document_rows(file, sha, len(data), __version__, review, extraction, status)
    except Exception as exc:  # a defect in jixiao: the document is recorded as failed, the batch goes on
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"{type(exc).__name__}: {exc}（{Path(where.filename).name}:{where.lineno}）"
        return failed_result(path, sha, len(data), finding("JX-P003", location=Location(file=path), reason=reason),
                             ruleset=ruleset)
    return DocumentResult(sha, path, status, rows)


def failed_result(path: str, sha256: str, size: int, problem: Finding, status: str = "failed",
                  ruleset: str | None = None) -> DocumentResult:
    """A document recorded with the finding that says why it has no results (also for a timeout)."""
    rows = document_rows(Path(path), sha256, size, __version__, None, None, status, (problem,))
    if ruleset is not None:  # the rule set asked for, so that every row of the dataset names one
        rows = {t: [(*r[:3], ruleset, *r[4:]) for r in rs] for t, rs in rows.items()}
    return DocumentResult(sha256, path, status, rows)
