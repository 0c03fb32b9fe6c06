"""Fonts for PDF output: the 公文 font names mapped to installed free fonts through fontconfig.

LibreOffice finds fonts through fontconfig. We write a fonts.conf that includes the system
configuration, adds the directory where texlive keeps the Fandol fonts (仿宋, 楷体) and
includes our alias file, then point FONTCONFIG_FILE at it for the conversion only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

ALIAS_FILE = "fonts/jixiao-aliases.conf"

# (names a template may use, the font they map to, the Debian package that provides it)
ALIASES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("仿宋_GB2312", "仿宋", "FangSong"), "FandolFang", "texlive-lang-chinese"),
    (("楷体_GB2312", "楷体", "KaiTi"), "FandolKai", "texlive-lang-chinese"),
    (("黑体", "SimHei"), "Noto Sans CJK SC", "fonts-noto-cjk"),
    (("方正小标宋简体", "小标宋", "宋体", "SimSun"), "Noto Serif CJK SC", "fonts-noto-cjk"),
)

FANDOL_DIRS = (
    "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol",
    "/usr/share/texmf/fonts/opentype/public/fandol",
    "/usr/local/texlive/texmf-dist/fonts/opentype/public/fandol",
)
SYSTEM_CONF = "/etc/fonts/fonts.conf"


@dataclass(frozen=True)
class FontStatus:
    name: str  # the name the document uses, e.g. 仿宋
    wanted: str  # the font it should map to, e.g. FandolFang
    resolved: str  # what fontconfig picks
    package: str  # the Debian package that provides `wanted`

    @property
    def ok(self) -> bool:
        return self.resolved.lower().startswith(self.wanted.lower())


def alias_file() -> Path:
    return Path(str(resources.files(__package__).joinpath(ALIAS_FILE)))


def fandol_dir() -> Path | None:
    for candidate in FANDOL_DIRS:
        if Path(candidate, "FandolFang-Regular.otf").is_file():
            return Path(candidate)
    return None


def write_fontconfig(directory: Path) -> Path:
    """A fonts.conf in `directory`: system config + Fandol directory + jixiao aliases."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jixiao" / "fontconfig"
    fandol = fandol_dir()
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        "<fontconfig>",
        f'  <include ignore_missing="yes">{SYSTEM_CONF}</include>',
        f"  <dir>{fandol}</dir>" if fandol else "",
        f"  <cachedir>{_xml(str(cache))}</cachedir>",
        f"  <include>{_xml(str(alias_file()))}</include>",
        "</fontconfig>",
    ]
    path = directory / "fonts.conf"
    path.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
    return path


def font_env(directory: Path) -> dict[str, str]:
    """The environment for a child process that should see the jixiao font mapping."""
    return {**os.environ, "FONTCONFIG_FILE": str(write_fontconfig(directory))}


def font_status(directory: Path) -> list[FontStatus]:
    """What each 公文 font name resolves to under the jixiao mapping (empty without fc-match)."""
    if shutil.which("fc-match") is None:
        return []
    env = font_env(directory)
    statuses = []
    for names, wanted, package in ALIASES:
        for name in names:
            statuses.append(FontStatus(name, wanted, _fc_match(name, env), package))
    return statuses


def _fc_match(name: str, env: dict[str, str]) -> str:
    try:
        done = subprocess.run(["fc-match", "-f", "%{family[0]}", name], env=env, capture_output=True,
                              text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
