"""Downloads of the current revision: YAML, JSON, DOCX, XLSX, PDF."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from .. import audit
from ..exports import CONTENT_TYPES, ExportUnavailable, export
from ..permissions import evaluation_for
from ..review_scores import for_render


def download(request, pk, fmt):
    evaluation = evaluation_for(request.user, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404("不支持的格式")
    if evaluation.current is None:
        messages.error(request, "还没有保存任何内容，无法下载。")
        return redirect("edit", pk=pk)
    try:
        data = export(evaluation.current.document, fmt, for_render(evaluation) if fmt == "xlsx" else None)
    except ExportUnavailable as exc:
        messages.error(request, str(exc))
        return redirect("edit", pk=pk)
    audit.record(request, "download", evaluation, f"{fmt}（第{evaluation.version}版）")
    filename = f"{evaluation}-第{evaluation.version}版.{fmt}"
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f"attachment; filename=\"evaluation-{evaluation.pk}.{fmt}\"; filename*=UTF-8''{quote(filename)}"
    return response
