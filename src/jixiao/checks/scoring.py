"""Scores (JX-I009, I011, S001): declared against computed, qualitative bands, inflated self-evaluation.

JX-I009 and the full-points test of JX-S001 compare with the rule engine's ScoreCard for the same rule set.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model import Evaluation, Finding, Indicator, Severity
from ..model.catalogue import finding
from ..rules import RuleSet, ScoreCard, score
from .compare import percent
from .design import is_activity, is_by_definition
from .indicators import label
from .params import CheckParams


def scorecard_for(ev: Evaluation, ruleset: RuleSet | None) -> ScoreCard | None:
    """The rule engine's ScoreCard for a resolved rule set; None without one, or while the evaluation gives no
    results at all (JX-S009: not scored yet, rather than 0 分 and 差)."""
    return None if ruleset is None or not ev.has_results() else score(ev, ruleset)


def check_scores(ev: Evaluation, p: CheckParams, card) -> Iterator[Finding]:
    if card is None and not ev.has_results() and any(True for _ in ev.indicators()):
        yield finding("JX-S009", "tasks", ev.where("tasks"))
    yield from _qualitative_bands(ev, p)
    if card is not None:
        yield from _declared_scores(ev, p, card)
    yield from _inflated(ev, p, card)


def _declared_scores(ev: Evaluation, p: CheckParams, card: ScoreCard) -> Iterator[Finding]:
    """Declared against computed. Under a 参考分 rule set (its framework not confirmed) a difference is a warning:
    the unit may have scored by the official rules the reference only approximates. The total is compared
    only when the rule set could score every indicator: a total computed over part of the table says nothing."""
    severity = Severity.WARNING if card.reference else None
    whole = True
    for ti, ii, ind in ev.indicators():
        path = f"tasks[{ti}].indicators[{ii}]"
        item = card.item(path)
        if not ind.not_applicable and (item is None or item.score is None):
            whole = False
        if ind.score is None or item is None or item.score is None:
            continue
        if abs(ind.score - item.score) > p.score_tolerance:
            yield finding("JX-I009", f"{path}.score", ind.where("score"), severity, what=f"指标{label(ind)}",
                          declared=_num(ind.score), computed=_num(item.score))
    if (whole and any(True for _ in ev.indicators()) and ev.declared_score is not None
            and abs(ev.declared_score - card.total) > p.score_tolerance):
        yield finding("JX-I009", "declared_score", ev.where("declared_score"), severity, what="自评总分",
                      declared=_num(ev.declared_score), computed=_num(card.total))


def _qualitative_bands(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    for ti, ii, ind in ev.indicators():
        tier = ind.actual.tier if ind.actual is not None else None
        if tier is None or ind.score is None or not ind.weight:
            continue
        if not p.in_band(ind.score, ind.weight, tier.key):
            low, high = p.band(tier.key)
            yield finding("JX-I011", f"tasks[{ti}].indicators[{ii}].score", ind.where("score"), indicator=label(ind),
                          score=_num(ind.score), tier=tier.value, low=_num(ind.weight * low),
                          high=_num(ind.weight * high), bracket="]" if tier.key == "met" else ")")


def easy_flags(ind: Indicator, p: CheckParams) -> list[str]:
    """The codes that mark an indicator as easy to reach (JX-I002, I003, I005)."""
    flags = []
    ratio = ind.verdict().overachievement
    if ratio is not None and ratio >= 1 + p.overachieve_threshold:
        flags.append("JX-I002")
    if is_by_definition(ind, p):
        flags.append("JX-I003")
    if is_activity(ind, p):
        flags.append("JX-I005")
    return flags


def _full_points(ev: Evaluation, card) -> bool | None:
    """True when every indicator has full points: declared, else computed; None when neither is known."""
    verdicts = []
    for ti, ii, ind in ev.indicators():
        if ind.not_applicable:
            continue
        if ind.score is not None and ind.weight is not None:
            verdicts.append(ind.score >= ind.weight)
            continue
        item = card.item(f"tasks[{ti}].indicators[{ii}]") if card is not None else None
        if item is None or item.score is None or item.weight is None:
            return None
        verdicts.append(item.score >= item.weight)
    return all(verdicts) if verdicts else None


def _inflated(ev: Evaluation, p: CheckParams, card) -> Iterator[Finding]:
    live = [ind for _, _, ind in ev.indicators() if not ind.not_applicable]
    if not live or _full_points(ev, card) is not True:
        return
    flagged = [ind for ind in live if easy_flags(ind, p)]
    if Decimal(len(flagged)) / len(live) > p.inflated_flag_share:
        yield finding("JX-S001", "tasks", ev.location, total=len(live), flagged=len(flagged),
                      share=percent(Decimal(len(flagged)) / len(live) * 100))


def _num(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')).normalize():f}"
