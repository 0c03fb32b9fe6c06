"""The review pipeline: a document, or a published report, read once and then scored, checked and drafted.

    review(document, ruleset=None) -> Review          # input data: an Evaluation, a load result or a document dict
    review_report(path, ruleset=None) -> Review       # a published report (PDF, DOCX, HTML, TXT, MD) via extraction
    review_file(path, ruleset=None) -> Review         # either, by the file's suffix
    review_extraction(extraction, path, ruleset=None)  # a report already extracted (batch keeps its provenance)

The command line, the web app, exports, the docs generators and the benchmarks all go through here, so the
same document gets the same score, findings and drafts wherever it is reviewed. `ruleset` is a RuleSet, a
rule-set name, or None (the evaluation's own `ruleset:`, else the default for its kind). A rule set that
cannot be used (unknown, or a broken file) gives an unscored Review whose findings say why; the checks then
run on the default thresholds. Nothing here raises for bad input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .checks import CheckParams, Drafts, OpenItem, check_rectification, draft_sections, run_checks
from .checks.claims import check_claims, evaluation_rates
from .checks.scoring import scorecard_for
from .checks.text import check_report_text, report_passages
from .checks.trust import ReadQuality, gate
from .load import LoadResult, load_file, load_text
from .model import Evaluation, Finding, Severity, Stage, round2
from .model.catalogue import catalogue
from .rules import RuleSet, ScoreCard, resolve_ruleset

if TYPE_CHECKING:
    from .extract import Extraction

# What a published report is read from; anything else is input data (YAML, JSON, the Excel template).
REPORT_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".html", ".htm", ".md"})
# The narrative fields extraction carries: the checks read them by paragraph, so their lines are not read again.
_CARRIED_FIELDS = ("conclusion", "achievements", "problems", "measures", "outcome", "goals", "functions")
_INPUT_CODES = ("JX-L", "JX-E")
# Judged on a published report's own lines (check_report_text), not on the paragraphs extraction rebuilt.
_JUDGED_ON_LINES = frozenset({"JX-T004"})  # findings about reading the input (loader, extractor)


@dataclass(frozen=True)
class Review:
    evaluation: Evaluation | None  # None when the input could not be read at all
    ruleset: RuleSet | None  # None when the rule set could not be used (see the JX-R findings)
    scorecard: ScoreCard | None  # None without an evaluation or a usable rule set
    findings: tuple[Finding, ...]  # reading, rule set, checks, in that order
    drafts: Drafts | None  # 三、存在的主要问题 and 四、下一步改进措施 drafted from the findings
    published: bool = False  # read from a published report

    @property
    def scored(self) -> bool:
        return self.scorecard is not None

    @property
    def total(self) -> Decimal | None:
        return self.scorecard.total if self.scorecard is not None else None

    @property
    def grade(self) -> str:
        """优/良/中/差, "" when not scored."""
        return self.scorecard.grade if self.scorecard is not None else ""

    @property
    def grade_label(self) -> str:
        """The rule set's display name of the grade (优秀 …), "" when not scored."""
        return self.scorecard.grade_label if self.scorecard is not None else ""

    @property
    def execution_rate(self) -> Decimal | None:
        """The evaluation's execution rate in percent, to the cent (as stored and shown)."""
        rate = self.evaluation.execution_rate() if self.evaluation is not None else None
        return None if rate is None else round2(rate)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def input_findings(self) -> list[Finding]:
        """The findings about reading the input (JX-L…, JX-E…)."""
        return [f for f in self.findings if f.code.startswith(_INPUT_CODES)]

    @property
    def input_ok(self) -> bool:
        """The input was read, without errors in reading it."""
        return self.evaluation is not None and not any(f.severity is Severity.ERROR for f in self.input_findings)

    @property
    def ruleset_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.code.startswith("JX-R")]

    def findings_json(self) -> list[dict]:
        return [f.as_json() for f in self.findings]


def review(document: Evaluation | LoadResult | dict, ruleset: RuleSet | str | None = None, *,
           name: str = "自评数据", open_items: Sequence[OpenItem] = ()) -> Review:
    """Score, check and draft input data. A dict is a document in the input format (as the web app keeps it).

    `open_items`: the department's 整改 items of earlier years not yet done (the bureau's record, as plain
    data), checked beside the text (JX-Z001–Z004); none by default, so the command line and batch are unchanged."""
    evaluation, findings = _read(document, name)
    return _complete(evaluation, findings, ruleset, published=False, open_items=open_items)


