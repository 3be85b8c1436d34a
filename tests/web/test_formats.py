"""Content negotiation (``web.formats.choose``): qualities by the most specific range, 406 only
when the client refuses every format with ``q=0``, the default for anything else."""

from __future__ import annotations

import pytest

from conflictkg.errors import NotAcceptable
from conflictkg.web.formats import GRAPH_FORMATS, RESULT_FORMATS, choose, parse_accept
from conflictkg.web.rendering import PAGE_FORMATS


@pytest.mark.parametrize(("formats", "header", "key"), [
    (RESULT_FORMATS, None, "json"),
    (RESULT_FORMATS, "", "json"),
    (RESULT_FORMATS, "image/png", "json"),  # names nothing on offer: the default, as before
    (RESULT_FORMATS, "text/html,application/xml;q=0.9,*/*;q=0.8", "xml"),
    (RESULT_FORMATS, "*/*, application/sparql-results+json;q=0", "xml"),  # the specific q=0 wins over */*
    (RESULT_FORMATS, "text/csv;q=0.5, text/tab-separated-values", "tsv"),
    (RESULT_FORMATS, "application/*;q=0, text/*", "csv"),
    (RESULT_FORMATS, "text/csv; charset=utf-8", "csv"),
    (GRAPH_FORMATS, "application/ld+json;q=0.4, text/turtle;q=0.3", "jsonld"),
    (PAGE_FORMATS, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
    (PAGE_FORMATS, "application/json", "json"),
    (PAGE_FORMATS, "text/html;q=0.5, application/json", "json"),
    (PAGE_FORMATS, "*/*", "html"),
])
def test_choose(formats: dict, header: str | None, key: str) -> None:
    assert choose(formats, parse_accept(header)).key == key


@pytest.mark.parametrize(("formats", "header"), [
    (RESULT_FORMATS, "application/x-nonsense, */*;q=0"),
    (RESULT_FORMATS, "*/*;q=0"),
    (GRAPH_FORMATS, "application/sparql-results+json, */*;q=0"),
    (PAGE_FORMATS, "text/html;q=0"),
    (PAGE_FORMATS, "text/html;q=0, application/json;q=0"),
    (PAGE_FORMATS, "text/*;q=0, application/json;q=0.0"),
])
def test_refusing_every_format_is_not_acceptable(formats: dict, header: str) -> None:
    with pytest.raises(NotAcceptable) as caught:
        choose(formats, parse_accept(header))
    assert all(fmt.media_type in caught.value.message for fmt in formats.values())


def test_the_format_parameter_wins_over_a_refusal() -> None:
    assert choose(RESULT_FORMATS, parse_accept("*/*;q=0"), ("csv",)).key == "csv"
