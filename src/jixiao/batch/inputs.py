"""What a batch reads: files, folders (recursively) and .txt lists of paths, in a stable order.

A user's path is data: it is resolved and checked to be a regular file, never opened as anything but bytes;
a link inside a folder is not followed; what is not a readable file is skipped with a finding (JX-P001).
An argument written @清单.txt is a list of paths (one a line, # starts a comment, relative to the list), as
with javac's and pip's argument files; every other argument is a report or a folder (reports are .txt too).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Finding, Location
from ..model.catalogue import finding
from ..review import REPORT_SUFFIXES

LIST_PREFIX = "@"  # @paths.txt: a list of paths


@dataclass
class Inputs:
    files: list[Path] = field(default_factory=list)  # resolved, in order, each once
    skipped: list[Finding] = field(default_factory=list)


def collect_inputs(arguments: list[str | Path]) -> Inputs:
    """Every report the arguments name; a str argument starting with @ is a list of paths."""
    found = Inputs()
    seen: set[Path] = set()
    for arg in arguments:
        if isinstance(arg, str) and arg.startswith(LIST_PREFIX):
            _read_list(found, seen, Path(arg[len(LIST_PREFIX):]))
            continue
        path = Path(arg)
        if path.is_dir():
            for file in _walk(path):
                _add(found, seen, file)
        else:
            _add(found, seen, path, named=True)
    return found


def _walk(folder: Path):
    """Reports under a folder, sorted, without following links (a link could lead anywhere, or in a circle)."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            file = Path(root) / name
            if file.suffix.lower() in REPORT_SUFFIXES and not file.is_symlink():
                yield file


def _read_list(found: Inputs, seen: set[Path], listing: Path) -> None:
    try:
        text = listing.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "不是 UTF-8 编码的文本"
        found.skipped.append(finding("JX-P001", location=Location(file=str(listing)), reason=f"路径清单无法读取：{reason}"))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        path = Path(entry)
        if not path.is_absolute():
            path = listing.parent / path
        _add(found, seen, path, named=True, where=Location(file=str(listing), line=number))


def _add(found: Inputs, seen: set[Path], path: Path, named: bool = False, where: Location | None = None) -> None:
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        _skip(found, path, where, "不存在")
        return
    if resolved.is_dir() and named and where is not None:  # a folder named in a list is read like one on the command line
        for file in _walk(resolved):
            _add(found, seen, file)
        return
    if not resolved.is_file():
        _skip(found, path, where, "是目录或特殊文件，不是普通文件" if resolved.exists() else "不存在")
        return
    if resolved not in seen:
        seen.add(resolved)
        found.files.append(resolved)


def _skip(found: Inputs, path: Path, where: Location | None, why: str) -> None:
    found.skipped.append(finding("JX-P001", location=where or Location(file=str(path)), reason=f"“{path}”{why}"))
