"""The review pipeline: one entry point from a document (or a published report) to score, findings and drafts."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jixiao
from jixiao.load import load_file, to_document
from jixiao.model import Severity
from jixiao.review import Review, review, review_file, review_report
from jixiao.rules import load_ruleset, load_ruleset_file

from .conftest import EXAMPLES, SEED

LIBRARY = EXAMPLES / "community-library-2024.yaml"
DATA = Path(__file__).parent / "data"


def test_the_package_entry_point_is_the_pipeline():
    assert jixiao.review is review and isinstance(jixiao.review(load_file(LIBRARY)), Review)


def test_every_kind_of_document_gives_the_same_review():
    loaded = load_file(LIBRARY)
    as_dict = json.loads(json.dumps(to_document(loaded.evaluation), default=str, ensure_ascii=False))
    reviews = [review(loaded), review(loaded.evaluation), review(as_dict), review_file(LIBRARY)]
    assert {r.total for r in reviews} == {Decimal("93.76")}
    assert len({tuple(f.code for f in r.findings) for r in reviews}) == 1
    r = reviews[0]
    assert r.ruleset.name == "cn-mof-2020" and r.grade == "优" and r.execution_rate == Decimal("93.00")
    assert r.drafts is not None and r.drafts.problems and not r.published


def test_a_named_rule_set_is_used():
    r = review(load_file(LIBRARY), "gd-proj-ref-2023")
    assert r.ruleset.name == "gd-proj-ref-2023" and r.grade_label == "优秀"
    rs, _ = load_ruleset("cn-mof-2020")
    assert review(load_file(LIBRARY), rs).ruleset is rs


def test_an_unknown_rule_set_gives_an_unscored_review_with_the_finding():
    r = review(load_file(LIBRARY), "no-such-rules")
    assert not r.scored and r.total is None and r.grade == "" and r.ruleset is None
    assert [f.code for f in r.ruleset_findings] == ["JX-R008"] and r.ruleset_findings[0].severity is Severity.ERROR
    assert any(f.code.startswith("JX-I") for f in r.findings)  # the checks still ran, on the default thresholds


def test_a_document_naming_an_unusable_rule_set_is_not_an_exception(tmp_path):
    doc = tmp_path / "own.yaml"
    doc.write_text(LIBRARY.read_text(encoding="utf-8").replace("ruleset: cn-mof-2020", "ruleset: nowhere-2024"),
                   encoding="utf-8")
    r = review_file(doc)
    assert not r.scored and r.ruleset_findings[0].code == "JX-R008" and r.input_ok


def test_a_broken_rule_set_file_gives_its_findings(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\ntitle: 坏\nextends: cn-mof-2020\nweights: {output: 70}\n", encoding="utf-8")
    rs, findings = load_ruleset_file(str(bad))
    assert rs is None and findings[0].code == "JX-R007"


def test_input_that_cannot_be_read_gives_a_review_without_evaluation(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: department\nyear: [2023\n", encoding="utf-8")
    r = review_file(broken)
    assert r.evaluation is None and not r.scored and r.drafts is None and not r.input_ok
    assert [f.code for f in r.input_findings] == ["JX-L002"]


def test_a_published_report_is_reviewed_with_the_librarys_policy():
    report = DATA / "extract" / "dept_narrative.txt"
    r = review_report(report)
    assert r.published and r.evaluation is not None
    assert "JX-T001" not in {f.code for f in r.findings}  # "section missing" is not judged there
    assert review_file(report).findings == r.findings


def test_the_seed_reviews_as_the_cli_checks_it():
    r = review_file(SEED)
    assert r.total == Decimal("100.00") and r.errors == 0 and "JX-I015" in {f.code for f in r.findings}
