"""PDF: the DOCX report converted by LibreOffice headless, with the jixiao font mapping.

Each conversion gets its own LibreOffice profile (-env:UserInstallation) and fonts.conf in a
temporary directory, so parallel conversions (tests, web workers) never share a lock.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .fonts import font_env

if TYPE_CHECKING:
    from .view import ReportView

SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 180
INSTALL_HINT = (
    "生成 PDF 需要 LibreOffice 和中文字体。Debian/Ubuntu 上请以管理员身份运行："
    "apt-get install libreoffice-writer-nogui fonts-noto-cjk texlive-lang-chinese fontconfig"
    "（或在项目目录运行 make system-deps）。"
)


class PdfUnavailable(Exception):
    """PDF cannot be made here; the message (Chinese) says what to install or what went wrong."""


def soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_available() -> bool:
    return soffice() is not None


def render_pdf(view_or_docx: "ReportView | str | Path", path: str | Path) -> Path:
    """Write a PDF to `path` from a view (rendered to DOCX first) or from an existing DOCX file."""
    program = soffice()
    if program is None:
        raise PdfUnavailable(f"未找到 LibreOffice（soffice）。{INSTALL_HINT}")
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as tmp:
        work = Path(tmp)
        docx = _docx_source(view_or_docx, work)
        produced = _convert(program, docx, work)
        shutil.move(str(produced), path)
    return path


def _docx_source(view_or_docx: "ReportView | str | Path", work: Path) -> Path:
    if isinstance(view_or_docx, (str, Path)):
        source = Path(view_or_docx)
        if not source.is_file():
            raise PdfUnavailable(f"找不到要转换的文件：{source}")
        # Copy under an ASCII name: LibreOffice names its output after the input.
        target = work / "report.docx"
        shutil.copyfile(source, target)
    else:
        from .docx import render_docx

        target = render_docx(view_or_docx, work / "report.docx")
    _for_libreoffice(target)
    return target


# LibreOffice's DOCX import reads w:overflowPunct the wrong way round (writerfilter sets hanging
# punctuation when the value is 0, which in Word means "do not let punctuation overhang"). The copy
# LibreOffice converts gets the flag inverted, so line-end punctuation stays inside the text block
# in the PDF as it does in Word and WPS (tests/test_render_layout.py measures it).
_OVERFLOW_PUNCT = re.compile(rb'<w:overflowPunct w:val="(0|1|false|true|off|on)"/>')
_INVERTED = {b"0": b"1", b"false": b"true", b"off": b"on", b"1": b"0", b"true": b"false", b"on": b"off"}


def _for_libreoffice(docx: Path) -> None:
    parts = ("word/styles.xml", "word/document.xml")
    with zipfile.ZipFile(docx) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    patched = docx.with_suffix(".lo.docx")
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename in parts:
                data = _OVERFLOW_PUNCT.sub(lambda m: b'<w:overflowPunct w:val="' + _INVERTED[m.group(1)] + b'"/>', data)
            target.writestr(info, data)
    patched.replace(docx)


def _convert(program: str, docx: Path, work: Path) -> Path:
    profile = work / "profile"
    out = work / "out"
    command = [
        program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), str(docx),
    ]
    try:
        done = subprocess.run(command, env=font_env(work), capture_output=True, text=True,
                              timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        raise PdfUnavailable(f"LibreOffice 转换超时（{TIMEOUT_SECONDS} 秒）。") from exc
    except OSError as exc:
        raise PdfUnavailable(f"无法运行 LibreOffice：{exc.strerror}。{INSTALL_HINT}") from exc
    produced = out / (docx.stem + ".pdf")
    if done.returncode != 0 or not produced.is_file():
        detail = (done.stderr or done.stdout).strip()[-300:]
        raise PdfUnavailable(f"LibreOffice 未能生成 PDF（退出码 {done.returncode}）：{detail}")
    return produced
