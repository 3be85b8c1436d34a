"""RDF terms and names, and RDF files in and out.

``terms`` (the neutral terms every backend answers with), ``namespaces`` (prefixes and graph
names), ``literals`` (typed-literal checks), ``closure`` (what a relation between nodes reaches) and ``io`` (parsing and serializing files with
file:line errors). All but ``io`` are foundation: every layer may use them.
"""
