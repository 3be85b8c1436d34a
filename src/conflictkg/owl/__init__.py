"""OWL reasoning: HermiT's consistency check (``reasoning``) and why a check failed (``clashes``)."""
