"""Headers (CSP, HSTS, Secure cookies by setting), parser messages in Chinese, the user's own file name in
findings, UTF-16 files, task numbers in read-only views."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from .conftest import ROOT, SEED

pytestmark = pytest.mark.django_db


def _upload(client, pk, name, data):
    return client.post(f"/e/{pk}/upload/", {"file": SimpleUploadedFile(name, data)}, follow=True).content.decode()


def test_every_page_has_a_content_security_policy_and_only_local_assets(world, client_for, client):
    pages = [client.get("/login/"), client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/"),
             client_for(world.reviewer).get("/review/"), client_for(world.admin).get("/manage/users/")]
    for response in pages:
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        html = response.content.decode()
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not url.startswith(("http:", "https:", "//")), url
        assert "<script>" not in html and " style=" not in html and " onclick=" not in html


def _settings_under(env: dict) -> dict:
    code = ("import os, json; os.environ['DJANGO_SETTINGS_MODULE']='jixiao.web.settings'; "
            "from django.conf import settings as s; "
            "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
            "s.SECURE_SSL_REDIRECT, list(s.SECURE_PROXY_SSL_HEADER or [])]))")
    run = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, **env), capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_https_switches_on_secure_cookies_and_hsts(tmp_path):
    plain = _settings_under({"JIXIAO_DATA_DIR": str(tmp_path), "JIXIAO_HTTPS": "0"})
    assert plain == [False, False, 0, False, []]
    https = _settings_under({"JIXIAO_DATA_DIR": str(tmp_path), "JIXIAO_HTTPS": "1"})
    assert https[:2] == [True, True] and https[2] >= 31536000 and https[3] is True
    assert https[4] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_hsts_header_is_sent_over_https(world, client_for, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client_for(world.filler_a).get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.parametrize("name,data,english", [
    ("bad.json", b'{"kind": "department", "year": 2023 "tasks": []}', "Expecting"),
    ("bad.yaml", b"kind: department\nyear: 2023\ntasks: {a: [}\n", "did not find"),
    ("bad.yaml", b"kind: department\n  year: 2023\n", "mapping values"),
    ("bad.json", b'{"kind": "department",}', "Expecting"),
])
def test_parser_messages_are_chinese(world, client_for, name, data, english):
    page = _upload(client_for(world.filler_a), world.ev_a.pk, name, data)
    assert "语法错误：" in page and english not in page


def test_findings_name_the_users_file_not_a_temporary_one(world, client_for):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<broken")
        z.writestr("xl/workbook.xml", "<x/>")
    page = _upload(client_for(world.filler_a), world.ev_a.pk, "2023年自评表.xlsx", buffer.getvalue())
    assert "2023年自评表.xlsx" in page.split("读取文件")[1]
    assert "jixiao-upload-" not in page and "upload.xlsx" not in page and "/tmp" not in page
    assert "Error" not in page.split("读取文件")[1]  # no exception class names


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_are_read(world, client_for, encoding):
    data = SEED.read_text(encoding="utf-8").encode(encoding)
    page = _upload(client_for(world.filler_a), world.ev_a.pk, "notepad.yaml", data)
    assert "确认覆盖草稿" in page and "二进制" not in page


def test_a_binary_file_is_still_called_binary(world, client_for):
    page = _upload(client_for(world.filler_a), world.ev_a.pk, "x.yaml", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00garbage")
    assert "二进制" in page


def test_task_numbers_in_read_only_views(world, client_for):
    client_for(world.filler_a).post(f"/e/{world.ev_a.pk}/step/submit/")
    page = client_for(world.reviewer).get(f"/e/{world.ev_a.pk}/").content.decode()
    assert 'class="editor readonly"' in page
    assert "重点工作任务 / 项目 <span data-number>1</span>" in page
    assert "重点工作任务 / 项目 <span data-number>2</span>" in page
