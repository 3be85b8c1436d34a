"""Hostile data files: each bad file dropped into ``data/`` of a scratch checkout must get its exit
code and a message naming the file (and the node, where there is one), never a traceback.

Most cases run ``conflictkg --root R validate`` (in-process, through ``cli.main``, the command's
one error boundary); a handful also run ``build`` on a published store and check that its
fingerprint did not change. Cases that need HermiT (``validate --reason``) are marked ``java``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conflictkg.build import check, explain_inconsistency
from conflictkg.cli import main
from conflictkg.errors import Inconsistent, OntologyError
from conflictkg.owl.reasoning import check_consistency, hermit_failure
from conflictkg.resources import Resources

from ..conftest import REPO
from .harness import Case, fingerprint, ids

HEAD = """@prefix ck: <https://w3id.org/conflictkg/ontology#> .
@prefix ckr: <https://w3id.org/conflictkg/resource/> .
@prefix ckg: <https://w3id.org/conflictkg/graph/> .
@prefix ckv: <https://w3id.org/conflictkg/vocab/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
TEMPLATE = (REPO / "docs" / "curating" / "incident-template.trig").read_text(encoding="utf-8")
PARUKH = "ckr:incident-2022-03-24-parukh-farrukh"
CASUALTY = "ckr:casualty-artsakh-mod-2022-03-25-incursion-azerbaijani-killed"
CLAIM = "ckr:claim-ru-mod-2022-03-26-bulletin"


@dataclass(frozen=True)
class DataFile:
    """A file put at ``data/hostile/NAME``: its text or bytes, or an oddity instead of a file."""

    content: str | bytes = ""
    #: file | dir | fifo | loop (a symlink to itself) | dangling (a symlink to nothing)
    kind: str = "file"
    name: str = "hostile.trig"
    #: validate with --reason (HermiT)
    reason: bool = False


def reference(body: str) -> str:
    """A file whose whole content is one ``ckg:reference`` block."""
    return HEAD + "ckg:reference {\n" + body + "\n}\n"


def literal(case_id: str, subject: str, prop: str, lexical: str, datatype: str, reason: str) -> Case:
    """An ill-typed literal on line 9 of the file: validate exits 3 naming file:line, node, the
    literal and the ``reason`` (its beginning); the property and value follow in brackets."""
    text = reference(f'  {subject} {prop} "{lexical}"^^{datatype} .')
    dt = "xsd:" + datatype.rstrip(">").rsplit("#", 1)[-1].removeprefix("xsd:")
    return Case(case_id, DataFile(text), 3,
                f'hostile.trig:9: error: {subject}: ill-typed {dt} literal "{lexical}": {reason}')


def template(old: str, new: str) -> str:
    """The curator's incident template with one change (it must occur in the template)."""
    assert old in TEMPLATE, old
    return TEMPLATE.replace(old, new)