def review_report(path: str | Path, ruleset: RuleSet | str | None = None) -> Review:
    """A published report: extracted, its own text checked line by line, then reviewed like input data.

    The narrative extraction carries is checked by paragraph, and its lines are not reported again. The
    checks' findings then pass jixiao.checks.trust.gate: what a report cannot support is left out, and an
    error on a value the extractor was not sure of becomes a warning that says so.
    """
    from .extract import extract_file  # PDF and Office libraries load only when a report is read

    return review_extraction(extract_file(path), path, ruleset)


def review_extraction(extraction: "Extraction", path: str | Path, ruleset: RuleSet | str | None = None) -> Review:
    """A report already extracted (a batch keeps the Extraction for its provenance): reviewed as review_report."""
    from .extract.chrome import blank_chrome

    carried = extraction.lines_of(*_CARRIED_FIELDS)
    text = blank_chrome(extraction.text)  # site chrome (字体【大 中 小】, counters) is not the report's text
    findings = [*extraction.findings, *check_report_text(text, str(path), checked_lines=carried)]
    return _complete(extraction.evaluation, findings, ruleset, published=True, report=(extraction, str(path)))


def review_file(path: str | Path, ruleset: RuleSet | str | None = None) -> Review:
    """Input data or a published report, by the file's suffix."""
    if Path(path).suffix.lower() in REPORT_SUFFIXES:
        return review_report(path, ruleset)
    return review(load_file(path), ruleset)


def _read(document: Evaluation | LoadResult | dict, name: str) -> tuple[Evaluation | None, list[Finding]]:
    if isinstance(document, Evaluation):
        return document, []
    if isinstance(document, LoadResult):
        return document.evaluation, list(document.findings)
    if isinstance(document, dict):
        loaded = load_text(json.dumps(_plain(document), ensure_ascii=False), "json", name)
        return loaded.evaluation, list(loaded.findings)
    raise TypeError(f"review() takes an Evaluation, a LoadResult or a document dict, not {type(document).__name__}")


def _complete(evaluation: Evaluation | None, findings: list[Finding], ruleset: RuleSet | str | None,
              published: bool, report: tuple[Extraction, str] | None = None,
              open_items: Sequence[OpenItem] = ()) -> Review:
    """Score, check and draft. `report` is a published report's extraction and file name: its whole text is
    read for the text's claims, and the findings pass the trust gate (jixiao.checks.trust)."""
    if evaluation is None:
        if report is not None:
            findings = gate(findings + _report_claims(report, CheckParams(), None), _quality(report[0]))
        return Review(None, None, None, tuple(findings), None, published)
    resolved, ruleset_findings = resolve_ruleset(evaluation, ruleset)
    if evaluation.stage is Stage.TARGET:
        return _targets_review(evaluation, resolved, findings + ruleset_findings)
    card = scorecard_for(evaluation, resolved)
    params = CheckParams(resolved)
    checked = run_checks(evaluation, params, card, claims=report is None)
    checked += check_rectification(evaluation, open_items, params)
    if report is not None:
        quality = _quality(report[0])
        checked = [f for f in checked if f.code not in _JUDGED_ON_LINES] + _report_claims(report, params, evaluation)
        checked, findings = gate(checked, quality), gate(findings, quality)
    every = (*findings, *ruleset_findings, *checked)
    return Review(evaluation, resolved, card, every, draft_sections(evaluation, list(every)), published)


def _targets_review(evaluation: Evaluation, resolved: RuleSet | None, findings: list[Finding]) -> Review:
    """A 绩效目标表: not scored (it has no results yet), checked only by the codes the catalogue marks as judged
    on targets, no drafts of 三、四 (a declaration has no problems or measures sections)."""
    specs = catalogue()
    checked = [f for f in run_checks(evaluation, CheckParams(resolved), None, claims=False) if specs[f.code].on_targets]
    return Review(evaluation, resolved, None, (*findings, *checked), None, False)


def _quality(extraction: Extraction) -> ReadQuality:
    return ReadQuality(extraction.is_read, frozenset(extraction.provenance),
                       extraction.cut.line if extraction.cut else None, extraction.text)


def _report_claims(report: tuple[Extraction, str], params: CheckParams, evaluation: Evaluation | None) -> list[Finding]:
    """The text's claims (jixiao.checks.claims) over every line of a published report, with the evaluation's year
    and rates when extraction could build one (else the year the summary read, and the rates the text states)."""
    extraction, file = report
    rates = evaluation_rates(evaluation) if evaluation is not None else []
    year = evaluation.year if evaluation is not None else extraction.summary.get("year")
    # the raw text: the form's instructions, which extraction blanks as chrome, are what JX-T011 looks for
    return list(check_claims(report_passages(extraction.text, file), params, year if isinstance(year, int) else None,
                             rates))


def _plain(value: object) -> object:
    """A document with Decimals as exact strings and dates as ISO text (as YAML reads 2025-01-01), so that JSON
    carries them without a float or a failure."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return value
