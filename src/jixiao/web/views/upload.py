"""Upload a file into a draft: parse, show findings and what would change, overwrite only after confirmation."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .. import audit
from ..analysis import analyse
from ..diff import compare
from ..permissions import evaluation_for, require_edit
from ..models import Stage
from ..services import fix_identity, identity_problems, save_revision, started_from
from .editor import report_save
from ..uploads import MAX_UPLOAD, UploadRejected, parse_upload

SESSION_KEY = "pending_upload_{}"


@require_POST
def upload(request, pk):
    evaluation = evaluation_for(request.user, pk)
    require_edit(request.user, evaluation)
    file = request.FILES.get("file")
    if file is None:
        messages.error(request, "请选择要上传的文件。")
        return redirect("edit", pk=pk)
    try:
        if file.size > MAX_UPLOAD:
            raise UploadRejected(f"文件过大，上限为 {MAX_UPLOAD // 1024 // 1024} MB。")
        parsed = parse_upload(file.name, file.read(MAX_UPLOAD + 1))
        problems = identity_problems(parsed.document or {}, evaluation, year_from_record=parsed.report)
        if problems:
            raise UploadRejected("；".join(problems) + "。单位、年度和类型以系统中的记录为准，请上传本单位本年度的数据。")
    except UploadRejected as exc:
        audit.record(request, "upload_rejected", evaluation, f"{file.name}: {exc}")
        messages.error(request, f"上传被拒绝：{exc}")
        return redirect("edit", pk=pk)
    errors = [f for f in parsed.findings if f["severity"] == "error"]
    document = parsed.document
    if document is not None and not evaluation.is_targets and document.get("stage") == Stage.TARGET:
        # the approved 绩效目标表 as the start of the self-evaluation: its targets become the 批复指标值
        document = started_from(document) or document
        messages.info(request, "上传的是绩效目标表：其中的年度指标值已记为批复指标值，作为本自评的起点；"
                               "之后改动的指标值会显示为“调整”，须写明调整原因。")
    document = fix_identity(document, evaluation) if document is not None else None
    if document is not None:
        request.session[SESSION_KEY.format(pk)] = {"document": document, "name": file.name[:150], "base": evaluation.version}
    current = evaluation.current.document if evaluation.current else {}
    return render(request, "web/upload_confirm.html", {
        "ev": evaluation, "name": file.name, "findings": parsed.findings, "errors": errors,
        "document": document, "changes": compare(current, document) if document else [],
        # what the draft would score and how many findings the checks would give, beside the current figures
        "after": analyse(document) if document else None, "rev": evaluation.current,
        "uploaded_year": (parsed.document or {}).get("year"),
    })


@require_POST
def confirm(request, pk):
    evaluation = evaluation_for(request.user, pk)
    require_edit(request.user, evaluation)
    pending = request.session.pop(SESSION_KEY.format(pk), None)
    if pending is None or request.POST.get("confirm") != "yes":
        messages.info(request, "已取消上传，草稿未改变。")
        return redirect("edit", pk=pk)
    saved = save_revision(evaluation, pending["document"], request.user, pending["base"], f"上传 {pending['name']}", request)
    if saved.conflict:
        report_save(request, saved, evaluation)
    else:
        messages.success(request, f"已用“{pending['name']}”覆盖草稿，保存为第{saved.revision.number}版。")
    return redirect("edit", pk=pk)
