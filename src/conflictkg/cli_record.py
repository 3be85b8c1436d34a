"""``conflictkg coverage`` and ``conflictkg counts``: the record as a whole, from the CLI.

Thin commands over :mod:`conflictkg.record`; registered on the main group by :mod:`conflictkg.cli`
(errors reach its one error boundary).
"""

from __future__ import annotations

from pathlib import Path

import click

from conflictkg.errors import DataNotConformant


@click.command()
@click.option("--check", is_flag=True, help="Exit 3 when a month of the period is a gap, a claim has no audit "
              "entry, or a one-sided incident has no logged search for the other side.")
@click.option("--reaudit-order", "session", type=click.IntRange(min=1), metavar="SESSION",
              help="Print instead the order in which re-audit session SESSION re-reads the claims no earlier session "
              "had re-read: stratum, number, of, claim, audit log (tab-separated; random.Random(SESSION)).")
@click.pass_obj
def coverage(obj, check: bool, session: int | None) -> None:  # noqa: ANN001 - the CLI's Context
    """Month by month: incidents and claims in the store, searches in the coverage log; which
    claims have no audit entry; which one-sided incidents have no logged search for the other side; how many claims the sampled
    re-audits re-read and changed, per session. The logs are data/coverage/*.yaml (other-side searches under other_side) and data/audit/*.yaml."""
    from conflictkg.record.coverage import audit_status, coverage_rows, gaps, other_side_status
    from conflictkg.record.logs import read_logs
    from conflictkg.sparql.queries import load_library

    month_logs, entries = read_logs(obj.resources.data_dir)
    if session is not None:
        _echo_order(entries, session)
        return
    library = load_library(obj.resources.queries_dir)
    store = obj.store()
    rows = coverage_rows(store, library, month_logs)
    click.echo(f"{'month':8} {'incidents':>9} {'claims':>6} {'searches':>8} {'found':>5} {'left out':>8}  status")
    for r in rows:
        click.echo(f"{r.month:8} {r.incidents:9} {r.claims:6} {r.searches:8} {r.found:5} {r.left_out:8}  {r.status}")
    status = audit_status(store, library, entries)
    missing = gaps(rows)
    click.echo(f"Audit: {status.audited} of {status.claims} claims have an audit entry"
               + (f" (last checked {status.last_checked})." if status.last_checked else "."))
    for claim in status.unaudited:
        click.echo(f"  no audit entry: ckr:{claim}")
    for entry in status.unknown:
        click.echo(f"  {entry.path}:{entry.line}: audit entry for an unknown claim ckr:{entry.claim}")
    sides = other_side_status(store, library, month_logs)
    click.echo(f"One-sided incidents: {len(sides.one_sided)}, each with a logged search for the other side: "
               f"{len(sides.searched)}.")
    for incident in sides.unsearched:
        click.echo(f"  no logged search for the other side: ckr:{incident}")
    for search in sides.unknown:
        click.echo(f"  {search.path}:{search.line}: other-side search for an unknown incident ckr:{search.incident}")
    _echo_reaudit(entries, status.claims)
    click.echo(f"Gaps: {', '.join(missing) if missing else 'none'}.")
    if check and (missing or status.unaudited or status.unknown or sides.unsearched or sides.unknown):
        raise DataNotConformant(f"{len(missing)} month(s) without an incident or a logged search, "
                                f"{len(status.unaudited)} claim(s) without an audit entry, "
                                f"{len(status.unknown)} entry(ies) naming no claim, "
                                f"{len(sides.unsearched)} one-sided incident(s) without a logged search for the "
                                f"other side, {len(sides.unknown)} other-side search(es) naming no incident")


def _echo_order(entries: list, session: int) -> None:
    """A session's re-audit order (:func:`conflictkg.record.reaudit.reaudit_order`), one claim a line."""
    from conflictkg.record.reaudit import reaudit_order

    click.echo("stratum\tno\tof\tclaim\taudit_log")
    for r in reaudit_order(entries, session):
        click.echo(f"{r.stratum}\t{r.number}\t{r.of}\t{r.claim}\t{Path(r.path).name}")


def _echo_reaudit(entries: list, claims: int) -> None:
    """The sampled re-audits per session (:mod:`conflictkg.record.reaudit`)."""
    from conflictkg.record.reaudit import reaudit_rows

    rows = reaudit_rows(entries)
    if not rows:
        click.echo("Re-audit samples: none logged.")
        return
    total = rows[-1]
    click.echo(f"Re-audit samples (claims re-read against their stored pages): {total.reread} of {claims} claims "
               f"re-read, {total.changed} of them changed ({total.changed_share:.0%}).")
    click.echo(f"  {'session':>7} {'re-read':>7} {'ok':>4} {'changed':>7} {'issue':>5}")
    for r in rows[:-1]:
        click.echo(f"  {r.session:7} {r.reread:7} {r.ok:4} {r.changed:7} {r.issue:5}")


@click.command()
@click.option("--readme", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Rewrite the counts block of this Markdown file (between its counts markers).")
@click.pass_obj
def counts(obj, readme: Path | None) -> None:  # noqa: ANN001 - the CLI's Context
    """How big the record is (library question record-counts), as the README says it."""
    from conflictkg.record.counts import counts_sentence, record_counts, replace_block
    from conflictkg.sparql.queries import load_library

    figures = record_counts(obj.store(), load_library(obj.resources.queries_dir))
    for name, value in figures.items():
        click.echo(f"{name:24} {value}")
    if readme is not None:
        from conflictkg.cli_files import write_output

        text = replace_block(readme.read_text(encoding="utf-8"), counts_sentence(figures), path=str(readme))
        write_output(readme, text.encode("utf-8"))
        click.echo(f"Rewrote the counts block of {readme}.", err=True)