ILL_TYPED = [
    literal("date-month-13", PARUKH, "ck:earliestBegin", "2022-13-45", "xsd:date",
            "month 13 is not 01-12"),
    literal("date-feb-30", CLAIM, "ck:claimDate", "2022-02-30", "xsd:date", "day 30 is not 01-28 in month 02"),
    literal("date-slashes", PARUKH, "ck:latestEnd", "24/03/2022", "xsd:date", "not a valid xsd:date"),
    literal("date-not-leap", PARUKH, "ck:latestEnd", "2023-02-29", "xsd:date", "day 29 is not 01-28"),
    literal("integer-word", CASUALTY, "ck:countMin", "many", "xsd:integer",
            "not a valid xsd:integer"),
    literal("integer-fraction", CASUALTY, "ck:countMax", "3.5", "xsd:integer",
            "not a valid xsd:integer; expected a whole number such as 42 or -7, in digits 0-9, without a decimal point"),
    literal("integer-spaces", CASUALTY, "ck:countBest", " 12 ", "xsd:integer", "leading or trailing spaces"),
    literal("integer-underscore", CASUALTY, "ck:countMin", "1_000", "xsd:integer", "not a valid xsd:integer"),
    literal("nonnegative-minus", "ckr:event-x", "ck:strikeCount", "-1", "xsd:nonNegativeInteger",
            "below the lowest xsd:nonNegativeInteger, 0"),
    literal("byte-too-big", CASUALTY, "ck:countMin", "300", "xsd:byte", "above the highest xsd:byte, 127"),
    literal("datetime-hour-25", PARUKH, "ck:earliestBegin", "2022-03-24T25:00:00", "xsd:dateTime",
            "time 25:00:00 is not a valid time of day"),
    literal("datetime-zone-15", PARUKH, "ck:earliestBegin", "2022-03-24T10:00:00+15:00", "xsd:dateTime",
            "time zone +15:00 is not between -14:00 and +14:00"),
    literal("datetime-no-time", PARUKH, "ck:earliestBegin", "2022-03-24", "xsd:dateTime", "not a valid xsd:dateTime"),
    literal("datetimestamp-no-zone", PARUKH, "ck:latestEnd", "2022-03-24T10:00:00", "xsd:dateTimeStamp",
            "not a valid xsd:dateTimeStamp"),
    literal("gyear-letters", PARUKH, "dcterms:date", "20x2", "xsd:gYear", "not a valid xsd:gYear"),
    literal("gyearmonth-13", PARUKH, "dcterms:date", "2022-13", "xsd:gYearMonth", "month 13 is not 01-12"),
    literal("time-61", PARUKH, "dcterms:date", "10:61:00", "xsd:time", "time 10:61:00 is not a valid time of day"),
    literal("boolean-yes", "ckr:source-x", "ck:authoritative", "yes", "xsd:boolean",
            "not a valid xsd:boolean; expected true, false, 1 or 0"),
    literal("decimal-comma", CASUALTY, "ck:countMin", "1,5", "xsd:decimal", "not a valid xsd:decimal"),
    literal("decimal-nan", CASUALTY, "ck:countMin", "NaN", "xsd:decimal", "not a valid xsd:decimal"),
    literal("double-word", CASUALTY, "ck:countMin", "abc", "xsd:double", "not a valid xsd:double"),
    literal("duration-empty", PARUKH, "dcterms:extent", "P", "xsd:duration", "not a valid xsd:duration"),
    literal("full-iri-datatype", PARUKH, "ck:earliestBegin", "2022-00-10",
            "<http://www.w3.org/2001/XMLSchema#date>", "month 00 is not 01-12"),
    Case("in-a-claim-content-graph",
         DataFile(HEAD + "ckg:claim-x {\n  ckr:event-x ck:earliestBegin \"2022-04-31\"^^xsd:date .\n}\n"), 3,
         "hostile.trig:9: error: ckr:event-x: ill-typed xsd:date literal \"2022-04-31\": day 31 is not 01-30"),
    Case("blank-node-named-by-parent",
         DataFile(reference(f"  {PARUKH} ck:hasCasualtyReport [ ck:countMin \"few\"^^xsd:integer ] .")), 3,
         f"hostile.trig:9: error: a blank node under {PARUKH} (ck:hasCasualtyReport): ill-typed xsd:integer"),
    Case("two-in-one-file-second-line",
         DataFile(reference(f'  {PARUKH} ck:earliestBegin "2022-03-24"^^xsd:date .\n'
                            f'  {CASUALTY} ck:countMin "2022-03-24"^^xsd:integer .')), 3,
         f'hostile.trig:10: error: {CASUALTY}: ill-typed xsd:integer literal "2022-03-24"'),
]

OWL_CLASHES = [
    Case("place-typed-person", DataFile(reference("  ckr:place-parukh-farrukh a ck:Person ."), reason=True), 3,
         "hostile.trig: error: ckr:place-parukh-farrukh: is a ck:Person (stated in "),
    Case("organization-typed-person", DataFile(reference("  ckr:agent-uprootedpalestinians a ck:Person ."), reason=True), 3,
         "but ck:Person and ck:Organization are disjoint (ck:Person owl:disjointWith ck:Organization)"),
    Case("functional-two-values",
         DataFile(reference(f'  {PARUKH} ck:earliestBegin "2022-03-20"^^xsd:date .'), reason=True), 3,
         f"{PARUKH}: has two values of the functional property ck:earliestBegin"),
    Case("range-makes-a-place-an-agent",
         DataFile(reference(f"  {CLAIM} ck:accusedParty ckr:place-parukh-farrukh ."), reason=True), 3,
         "ckr:place-parukh-farrukh: is a ck:Agent (as the object of ck:accusedParty, whose rdfs:range is ck:Agent, in "),
    # in the claims graph, where the claim nodes are merged by shape for HermiT (owl.summary): the summary
    # clashes too (it is a homomorphic image), and the whole projection then explains the clash
    Case("claim-node-range-clash-in-the-claims-graph",
         DataFile(HEAD + f"ckg:claims {{\n  {CLAIM} ck:accusedParty ckr:place-parukh-farrukh .\n}}\n", reason=True), 3,
         "ckr:place-parukh-farrukh: is a ck:Agent (as the object of ck:accusedParty, whose rdfs:range is ck:Agent, in "),
    Case("domain-makes-a-place-an-event",
         DataFile(reference("  ckr:place-parukh-farrukh ck:strikeCount 2 ."), reason=True), 3,
         "ckr:place-parukh-farrukh: is a ck:Event (as the subject of ck:strikeCount, whose rdfs:domain is ck:Event, in "),
    Case("value-outside-datatype-range",
         DataFile(reference(f"  {PARUKH} a ck:Incident .\n  ckr:event-hostile a ck:Event ; ck:strikeCount -2 ."),
                  reason=True), 3,
         'ckr:event-hostile: ck:strikeCount has the value "-2"^^xsd:integer (in '),
]

