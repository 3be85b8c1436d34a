"""The shipped record's generated counts and the curators' logs (data/coverage, data/audit)."""

from __future__ import annotations

from conflictkg.build import Staged
from conflictkg.record.counts import block_of, counts_sentence, record_counts
from conflictkg.record.coverage import audit_status, coverage_rows
from conflictkg.record.logs import read_logs
from conflictkg.resources import Resources
from conflictkg.sparql.queries import load_library

from tests.conftest import REPO


def test_readme_counts_are_generated_from_the_data(staged: Staged, res: Resources) -> None:
    """Regenerate with: conflictkg counts --readme README.md"""
    figures = record_counts(staged.store, load_library(res.queries_dir))
    assert block_of((REPO / "README.md").read_text(encoding="utf-8")) == counts_sentence(figures)


def test_every_log_reads_and_names_only_what_exists(staged: Staged, res: Resources) -> None:
    library = load_library(res.queries_dir)
    month_logs, entries = read_logs(res.data_dir)
    rows = coverage_rows(staged.store, library, month_logs)
    assert len(rows) >= 39
    status = audit_status(staged.store, library, entries)
    assert status.unknown == (), [f"{e.path}:{e.line} {e.claim}" for e in status.unknown]


def test_every_month_is_covered_and_every_claim_audited(staged: Staged, res: Resources) -> None:
    """Issue #12: every month of November 2020 – January 2024 has an incident or a logged search
    that found none, and every claim has an audit entry (`conflictkg coverage --check`)."""
    from conflictkg.record.coverage import gaps

    library = load_library(res.queries_dir)
    month_logs, entries = read_logs(res.data_dir)
    assert gaps(coverage_rows(staged.store, library, month_logs)) == []
    assert audit_status(staged.store, library, entries).unaudited == ()


def test_every_month_of_the_period_has_a_coverage_log(res: Resources) -> None:
    from conflictkg.record.coverage import months

    month_logs, _entries = read_logs(res.data_dir)
    assert [m.month for m in month_logs] == months()
    assert all(m.searches for m in month_logs), [m.month for m in month_logs if not m.searches]


def test_every_one_sided_incident_has_a_logged_search_for_the_other_side(staged: Staged, res: Resources) -> None:
    """Issue #12 ("each side that spoke about it is in it"): an incident whose claims all come from
    one side is either answered, or its coverage log says who looked for the other side, with
    what queries, and what the pages held (`conflictkg coverage --check`)."""
    from conflictkg.record.coverage import other_side_status

    month_logs, _entries = read_logs(res.data_dir)
    sides = other_side_status(staged.store, load_library(res.queries_dir), month_logs)
    assert sides.one_sided and sides.unsearched == (), sides.unsearched
    assert sides.unknown == (), [f"{e.path}:{e.line} {e.incident}" for e in sides.unknown]
