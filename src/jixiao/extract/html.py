"""HTML → Document: a government page's body without its site chrome (navigation, scripts, footers).

Block elements become lines; table rows become ` | `-separated lines like flattened tables elsewhere.
"""

from __future__ import annotations

import re

from .document import Document, DocumentBuilder, Origin

_CHROME = ("script", "style", "noscript", "nav", "header", "footer", "form", "iframe", "button", "select")
_CHROME_HINT = re.compile(r"nav|menu|breadcrumb|footer|header|share|sidebar|crumb|toolbar|banner", re.I)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "td", "th", "tr")


def read_html(text: str, name: str) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    for tag in soup(_CHROME):
        tag.decompose()
    for tag in soup.find_all(attrs={"class": _CHROME_HINT}) + soup.find_all(attrs={"id": _CHROME_HINT}):
        if tag.parent is not None and tag.name not in ("body", "html"):
            tag.decompose()
    body = _main_block(soup)
    for table in reversed(body.find_all("table")):  # innermost first: a nested table becomes text in its cell
        table.replace_with(soup.new_string("\n" + "\n".join(" | ".join(row) + " |" for row in _grid(table)) + "\n"))
    for row in body.find_all("tr"):  # rows outside any table (broken markup)
        cells = [" ".join(c.get_text(" ").split()) for c in row.find_all(["td", "th"])]
        row.replace_with(soup.new_string("\n" + " | ".join(cells) + " |\n"))
    for tag in body.find_all(_BLOCKS):
        tag.insert_before("\n")
    lines = [" ".join(line.split()) for line in body.get_text().split("\n")]
    builder = DocumentBuilder(name, "html")
    builder.add("\n".join(line for line in lines if line), Origin())
    return builder.build()


_MAX_SPAN = 200  # a rowspan/colspan beyond this is broken markup, not a table


def _grid(table) -> list[list[str]]:
    """The table's rows as the reader sees them: a cell merged down (rowspan) holds its text in every row it
    covers, as an 一级指标 does for each of its indicators; a cell merged across (colspan) is its text then
    blank cells, so the columns after it stay in place."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    carried: dict[int, tuple[str, int]] = {}  # column → (text, rows still covered)
    out: list[list[str]] = []
    for tr in rows:
        line: list[str] = []
        col = 0
        cells = iter(tr.find_all(["td", "th"], recursive=False))
        cell = next(cells, None)
        while cell is not None or col in carried:
            if col in carried:
                text, left = carried[col]
                line.append(text)
                carried[col] = (text, left - 1)
                if left <= 1:
                    del carried[col]
                col += 1
                continue
            text = " ".join(cell.get_text(" ").split())
            down, across = _span(cell, "rowspan"), _span(cell, "colspan")
            line.extend([text] + [""] * (across - 1))
            if down > 1:
                for k in range(across):
                    carried[col + k] = (text if k == 0 else "", down - 1)
            col += across
            cell = next(cells, None)
        out.append(line)
    return out


def _span(cell, attr: str) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(str(cell.get(attr, 1)).strip() or 1)))
    except ValueError:
        return 1


def _main_block(soup):
    """The element holding the article: <article>, <main>, or the body."""
    for selector in ("article", "main"):
        found = soup.find(selector)
        if found is not None and len(found.get_text(strip=True)) > 200:
            return found
    return soup.body or soup
