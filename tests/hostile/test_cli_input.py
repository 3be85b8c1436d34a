"""Hostile command-line input: each case's exit code and message, and the store left as it was.

``given`` is the argument list after ``conflictkg --root REPO --store STORE``. Every case must
end with the documented exit code and a message on stderr (``Error: …``), never a traceback,
and the published store's fingerprint must not change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import run_cli
from .harness import Case, fingerprint, ids

NOT_IRI = "parameter claimant is not a valid IRI: "
READ_ONLY = "updates are not supported: conflictkg's store is read-only (rebuild with `conflictkg build`)"
AGENT = "https://w3id.org/conflictkg/resource/agent"

CASES = [
    # IRI parameters holding characters no IRI may contain (before: ValueError traceback)
    Case("iri-space", ["query", "claims-by-claimant", "-p", f"claimant={AGENT} ru mod"], 1,
         NOT_IRI + "' ' (space) at position 43"),
    Case("iri-gt-injection", ["query", "claims-by-claimant", "-p", "claimant=ckr:x> } ; DROP ALL #"], 1,
         NOT_IRI + "'>' at position 6"),
    Case("iri-quote", ["query", "claims-by-claimant", "-p", 'claimant=ckr:"quoted"'], 1, NOT_IRI + "'\"' at position 5"),
    Case("iri-braces", ["query", "claims-by-claimant", "-p", "claimant=ckr:a{b}"], 1, NOT_IRI + "'{' at position 6"),
    Case("iri-pipe", ["query", "claims-by-claimant", "-p", "claimant=ckr:a|b"], 1, NOT_IRI + "'|' at position 6"),
    Case("iri-caret", ["query", "claims-by-claimant", "-p", "claimant=ckr:a^b"], 1, NOT_IRI + "'^' at position 6"),
    Case("iri-backtick", ["query", "claims-by-claimant", "-p", "claimant=ckr:a`b"], 1, NOT_IRI + "'`' at position 6"),
    Case("iri-backslash", ["query", "claims-by-claimant", "-p", "claimant=ckr:a\\b"], 1, NOT_IRI + "'\\\\' at position 6"),
    Case("iri-lt", ["query", "claims-by-claimant", "-p", "claimant=<ckr:a<b>"], 1, NOT_IRI + "'<' at position 7"),
    Case("iri-control", ["query", "claims-by-claimant", "-p", "claimant=ckr:a\x01b"], 1,
         NOT_IRI + "'\\x01' (U+0001) at position 6"),
    Case("iri-newline", ["query", "place-names", "-p", "place=ckr:place\nx"], 1,
         "parameter place is not a valid IRI: '\\n' (U+000A) at position 10"),
    Case("iri-bad-percent", ["query", "place-names", "-p", "place=http://example.org/%zz"], 1,
         "parameter place is not a valid IRI: Invalid IRI percent encoding"),
    # typed parameters with values of another type (before: "(0 rows)", exit 0)
    Case("integer-word", ["query", "clause-texts", "-p", "clause_number=six"], 1,
         "parameter clause_number needs an integer, got 'six'"),
    Case("integer-injection", ["query", "clause-texts", "-p", "clause_number=6 } UNION { ?a ?b ?c"], 1,
         "parameter clause_number needs an integer"),
    Case("integer-decimal", ["query", "clause-version-differences", "-p", "clause_number=6.5"], 1,
         "parameter clause_number needs an integer"),
    Case("date-impossible", ["query", "events-in-window", "-p", "from=2022-13-45", "-p", "to=2022-12-31"], 1,
         "parameter from needs a date (YYYY-MM-DD), got '2022-13-45'"),
    Case("date-word", ["query", "events-in-window", "-p", "from=2022-01-01", "-p", "to=yesterday"], 1,
         "parameter to needs a date (YYYY-MM-DD), got 'yesterday'"),
    Case("date-not-leap", ["query", "events-in-window", "-p", "from=2023-02-29", "-p", "to=2023-03-01"], 1,
         "parameter from needs a date (YYYY-MM-DD)"),
    # updates (before: "SPARQL syntax error … expected CONSTRUCT")
    Case("insert-data", ["sparql", "INSERT DATA { ckr:a ckr:b ckr:c }"], 1, READ_ONLY),
    Case("drop-all", ["sparql", "DROP ALL"], 1, READ_ONLY),
    Case("load", ["sparql", "LOAD <http://127.0.0.1:9/x.ttl>"], 1, READ_ONLY),
    Case("delete-where-after-prologue", ["sparql", "PREFIX x: <urn:x:>\n# c\nDELETE WHERE { ?s ?p ?o }"], 1, READ_ONLY),
    Case("clear-graph", ["sparql", "CLEAR GRAPH ckg:reference"], 1, READ_ONLY),
    # unknown prefix (before: a screenful of Unicode ranges)
    Case("unknown-prefix", ["sparql", "SELECT * WHERE { ?s foo:bar ?o }"], 1, "unknown prefix foo: (line 1, column 21)"),
    Case("unknown-prefix-hint", ["sparql", "SELECT * WHERE {\n  ?s a nope:Thing }"], 1,
         "Hint: predeclared prefixes: ck:, ckg:, ckr:"),
    # behaviours that held up and must stay
    Case("invalid-sparql-position", ["sparql", "SELECT * WHERE {\n ?s ?p }"], 1, "line 2, column"),
    Case("unknown-query", ["query", "no-such-question"], 1, "unknown query 'no-such-question'"),
    Case("unknown-parameter", ["query", "clause-texts", "-p", "nope=1"], 1, "has no parameter nope"),
    Case("missing-parameter", ["query", "place-by-name"], 1, "needs parameter 'name'"),
    Case("param-without-equals", ["query", "clause-texts", "-p", "clause_number"], 2, "expected NAME=VALUE"),
    Case("bad-format", ["query", "clause-norms", "--format", "xlsx"], 2, "Invalid value for '--format'"),
    Case("string-injection-is-bound", ["query", "place-by-name", "-p", 'name="} ; DROP ALL #'], 0, ""),
    Case("iri-quoted-full-iri-ok", ["query", "place-names", "-p", "place=<https://w3id.org/conflictkg/resource/x>"], 0,
         ""),
]


@pytest.fixture(scope="module")
def store(built_store: Path) -> tuple[Path, str]:
    """The built store and its fingerprint before any case runs."""
    return built_store, fingerprint(built_store)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_cli_input(case: Case, store: tuple[Path, str]) -> None:
    store_dir, before = store
    proc = run_cli(*case.given, store=store_dir)  # type: ignore[misc]
    assert proc.returncode == case.expect, proc.stderr
    assert case.says in proc.stderr
    assert "Traceback" not in proc.stderr
    if case.expect == 1:
        assert proc.stderr.startswith("Error: ") and proc.stdout == ""
    assert fingerprint(store_dir) == before
