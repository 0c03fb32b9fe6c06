"""Where a datum came from: a file and line, a sheet and cell, or a page and character span."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Location(BaseModel):
    model_config = ConfigDict(frozen=True)

    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    sheet: str | None = None
    cell: str | None = None  # "F12"
    page: int | None = None  # 1-based
    span: tuple[int, int] | None = None  # character offsets in the extracted text
    paragraph: int | None = None  # 0-based paragraph index (DOCX)
    table: int | None = None  # 0-based table index (DOCX)

    def __str__(self) -> str:
        if self.sheet:
            ref = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
            return f"{self.file}:{ref}" if self.file else ref
        parts = [self.file or "<输入>"]
        if self.line is not None:
            parts.append(str(self.line))
        text = ":".join(parts)
        if self.page is not None:
            text += f" 第{self.page}页"
        if self.paragraph is not None:
            text += f" 第{self.paragraph + 1}段"
        if self.table is not None:
            text += f" 表{self.table + 1}"
        return text

    def short(self) -> str:
        """The part after the file name: `12`, `绩效指标!F12`, `第3页`."""
        if self.sheet:
            return f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        if self.line is not None:
            return str(self.line)
        if self.page is not None:
            return f"第{self.page}页"
        return ""
