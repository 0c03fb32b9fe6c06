"""佐证材料 of an evaluation: upload (while it can be changed), download (whoever may see it), delete (the uploader,
while it can be changed)."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from .. import attachments, audit
from ..models import Attachment
from ..permissions import can_delete_attachment, evaluation_for, require_edit


def _back(pk):
    return redirect(f"{reverse('edit', args=[pk])}#attachments")


def _attachment(evaluation, aid) -> Attachment:
    try:
        return evaluation.attachments.select_related("uploaded_by").get(pk=int(aid))
    except (Attachment.DoesNotExist, ValueError, TypeError):
        raise Http404("没有这个佐证材料")


@require_POST
def upload(request, pk):
    evaluation = evaluation_for(request.user, pk)
    require_edit(request.user, evaluation)
    file = request.FILES.get("attachment")
    if file is None:
        messages.error(request, "请选择要上传的佐证材料。")
        return _back(pk)
    try:
        if file.size > attachments.MAX_UPLOAD:
            raise attachments.UploadRejected(f"文件过大，上限为 {attachments.MAX_UPLOAD // 1024 // 1024} MB。")
        item = attachments.add(evaluation, request.user, file.name, file.read(attachments.MAX_UPLOAD + 1),
                               request.POST.get("note", ""), request)
    except attachments.UploadRejected as exc:
        audit.record(request, "upload_rejected", evaluation, f"佐证材料 {attachments.display_name(file.name)}: {exc}")
        messages.error(request, f"佐证材料上传被拒绝：{exc}")
    else:
        messages.success(request, f"已上传佐证材料“{item.name}”。")
    return _back(pk)


def download(request, pk, aid):
    evaluation = evaluation_for(request.user, pk)
    item = _attachment(evaluation, aid)
    try:
        data = attachments.read(item)
    except FileNotFoundError:
        raise Http404("佐证材料的文件已不存在，请联系管理员。")
    audit.record(request, "download", evaluation, f"佐证材料 {item.name}")
    response = HttpResponse(data, content_type=attachments.TYPES[item.suffix])
    # always a download, never shown inline: a file from a user is not rendered in the app's origin
    response["Content-Disposition"] = (f"attachment; filename=\"attachment-{item.pk}{item.suffix}\"; "
                                       f"filename*=UTF-8''{quote(item.name)}")
    return response


@require_POST
def delete(request, pk, aid):
    evaluation = evaluation_for(request.user, pk)
    item = _attachment(evaluation, aid)
    if not can_delete_attachment(request.user, evaluation, item):
        raise PermissionDenied("只有上传人可以在自评为草稿或退回修改时删除佐证材料。")
    attachments.remove(item, request.user, request)
    messages.success(request, f"已删除佐证材料“{item.name}”。")
    return _back(pk)
