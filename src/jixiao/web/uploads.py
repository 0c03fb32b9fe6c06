"""Reading an uploaded file into a document, safely: size, type and content are checked before parsing.

YAML and JSON go through the loader; XLSX through the Excel loader (openpyxl with defusedxml); PDF and DOCX
through the extractor. Every problem is a message for the user, never an exception.
"""

from __future__ import annotations

import dataclasses
import io
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import extract_file
from ..load.reader import decode, load_text
from ..load.xlsx import load_xlsx
from . import limits
from .analysis import document_of

MAX_UPLOAD = 5 * 1024 * 1024
MAX_UNZIPPED = 60 * 1024 * 1024  # an XLSX/DOCX that inflates beyond this is refused (zip bomb)
TEXT_TYPES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
ZIP_TYPES = {".xlsx", ".docx"}
ALLOWED = ", ".join([".yaml", ".yml", ".json", ".xlsx", ".docx", ".pdf"])


class UploadRejected(Exception):
    """The file is refused before parsing; the message is for the user."""


@dataclass
class Parsed:
    document: dict | None
    findings: list[dict] = field(default_factory=list)
    report: bool = False  # read from a published report (PDF/DOCX), not from a data file


# what a file of each binary type starts with: a file whose content does not match its extension is refused
MAGIC = {".xlsx": b"PK\x03\x04", ".docx": b"PK\x03\x04", ".pdf": b"%PDF",
         ".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
MAGIC_NAMES = {".xlsx": "Office 文件", ".docx": "Office 文件", ".pdf": "PDF", ".png": "PNG 图片", ".jpg": "JPEG 图片",
               ".jpeg": "JPEG 图片"}


def check_size(data: bytes, limit: int | None = None) -> None:
    limit = MAX_UPLOAD if limit is None else limit
    if len(data) > limit:
        raise UploadRejected(f"文件过大（{len(data) / 1024 / 1024:.1f} MB），上限为 {limit // 1024 // 1024} MB。")
    if not data:
        raise UploadRejected("文件是空的。")


def check_content(suffix: str, data: bytes) -> None:
    """The content is what the extension says (file header), and an Office file does not inflate beyond the limit."""
    magic = MAGIC.get(suffix)
    if magic is not None and not data.startswith(magic):
        raise UploadRejected(f"文件内容不是 {MAGIC_NAMES[suffix]}（扩展名与内容不符）。")
    if suffix in ZIP_TYPES:
        _check_zip(io.BytesIO(data))


def _check_zip(path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNZIPPED:
                raise UploadRejected("文件解压后过大，已拒绝。")
    except zipfile.BadZipFile:
        raise UploadRejected("文件已损坏，或不是真正的 Office 文件（扩展名与内容不符）。")


def _from_binary(suffix: str, data: bytes, name: str):
    """Office and PDF files are read from a temporary file; findings name the user's file, never the temporary one."""
    with tempfile.TemporaryDirectory(prefix="jixiao-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        result = _read_binary(suffix, path)
        return _renamed(result, str(path), Path(name).name or f"upload{suffix}")


def _read_binary(suffix: str, path: Path):
    if suffix in ZIP_TYPES:
        _bounded(limits.check_office, path, suffix)
    else:
        _bounded(limits.check_pdf, path)
    if suffix == ".xlsx":
        return load_xlsx(path)
    return extract_file(path)


def _renamed(result, temporary: str, name: str):
    """The same result with the temporary path replaced by the uploaded file's name in every finding."""
    def fix(f):
        location = f.location
        if location is not None and location.file and temporary in location.file:
            location = location.model_copy(update={"file": location.file.replace(temporary, name)})
        return f.model_copy(update={"location": location, "message": f.message.replace(temporary, name)})

    return dataclasses.replace(result, findings=[fix(f) for f in result.findings])


def _bounded(check, *args) -> None:
    try:
        check(*args)
    except limits.TooLarge as exc:
        raise UploadRejected(str(exc)) from None


def parse_upload(name: str, data: bytes) -> Parsed:
    suffix = Path(name).suffix.lower()
    check_size(data)
    if suffix in TEXT_TYPES:
        text, failure = decode(data, name)
        if failure is None:
            _bounded(limits.check_yaml if TEXT_TYPES[suffix] == "yaml" else limits.check_json, text)
        result = failure or load_text(text, TEXT_TYPES[suffix], name)
    elif suffix in ZIP_TYPES or suffix == ".pdf":
        check_content(suffix, data)
        result = _from_binary(suffix, data, name)
    else:
        raise UploadRejected(f"不支持的文件类型“{suffix or '无扩展名'}”，可上传：{ALLOWED}。")
    findings = [f.as_json() for f in result.findings]
    document = document_of(result.evaluation) if result.evaluation is not None else None
    if document is not None:
        _bounded(limits.check_document, document)  # what the file turned into: an Excel or PDF too
    return Parsed(document, findings, report=suffix in (".docx", ".pdf"))
