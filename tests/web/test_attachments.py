"""佐证材料: checked like uploads, stored under generated names, listed, downloaded, deleted by the uploader in a draft."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from jixiao.web.models import Attachment, AuditLog, Profile, Role
from jixiao.web.services import apply_transition

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _office() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


def _stored_files() -> set[str]:
    folder = Path(settings.ATTACHMENTS_DIR)
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def _upload(client, ev, name, data, note=""):
    return client.post(f"/e/{ev.pk}/attachments/", {"attachment": SimpleUploadedFile(name, data), "note": note}, follow=True)


def test_upload_list_download_and_the_file_is_stored_under_a_generated_name(world, client_for):
    client = client_for(world.filler_a)
    text = _upload(client, world.ev_a, "../../签到表 2023.pdf", PDF, "活动签到表").content.decode()
    assert "已上传佐证材料“签到表 2023.pdf”" in text
    item = Attachment.objects.get()
    assert item.name == "签到表 2023.pdf" and item.note == "活动签到表" and item.size == len(PDF)
    stored = Path(settings.ATTACHMENTS_DIR) / item.stored_name
    assert stored.read_bytes() == PDF and "签到" not in item.stored_name and ".." not in item.stored_name
    page = client_for(world.reviewer).get(f"/e/{world.ev_a.pk}/").content.decode()
    assert "签到表 2023.pdf" in page and "活动签到表" in page
    response = client_for(world.reviewer).get(f"/e/{world.ev_a.pk}/attachments/{item.pk}/")
    assert response.status_code == 200 and response.content == PDF and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert AuditLog.objects.filter(action="attachment_add").exists()
    assert AuditLog.objects.filter(action="download", detail__contains="签到表").exists()


@pytest.mark.parametrize("name, data, message", [
    ("x.exe", b"MZ...", "不支持的佐证材料类型"),
    ("x.html", b"<script>", "不支持的佐证材料类型"),
    ("x", PDF, "无扩展名"),
    ("x.pdf", b"not a pdf", "不是 PDF"),
    ("x.png", PDF, "不是 PNG 图片"),
    ("x.docx", PDF, "不是 Office 文件"),
    ("x.pdf", b"", "文件是空的"),
])
def test_wrong_types_are_refused(world, client_for, name, data, message):
    before = _stored_files()
    text = _upload(client_for(world.filler_a), world.ev_a, name, data).content.decode()
    assert "佐证材料上传被拒绝" in text and message in text
    assert not Attachment.objects.exists() and _stored_files() == before


def test_size_is_checked_like_uploads(world, client_for):
    text = _upload(client_for(world.filler_a), world.ev_a, "big.pdf", PDF + b"0" * (5 * 1024 * 1024)).content.decode()
    assert "文件过大" in text and not Attachment.objects.exists()


def test_images_and_office_files_are_accepted(world, client_for):
    client = client_for(world.filler_a)
    _upload(client, world.ev_a, "现场照片.png", PNG)
    _upload(client, world.ev_a, "台账.xlsx", _office())
    assert sorted(Attachment.objects.values_list("suffix", flat=True)) == [".png", ".xlsx"]


def test_only_the_uploader_deletes_and_only_while_draft(world, client_for):
    from django.contrib.auth import get_user_model

    colleague = get_user_model().objects.create_user("filler_a2", password="Jx-test-pass-2024")
    Profile.objects.create(user=colleague, role=Role.FILLER, department=world.dept_a)
    _upload(client_for(world.filler_a), world.ev_a, "a.pdf", PDF)
    item = Attachment.objects.get()
    url = f"/e/{world.ev_a.pk}/attachments/{item.pk}/delete/"
    assert client_for(colleague).post(url).status_code == 403
    apply_transition(world.ev_a, "submit", world.filler_a)
    assert client_for(world.filler_a).post(url).status_code == 403  # submitted: read-only
    assert _upload(client_for(world.filler_a), world.ev_a, "b.pdf", PDF).status_code == 403
    apply_transition(world.ev_a, "return", world.reviewer, "请补充")
    stored = Path(settings.ATTACHMENTS_DIR) / item.stored_name
    client_for(world.filler_a).post(url)
    assert not Attachment.objects.exists() and not stored.exists()
    assert AuditLog.objects.filter(action="attachment_delete", detail="a.pdf").exists()


def test_another_evaluations_attachment_is_404(world, client_for):
    _upload(client_for(world.filler_b), world.ev_b, "b.pdf", PDF)
    item = Attachment.objects.get()
    # the right id under an evaluation the user may see, but not the one it belongs to
    assert client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/attachments/{item.pk}/").status_code == 404
    assert client_for(world.filler_a).post(f"/e/{world.ev_a.pk}/attachments/{item.pk}/delete/").status_code == 404
    assert Attachment.objects.count() == 1
