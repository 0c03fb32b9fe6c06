"""A finding (审核发现): a problem in the data, returned as a value with its code and location."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from .location import Location


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str  # stable, ASCII, never reused: JX-L001, JX-B002 …
    severity: Severity
    message: str  # Chinese, says what is wrong and where
    path: str = ""  # model path: tasks[0].indicators[2].target
    location: Location | None = None

    def as_line(self, default_file: str | None = None) -> str:
        """`file:line: 级别 代码 message`, the CLI's one-line form."""
        where = str(self.location) if self.location else (default_file or "<输入>")
        return f"{where}: {self.severity.label} {self.code} {self.message}"

    def as_json(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "location": str(self.location) if self.location else None,
        }


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
