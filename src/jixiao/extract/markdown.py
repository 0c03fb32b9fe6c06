"""Markdown → Document: the text without its markup (heading #'s, emphasis, backslash escapes).

Markup is replaced by spaces, not removed, so offsets still point into the original file.
"""

from __future__ import annotations

import re

from .document import Document, DocumentBuilder, Origin

_MARKUP = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+|\\(?=[\\`*_{}\[\]()#+\-.!|])|\*\*|__|^[ \t]*>[ \t]?", re.M)
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$", re.M)


def read_markdown(text: str, name: str) -> Document:
    blanked = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    blanked = _TABLE_RULE.sub(lambda m: " " * len(m.group()), blanked)
    builder = DocumentBuilder(name, "md")
    builder.add(blanked, Origin())
    return builder.build()
