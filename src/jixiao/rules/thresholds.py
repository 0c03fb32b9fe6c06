"""The check-only part of a rule set: thresholds and word lists of the checks (rules-spec §4.2, §10).

A rule set overrides any of them under its `checks:` key; an unknown key is a JX-R003 finding. What scoring
owns — the 一级 weights, how a block without indicators passes its points on, the qualitative bands — is not
repeated here: the checks read it from the rule set itself (jixiao.checks.params).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def _split(value: object) -> object:
    """A word list may be written as one space-separated string or as a list."""
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return value


Words = Annotated[tuple[str, ...], BeforeValidator(_split)]
Share = Annotated[Decimal, Field(ge=0, le=1)]
NonNegative = Annotated[Decimal, Field(ge=0)]
Count = Annotated[int, Field(ge=0)]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


class CheckThresholds(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # JX-I002: actual ≥ (1 + this) × target on a ≥ indicator means the target was set too low.
    overachieve_threshold: NonNegative = Decimal("0.30")
    # JX-B006: an execution rate below this share needs an explanation.
    exec_explain_threshold: Share = Decimal("0.90")
    # JX-I004: more than this share of a task's indicators generic is too many.
    generic_ratio_max: Share = Decimal("0.5")
    rate_tolerance_pp: NonNegative = Decimal("0.01")  # JX-B002, in percentage points
    amount_tolerance: NonNegative = Decimal("0.01")  # JX-B003/B004/B005, in the evaluation's money unit
    score_tolerance: NonNegative = Decimal("0.1")  # JX-I009
    min_reason_len: Count = 10  # JX-I010/B006: a shorter explanation does not explain anything
    duplicate_min_len: Annotated[int, Field(ge=10)] = 50  # JX-T002
    # JX-I008: also compare each 一级's weights with the rule set's (redistributed as scoring does).
    check_block_weights: bool = True
    # The word lists below are rule-set data: the shipped lists are in the base rule set (cn-mof-2020.yaml,
    # `checks:`), which every shipped rule set extends; a province's rule set adds or replaces a list there.
    # JX-I007: blocks every task should have; 满意度 can be switched off for non-service tasks.
    required_blocks: Words = ()
    # JX-I004: a name containing one of these fits any project and says nothing specific about this one.
    generic_indicators: Words = ()
    # JX-I003: process or compliance measures that are 100% by definition (rules-spec QC-03).
    by_definition_terms: Words = ()
    # JX-I005: verbs that make a name describe work to do rather than a result, and the events it names.
    activity_verbs: Words = ()
    activity_nouns: Words = ()
    measurable_nouns: Words = ()  # a long name with none of these describes work, not a measure
    activity_name_max_len: Count = 20
    # JX-I006: words that promise without committing to anything measurable.
    vague_words: Words = ()
    quantitative_name_marks: Words = ()  # a name with one of these wants a number, not words
    # JX-I010 / B006: texts that say nothing.
    empty_reasons: Words = ()
    # JX-T003: doubled characters that are almost always a typo, and real words that contain them.
    typo_doubling_chars: str = ""
    typo_doubling_allowed: Words = ()
    # JX-T006: what a count of organisations counts (内设8个机构, 直属事业单位10个), to set against the list.
    organisation_nouns: Words = ()
    # JX-T008: words saying the money was all paid or spent; beside a rate below 100 % they contradict it.
    fully_spent_words: Words = ()
    # JX-T010: words saying the budget was cut to what was spent; beside a low rate they contradict it.
    reduced_budget_words: Words = ()
    # JX-T011: a form's own instructions, left where the unit's text belongs (regular expressions).
    form_instruction_patterns: Words = ()
    # JX-Z003: words saying the text reports on earlier years' problems and their rectification.
    rectification_words: Words = ()
    # JX-Z004: a run of this many characters of an open 整改 item's problem (or all of a shorter one), found again
    # in this year's 存在的主要问题, is the problem repeated word for word.
    rectification_repeat_len: Annotated[int, Field(ge=4)] = 15
    # JX-S001: more than this share of indicators flagged as easy, while every score is full.
    inflated_flag_share: Share = Decimal("0.5")
