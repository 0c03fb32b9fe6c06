#!/usr/bin/env python3
"""Extraction speed: ms per corpus file, and pages per second on a ~30-page PDF.

usage: extract.py [CORPUS_DIR] [--pdf FILE] [--ocr-pages N]

- CORPUS_DIR (default ../shared/corpus when present): average ms per raw/*.txt file (target < 50 ms);
- the PDF (default: a 30-page report generated from tests/data/extract/dept_prose.txt with LibreOffice):
  pages per second for pypdfium2 text only, for the full pipeline (jixiao.extract.extract_file), and
  for poppler's `pdftotext` on the same file, for comparison (target: 30 pages in under 2 s);
- OCR: the first N pages (default 2) of that PDF turned into page images (a scan with no text layer),
  extracted through the full pipeline: pages per second of OCR.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from jixiao.extract import extract_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "extract" / "dept_prose.txt"


def corpus_speed(corpus: Path) -> None:
    files = sorted((corpus / "raw").glob("*.txt"))
    if not files:
        print(f"{corpus}: 没有 raw/*.txt")
        return
    extract_file(files[0])  # first call pays for imports
    start = time.perf_counter()
    for path in files:
        extract_file(path)
    elapsed = time.perf_counter() - start
    print(f"corpus: {len(files)} files, {1000 * elapsed / len(files):.1f} ms per file (target < 50 ms)")


def make_pdf(directory: Path, pages: int = 30) -> Path | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice (soffice) not installed: pass --pdf FILE to time a PDF")
        return None
    import docx

    document = docx.Document()
    text = FIXTURE.read_text(encoding="utf-8").splitlines()
    for page in range(pages):
        for line in text[:22] if page else text:
            document.add_paragraph(line)
        document.add_page_break()
    source = directory / "report30.docx"
    document.save(source)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{directory}/lo", "--convert-to", "pdf",
                    "--outdir", str(directory), str(source)], check=True, capture_output=True, timeout=300)
    return directory / "report30.pdf"


def _timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _pdfium_text(path: Path) -> None:
    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        page.get_textpage().get_text_bounded()
    pdf.close()


def pdf_speed(path: Path) -> None:
    pages = len(pdfium.PdfDocument(path))
    rows = [("pypdfium2 text only", _timed(lambda: _pdfium_text(path))),
            ("jixiao extract (full pipeline)", _timed(lambda: extract_file(path)))]
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        rows.append(("pdftotext (poppler)", _timed(lambda: subprocess.run([pdftotext, "-layout", str(path), "-"],
                                                                            capture_output=True, check=True))))
    else:
        print("pdftotext (poppler-utils) not installed: no comparison")
    print(f"{path.name}: {pages} pages")
    for name, seconds in rows:
        print(f"  {name:32s} {seconds * 1000:8.1f} ms  {pages / seconds:8.1f} pages/s")


def ocr_speed(path: Path, directory: Path, pages: int) -> None:
    from jixiao.extract import ocr

    if not ocr.available():
        print("OCR engine (rapidocr-onnxruntime) not installed: OCR timing skipped")
        return
    pdf = pdfium.PdfDocument(path)
    images = [pdf[i].render(scale=2).to_pil().convert("RGB") for i in range(min(pages, len(pdf)))]
    scan = directory / "scan.pdf"
    images[0].save(scan, save_all=True, append_images=images[1:])
    extract_file(scan)  # loads the engine and its models once
    seconds = _timed(lambda: extract_file(scan), repeat=1)
    print(f"{scan.name}: {len(images)} scanned pages")
    print(f"  {'jixiao extract with OCR':32s} {seconds * 1000:8.1f} ms  {len(images) / seconds:8.2f} pages/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--pdf", type=Path)
    parser.add_argument("--ocr-pages", type=int, default=2)
    args = parser.parse_args(argv)
    if args.corpus.is_dir():
        corpus_speed(args.corpus)
    else:
        print(f"{args.corpus}: not found, corpus timing skipped")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.pdf or make_pdf(Path(tmp))
        if path is not None:
            pdf_speed(path)
            if args.ocr_pages > 0:
                ocr_speed(path, Path(tmp), args.ocr_pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
