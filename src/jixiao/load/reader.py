"""Read an input file safely: size, type and encoding are checked before anything is parsed."""

from __future__ import annotations

import codecs

from dataclasses import dataclass, field
from pathlib import Path

from ..model import Evaluation, Finding, Location, has_errors
from ..model.catalogue import finding
from .build import build
from .tree import TreeError, parse_json, parse_yaml

MAX_BYTES = 20 * 1024 * 1024  # a real self-evaluation is well under 1 MB
TEXT_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass
class LoadResult:
    evaluation: Evaluation | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.evaluation is not None and not has_errors(self.findings)


def _fail(file: str, reason: str, code: str = "JX-L001") -> LoadResult:
    return LoadResult(None, [finding(code, location=Location(file=file), reason=reason)])


def load_text(text: str, fmt: str = "yaml", file: str | None = None) -> LoadResult:
    """Parse YAML or JSON text into an Evaluation with findings."""
    try:
        root = parse_json(text, file) if fmt == "json" else parse_yaml(text, file)
    except TreeError as exc:
        return LoadResult(None, [exc.finding])
    evaluation, findings = build(root, file)
    return LoadResult(evaluation, findings)


def decode(data: bytes, file: str) -> tuple[str | None, LoadResult | None]:
    """Bytes → text, or a clear failure: binary data, or an encoding other than UTF-8."""
    if not data.strip():
        return None, _fail(file, "文件是空的：没有任何内容")
    unicode = _utf16_or_32(data)
    if unicode is not None:
        return _decode_wide(data, unicode, file)
    if b"\x00" in data[:8192]:
        return None, _fail(file, "这不是文本文件（含有二进制内容）：请提供 YAML、JSON 或 Excel（.xlsx）文件")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            data.decode("gb18030")
            hint = "；看起来是 GBK/GB18030 编码，请在编辑器中“另存为 UTF-8”"
        except UnicodeDecodeError:
            pass
        return None, _fail(file, f"文件不是 UTF-8 编码（第 {exc.start + 1} 个字节处无法解码）{hint}")


def _utf16_or_32(data: bytes) -> str | None:
    """The encoding of a UTF-16 or UTF-32 text (Windows Notepad's "Unicode"), by its BOM or its zero bytes."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4096]
    if b"\x00" in head and len(head) % 2 == 0:  # UTF-8 text never holds a zero byte; UTF-16 text of ASCII does
        even, odd = head[0::2], head[1::2]
        # the zero bytes of ASCII characters fall on one side: odd offsets little-endian, even ones big-endian
        if odd.count(0) > 4 * even.count(0):
            return _if_text(data, "utf-16-le")
        if even.count(0) > 4 * odd.count(0):
            return _if_text(data, "utf-16-be")
    return None


def _if_text(data: bytes, encoding: str) -> str | None:
    """`encoding` when the data decodes to text without control characters (else it is binary after all)."""
    try:
        text = data[:4096].decode(encoding, errors="strict")
    except UnicodeDecodeError:
        return None
    return encoding if not any(ord(c) < 32 and c not in "\t\n\r" for c in text) else None


def _decode_wide(data: bytes, encoding: str, file: str) -> tuple[str | None, LoadResult | None]:
    label = "UTF-32" if encoding.startswith("utf-32") else "UTF-16"
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError:
        return None, _fail(file, f"文件看起来是 {label} 编码，但有无法解码的内容：请在编辑器中“另存为 UTF-8”")


def load_file(path: str | Path) -> LoadResult:
    """Load YAML, JSON or an Excel template into an Evaluation. Every problem is a finding, never a traceback."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        return _fail(name, "文件不存在")
    if p.is_dir():
        return _fail(name, "这是一个目录，不是文件")
    try:
        size = p.stat().st_size
    except OSError as exc:
        return _fail(name, f"无法读取文件：{exc.strerror}")
    if size > MAX_BYTES:
        return _fail(name, f"文件过大（{size / 1024 / 1024:.1f} MB），上限为 {MAX_BYTES // 1024 // 1024} MB")
    suffix = p.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        from .xlsx import load_xlsx  # openpyxl is only imported when an Excel file is read

        return load_xlsx(p)
    fmt = TEXT_SUFFIXES.get(suffix)
    if fmt is None:
        return _fail(name, f"不支持的文件类型“{suffix or '无扩展名'}”：请使用 .yaml、.yml、.json 或 .xlsx")
    try:
        data = p.read_bytes()
    except OSError as exc:
        return _fail(name, f"无法读取文件：{exc.strerror}")
    text, failure = decode(data, name)
    if failure:
        return failure
    return load_text(text, fmt, name)
