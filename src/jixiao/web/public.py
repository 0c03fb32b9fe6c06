"""信息公开: what anyone on the network may see of a published evaluation, and nothing more.

Only evaluations in 已公开 are reachable. Their files are the unit's own report and 自评表 as the CLI renders
them for the public: the report without the review (no rule-set score, no findings), the 自评表 from the unit's
own figures only (its 复核得分 column left empty). Comments, findings, versions and the workflow stay inside.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.cache import cache
from django.db.models import OuterRef, Subquery

from .. import render
from .analysis import analyse
from .exports import ExportUnavailable
from .models import Evaluation, Stage, Status, Transition

FORMATS = {"pdf": "自评报告（PDF）", "docx": "自评报告（Word）", "xlsx": "自评表（Excel）"}
CACHE_SECONDS = 24 * 3600  # a published revision never changes; the key carries its number


def published():
    """Published evaluations with the date they were made public, lightest columns only."""
    made_public = (Transition.objects.filter(evaluation=OuterRef("pk"), to_status=Status.PUBLISHED)
                   .order_by("-created_at", "-pk").values("created_at")[:1])
    return (Evaluation.objects.filter(status=Status.PUBLISHED, stage=Stage.SELF, current__isnull=False)
            .select_related("department", "year").only("pk", "kind", "status", "version", "current_id",
                                                       "department__name", "year__year")
            .annotate(published_at=Subquery(made_public)))


def report_format() -> str:
    """PDF where LibreOffice is installed; otherwise the Word report."""
    return "pdf" if render.pdf_available() else "docx"


def public_file(evaluation: Evaluation, fmt: str) -> bytes:
    """The public file of a published evaluation's current revision (cached: the revision never changes)."""
    key = f"jixiao-public:{evaluation.current_id}:{fmt}"
    data = cache.get(key)
    if data is None:
        data = _render(evaluation.current.document, fmt)
        cache.set(key, data, CACHE_SECONDS)
    return data


def _render(document: dict, fmt: str) -> bytes:
    reviewed = analyse(document)
    if reviewed.evaluation is None:
        raise ExportUnavailable("这份自评的数据无法生成文件。")
    with tempfile.TemporaryDirectory(prefix="jixiao-public-") as tmp:
        out = Path(tmp) / f"public.{fmt}"
        if fmt == "xlsx":  # the unit's own figures: no rule-set score in the 复核得分 column
            render.render_xlsx(render.make_view(reviewed.evaluation), out)
            return out.read_bytes()
        view = render.build_view(reviewed)  # with_review=False: the report as published
        docx = Path(tmp) / "public.docx"
        render.render_docx(view, docx)
        if fmt == "docx":
            return docx.read_bytes()
        try:
            render.render_pdf(docx, out)
        except render.PdfUnavailable as exc:
            raise ExportUnavailable(f"无法生成 PDF：{exc}")
        return out.read_bytes()
