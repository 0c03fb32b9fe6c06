"""score(): pick the rule set and the method, and return the ScoreCard."""

from __future__ import annotations

from ..model import Evaluation
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


def resolve(evaluation: Evaluation, ruleset: RuleSet | str | None) -> RuleSet:
    """The RuleSet given, else the one named (never a file: see loader.load_ruleset_file), else the default."""
    if isinstance(ruleset, RuleSet):
        return ruleset
    name = ruleset or evaluation.ruleset or default_ruleset_name(evaluation.kind)
    loaded, findings = load_ruleset(name)
    if loaded is None:
        raise RuleSetError(findings)
    return loaded


def score(evaluation: Evaluation, ruleset: RuleSet | str | None = None) -> ScoreCard:
    """Score an evaluation. None → the evaluation's own `ruleset`, else the default for its kind.

    Raises RuleSetError for an unknown or invalid rule set (misuse, not bad evaluation data).
    """
    rs = resolve(evaluation, ruleset)
    return _METHODS[rs.method](evaluation, rs)
