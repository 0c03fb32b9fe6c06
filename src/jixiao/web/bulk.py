"""Work on many evaluations at once: one workflow step for several, and a year's files in one ZIP.

A bulk step is the single step repeated: the same permission check and the same service, so each evaluation
gets its own transition and audit entry, and one that cannot take the step is left as it was, with the reason.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db.models import Sum

from .. import render
from ..render.summary import SummaryRow, summary_row
from .analysis import analyse
from .models import Evaluation, ReviewScore
from .permissions import ACTION_LABELS, allowed_actions
from .review_scores import for_render
from .services import WorkflowError, apply_transition

BULK_ACTIONS = ("accept", "return")  # what the queue offers for several at once


@dataclass
class BulkResult:
    done: list[Evaluation] = field(default_factory=list)
    skipped: list[tuple[Evaluation, str]] = field(default_factory=list)


def bulk_step(user, evaluations, action: str, comment: str, request=None) -> BulkResult:
    """Apply `action` to each evaluation the user may take it on; the rest are skipped with the reason."""
    result = BulkResult()
    for ev in evaluations:
        if action not in allowed_actions(user, ev):
            result.skipped.append((ev, f"当前为“{ev.get_status_display()}”，不能{ACTION_LABELS[action]}"))
            continue
        try:
            apply_transition(ev, action, user, comment, request)
        except WorkflowError as exc:
            result.skipped.append((ev, str(exc)))
        else:
            result.done.append(ev)
    return result


_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]+")


def safe_name(text: str, limit: int = 60) -> str:
    """A file-name part from a user's text: no separators, no control characters, no leading dots."""
    cleaned = _UNSAFE.sub("_", str(text)).strip(" ._")
    return cleaned[:limit] or "未命名"


def reviewer_totals(evaluations) -> dict[int, Decimal]:
    """Each evaluation's reviewer 复核评分 summed over the rows scored, for its current revision."""
    totals: dict[int, Decimal] = {}
    current = {ev.pk: ev.version for ev in evaluations}
    rows = (ReviewScore.objects.filter(evaluation_id__in=current).values("evaluation_id", "revision_number")
            .annotate(total=Sum("score")))
    for r in rows:
        if current.get(r["evaluation_id"]) == r["revision_number"]:
            totals[r["evaluation_id"]] = r["total"]
    return totals


def year_archive(year: int, evaluations, target, with_pdf: bool = False) -> tuple[int, list[str]]:
    """Write the ZIP to `target` (a path or a binary file): each evaluation's report (DOCX, and PDF when asked and available) and 自评表,
    plus one 汇总表 of all. Returns the number of evaluations in it and the problems met (one line each)."""
    evaluations = [ev for ev in evaluations if ev.current is not None]
    totals = reviewer_totals(evaluations)
    pdf = with_pdf and render.pdf_available()
    rows: list[SummaryRow] = []
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="jixiao-zip-") as tmp, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        out = Path(tmp)
        for ev in evaluations:
            stem = f"{ev.pk:05d}-{safe_name(ev.department.name)}-{ev.get_kind_display()}"
            reviewed = analyse(ev.current.document)
            if reviewed.evaluation is None:
                problems.append(f"{ev.department.name}（{ev.get_kind_display()}）：数据有错误，未生成报告和自评表")
                continue
            rows.append(summary_row(reviewed.evaluation, reviewed.scorecard, ev.get_status_display(), totals.get(ev.pk)))
            view = render.build_view(reviewed, review_scores=for_render(ev, reviewed))
            docx = render.render_docx(view, out / "report.docx")
            archive.write(docx, f"{year}年度自评/{stem}/自评报告.docx")
            archive.write(render.render_xlsx(view, out / "form.xlsx"), f"{year}年度自评/{stem}/自评表.xlsx")
            if pdf:
                try:
                    archive.write(render.render_pdf(docx, out / "report.pdf"), f"{year}年度自评/{stem}/自评报告.pdf")
                except render.PdfUnavailable as exc:
                    problems.append(f"{ev.department.name}：未生成 PDF（{exc}）")
        rows.sort(key=lambda r: (r.department, r.kind))
        archive.write(render.render_summary_xlsx(year, rows, out / "summary.xlsx"), f"{year}年度自评/{year}年度汇总表.xlsx")
        if with_pdf and not pdf:
            problems.append("未找到 LibreOffice，压缩包中只有 DOCX 报告，没有 PDF")
        if problems:
            archive.writestr(f"{year}年度自评/说明.txt", "\n".join(problems) + "\n")
    return len(rows), problems