ODDITIES = [
    Case("directory-named-trig", DataFile(kind="dir"), 1, "hostile.trig: is a directory, not a file"),
    Case("fifo-named-trig", DataFile(kind="fifo"), 1, "hostile.trig: is not a regular file (a FIFO"),
    Case("symlink-loop", DataFile(kind="loop"), 1, "hostile.trig: is a symlink loop"),
    Case("dangling-symlink", DataFile(kind="dangling"), 1, "hostile.trig: is a symlink to nowhere.trig, which does not exist"),
    Case("utf8-bom", DataFile(b"\xef\xbb\xbf" + reference("").encode()), 1,
         "hostile.trig:1: starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM"),
]

# The messages the review found clear (section 3): they must stay that way.
SYNTAX = [
    Case("garbage-mid-file", DataFile(reference(f"  {PARUKH} ck:earliestBegin ))) .")), 1,
         "hostile.trig:9: syntax error: Parser error at line 9 column 59: ) is not a valid RDF object"),
    Case("unterminated-string", DataFile(reference(f'  {PARUKH} rdfs:label "open .')), 1,
         "hostile.trig:9: syntax error: Parser error between line 9 column 53 and line 11 column 1"),
    Case("space-in-iri", DataFile(reference(f"  {PARUKH} dcterms:spatial <https://example.org/a b> .")), 1,
         "hostile.trig:9: syntax error: Parser error at line 9 between columns 58 and 83: Invalid IRI code point ' '"),
    Case("undeclared-prefix", DataFile(reference(f"  {PARUKH} nope:thing 1 .")), 1,
         "hostile.trig:9: syntax error: Parser error at line 9 between columns 42 and 52: The prefix nope: has not been declared"),
    Case("latin-1-bytes", DataFile(reference(f'  {PARUKH} rdfs:label "Fərrux"@az .').encode("utf-8")
                                    .replace("ə".encode(), b"\xe9")), 1,
         "hostile.trig:9: syntax error: Parser error at line 9 between columns 55 and 55: Invalid UTF-8"),
    Case("binary-file", DataFile(bytes(range(256)) * 4), 1, "hostile.trig:1: syntax error: Parser error at line 1"),
    Case("truncated-file", DataFile(reference(f'  {PARUKH} rdfs:label "cut"@en .')[:-4]), 1,
         "hostile.trig:9: syntax error: Parser error at line 9 column 62: Unexpected end"),
    Case("outside-named-graph", DataFile(HEAD + f'{PARUKH} rdfs:label "stray"@en .\n'), 1,
         "hostile.trig: 1 triple(s) outside any named graph"),
]

