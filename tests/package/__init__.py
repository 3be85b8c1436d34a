"""The package as a whole: the architecture contract, the doctests, the wheel."""
