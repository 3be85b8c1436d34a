"""The exception tree of conflictkg and the exit codes the command line maps them to.

Exit codes (documented in README.md):

* 0: success, data conforms
* 1: the command could not do what was asked (any :class:`ConflictKGError` but the one below)
* 2: usage error (click's own)
* 3: the command ran, but the data does not conform (:class:`DataNotConformant`)
"""

from __future__ import annotations


class ConflictKGError(Exception):
    """Base class: a problem the user can act on, with an optional hint."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\nHint: {self.hint}"


class InputError(ConflictKGError):
    """A file is missing, unreadable or unparseable (carries path and line when known)."""

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None, hint: str | None = None
    ) -> None:
        where = path or ""
        if path and line:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message, hint)
        self.path = path
        self.line = line


class OntologyError(ConflictKGError):
    """The ontology is missing, invalid or logically inconsistent."""


class Inconsistent(OntologyError):
    """HermiT found the ontology plus data inconsistent; ``said`` is HermiT's own output."""

    def __init__(self, message: str, said: str = "", hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.said = said


class StoreError(ConflictKGError):
    """The store cannot be opened, is missing or is locked."""


class QueryError(ConflictKGError):
    """Unknown query id, missing or bad parameter, SPARQL syntax error."""


class DataNotConformant(ConflictKGError):
    """The data violates the SHACL shapes or a check query returned rows."""

    exit_code = 3

    def __init__(self, message: str, report: object | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.report = report


class NotFound(ConflictKGError):
    """A resource, view or page the user asked for does not exist in the graph."""


class NotAcceptable(ConflictKGError):
    """The client refused every format an answer can take (HTTP 406; the message lists them)."""


class QueryRefused(QueryError):
    """A query conflictkg will not run, whatever the data (see :mod:`conflictkg.sparql.guard`)."""


class FederationRefused(QueryRefused):
    """The query has a ``SERVICE`` clause: conflictkg never fetches other URLs."""


class QueryTooDeep(QueryRefused):
    """The query nests deeper than ``max_query_depth``: the parser would overflow its stack."""


class Forbidden(ConflictKGError):
    """A request the site refuses to act on (HTTP 403): a curate form without this server's token,
    from another site, or to a non-loopback host name."""


class Preparing(ConflictKGError):
    """An answer the server is still preparing (HTTP 503 with ``Retry-After``): ask again in ``retry_after`` s."""

    def __init__(self, message: str, hint: str | None = None, retry_after: int = 10) -> None:
        super().__init__(message, hint)
        self.retry_after = retry_after