SHACL = [
    Case("claim-without-source",
         DataFile(template("      ck:citedIn ckr:source-example-article ;                   # ck:statedIn",
                           "      # ck:statedIn")), 3, "ckr:claim-example-allegation: A claim must name its source"),
    Case("quote-too-long",
         DataFile(template('"REPLACE: at most 25 words, verbatim"@en', '"' + " ".join(["word"] * 30) + '"@en')), 3,
         "ckr:claim-example-allegation: quotation has 30 words"),
    Case("dangling-clause",
         DataFile(template("ck:impliedBreachOf ckr:agreement-tri2020-p1 ;", "ck:impliedBreachOf ckr:agreement-tri2020-p10 ;")),
         3, "ckr:agreement-tri2020-p10: referred to by <https://w3id.org/conflictkg/resource/claim-example-allegation>"),
    Case("dangling-clause-suggests",
         DataFile(template("ck:impliedBreachOf ckr:agreement-tri2020-p1 ;", "ck:impliedBreachOf ckr:agreement-tri2020-p10 ;")),
         3, "described nowhere; did you mean ckr:agreement-tri2020-p1, "),
    Case("dangling-place",
         DataFile(template("      ck:atPlace ckr:place-parukh-farrukh ;", "      ck:atPlace ckr:place-fərrux ;")), 3,
         "did you mean ckr:place-parukh-farrukh"),
    Case("negative-count", DataFile(template("ck:countMin 3 ; ck:countMax 3", "ck:countMin -3 ; ck:countMax 3")), 3,
         "ckr:casualty-example-allegation-killed: A casualty report's minimum (ck:countMin) must be one whole number "
         "of 0 or more, and not above the maximum (ck:countMax). (shape/check: cksh:CasualtyReportShape / minimum "
         "count) [property: ck:countMin] [value: -3]"),
    Case("min-above-max", DataFile(template("ck:countMin 3 ; ck:countMax 3", "ck:countMin 5 ; ck:countMax 3")), 3,
         "ckr:casualty-example-allegation-killed: A casualty report's minimum (ck:countMin) must not be above its "
         "best figure (ck:countBest)."),
    Case("misspelt-ck-property", DataFile(template("ck:claimDate \"2022-01-02\"", "ck:claimdate \"2022-01-02\"")), 3,
         "error: ck:claimdate: ck: property used in graph <https://w3id.org/conflictkg/graph/claims> but not declared"),
]

VALIDATE_CASES = ILL_TYPED + OWL_CLASHES + ODDITIES + SYNTAX + SHACL


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The checkout's ontology/, queries/, data/ and pyproject.toml, copied once per module."""
    base = tmp_path_factory.mktemp("checkout")
    for name in ("ontology", "queries", "data"):
        shutil.copytree(REPO / name, base / name)
    shutil.copy2(REPO / "pyproject.toml", base / "pyproject.toml")
    return base


def scratch_root(checkout: Path, dst: Path, given: DataFile) -> Path:
    """A copy of ``checkout`` with ``given`` at ``data/hostile/NAME``."""
    root = dst / "root"
    shutil.copytree(checkout, root, symlinks=True)
    target = root / "data" / "hostile" / given.name
    target.parent.mkdir()
    if given.kind == "dir":
        target.mkdir()
    elif given.kind == "fifo":
        os.mkfifo(target)
    elif given.kind == "loop":
        target.symlink_to(given.name)
    elif given.kind == "dangling":
        target.symlink_to("nowhere.trig")
    elif isinstance(given.content, bytes):
        target.write_bytes(given.content)
    else:
        target.write_text(given.content, encoding="utf-8")
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """``conflictkg ARGS`` through its entry point; the exit code and stdout + stderr."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out = capsys.readouterr()
    return int(exit_info.value.code or 0), out.out + out.err


def params(cases: list[Case]) -> list[object]:
    """Cases as pytest params; those that need HermiT carry the ``java`` mark."""
    return [pytest.param(c, id=c.id, marks=[pytest.mark.java] if c.given.reason else [])  # type: ignore[attr-defined]
            for c in cases]


def assert_reported(case: Case, code: int, out: str) -> None:
    assert code == case.expect, out
    assert case.says in out, out
    assert case.given.name in out, out  # type: ignore[attr-defined]
    assert "Traceback" not in out and "java -version" not in out, out


def test_the_table_is_large_and_its_ids_unique() -> None:
    assert len(VALIDATE_CASES) >= 35
    assert len(set(ids(VALIDATE_CASES))) == len(VALIDATE_CASES)


@pytest.mark.parametrize("case", params(VALIDATE_CASES))
def test_validate(case: Case, checkout: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    given: DataFile = case.given  # type: ignore[assignment]
    root = scratch_root(checkout, tmp_path, given)
    code, out = run(capsys, "--root", str(root), "validate", *(["--reason"] if given.reason else []))
    assert_reported(case, code, out)


BUILD_CASES = [
    next(c for c in ILL_TYPED if c.id == "date-month-13"),
    next(c for c in ILL_TYPED if c.id == "integer-word"),
    next(c for c in ODDITIES if c.id == "fifo-named-trig"),
    next(c for c in ODDITIES if c.id == "utf8-bom"),
    next(c for c in OWL_CLASHES if c.id == "functional-two-values"),
]


@pytest.fixture(scope="module")
def published(checkout: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the good checkout (without HermiT: the cases below only need a store)."""
    store = tmp_path_factory.mktemp("store")
    with pytest.raises(SystemExit) as exit_info:
        main(["--root", str(checkout), "--store", str(store), "build", "--no-reason"])
    assert exit_info.value.code == 0
    return store


