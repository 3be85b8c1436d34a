"""Terminal rendering with rich: result tables (when stdout is a terminal) and a build's progress."""

from __future__ import annotations

import sys
from typing import Any

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


class BuildProgress:
    """A build's stages as they begin, on stderr: a rich status line (spinner) on a terminal, which
    the summary replaces; plain lines ``build: STAGE: WHAT…`` when stderr is piped or a file."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self._status: Any = None

    def __call__(self, stage: str, what: str) -> None:
        text = f"{stage}: {what}…"
        if not self.console.is_terminal:
            sys.stderr.write(f"build: {text}\n")
            sys.stderr.flush()
        elif self._status is None:
            self._status = self.console.status(text)
            self._status.start()
        else:
            self._status.update(text)

    def close(self) -> None:
        """Take the status line away (the summary follows)."""
        if self._status is not None:
            self._status.stop()
            self._status = None
