"""A file → its Document, by what the bytes are (not only the suffix); failures become findings.

PDF (pypdfium2), DOCX (python-docx), HTML (BeautifulSoup), Markdown and plain text (UTF-8, GB18030 or UTF-16).
"""

from __future__ import annotations

from pathlib import Path

from ..model import Finding, Location
from ..model.catalogue import finding
from .document import Document, DocumentBuilder, Origin

MAX_BYTES = 50 * 1024 * 1024  # a published report is a few MB at most
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}


class ExtractError(Exception):
    """A file that cannot be read as a report; carries the catalogue code and the reason."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


def read_document(path: Path) -> tuple[Document | None, list[Finding]]:
    try:
        data = _read_bytes(path)
    except ExtractError as exc:
        return None, [finding(exc.code, location=Location(file=str(path)), reason=exc.reason)]
    return read_document_data(path, data)


def read_document_data(path: Path, data: bytes) -> tuple[Document | None, list[Finding]]:
    """The bytes of a file already read (`path` names it and gives its suffix): a batch hashes what it reads."""
    name = str(path)
    try:
        if not data.strip():
            raise ExtractError("JX-E001", "文件是空的：没有任何内容")
        doc = _dispatch(path, data)
    except ExtractError as exc:
        return None, [finding(exc.code, location=Location(file=name), reason=exc.reason)]
    if not doc.text.strip():
        return None, [finding("JX-E001", location=Location(file=name), reason="文件中没有任何文字")]
    return doc, []


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ExtractError("JX-E001", "文件不存在")
    if path.is_dir():
        raise ExtractError("JX-E001", "这是一个目录，不是文件")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ExtractError("JX-E001", f"文件过大，上限为 {MAX_BYTES // 1024 // 1024} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError("JX-E001", f"无法读取文件：{exc.strerror}") from exc
    if not data.strip():
        raise ExtractError("JX-E001", "文件是空的：没有任何内容")
    return data


def _dispatch(path: Path, data: bytes) -> Document:
    suffix = path.suffix.lower()
    name = str(path)
    if data[:5] == b"%PDF-" or suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(data, name)
    if data[:4] == b"PK\x03\x04" or suffix == ".docx":
        from .docx import read_docx

        return read_docx(data, name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or suffix in (".doc", ".wps"):
        raise ExtractError("JX-E004", "这是旧版 Word（.doc）文件：请在 Word 或 LibreOffice 中另存为 .docx 或 PDF 后再提取")
    text = decode_text(data)
    if suffix in _HTML_SUFFIXES or _looks_html(text):
        from .html import read_html

        return read_html(text, name)
    if suffix in (".md", ".markdown"):
        from .markdown import read_markdown

        return read_markdown(text, name)
    builder = DocumentBuilder(name, "txt")
    builder.add(text, Origin())
    return builder.build()


def decode_text(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ExtractError("JX-E004", "文件含有二进制内容，不是 PDF、DOCX、HTML 或文本文件，或文件已损坏")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractError("JX-E004", "无法识别文件的文字编码（既不是 UTF-8 也不是 GB18030）")


def _looks_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)
