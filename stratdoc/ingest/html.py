"""Saved web pages (news of strategy sessions): the article, its title and its date.

trafilatura finds the main article and drops page chrome (menus, footers, comment forms).
Its XML body is walked element by element: headings stay headings, paragraphs go through
the same text → blocks step as TXT files, lists become list items and ``<table>`` →
``<row>`` → ``<cell>`` becomes a Table (trafilatura pads colspans with empty cells and
keeps no span, so cells are 1×1).

The publication date must be the page's own (meta ``article:published_time``, JSON-LD
``datePublished``, ``<time datetime>``), never the "today is …" banner a news site prints
in its header, nor today's date or the file time. So the date is looked up with htmldate
without its free-text search, on a copy of the page with the chrome cut away.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from copy import deepcopy
from pathlib import Path

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from stratdoc.ingest.builder import DocumentBuilder, sha256_hex
from stratdoc.ingest.settings import ReadLimits
from stratdoc.ingest.text_blocks import (
    Part,
    TablePart,
    TextPart,
    add_parts,
    lines_to_parts,
    text_to_lines,
)
from stratdoc.ingest.txt import BOMS, bomless_utf16, check_not_binary, check_size, decode
from stratdoc.schema import BlockKind, Document, Format

# <meta charset="…"> / <meta http-equiv content="text/html; charset=…"> / <?xml encoding="…"?>,
# searched in the first bytes only (bounded quantifiers: no backtracking blow-up).
DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([\w.:-]{1,40})"""
                              rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})""", re.IGNORECASE)
CHARSET_SNIFF_BYTES = 8192

# Page chrome for the date lookup: these tags, and elements whose class or id names one of
# these parts, unless they hold or sit inside the article itself.
CHROME_TAGS = ("header", "nav", "footer", "aside", "form")
CHROME_CUE = re.compile(r"(?:^|[\s_-])(?:header|footer|menu|nav|navbar|navigation|sidebar|banner|breadcrumbs?"
                        r"|topbar|top-bar|today|current-date|comments?)(?:$|[\s_-])", re.IGNORECASE)
CONTENT_TAGS = frozenset({"article", "main"})
DATE_PARAMS = {"original_date": True, "extensive_search": False}

# Whole-page fallback: tags whose text is never visible, and tags that break lines.
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
})
CELL_TAGS = frozenset({"td", "th"})
DEFAULT_SUBHEADING_LEVEL = 2


def read_bytes(path: Path, data: bytes, limits: ReadLimits) -> Document:
    html, encoding = decode_html(data)
    check_size(path, html, limits)
    check_not_binary(path, html)
    builder = DocumentBuilder(id=sha256_hex(data), source=path.name, format=Format.HTML)
    builder.hints["encoding"] = encoding
    tree = html_to_tree(html)
    if tree is None:
        return builder.build()
    article = trafilatura.bare_extraction(tree, include_tables=True, include_comments=False,
                                          with_metadata=True, date_extraction_params=DATE_PARAMS)
    title = page_title(article, tree)
    if title:
        builder.hints["title"] = title
    published = published_on(tree)
    if published:
        builder.hints["published_on"] = published
    parts = body_to_parts(article.body) if article is not None and article.body is not None else []
    if not parts:
        parts = lines_to_parts(text_to_lines(visible_text(tree)))
        if parts:
            builder.warn("html: no main article text found; read the whole visible text of the page")
    if parts and title:
        parts = with_title(parts, title)
    add_parts(builder, parts)
    return builder.build()


# --- bytes → tree ----------------------------------------------------------------------------

def decode_html(data: bytes) -> tuple[str, str]:
    """BOM or BOM-less UTF-16, then strict UTF-8, then the declared charset, then detection.

    Valid UTF-8 outranks the declaration: pages re-saved as UTF-8 often still declare
    windows-1251, while cp1251 Russian text is practically never valid UTF-8.
    """
    if any(data.startswith(mark) for mark, _, _ in BOMS) or bomless_utf16(data) is not None:
        return decode(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    return decode(data)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares, if Python knows it; a UTF-16 claim in 8-bit bytes is a lie."""
    m = DECLARED_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", errors="ignore")
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name


def html_to_tree(html: str) -> HtmlElement | None:
    """Parse decoded text; re-encoded as UTF-8 so a stale <meta charset> cannot mislead lxml."""
    if not html.strip():
        return None
    parser = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except etree.ParserError:  # "Document is empty": markup without any element
        return None


def page_title(article: trafilatura.settings.Document | None, tree: HtmlElement) -> str:
    """trafilatura's title (og:title, <title> without the site name, or <h1>), else <title>."""
    title = article.title if article is not None else None
    return " ".join((title or tree.findtext(".//title") or "").split())


# --- publication date -------------------------------------------------------------------

