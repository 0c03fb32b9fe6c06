"""Fonts for PDF output: the 公文 font names mapped to installed free fonts through fontconfig.

LibreOffice finds fonts through fontconfig. We write a fonts.conf that includes the system
configuration, adds the directory where texlive keeps the Fandol fonts (仿宋, 楷体) and
includes our alias file, then point FONTCONFIG_FILE at it for the conversion only.

The alias file is generated from ALIASES (`python -m jixiao.render.fonts > src/jixiao/render/fonts/
jixiao-aliases.conf`; tests/test_render_fonts.py keeps the two in step).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

ALIAS_FILE = "fonts/jixiao-aliases.conf"


@dataclass(frozen=True)
class Alias:
    names: tuple[str, ...]  # the names a template may use
    family: str  # the installed family they map to
    style: str  # the face: Regular, or Bold for the heavier 小标宋 substitute
    package: str  # the Debian package that provides it
    fallback: str = ""  # where characters the family lacks are taken from (a font of the same kind)


# Fandol covers GB2312 only; its rare-character fallback is a serif (仿宋 and 楷体 are serif faces), so a
# place name like 滘 does not drop into a sans font. 方正小标宋 is much heavier than 宋体: Bold stands in.
ALIASES: tuple[Alias, ...] = (
    Alias(("仿宋_GB2312", "仿宋", "FangSong"), "FandolFang", "Regular", "texlive-lang-chinese", "Noto Serif CJK SC"),
    Alias(("楷体_GB2312", "楷体", "KaiTi"), "FandolKai", "Regular", "texlive-lang-chinese", "Noto Serif CJK SC"),
    Alias(("黑体", "SimHei"), "Noto Sans CJK SC", "Regular", "fonts-noto-cjk"),
    Alias(("方正小标宋简体", "小标宋", "方正小标宋_GBK"), "Noto Serif CJK SC", "Bold", "fonts-noto-cjk"),
    Alias(("宋体", "SimSun"), "Noto Serif CJK SC", "Regular", "fonts-noto-cjk"),
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
    style: str = "Regular"  # the face it should be
    resolved_style: str = ""  # the face fontconfig picks

    @property
    def ok(self) -> bool:
        family_ok = self.resolved.lower().startswith(self.wanted.lower())
        return family_ok and (self.style == "Regular" or self.resolved_style.lower() == self.style.lower())


def aliases_xml() -> str:
    """The fontconfig alias file for ALIASES."""
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        "<!--",
        "  jixiao: the fonts a 公文 names, mapped to free fonts Debian installs (generated from",
        "  jixiao.render.fonts.ALIASES). Strong bindings, so that these names never fall back to a Latin font.",
        "  仿宋/楷体 → Fandol; 黑体 → Noto Sans CJK SC; 宋体 → Noto Serif CJK SC; 小标宋 → Noto Serif CJK SC Bold.",
        "  Characters Fandol lacks (滘 …) come from Noto Serif CJK SC, a serif like the text around them.",
        "  Included by the fonts.conf jixiao generates for LibreOffice; safe to copy to ~/.config/fontconfig/conf.d/.",
        "-->",
        "<fontconfig>",
    ]
    for alias in ALIASES:
        for name in alias.names:
            lines += [
                '  <match target="pattern">',
                f'    <test name="family" qual="any" compare="eq"><string>{_xml(name)}</string></test>',
                f'    <edit name="family" mode="assign" binding="strong"><string>{_xml(alias.family)}</string></edit>',
            ]
            if alias.style == "Bold":
                lines.append('    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>')
            lines.append("  </match>")
    for family, fallback in dict.fromkeys((a.family, a.fallback) for a in ALIASES if a.fallback):
        lines += [
            '  <match target="pattern">',
            f'    <test name="family" qual="any" compare="eq"><string>{_xml(family)}</string></test>',
            f'    <edit name="family" mode="append" binding="strong"><string>{_xml(fallback)}</string></edit>',
            "  </match>",
        ]
    lines.append("</fontconfig>")
    return "\n".join(lines) + "\n"


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
    for alias in ALIASES:
        for name in alias.names:
            family, style = _fc_match(name, env)
            statuses.append(FontStatus(name, alias.family, family, alias.package, alias.style, style))
    return statuses


def _fc_match(name: str, env: dict[str, str]) -> tuple[str, str]:
    try:
        done = subprocess.run(["fc-match", "-f", "%{family[0]}\t%{style[0]}", name], env=env, capture_output=True,
                              text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "", ""
    family, _, style = done.stdout.strip().partition("\t")
    return family, style


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


if __name__ == "__main__":
    print(aliases_xml(), end="")
