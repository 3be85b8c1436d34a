"""conflictkg: a knowledge graph of claims about the 9/10 November 2020 trilateral statement.

The library is the product; the ``conflictkg`` command is a thin skin over it.
"""

__version__ = "0.1.0"
