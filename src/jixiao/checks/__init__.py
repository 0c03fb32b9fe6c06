"""Checks (审核): find what a careful reviewer would, as findings from the one catalogue; draft sections 三 and 四.

    check(evaluation, ruleset=None, scorecard=None) -> list[Finding]
    draft_sections(evaluation, findings) -> Drafts
"""

from __future__ import annotations

from ..model import Evaluation, Finding
from .budget import check_budget
from .design import check_indicator_design
from .drafts import Drafts, draft_sections
from .indicators import check_indicator_values
from .narrative import check_narrative_figures
from .params import CheckParams
from .scoring import check_scores, resolve_ruleset, scorecard_for
from .text import check_text

# One pass per concern, in the order a reviewer reads: money, indicators, scores, text.
_CHECKS = (check_budget, check_indicator_values, check_indicator_design)
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
    p = params or CheckParams(resolved)
    for run in _CHECKS:
        findings.extend(run(evaluation, p))
    card = scorecard if scorecard is not None else scorecard_for(evaluation, resolved)
    findings.extend(check_scores(evaluation, p, card))
    for run in _TEXT_CHECKS:
        findings.extend(run(evaluation, p))
    return findings


__all__ = ["CheckParams", "Drafts", "check", "draft_sections"]
