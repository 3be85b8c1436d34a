"""The record as a whole: its size (``counts``), the curators' logs of what was searched and how
each claim was checked (``logs``), and the month-by-month coverage they add up to (``coverage``).

The counts come from a library question (``record-counts``) so that no figure is typed by hand;
the logs are YAML files under ``data/coverage/`` and ``data/audit/`` that a curator writes beside
the TriG they curate; the coverage report sets the two side by side.
"""
