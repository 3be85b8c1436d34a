"""Refuse user SPARQL that would make conflictkg fetch a URL or crash the query parser.

Two checks run on the query text before any engine sees it (:func:`check_query`):

* **No federation.** ``SERVICE`` makes Oxigraph (and rdflib) send the sub-query to any URL and
  return the answer: a read-only endpoint would become a proxy into the user's network (SSRF).
  pyoxigraph 0.5 has no option to switch its HTTP client off, so every query with a ``SERVICE``
  keyword anywhere (subqueries, OPTIONAL, UNION, MINUS, EXISTS, GRAPH, ``SERVICE SILENT``,
  ``SERVICE ?var``, any case) is refused. ``FROM`` / ``FROM NAMED`` never fetch in Oxigraph.
* **Bounded nesting.** Oxigraph's parser recurses once per nested ``{``, ``(`` or ``[`` (and per
  prefix ``!``); a few thousand levels overflow the thread's stack and kill the process (SIGSEGV).
  Queries nested deeper than ``max_depth`` are refused with the line and column where the limit is
  passed.

Why a lexer and not a parser: the query path never imports rdflib (cold start), and a lexer that
knows strings, IRIs and comments is enough to tell the keyword ``SERVICE`` from a literal
``"SERVICE"``, a comment, ``ex:service`` or ``?service``. It is conservative where SPARQL's lexing
depends on the grammar: Oxigraph matches keywords without a word boundary (``trueSERVICE`` and
``1SERVICE`` are ``true``/``1`` followed by ``SERVICE``), so any bare word containing "service" is
refused; and ``<`` is either an IRI or "less than" depending on the context, so an IRI-shaped
``<...>`` that could be an operator (inside parentheses, right after an operand) and contains
``'``, ``#`` or brackets - characters that would start a string, a comment or a nesting level if it
were an operator - is refused as ambiguous instead of being guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictkg.errors import FederationRefused, QueryRefused, QueryTooDeep
from conflictkg.settings import MAX_QUERY_DEPTH

_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      | (?P<comment>\#[^\r\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                  |"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')
      | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
      | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]*)
      | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
      | (?P<word>(?:[\w\-.:%\u00B7\u0300-\u036F\u203F\u2040]|\\.)+)
      | (?P<open>[{(\[])
      | (?P<close>[})\]])
      | (?P<unary>!(?!=))
      | (?P<other>.)""",
    re.X | re.S,
)
#: Characters that would start a string, a comment or a nesting level if ``<`` were an operator.
_RISKY = re.compile(r"['#()\[\]]")
#: The last character of a token after which ``<`` can only start an operand (an IRI).
_EXPECTS_OPERAND = set("(,=!<>&|+-*/^;{[")
#: Text that can end a term right before a keyword (Oxigraph needs no space): ``true``, ``1.5e3``.
_TERM_PREFIX = re.compile(r"(?:true|false|undef|a|[0-9.eE+\-]*)", re.I)
_UNTERMINATED = re.compile(r"\"\"\"|'''|\"|'")


@dataclass(frozen=True)
class Where:
    """A place in the query text (1-based line and column, as the syntax errors give them)."""

    line: int
    column: int

    @classmethod
    def of(cls, text: str, offset: int) -> Where:
        line = text.count("\n", 0, offset) + 1
        return cls(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}"


def check_query(text: str, max_depth: int = MAX_QUERY_DEPTH) -> None:
    """Refuse ``text`` if it has a ``SERVICE`` keyword or nests deeper than ``max_depth``.

    Raises:
        FederationRefused: a ``SERVICE`` keyword (federated query) is in the query.
        QueryTooDeep: ``{``, ``(``, ``[`` or prefix ``!`` nest deeper than ``max_depth``.
        QueryRefused: an IRI-shaped ``<...>`` cannot be told from a less-than (see module doc).
    """
    brackets: list[str] = []  # the open ones, innermost last
    unary, last = 0, "("
    for match in _TOKEN.finditer(text):
        kind, token, start = match.lastgroup, match.group(), match.start()
        if kind in ("ws", "comment"):
            continue
        if kind == "iri":
            _check_iri(text, token, start, brackets, last)
        elif kind == "word" and _has_service_keyword(token):
            raise _federation(text, start + token.lower().index("service"))
        elif kind == "other" and _UNTERMINATED.match(token):
            return  # an unterminated string: the parser reports it, nothing after it is code
        if kind == "open":
            brackets.append(token)
        elif kind == "close" and brackets:
            brackets.pop()
        unary = unary + 1 if kind == "unary" else 0
        if len(brackets) + unary > max_depth:
            raise _too_deep(text, start, max_depth)
        last = token[-1] if kind in ("other", "open", "close", "unary") else "x"


def _has_service_keyword(word: str) -> bool:
    """Whether Oxigraph could read the keyword ``SERVICE`` inside this run of name characters.

    In a prefixed name's local part (after the first ``:``) the word is a name, unless "service"
    follows a character the local part cannot hold there (``ex:.SERVICE`` is ``ex:`` ``.``
    ``SERVICE``). Before the colon, or in a bare word, it is the keyword when only a term that
    can end without a space precedes it (``trueSERVICE``, ``1SERVICE``, ``.SERVICE``).
    """
    lower = word.lower()
    colon = lower.find(":")
    for found in re.finditer("service", lower):
        at = found.start()
        if colon == -1:
            return True
        if at < colon:
            if _TERM_PREFIX.fullmatch(lower[:at]):
                return True
        elif not (lower[at - 1].isalnum() or lower[at - 1] in "_:-"):
            return True
    return False


def _check_iri(text: str, token: str, start: int, brackets: list[str], last: str) -> None:
    """Refuse an IRI-shaped token that Oxigraph could read as ``<`` followed by code."""
    after_operand_in_parens = bool(brackets) and brackets[-1] == "(" and last not in _EXPECTS_OPERAND
    could_be_operator = after_operand_in_parens or text[start - 1:start] == "<"  # '<<' opens a triple term
    if could_be_operator and _RISKY.search(token):
        raise QueryRefused(
            f"ambiguous '<' at {Where.of(text, start)}: it could start the IRI {token[:60]} or be 'less than'",
            hint="write the IRI with a prefix (ex:name) or percent-encode its ' # ( ) [ ] characters; "
                 "or put a space after '<' when it means 'less than'")


def _federation(text: str, offset: int) -> QueryRefused:
    return FederationRefused(
        f"SERVICE is not allowed on this endpoint (federated query at {Where.of(text, offset)})",
        hint="conflictkg answers from its own store only and never fetches other URLs; "
             "there is no setting that allows SERVICE: send that part of the query to the other endpoint yourself")


def _too_deep(text: str, offset: int, limit: int) -> QueryRefused:
    return QueryTooDeep(
        f"query nested too deeply (limit {limit}) at {Where.of(text, offset)}",
        hint="the limit is the setting max_query_depth (conflictkg.settings.MAX_QUERY_DEPTH); "
             "write the query with fewer nested {...}, (...), [...] or '!'")
