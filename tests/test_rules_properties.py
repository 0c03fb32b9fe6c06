"""Scoring invariants (hypothesis): bounds, monotonicity, and a child that overrides nothing."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import Indicator, Level1, Operator, Quantity
from jixiao.rules import load_ruleset, load_ruleset_file, score

from .test_rules_support import department, project, task

LEVELS = list(Level1)
OPS = [Operator.GE, Operator.LE, Operator.EQ]
amount = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2)
value = st.decimals(min_value=Decimal(0), max_value=Decimal("1000"), places=2)


def quantity(op: Operator, number: Decimal) -> Quantity:
    return Quantity(op=op, number=number, unit="个", text=f"{op.value}{number}个")


@st.composite
def indicators(draw):
    op = draw(st.sampled_from(OPS))
    weight = draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=60, places=2)))
    actual = draw(st.one_of(st.none(), value.map(lambda n: quantity(Operator.EQ, n)),
                            st.sampled_from(["达成年度指标", "部分达成", "未达成"]).map(
                                lambda t: Quantity(op=Operator.QUALITATIVE, label=t, text=t))))
    return Indicator(level1=draw(st.sampled_from(LEVELS)), name="指标", target=quantity(op, draw(value)),
                     actual=actual, weight=weight, not_applicable=draw(st.booleans()))


def all_policies_on():
    rs, _ = load_ruleset("cn-mof-2020")
    p = rs.policies
    policies = p.model_copy(update={
        "execution_caps": p.execution_caps.model_copy(update={"enabled": True}),
        "overachieve_deduction": p.overachieve_deduction.model_copy(update={"enabled": True}),
        "not_applicable_rescale": p.not_applicable_rescale.model_copy(update={"enabled": True})})
    return rs.model_copy(update={"policies": policies})


@settings(max_examples=200, deadline=None)
@given(st.lists(indicators(), max_size=25), amount, value, st.booleans())
def test_total_within_0_and_100(inds, budget, executed, policies):
    ev = project(*inds, budget=str(budget), executed=str(executed))
    card = score(ev, all_policies_on() if policies else "cn-mof-2020")
    assert 0 <= card.total <= 100
    assert card.grade in ("优", "良", "中", "差")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), amount), st.lists(indicators(), max_size=6)), max_size=5), amount, value)
def test_department_total_within_0_and_100(tasks, budget, executed):
    ev = department(*[task(f"任务{i}", str(b) if b else None, *inds) for i, (b, inds) in enumerate(tasks)],
                    budget=str(budget), executed=str(executed))
    for name in ("cn-dept-2020", "gz-dept-ref-2023", "cn-dept-common-2013"):
        assert 0 <= score(ev, name).total <= 100


@settings(max_examples=150, deadline=None)
@given(st.lists(indicators(), max_size=10), amount, st.data(), st.booleans())
def test_never_decreases_as_execution_rises_toward_budget(inds, budget, data, caps):
    low = data.draw(st.decimals(min_value=0, max_value=budget, places=2))
    high = data.draw(st.decimals(min_value=low, max_value=budget, places=2))
    rs = all_policies_on() if caps else "cn-mof-2020"
    totals = [score(project(*inds, budget=str(budget), executed=str(e)), rs).total for e in (low, high)]
    assert totals[0] <= totals[1]


@settings(max_examples=200, deadline=None)
@given(st.lists(indicators(), max_size=8), st.sampled_from(OPS), value, value, value, st.booleans())
def test_never_decreases_as_actual_moves_toward_or_past_target(others, op, target, a1, a2, in_department):
    """≥: a larger actual; ≤: a smaller one; =: closer to the target (an = target has no 'past')."""
    if op is Operator.GE:
        worse, better = min(a1, a2), max(a1, a2)
    elif op is Operator.LE:
        worse, better = max(a1, a2), min(a1, a2)
    else:
        worse, better = sorted((a1, a2), key=lambda a: -abs(a - target))
        if (worse - target) * (better - target) < 0:  # opposite sides: min/max is not symmetric, skip
            return

    def total(actual: Decimal) -> Decimal:
        moving = Indicator(level1=Level1.OUTPUT, name="移动", target=quantity(op, target),
                           actual=quantity(Operator.EQ, actual), weight=Decimal(20))
        if in_department:
            return score(department(task("甲", "10", moving, *others), task("乙", "5", *others))).total
        return score(project(moving, *others), "cn-mof-2020").total

    assert total(worse) <= total(better)


@settings(max_examples=100, deadline=None)
@given(st.lists(indicators(), max_size=12), amount, value)
def test_child_that_overrides_nothing_scores_like_its_parent(tmp_path_factory, inds, budget, executed):
    directory = tmp_path_factory.mktemp("rules")
    child_file = directory / "child.yaml"
    child_file.write_text("name: child\ntitle: 子规则集\nextends: cn-mof-2020\n", encoding="utf-8")
    child, findings = load_ruleset_file(child_file)
    assert findings == []
    ev = project(*inds, budget=str(budget), executed=str(executed))
    parent_card, child_card = score(ev, "cn-mof-2020"), score(ev, child)
    assert parent_card.total == child_card.total
    assert [(i.path, i.score) for i in parent_card.items] == [(i.path, i.score) for i in child_card.items]
