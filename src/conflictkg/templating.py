"""The one function that builds conflictkg's Jinja2 environments.

The web app builds one environment (its pages' templates and the network views') when it is
created and passes it to whatever renders; ``conflictkg viz`` builds one for the offline file with
the same function, so both render with the same settings: autoescaped (every label from the data
is shown as text), undefined names are errors, block tags leave no blank lines.
"""

from __future__ import annotations

from pathlib import Path

import jinja2


def environment(*directories: Path) -> jinja2.Environment:
    """An autoescaping environment loading templates from ``directories`` (first match wins)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in directories]), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)
