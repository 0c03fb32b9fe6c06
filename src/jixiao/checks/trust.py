"""How far a finding on a published report can be trusted: the values it rests on, and a text that stops short.

A finding is a claim about a department's work. On a report read back by extraction the checks see values the
extractor may have guessed (a misaligned table row, a derived total); an error built on such a value is at most
a warning that says so. Each catalogue code states what it rests on (`published:` in catalogue.yaml): the
fields relative to the finding's owner that must have been read with confidence, whether it needs the whole
text (an absence or a total), or whether it is not judged on a report at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Finding, Severity
from ..model.catalogue import CodeSpec, catalogue

_TEXT_CODES = ("JX-T004",)  # a bracket opened in the last words closes in the lost part
UNSURE_NOTE = "（所依据的数值是从报告文字推断的，未能确认，仅作提示）"


@dataclass(frozen=True)
class ReadQuality:
    """What the extractor read: `is_read(path)` says a model field was read from the text with confidence."""

    is_read: Callable[[str], bool]
    paths: frozenset[str]  # every model path the extractor filled
    cut_line: int | None  # the line where the text stops short, None when it is whole
    text: str = ""  # the report's text

    @property
    def cut_off(self) -> bool:
        return self.cut_line is not None


def gate(findings: Iterable[Finding], quality: ReadQuality) -> list[Finding]:
    """The findings a published report supports: not-judged codes left out, whole-text codes left out on a
    text that stops short, errors on values not read with confidence turned into warnings that say so."""
    specs = catalogue()
    kept = []
    for f in findings:
        spec = specs.get(f.code)
        if spec is None:
            kept.append(f)
            continue
        if spec.not_on_reports or (spec.whole_text and quality.cut_off):
            continue
        if spec.requires_word and spec.requires_word not in quality.text:
            continue  # the form has no column for it (a table without 偏差原因): nothing was left empty
        if f.code in _TEXT_CODES and quality.cut_off and f.location and f.location.line == quality.cut_line:
            continue
        if f.severity is Severity.ERROR and not _rests_on_read_values(f, spec, quality):
            f = f.model_copy(update={"severity": Severity.WARNING, "message": f.message + UNSURE_NOTE})
        kept.append(f)
    return kept


def _rests_on_read_values(f: Finding, spec: CodeSpec, quality: ReadQuality) -> bool:
    owner = f.path.rsplit(".", 1)[0] if "." in f.path else ""
    for need in spec.needs:
        full = f.path if need == "." else (f"{owner}.{need}" if owner else need)
        under = [p for p in quality.paths if p == full or p.startswith((full + ".", full + "["))]
        if not under or not all(quality.is_read(p) for p in under):
            return False
    return True
