"""Terminal rendering with rich (used only when stdout is a terminal)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from conflictkg.sparql.results import display
from conflictkg.store import Result


def print_rich_table(result: Result) -> None:
    """Print a SELECT result as a rich table with a row count."""
    table = Table(*result.variables, caption=f"{len(result.rows)} rows")
    for row in result.rows:
        table.add_row(*(display(t) for t in row))
    Console().print(table)
