"""The catalogue's example fragments as whole evaluations, so each code's examples can be run.

A fragment is YAML whose keys replace the same keys of example_base.yaml (a clean, complete evaluation);
`indicator:` replaces the first task's first indicator of the same 一级, `indicators:` all of the first task's indicators.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from ..load import load_text
from ..model import Evaluation, Finding


@cache
def _base_text() -> str:
    return resources.files(__package__).joinpath("example_base.yaml").read_text(encoding="utf-8")


def example_document(fragment: str) -> dict:
    """The base document with the fragment applied."""
    doc = yaml.safe_load(_base_text())
    patch = yaml.safe_load(fragment) or {}
    if not isinstance(patch, dict):
        raise ValueError(f"示例不是 YAML 键值对：{fragment!r}")
    task = doc["tasks"][0]
    if "indicator" in patch:
        replacement = patch.pop("indicator")
        same_block = [i for i, ind in enumerate(task["indicators"]) if ind.get("level1") == replacement.get("level1")]
        task["indicators"][same_block[0] if same_block else 0] = replacement
    if "indicators" in patch:
        task["indicators"] = patch.pop("indicators")
    doc.update(patch)
    return doc


def example_evaluation(fragment: str) -> tuple[Evaluation | None, list[Finding]]:
    """The evaluation an example describes, with the loader's findings."""
    text = yaml.safe_dump(example_document(fragment), allow_unicode=True, sort_keys=False)
    result = load_text(text, "yaml", "示例")
    return result.evaluation, result.findings
