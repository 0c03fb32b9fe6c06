"""Rule sets are chosen by name: a value that reads as a path, a URL or a file name never opens a file.

Only the local operator's explicit file (load_ruleset_file) is read from disk, after its size is checked;
administrators install further rule sets by name in JIXIAO_RULESETS_DIR.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.checks import check
from jixiao.rules import RuleSetError, list_rulesets, load_ruleset, load_ruleset_file, ruleset_titles, score
from jixiao.rules.loader import MAX_BYTES

from .test_rules_support import full_set, project

CHILD = "name: {name}\ntitle: 本地规则集\nextends: cn-mof-2020\npolicies: {{execution_caps: {{enabled: true}}}}\n"
HOSTILE = ["/etc/passwd", "../../../../etc/passwd", "file:///etc/passwd", "cn-mof-2020.yaml", "..", "a/../b",
           "C:\\rules\\x", "CN-MOF-2020", "", " cn-mof-2020"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_that_is_not_a_name_is_an_unknown_rule_set(value):
    ruleset, findings = load_ruleset(value)
    assert ruleset is None and [f.code for f in findings] == ["JX-R008"]
    assert "root:" not in findings[0].message


def test_a_real_rule_set_file_is_not_read_by_name(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(CHILD.format(name="mine"), encoding="utf-8")
    assert load_ruleset_file(f)[0] is not None  # the file is good: only the way it is named is refused
    for value in (str(f), f.as_uri(), f"{tmp_path}/../{tmp_path.name}/mine.yaml"):
        ruleset, findings = load_ruleset(value)
        assert ruleset is None and [x.code for x in findings] == ["JX-R008"], value


def test_a_documents_ruleset_key_never_names_a_file(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(CHILD.format(name="mine"), encoding="utf-8")
    ev = project(*full_set(), ruleset=str(f))
    with pytest.raises(RuleSetError) as raised:
        score(ev)
    assert [x.code for x in raised.value.findings] == ["JX-R008"]
    assert "JX-R008" in [x.code for x in check(ev)]
    ev = project(*full_set(), ruleset="/etc/passwd")
    messages = " ".join(x.message for x in check(ev))
    assert "JX-R008" in [x.code for x in check(ev)] and "root:" not in messages


def test_installed_rule_sets_are_chosen_by_name(tmp_path, monkeypatch):
    (tmp_path / "local-caps-2025.yaml").write_text(CHILD.format(name="local-caps-2025"), encoding="utf-8")
    (tmp_path / "Bad Name.yaml").write_text(CHILD.format(name="x"), encoding="utf-8")
    monkeypatch.setenv("JIXIAO_RULESETS_DIR", str(tmp_path))
    assert "local-caps-2025" in list_rulesets() and "Bad Name" not in list_rulesets()
    assert ("local-caps-2025", "本地规则集") in ruleset_titles()
    ruleset, findings = load_ruleset("local-caps-2025")
    assert findings == [] and ruleset.policies.execution_caps.enabled
    assert score(project(*full_set(), ruleset="local-caps-2025")).ruleset == "local-caps-2025"
    monkeypatch.delenv("JIXIAO_RULESETS_DIR")
    assert load_ruleset("local-caps-2025")[0] is None


def test_an_installed_rule_set_extends_by_name_only(tmp_path, monkeypatch):
    installed = tmp_path / "installed"
    installed.mkdir()
    (tmp_path / "outside.yaml").write_text(CHILD.format(name="outside"), encoding="utf-8")
    (installed / "sneaky.yaml").write_text("name: sneaky\ntitle: 越界\nextends: ../outside.yaml\n", encoding="utf-8")
    monkeypatch.setenv("JIXIAO_RULESETS_DIR", str(installed))
    ruleset, findings = load_ruleset("sneaky")
    assert ruleset is None and [f.code for f in findings] == ["JX-R005"]


def test_a_built_in_name_cannot_be_shadowed_by_an_installed_file(tmp_path, monkeypatch):
    (tmp_path / "cn-mof-2020.yaml").write_text("name: cn-mof-2020\ntitle: 冒充\nextends: gd-proj-ref-2023\n", encoding="utf-8")
    monkeypatch.setenv("JIXIAO_RULESETS_DIR", str(tmp_path))
    assert load_ruleset("cn-mof-2020")[0].title != "冒充"
    assert list_rulesets().count("cn-mof-2020") == 1


def test_a_rule_set_file_is_size_checked_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:  # sparse: large on paper, nothing written
        handle.truncate(MAX_BYTES * 50)

    def never(*args, **kwargs):
        raise AssertionError("an oversized rule-set file was opened")

    monkeypatch.setattr(Path, "open", never)
    monkeypatch.setattr(Path, "read_bytes", never)
    ruleset, findings = load_ruleset_file(big)
    assert ruleset is None and [f.code for f in findings] == ["JX-R001"] and "过大" in findings[0].message


def test_a_device_is_not_a_rule_set_file():
    ruleset, findings = load_ruleset_file("/dev/zero")
    assert ruleset is None and [f.code for f in findings] == ["JX-R001"]
