"""Checks (审核): find what a careful reviewer would, as findings from the one catalogue; draft sections 三 and 四.

    check(evaluation, ruleset=None, scorecard=None) -> list[Finding]
    run_checks(evaluation, params, scorecard) -> list[Finding]   (the rule set already resolved)
    draft_sections(evaluation, findings) -> Drafts

Most callers want jixiao.review, which loads, scores, checks and drafts in one step.
"""

from __future__ import annotations

from ..model import Evaluation, Finding
from ..rules import ScoreCard
from .budget import check_budget
from .claims import check_claims, evaluation_rates
from .declared import check_declared
from .targets import check_filling
from .design import check_indicator_design
from .drafts import Drafts, draft_sections
from .indicators import check_indicator_values
from .narrative import check_narrative_figures
from .params import CheckParams
from .rectification import OpenItem, check_rectification
from ..rules import resolve_ruleset
from .scoring import check_scores, scorecard_for
from .text import check_text, narrative
from .units import check_unit_slips

# One pass per concern, in the order a reviewer reads: money, indicators, scores, text.
_CHECKS = (check_budget, check_unit_slips, check_indicator_values, check_indicator_design, check_filling, check_declared)
_TEXT_CHECKS = (check_text, check_narrative_figures)


def check(evaluation: Evaluation, ruleset=None, scorecard=None, params: CheckParams | None = None) -> list[Finding]:
    """Every finding on `evaluation`, in a deterministic order.

    `ruleset` is a jixiao.rules RuleSet or its name; None means the evaluation's own rule set, else the
    default for its kind. It supplies everything the checks compare with — its thresholds (`checks:`), its
    weights, redistribution and qualitative bands — and scores the evaluation when no `scorecard` is given.
    A rule set that cannot be used is reported, and the checks run on the default thresholds. `params`
    replaces the rule set's check parameters (CheckParams(ruleset).with_overrides(...)).
    """
    resolved, findings = resolve_ruleset(evaluation, ruleset)
    card = scorecard if scorecard is not None else scorecard_for(evaluation, resolved)
    return findings + run_checks(evaluation, params or CheckParams(resolved), card)


def run_checks(evaluation: Evaluation, params: CheckParams, scorecard: ScoreCard | None,
               claims: bool = True) -> list[Finding]:
    """Every check with the given parameters; the declared-score checks need the score card (None: skipped).

    The claims of the text (JX-T006–T011) are read in the evaluation's narrative; for a published report the
    caller reads them in the whole text instead (claims=False here), which holds more than extraction carries."""
    findings: list[Finding] = []
    for run in _CHECKS:
        findings.extend(run(evaluation, params))
    findings.extend(check_scores(evaluation, params, scorecard))
    for run in _TEXT_CHECKS:
        findings.extend(run(evaluation, params))
    if claims:
        findings.extend(check_claims(narrative(evaluation), params, evaluation.year, evaluation_rates(evaluation)))
    return findings


__all__ = ["CheckParams", "Drafts", "OpenItem", "check", "check_rectification", "draft_sections", "run_checks"]
