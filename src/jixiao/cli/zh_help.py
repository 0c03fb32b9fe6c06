"""Chinese for what click writes itself: the chrome of help pages (用法, 选项, 命令, 默认值…) and usage errors.

Click's own strings are English; the commands' help texts are Chinese already. A formatter subclass
translates the headings, the usage line and the standard option texts as they are written; `usage_error`
rewrites click's usage-error messages.
"""

from __future__ import annotations

import re

import click

SECTIONS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}
USAGE_WORDS = (("[OPTIONS]", "[选项]"), ("COMMAND", "命令"), ("[ARGS]...", "[参数]..."))
TEXTS = (
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("Show the version and exit.", "显示版本号并退出。"),
)
_EXTRA = re.compile(r"\[(default: [^\]]*|required)(?:; (default: [^\]]*|required))*\]")


def _extra(m: re.Match) -> str:
    parts = [p.strip() for p in m.group(0)[1:-1].split(";")]
    return "[" + "；".join("必填" if p == "required" else "默认：" + p.removeprefix("default: ") for p in parts) + "]"


def translate(text: str) -> str:
    for en, zh in TEXTS:
        text = text.replace(en, zh)
    return _EXTRA.sub(_extra, text)


class ZhHelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for en, zh in USAGE_WORDS:
            args = args.replace(en, zh)
        super().write_usage(prog, args, prefix="用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{SECTIONS.get(heading, heading)}：\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, translate(text)) for term, text in rows], col_max, col_spacing)


class ZhContext(click.Context):
    formatter_class = ZhHelpFormatter


class ZhCommand(click.Command):
    context_class = ZhContext


class ZhGroup(click.Group):
    context_class = ZhContext
    command_class = ZhCommand
    group_class = type  # subgroups (jixiao rules …) are ZhGroups too


# click's usage errors → Chinese; what click says about a bad value (after the colon) is kept as it is
_ERRORS = (
    (re.compile(r"Missing argument '(?P<a>[^']+)'\."), "缺少参数 {a}。"),
    (re.compile(r"Missing option '(?P<a>[^']+)'(?: / '[^']+')?\."), "缺少选项 {a}。"),
    (re.compile(r"No such option '(?P<a>[^']+)'\.(?: Did you mean '(?P<b>[^']+)'\?)?"), "没有选项 {a}。{hint}"),
    (re.compile(r"No such option: (?P<a>\S+)"), "没有选项 {a}。"),
    (re.compile(r"No such command '(?P<a>[^']+)'\."), "没有命令 {a}。"),
    (re.compile(r"Option '(?P<a>[^']+)' requires an argument\."), "选项 {a} 后面需要一个值。"),
    (re.compile(r"Got unexpected extra arguments? \((?P<a>[^)]*)\)"), "多余的参数：{a}。"),
    (re.compile(r"Invalid value for '(?P<a>[^']+)': (?P<b>.*)", re.S), "{a} 的值无效：{b}"),
)
_VALUE_REASONS = (
    (re.compile(r"'(?P<v>[^']*)' is not a valid integer(?: range)?\."), "“{v}”不是整数。"),
    (re.compile(r"'(?P<v>[^']*)' is not a valid float(?: range)?\."), "“{v}”不是数字。"),
    (re.compile(r"'(?P<v>[^']*)' is not one of (?P<c>.*)\."), "“{v}”不在可选值 {c} 之中。"),
    (re.compile(r"(?:File|Path|Directory) '(?P<v>[^']*)' does not exist\."), "“{v}”不存在。"),
)


def usage_error(message: str) -> str:
    """A click usage-error message in Chinese (unknown messages are returned unchanged)."""
    for pattern, zh in _ERRORS:
        m = pattern.fullmatch(message.strip())
        if m:
            parts = {k: v or "" for k, v in m.groupdict().items()}
            if "{hint}" in zh:  # b is click's suggestion
                return zh.format(hint=f"是不是要用 {parts['b']}？" if parts["b"] else "", **parts)
            for reason, zh_reason in _VALUE_REASONS:  # b is why the value is invalid
                r = reason.fullmatch(parts.get("b", "").strip())
                if r:
                    parts["b"] = zh_reason.format(**r.groupdict())
            return zh.format(**parts)
    return message
