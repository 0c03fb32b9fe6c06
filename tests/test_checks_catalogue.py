"""Every check code: its catalogue example that should fail fires it, and its near-miss does not."""

import pytest

from jixiao.checks import check
from jixiao.checks.examples import example_evaluation
from jixiao.model import Severity
from jixiao.model.catalogue import catalogue

CHECK_CODES = sorted(c for c in catalogue() if c[:4] in ("JX-B", "JX-I", "JX-T", "JX-S"))
REQUIRED = (
    [f"JX-B00{i}" for i in range(1, 8)] + [f"JX-I{i:03d}" for i in range(1, 15)]
    + [f"JX-T00{i}" for i in range(1, 6)] + ["JX-S001"]
)


def codes_for(fragment: str) -> set[str]:
    evaluation, load_findings = example_evaluation(fragment)
    assert evaluation is not None and not load_findings, [f.message for f in load_findings]
    return {f.code for f in check(evaluation)}


def test_catalogue_holds_every_required_code():
    assert set(REQUIRED) <= set(CHECK_CODES)


@pytest.mark.parametrize("code", CHECK_CODES)
def test_entry_is_complete(code):
    spec = catalogue()[code]
    assert spec.title and spec.description and spec.message and spec.example_fail and spec.example_pass
    assert spec.group in ("预算", "指标", "文字", "评分")


@pytest.mark.parametrize("code", CHECK_CODES)
def test_example_that_fails_fires_the_code(code):
    assert code in codes_for(catalogue()[code].example_fail)


@pytest.mark.parametrize("code", CHECK_CODES)
def test_near_miss_does_not_fire_the_code(code):
    assert code not in codes_for(catalogue()[code].example_pass)


def test_the_base_the_examples_patch_is_clean():
    assert codes_for("") == set()


def test_severities_follow_the_spec():
    severity = {code: catalogue()[code].severity for code in CHECK_CODES}
    assert severity["JX-B001"] is Severity.ERROR
    assert severity["JX-I002"] is Severity.WARNING
    assert severity["JX-S001"] is Severity.INFO
