"""The text of a report as extracted: one string, and where each stretch of it came from."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Location
from .facts import LABEL, LABELLED, OCR_FACTOR, Fact
from .chrome import blank_chrome
from .normalize import normalize, unwrap


@dataclass(frozen=True)
class Origin:
    """Where a line of text sits in the source file: a page (PDF), a paragraph or table cell (DOCX)."""

    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    ocr: bool = False  # read by OCR from a page image


@dataclass
class Document:
    """Normalised text of a whole report plus a map from character offsets back to the source.

    `text` has the same length as the raw text the file gave, so spans are valid in both.
    """

    file: str | None
    raw: str
    text: str = ""
    fmt: str = "txt"
    # (start offset, origin) of each stretch, ascending; a stretch runs to the next start.
    origins: list[tuple[int, Origin]] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list)
    _origin_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = blank_chrome(normalize(self.raw))
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        if self.fmt == "pdf":  # after counting lines: line numbers stay those of the page text
            self.text = unwrap(self.text)
        self._origin_starts = [start for start, _ in self.origins]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def origin_of(self, offset: int) -> Origin:
        if not self.origins:
            return Origin()
        i = bisect.bisect_right(self._origin_starts, offset) - 1
        return self.origins[max(i, 0)][1]

    def location(self, start: int, end: int) -> Location:
        o = self.origin_of(start)
        return Location(file=self.file, line=self.line_of(start), page=o.page, span=(start, end),
                        paragraph=o.paragraph, table=o.table)

    def fact(self, value, start: int, end: int, confidence: float = LABELLED, method: str = LABEL,
             why: str = "") -> Fact:
        """A value found at text[start:end], with its location, sentence, confidence and how it was found."""
        if self.origin_of(start).ocr:
            confidence = round(confidence * OCR_FACTOR, 3)
            why = (why + "；" if why else "") + "文字由页面图像识别（OCR）"
        return Fact(value=value, location=self.location(start, end), source=self.sentence(start, end),
                    confidence=confidence, method=method, why=why)

    def sentence(self, start: int, end: int, limit: int = 160) -> str:
        """The sentence (or table line) around a span, for showing a value beside its source."""
        left = max(self.text.rfind(c, 0, start) for c in "。\n")
        right_candidates = [i for i in (self.text.find(c, end) for c in "。\n") if i != -1]
        right = min(right_candidates) if right_candidates else len(self.text)
        s = " ".join(self.text[left + 1:right + 1].split())
        if len(s) > limit:
            mid = start - left - 1
            lo = max(0, mid - limit // 2)
            s = ("…" if lo else "") + s[lo:lo + limit] + "…"
        return s


class DocumentBuilder:
    """Collects text pieces with their origins into one Document."""

    def __init__(self, file: str | None, fmt: str) -> None:
        self.file, self.fmt = file, fmt
        self.parts: list[str] = []
        self.origins: list[tuple[int, Origin]] = []
        self.length = 0

    def add(self, text: str, origin: Origin) -> None:
        self.origins.append((self.length, origin))
        piece = text if text.endswith("\n") else text + "\n"
        self.parts.append(piece)
        self.length += len(piece)

    def build(self) -> Document:
        return Document(file=self.file, raw="".join(self.parts), fmt=self.fmt, origins=self.origins)
