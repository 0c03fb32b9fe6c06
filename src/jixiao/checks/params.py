"""What the checks read, all of it from the active rule set: its typed check thresholds (`checks:`), and
the scoring parameters the checks must agree with — the 一级 weights, how a block without indicators
passes its points on, the qualitative bands. Nothing here has a second default of its own.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import ValidationError

from ..model import ZERO, Evaluation, Indicator, Kind, Location
from ..rules import RuleSet, load_ruleset
from ..rules.thresholds import CheckThresholds

DEFAULT_RULESET = "cn-mof-2020"  # the thresholds when no rule set is at hand (a report's plain text)


@cache
def _default_ruleset() -> RuleSet:
    ruleset, findings = load_ruleset(DEFAULT_RULESET)
    if ruleset is None:  # a shipped rule set that does not load is a defect of jixiao
        raise RuntimeError("；".join(f.message for f in findings))
    return ruleset


class CheckParams:
    """The rule set the checks run with. Each threshold of its `checks:` part is an attribute of the same
    name (p.min_reason_len, p.vague_words …); the scoring parameters are reached through the methods below."""

    def __init__(self, ruleset: RuleSet | None = None):
        self.ruleset = ruleset if ruleset is not None else _default_ruleset()
        for name in CheckThresholds.model_fields:  # as plain attributes: the checks read them in loops
            setattr(self, name, getattr(self.ruleset.checks, name))

    @classmethod
    def from_ruleset(cls, ruleset: RuleSet | None = None) -> "CheckParams":
        return cls(ruleset)

    def with_overrides(self, overrides: dict[str, Any]) -> "CheckParams":
        """The same rule set with some thresholds changed; an unknown key or a bad value is a ValueError."""
        try:
            checks = CheckThresholds.model_validate({**self.ruleset.checks.model_dump(), **overrides})
        except ValidationError as exc:
            raise ValueError(_problems(exc)) from None
        return CheckParams(self.ruleset.model_copy(update={"checks": checks}))

    def contains_any(self, words: str, text: str) -> bool:
        """Whether `text` holds one of the rule set's word list `words` (e.g. "generic_indicators")."""
        return alternation(getattr(self, words)).search(text) is not None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CheckParams) and other.ruleset == self.ruleset

    __hash__ = None

    # -- what scoring owns -------------------------------------------------------------------------
    @property
    def indicator_weight_total(self) -> Decimal:
        """What the 分值 of one table's indicators should add up to (JX-I008)."""
        return self.ruleset.indicator_points

    def expected_block_weights(self, present: set[str]) -> dict[str, Decimal]:
        """Each block's weight for a table with indicators in the blocks `present`, redistributed as scoring does."""
        return self.ruleset.block_weights(present)[0]

    def block_of(self, level1) -> str:
        return self.ruleset.block_of(level1)

    def in_band(self, score: Decimal, weight: Decimal, tier: str) -> bool:
        """Whether a declared score lies in its qualitative tier's band (JX-I011), as scoring judges it."""
        return self.ruleset.qualitative.in_band(score, weight, tier)

    def band(self, tier: str) -> tuple[Decimal, Decimal]:
        return self.ruleset.qualitative.bands[tier]

    def weight_tables(self, ev: Evaluation) -> list[tuple[str, str, Location | None, list[Indicator]]]:
        """(path, name, location, indicators) of each table whose 分值 should add up to the table's points, as
        the rule set scores them: each task, or — for a department scored as one table — the whole department,
        unless every task was weighted on its own (each to the table's points), which the rule set also reads."""
        per_task = [(f"tasks[{i}]", t.name, t.where("indicators") or t.location,
                     [ind for ind in t.indicators if not ind.not_applicable]) for i, t in enumerate(ev.tasks)]
        if self.ruleset.method != "project" or ev.kind is not Kind.DEPARTMENT or len(per_task) < 2:
            return per_task
        points = self.indicator_weight_total
        if all(inds and all(i.weight is not None for i in inds) and sum((i.weight for i in inds), ZERO) == points
               for _, _, _, inds in per_task):
            return per_task
        every = [ind for _, _, _, inds in per_task for ind in inds]
        return [("tasks", "全部重点工作任务（部门指标表）", ev.location, every)]


@cache
def alternation(words: tuple[str, ...]):
    """One compiled pattern for a word list, longest words first (so the leftmost match is the longest there):
    the checks ask it for every indicator and passage of every evaluation."""
    import re

    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)) or r"(?!x)x")


def _problems(exc: ValidationError) -> str:
    known = "、".join(CheckThresholds.model_fields)
    parts = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"])
        parts.append(f"未知参数“{key}”" if err["type"] == "extra_forbidden" else f"参数“{key}”的值无效")
    return f"审核参数有误：{'；'.join(parts)}；可用参数：{known}"