@pytest.mark.parametrize("case", params(BUILD_CASES))
def test_build_reports_and_leaves_the_store_alone(case: Case, published: Path, checkout: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    before = fingerprint(published)
    root = scratch_root(checkout, tmp_path, case.given)  # type: ignore[arg-type]
    code, out = run(capsys, "--root", str(root), "--store", str(published), "build")
    assert_reported(case, code, out)
    assert fingerprint(published) == before


def cli_process(root: Path, seed: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``conflictkg --root ROOT ARGS`` in a process of its own, with hash seed ``seed``."""
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.run([sys.executable, "-m", "conflictkg", "--root", str(root), *args], capture_output=True,
                          text=True, env=env, timeout=600, check=False)


def test_validate_and_build_print_the_same_warnings_in_the_same_order_every_time(checkout: Path,
                                                                                 tmp_path: Path) -> None:
    """Issue #10: pyshacl's results come out of a hash-ordered graph with random blank nodes, so
    two processes used to print the 39 warnings in two orders."""
    first, second = (cli_process(checkout, seed, "validate") for seed in ("1", "2"))
    assert first.returncode == second.returncode == 0, first.stderr
    assert first.stdout == second.stdout and first.stdout.count(": warning: ") >= 2
    built = cli_process(checkout, "3", "--store", str(tmp_path / "store"), "build", "--no-reason", "--warnings")
    assert built.returncode == 0, built.stderr
    warnings = [line for line in built.stderr.splitlines() if ": warning: " in line]
    assert warnings == [line for line in first.stdout.splitlines() if ": warning: " in line]


MALFORMED = (b'<https://example.org/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
             b'<http://www.w3.org/2002/07/owl#DatatypeProperty> .\n'
             b'<https://example.org/x> <https://example.org/p> '
             b'"2022-13-45T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n')


@pytest.mark.java
def test_hermit_rejecting_a_value_is_not_blamed_on_java() -> None:
    """The reviewer's D6: HermiT's Java exception for a malformed literal used to end with
    "check that java -version works". Here HermiT itself is handed such a literal."""
    with pytest.raises(OntologyError) as caught:
        check_consistency(MALFORMED)
    message = str(caught.value)
    assert message.startswith("HermiT rejected the input: org.semanticweb.HermiT.datatypes.MalformedLiteralException")
    assert "2022-13-45T00:00:00" in message and "java -version" not in message
    assert "conflictkg validate" in message


def test_a_broken_java_is_told_apart_from_a_rejected_input() -> None:
    broken = hermit_failure(1, "Error: Could not find or load main class org.semanticweb.HermiT.cli.CommandLine\n"
                               "Caused by: java.lang.ClassNotFoundException: org.semanticweb.HermiT.cli.CommandLine")
    assert "did not finish" in broken.message and "java -version" in str(broken)
    memory = hermit_failure(1, 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space')
    assert memory.message.startswith("HermiT ran out of memory") and "java -version" not in str(memory)


def test_an_inconsistency_nothing_explains_says_so_and_keeps_hermits_words(checkout: Path) -> None:
    """When none of the usual causes is in the data (here: the shipped, consistent data), the
    error says so honestly instead of guessing, and keeps what HermiT said."""
    staged, _result = check(Resources(checkout), reason=False)
    try:
        error = explain_inconsistency(staged, Inconsistent("inconsistent (HermiT)", said="HermiT: Inconsistent ontology"))
    finally:
        staged.store.close()
    assert type(error) is OntologyError
    assert "none of the usual causes was found" in error.message
    assert error.message.endswith("HermiT said: HermiT: Inconsistent ontology")
    assert "disjoint" not in (error.hint or "")
