"""Scores (JX-I009, I011, S001): declared against computed, qualitative bands, inflated self-evaluation.

JX-I009 and the full-points test of JX-S001 need the rule engine's ScoreCard (jixiao.rules). It is
imported only when needed, so every other check works without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model import Evaluation, Finding, Indicator
from ..model.catalogue import finding
from .compare import overachievement, percent
from .design import is_activity, is_by_definition
from .indicators import label
from .params import CheckParams


def resolve_ruleset(ev: Evaluation, ruleset=None) -> tuple[object | None, list[Finding]]:
    """The RuleSet to check with: the one given, else the evaluation's own, else the default for its kind.

    (None, findings) when the named rule set does not exist; (None, []) while jixiao.rules is absent.
    """
    if ruleset is not None and not isinstance(ruleset, str):
        return ruleset, []
    try:
        from ..rules import default_ruleset_name, load_ruleset
    except ImportError:
        return None, []
    # by name only: the evaluation's `ruleset:` is the author's data and never names a file
    loaded, found = load_ruleset(ruleset or ev.ruleset or default_ruleset_name(ev.kind))
    return loaded, list(found)


def scorecard_for(ev: Evaluation, ruleset) -> object | None:
    """The rule engine's ScoreCard for a resolved rule set, or None without one."""
    if ruleset is None:
        return None
    from ..rules import score

    return score(ev, ruleset)


def check_scores(ev: Evaluation, p: CheckParams, card) -> Iterator[Finding]:
    yield from _qualitative_bands(ev, p)
    if card is not None:
        yield from _declared_scores(ev, p, card)
    yield from _inflated(ev, p, card)


def _declared_scores(ev: Evaluation, p: CheckParams, card) -> Iterator[Finding]:
    for ti, ii, ind in ev.indicators():
        path = f"tasks[{ti}].indicators[{ii}]"
        item = _item(card, path)
        if ind.score is None or item is None or item.score is None:
            continue
        if abs(ind.score - item.score) > p.score_tolerance:
            yield finding("JX-I009", f"{path}.score", ind.where("score"), what=f"指标{label(ind)}",
                          declared=_num(ind.score), computed=_num(item.score))
    total = getattr(card, "total", None)
    if ev.declared_score is not None and total is not None and abs(ev.declared_score - total) > p.score_tolerance:
        yield finding("JX-I009", "declared_score", ev.where("declared_score"), what="自评总分",
                      declared=_num(ev.declared_score), computed=_num(total))


def _item(card, path: str):
    try:
        return card.item(path)
    except (KeyError, LookupError):
        return None


def _qualitative_bands(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    for ti, ii, ind in ev.indicators():
        tier = ind.actual.tier if ind.actual is not None else None
        if tier is None or ind.score is None or not ind.weight:
            continue
        low, high = p.qualitative_bands[tier.value]
        share = ind.score / ind.weight
        top_closed = high >= 1
        inside = low <= share and (share <= high if top_closed else share < high)
        if not inside:
            yield finding("JX-I011", f"tasks[{ti}].indicators[{ii}].score", ind.where("score"), indicator=label(ind),
                          score=_num(ind.score), tier=tier.value, low=_num(ind.weight * low),
                          high=_num(ind.weight * high), bracket="]" if top_closed else ")")


def easy_flags(ind: Indicator, p: CheckParams) -> list[str]:
    """The codes that mark an indicator as easy to reach (JX-I002, I003, I005)."""
    flags = []
    ratio = overachievement(ind.target, ind.actual)
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
        item = _item(card, f"tasks[{ti}].indicators[{ii}]") if card is not None else None
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
