"""Rule sets as data: built-ins load, extends merges, and bad rule-set files give clear findings."""

from __future__ import annotations

from jixiao.rules import default_ruleset_name, list_rulesets, load_ruleset, load_ruleset_file, score

from .test_rules_support import D, full_set, project


def test_builtins_load_without_findings():
    assert {"cn-mof-2020", "gz-dept-ref-2023", "cn-dept-common-2013"} <= set(list_rulesets())
    for name in list_rulesets():
        rs, findings = load_ruleset(name)
        assert rs is not None and findings == [], name
        assert rs.name == name and rs.title and rs.docs


def test_defaults_by_kind():
    assert default_ruleset_name("project") == "cn-mof-2020"
    assert default_ruleset_name("department") == "cn-dept-2020"  # since issue 12; gz-dept-ref-2023 is an option


def test_cn_mof_2020_parameters_are_the_section_10_defaults():
    rs, _ = load_ruleset("cn-mof-2020")
    w = rs.weights
    assert (w.execution, w.output, w.effect, w.satisfaction) == (10, 50, 30, 10)
    assert rs.empty_block_to["satisfaction"] == "effect"
    assert (rs.qualitative.met, rs.qualitative.partial, rs.qualitative.not_met) == (1, D("0.7"), D("0.3"))
    assert rs.reverse_variant == "ratio" and rs.equal_variant == "minmax"
    assert not any(p.enabled for p in (rs.policies.execution_caps, rs.policies.overachieve_deduction,
                                       rs.policies.not_applicable_rescale))
    assert rs.checks.overachieve_threshold == D("0.30")


def test_child_overrides_only_what_it_names(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("name: mine\ntitle: 我的规则\nextends: cn-mof-2020\nweights: {output: 60, effect: 20}\n"
                 "checks: {min_reason_len: 20}\n", encoding="utf-8")
    rs, findings = load_ruleset_file(f)
    assert findings == []
    assert (rs.weights.output, rs.weights.effect, rs.weights.satisfaction) == (60, 20, 10)
    assert rs.checks.min_reason_len == 20 and rs.checks.overachieve_threshold == D("0.30")  # merged


def test_child_of_a_child_file(tmp_path):
    (tmp_path / "a.yaml").write_text("name: a\ntitle: A\nextends: cn-mof-2020\nreverse_variant: vendor\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("name: b\ntitle: B\nextends: a.yaml\n", encoding="utf-8")
    rs, findings = load_ruleset_file(tmp_path / "b.yaml")
    assert findings == [] and rs.reverse_variant == "vendor"


def codes(path, text):
    path.write_text(text, encoding="utf-8")
    rs, findings = load_ruleset_file(path)
    assert rs is None
    return [f.code for f in findings], findings


def test_unknown_key_with_suggestion_and_line(tmp_path):
    got, findings = codes(tmp_path / "r.yaml", "name: r\ntitle: R\nextends: cn-mof-2020\nweigths: {output: 50}\n")
    assert got == ["JX-R003"]
    assert "weigths" in findings[0].message and "weights" in findings[0].message
    assert findings[0].location.line == 4


def test_wrong_type(tmp_path):
    got, findings = codes(tmp_path / "r.yaml", "name: r\ntitle: R\nextends: cn-mof-2020\nweights: {output: 五十}\n")
    assert got == ["JX-R004"] and "weights.output" in findings[0].message and findings[0].location.line == 4


def test_unknown_parent(tmp_path):
    got, findings = codes(tmp_path / "r.yaml", "name: r\ntitle: R\nextends: cn-mof-2019\n")
    assert got == ["JX-R005"] and "cn-mof-2019" in findings[0].message


def test_cycle_in_extends(tmp_path):
    (tmp_path / "a.yaml").write_text("name: a\ntitle: A\nextends: b.yaml\n", encoding="utf-8")
    got, findings = codes(tmp_path / "b.yaml", "name: b\ntitle: B\nextends: a.yaml\n")
    assert got == ["JX-R006"] and "循环" in findings[0].message


def test_unreadable_and_malformed(tmp_path):
    rs, findings = load_ruleset_file(tmp_path / "missing.yaml")
    assert rs is None and [f.code for f in findings] == ["JX-R001"]
    got, _ = codes(tmp_path / "e.yaml", "")
    assert got == ["JX-R001"]
    got, _ = codes(tmp_path / "s.yaml", "name: [x\n")
    assert got == ["JX-R002"]
    got, _ = codes(tmp_path / "l.yaml", "- a\n- b\n")
    assert got == ["JX-R002"]


def test_inconsistent_parameters(tmp_path):
    got, findings = codes(tmp_path / "r.yaml", "name: r\ntitle: R\nextends: cn-mof-2020\nweights: {output: 60}\n")
    assert got == ["JX-R007"] and "100" in findings[0].message


def test_unknown_name():
    rs, findings = load_ruleset("cn-mof-2030")
    assert rs is None and [f.code for f in findings] == ["JX-R008"]
    assert "cn-mof-2020" in findings[0].message


def test_evaluation_names_its_rule_set():
    card = score(project(*full_set(), ruleset="gd-proj-ref-2023"))
    assert card.ruleset == "gd-proj-ref-2023" and card.grade_label == "优秀"
