"""score(): pick the rule set and the method, and return the ScoreCard."""

from __future__ import annotations

from ..model import Evaluation, Finding
from .department import score_department
from .framework import score_framework
from .loader import default_ruleset_name, load_ruleset
from .project import score_project
from .ruleset import RuleSet
from .scorecard import ScoreCard

_METHODS = {"project": score_project, "department": score_department, "framework": score_framework}


class RuleSetError(ValueError):
    """The named rule set does not exist or its file is bad; `findings` says why, in Chinese."""

    def __init__(self, findings: list):
        self.findings = findings
        super().__init__("；".join(f.message for f in findings) or "规则集无效")


def resolve_ruleset(evaluation: Evaluation, ruleset: RuleSet | str | None = None) -> tuple[RuleSet | None, list[Finding]]:
    """The rule set to use: the one given, else the one named — by name only, never a file (a file is loaded
    with loader.load_ruleset_file by whoever names it) — else the evaluation's own, else the default for its kind.

    (None, findings) when it cannot be used (unknown or broken); never raises for bad data.
    """
    if isinstance(ruleset, RuleSet):
        return ruleset, []
    loaded, findings = load_ruleset(ruleset or evaluation.ruleset or default_ruleset_name(evaluation.kind))
    return loaded, list(findings)


def resolve(evaluation: Evaluation, ruleset: RuleSet | str | None) -> RuleSet:
    """resolve_ruleset, raising RuleSetError when the rule set cannot be used."""
    loaded, findings = resolve_ruleset(evaluation, ruleset)
    if loaded is None:
        raise RuleSetError(findings)
    return loaded


def score(evaluation: Evaluation, ruleset: RuleSet | str | None = None) -> ScoreCard:
    """Score an evaluation. None → the evaluation's own `ruleset`, else the default for its kind.

    Raises RuleSetError for an unknown or invalid rule set (misuse, not bad evaluation data).
    """
    rs = resolve(evaluation, ruleset)
    return _METHODS[rs.method](evaluation, rs)
