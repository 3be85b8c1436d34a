"""SHACL without pyshacl on the hot path (#14): the shapes compiled to SPARQL and run on the store.

``model`` reads the shapes graph (refusing any component it cannot compile), ``compile`` turns each
constraint of a targeted shape into a SELECT whose rows are the validation results. ``validate`` runs
the queries and words the results as it words pyshacl's; the tests hold both engines to the same
report on every fixture of ``ontology/examples`` and on the shipped data.
"""

from conflictkg.shacl.compile import ShapeCheck, compile_shapes
from conflictkg.shacl.model import Shape, read_shapes

__all__ = ["Shape", "ShapeCheck", "compile_shapes", "read_shapes"]
