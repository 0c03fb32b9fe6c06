"""What the checks read, all of it from the active rule set: its typed check thresholds (`checks:`), and
the scoring parameters the checks must agree with — the 一级 weights, how a block without indicators
passes its points on, the qualitative bands. Nothing here has a second default of its own.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import ValidationError

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


def _problems(exc: ValidationError) -> str:
    known = "、".join(CheckThresholds.model_fields)
    parts = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"])
        parts.append(f"未知参数“{key}”" if err["type"] == "extra_forbidden" else f"参数“{key}”的值无效")
    return f"审核参数有误：{'；'.join(parts)}；可用参数：{known}"
