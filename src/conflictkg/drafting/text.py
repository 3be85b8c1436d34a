"""Article file → plain text. HTML goes through trafilatura (main text, boilerplate dropped);
Markdown loses its markup; plain text is kept as it is."""

from __future__ import annotations

import re
from pathlib import Path

from conflictkg.errors import InputError
from conflictkg.settings import DRAFT_MAX_CHARS

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)", re.M)
_MD_EMPH = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page rather than prose (a tag near the start)."""
    head = text.lstrip()[:500].lower()
    return head.startswith("<!doctype html") or "<html" in head or "<body" in head or "<p>" in head


def html_to_text(html: str) -> str:
    """The main text of an HTML page (trafilatura: menus, footers and comments dropped)."""
    import trafilatura  # heavy: only for HTML input

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        raise InputError("no article text found in the HTML page",
                         hint="Save the article's text as a .txt or .md file and draft from that.")
    return text


def markdown_to_text(text: str) -> str:
    """Markdown with links, headings, list marks and emphasis reduced to their words."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_MARK.sub("", text)
    return _MD_EMPH.sub(r"\2", text)


def article_text(raw: str, suffix: str = "") -> str:
    """Plain text of an article given as HTML, Markdown or text (decided by suffix, then content)."""
    if suffix in (".html", ".htm") or looks_like_html(raw):
        return html_to_text(raw)
    if suffix in (".md", ".markdown"):
        return markdown_to_text(raw)
    return raw


def read_article(path: Path, max_chars: int = DRAFT_MAX_CHARS) -> str:
    """Read an article file; a missing, undecodable, empty or oversized file is an InputError."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the article: {exc}", str(path),
                         hint="Give a UTF-8 text, Markdown or HTML file.") from None
    if len(raw) > max_chars:
        raise InputError(f"the file has {len(raw)} characters, more than the {max_chars} an article may have",
                         str(path), hint="Give the text of one article.")
    text = article_text(raw, path.suffix.lower()).strip()
    if not text:
        raise InputError("the article is empty", str(path))
    return text
