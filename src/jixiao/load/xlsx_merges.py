"""Merged cells of a table sheet: a merged label (一级, 二级, 所属任务序号, 结论与问题的类别) belongs to every
row it covers.

Clerks merge the 一级/二级 cells down a run of indicators as the printed 自评表 does; Excel keeps the value in
the top-left cell only. A merge anywhere else (an amount or a score over several rows, cells merged across
columns) cannot be read row by row: it is reported with its range, and only its top-left cell is read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Merge:
    ref: str  # B5:B7
    anchor: object  # the top-left cell, which holds the value
    fills: bool  # a label merged down one column: every covered row takes the value


def merges(ws, header_row: int, fill_columns: set[int], read_columns: set[int]) -> tuple[dict, list[Merge]]:
    """(covered (row, column) → Merge for the cells that take the anchor's value, merges that cannot be read).

    Only merges that reach below the header row and touch a column that is read count."""
    covered: dict[tuple[int, int], Merge] = {}
    unreadable: list[Merge] = []
    for rng in ws.merged_cells.ranges:
        if rng.max_row <= header_row or not any(rng.min_col <= c <= rng.max_col for c in read_columns):
            continue
        anchor = ws.cell(rng.min_row, rng.min_col)
        if rng.min_row <= header_row:  # a merge reaching into the header: read as it stands
            continue
        fills = rng.min_col == rng.max_col and rng.min_col in fill_columns
        merge = Merge(rng.coord, anchor, fills)
        if fills:
            for row in range(rng.min_row + 1, rng.max_row + 1):
                covered[(row, rng.min_col)] = merge
        elif anchor.value is not None:
            unreadable.append(merge)
    return covered, unreadable
