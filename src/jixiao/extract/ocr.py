"""OCR for scanned pages: RapidOCR (PaddleOCR's models on ONNX Runtime), installed from PyPI with its models
inside the package, so it runs offline. The engine is loaded once, on the first page that needs it."""

from __future__ import annotations

from functools import cache

from .layout import Run, as_text, lines

LONG_SIDE = 1700  # pixels on a page's long side: A4 at about 144 dpi, enough for 10.5pt text, quick on 2 cores


class OCRUnavailable(Exception):
    pass


@cache
def _engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:  # the package is a dependency; a broken install is reported, not raised
        raise OCRUnavailable(str(exc)) from exc
    return RapidOCR()


def available() -> bool:
    try:
        _engine()
    except OCRUnavailable:
        return False
    return True


def read_image(image) -> str:
    """The text of a page image (PIL image or numpy array), laid out as lines and `|`-separated cells."""
    import numpy as np

    pixels = np.asarray(image.convert("RGB")) if hasattr(image, "convert") else image
    result, _ = _engine()(pixels, use_cls=False)  # report pages are upright: no per-line direction check
    runs = []
    for box, text, _score in result or []:
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        runs.append(Run(min(xs), min(ys), max(xs), max(ys), text))
    return as_text(lines(runs))


def read_page(page) -> str:
    """OCR one pypdfium2 page."""
    width, height = page.get_size()
    return read_image(page.render(scale=LONG_SIDE / max(width, height, 1)).to_pil())
