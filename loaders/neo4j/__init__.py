"""The Neo4j sink: the property-graph projection of the store, its Cypher, and the push.

- :mod:`.schema` the vocabulary (ontology term -> label, relationship type, property);
- :mod:`.model` the projection, read from the RDF in the store;
- :mod:`.cypher` every Cypher statement (parameters only) and the literals of the script export;
- :mod:`.statements` the statements of a push, as data;
- :mod:`.sink` ``Neo4jSink`` (``write`` / ``finalize``) and :func:`push`, the driver injected;
- :mod:`.connect` opening a real driver from the settings.

See docs/neo4j.md.
"""

from loaders.neo4j.model import DocumentProjection, Node, Rel, document_projection, merge, project_store
from loaders.neo4j.sink import Neo4jSink, PushReport, push

__all__ = [
    "DocumentProjection",
    "Neo4jSink",
    "Node",
    "PushReport",
    "Rel",
    "document_projection",
    "merge",
    "project_store",
    "push",
]
