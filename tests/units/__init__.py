"""One module at a time: stores, RDF input/output, binding, results, names, naming, drafting, network, build."""