def published_on(tree: HtmlElement) -> str | None:
    """ISO date of publication from the page's markup, or None; never today's date by default."""
    return find_date(strip_chrome(deepcopy(tree)), **DATE_PARAMS)


def strip_chrome(tree: HtmlElement) -> HtmlElement:
    """Drop header, menus, sidebars and footers that do not hold the article."""
    doomed = [el for el in tree.iter(etree.Element) if is_chrome(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    return tree


def is_chrome(el: HtmlElement) -> bool:
    if el.tag not in CHROME_TAGS and not CHROME_CUE.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return False
    if any(a.tag in CONTENT_TAGS for a in el.iterancestors()):
        return False
    return not any(True for _ in el.iterdescendants(*CONTENT_TAGS, "h1"))


# --- trafilatura's XML body → parts ---------------------------------------------------------

def element_text(el: etree._Element, skip: frozenset[str] = frozenset()) -> str:
    """Text of an element, <lb/> as a line break, children named in `skip` left out."""
    out = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            out.append("\n")
        elif child.tag not in skip:
            out.append(element_text(child, skip))
        out.append(child.tail or "")
    return "".join(out)


def heading_to_parts(el: etree._Element) -> list[Part]:
    text = " ".join(element_text(el).split())
    rend = el.get("rend", "")
    level = int(rend[1:]) if re.fullmatch(r"h[1-6]", rend) else DEFAULT_SUBHEADING_LEVEL
    return [TextPart(BlockKind.HEADING, text, level)] if text else []


NESTED_BLOCKS = frozenset({"list", "table"})


def text_element_to_parts(el: etree._Element) -> list[Part]:
    """A paragraph-like element through the TXT line rules, then any list or table inside it."""
    parts = lines_to_parts(text_to_lines(element_text(el, skip=NESTED_BLOCKS)))
    for child in el:
        if child.tag in NESTED_BLOCKS:
            parts.extend(ELEMENT_TO_PARTS[child.tag](child))
    return parts


def list_to_parts(el: etree._Element) -> list[Part]:
    parts: list[Part] = []
    for item in el.iterchildren("item"):
        text = " ".join(element_text(item, skip=frozenset({"list"})).split())
        if text:
            parts.append(TextPart(BlockKind.LIST_ITEM, text))
        for sub in item.iterchildren("list"):
            parts.extend(list_to_parts(sub))
    return parts


def table_to_parts(el: etree._Element) -> list[Part]:
    rows = [[" ".join(element_text(cell).split()) for cell in row.iterchildren("cell")]
            for row in el.iterchildren("row")]
    rows = [r for r in rows if r]
    return [TablePart(rows)] if rows else []


def skip_element(el: etree._Element) -> list[Part]:
    return []


ELEMENT_TO_PARTS: dict[str, Callable[[etree._Element], list[Part]]] = {
    "head": heading_to_parts,
    "list": list_to_parts,
    "table": table_to_parts,
    "graphic": skip_element,
    "lb": skip_element,
    "ref": text_element_to_parts,
}


def body_to_parts(body: etree._Element) -> list[Part]:
    parts: list[Part] = []
    for el in body:
        if not isinstance(el.tag, str):
            continue
        if el.tag == "div":  # a container: walk into it
            parts.extend(body_to_parts(el))
            continue
        parts.extend(ELEMENT_TO_PARTS.get(el.tag, text_element_to_parts)(el))
    return parts


def with_title(parts: list[Part], title: str) -> list[Part]:
    """The title first as a level-1 heading, unless the article already opens with it."""
    first = parts[0]
    if isinstance(first, TextPart) and first.kind == BlockKind.HEADING and first.text == title:
        first.level = 1
        return parts
    return [TextPart(BlockKind.HEADING, title, 1), *parts]


# --- whole-page fallback ------------------------------------------------------------------

def visible_text(tree: HtmlElement) -> str:
    """All text a browser would show, each block element on its own line(s).

    Line breaks are not doubled between blocks, so table rows stay adjacent and a table
    reaches the text step as a run of tab-separated lines.
    """
    root = deepcopy(tree)
    for el in list(root.iter(*INVISIBLE_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    out: list[str] = []
    for piece in iter_visible(root):
        if piece == "\n" and out and out[-1].endswith("\n"):
            continue
        out.append(piece)
    return "".join(out)


def iter_visible(root: etree._Element) -> Iterator[str]:
    for event, el in etree.iterwalk(root, events=("start", "end")):
        is_element = isinstance(el.tag, str)
        if event == "start":
            if is_element and el.tag in BLOCK_TAGS:
                yield "\n"
            elif is_element and el.tag in CELL_TAGS and getattr(el.getprevious(), "tag", None) in CELL_TAGS:
                yield "\t"
            if is_element and el.text:
                yield el.text
        else:
            if is_element and el.tag in BLOCK_TAGS:
                yield "\n"
            if el.tail:
                yield el.tail
