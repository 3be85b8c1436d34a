"""Reading RDF: bad input gets an error naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictkg.errors import InputError
from conflictkg.rdf.io import SourceFile, read_quads, serialize


def test_turtle_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <http://example.org/> .\n:a :p 1 .\n:b :c .\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_quads(SourceFile(bad, "http://example.org/g"))
    assert info.value.path == str(bad) and info.value.line == 3
    assert f"{bad}:3" in str(info.value)


def test_trig_triple_outside_named_graph_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "stray.trig"
    bad.write_text("@prefix : <http://example.org/> .\n:g { :a :p 1 . }\n:b :c :d .\n", encoding="utf-8")
    with pytest.raises(InputError, match="outside any named graph"):
        read_quads(SourceFile(bad))


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown RDF file type"):
        read_quads(SourceFile(tmp_path / "x.rdf"))
    with pytest.raises(InputError, match="file not found"):
        read_quads(SourceFile(tmp_path / "missing.ttl"))


def test_turtle_goes_to_the_given_graph(tmp_path: Path) -> None:
    good = tmp_path / "ok.ttl"
    good.write_text("<http://example.org/a> <http://example.org/p> 1 .\n", encoding="utf-8")
    (quad,) = read_quads(SourceFile(good, "http://example.org/g"))
    assert quad.graph_name.value == "http://example.org/g"  # type: ignore[union-attr]


def test_serialize_is_deterministic(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[1] / "fixtures" / "mini.trig"
    quads = read_quads(SourceFile(src))
    one = serialize(quads, "nquads", {})
    two = serialize(list(reversed(quads)), "nquads", {})
    assert one == two and one.count(b"\n") == len(quads)
