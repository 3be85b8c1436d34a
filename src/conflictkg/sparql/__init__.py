"""The query library and what keeps it safe.

``queries`` (the ``.rq`` library: one question per file, with a header), ``binding`` (parameters
bound as a ``VALUES`` block, never pasted into the text), ``guard`` (``SERVICE`` and deep nesting
refused before any parser sees a query) and ``results`` (answers as SPARQL JSON/CSV/TSV and as
tables). ``binding`` and ``guard`` are foundation (the store backends use them); ``queries`` and
``results`` build on the store.
"""
