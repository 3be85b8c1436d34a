"""The query library (``queries/``): headers, parameters, examples, and the check queries."""
