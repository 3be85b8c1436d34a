"""The ontology and its SHACL shapes: well-formed, aligned, every shape with fixtures that behave."""
