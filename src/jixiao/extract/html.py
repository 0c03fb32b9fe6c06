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
    for row in body.find_all("tr"):
        cells = [" ".join(c.get_text(" ").split()) for c in row.find_all(["td", "th"])]
        row.replace_with(soup.new_string("\n" + " | ".join(cells) + " |\n"))
    for tag in body.find_all(_BLOCKS):
        tag.insert_before("\n")
    lines = [" ".join(line.split()) for line in body.get_text().split("\n")]
    builder = DocumentBuilder(name, "html")
    builder.add("\n".join(line for line in lines if line), Origin())
    return builder.build()


def _main_block(soup):
    """The element holding the article: <article>, <main>, or the body."""
    for selector in ("article", "main"):
        found = soup.find(selector)
        if found is not None and len(found.get_text(strip=True)) > 200:
            return found
    return soup.body or soup
