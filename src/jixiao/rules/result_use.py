"""结果应用: how a grade turns into next year's budget advice, as data (result_use.yaml, or a bureau's own file).

    advice_rules(path=None) -> AdviceRules     # the shipped rules, or a bureau's file
    rules.advice(grade) -> Advice | None        # None for an evaluation without a grade

Grades are the rule sets' 优/良/中/差; a file that misses one or names another is refused with a Chinese message.
"""

from __future__ import annotations

import typing
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from .ruleset import Grade

GRADES: tuple[str, ...] = typing.get_args(Grade.model_fields["grade"].annotation)


class Advice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    action: str  # 保持或优先保障 / 压减或取消 …
    budget: str  # what it means for next year's budget


class AdviceRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    source: str = ""
    grades: dict[str, Advice]

    @model_validator(mode="after")
    def _every_grade(self) -> "AdviceRules":
        unknown = [g for g in self.grades if g not in GRADES]
        missing = [g for g in GRADES if g not in self.grades]
        if unknown or missing:
            said = [f"未知等级“{'、'.join(unknown)}”" if unknown else "", f"缺少等级“{'、'.join(missing)}”" if missing else ""]
            raise ValueError("；".join(s for s in said if s) + f"（等级为 {'、'.join(GRADES)}）")
        return self

    def advice(self, grade: str | None) -> Advice | None:
        return self.grades.get(grade or "")


class AdviceRulesError(ValueError):
    """A bureau's result-use file that cannot be used; the message is Chinese and names the file."""


def advice_rules(path: str | Path | None = None) -> AdviceRules:
    """The shipped rules, or those of a bureau's file (set by the administrator, never by a user's input)."""
    if path is None:
        return _shipped()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return AdviceRules.model_validate(data)
    except OSError as exc:
        raise AdviceRulesError(f"结果应用规则文件 {path} 无法读取：{exc.strerror or exc}") from None
    except yaml.YAMLError:
        raise AdviceRulesError(f"结果应用规则文件 {path} 不是有效的 YAML") from None
    except ValidationError as exc:
        said = exc.errors()[0].get("msg", "").removeprefix("Value error, ")
        raise AdviceRulesError(f"结果应用规则文件 {path} 有误：{said}") from None


@cache
def _shipped() -> AdviceRules:
    text = resources.files(__package__).joinpath("result_use.yaml").read_text(encoding="utf-8")
    return AdviceRules.model_validate(yaml.safe_load(text))
