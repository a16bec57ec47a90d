"""The Graph Store sink: the store's document graphs pushed to a SPARQL 1.1 Graph Store (Virtuoso, Fuseki, GraphDB).

- :mod:`.client` GET / PUT / POST / DELETE of one named graph, bounded retries, one-line errors;
- :mod:`.auth` none, basic, digest, or the scheme the server asks for;
- :mod:`.manifest` the graph on the target that says which documents it holds whole;
- :mod:`.push` the incremental push (skip unchanged, delete removed, replace changed).

See docs/scaling.md.
"""

from loaders.graphstore.client import GraphRefused, GraphStoreClient, Unreachable, check_url
from loaders.graphstore.manifest import Manifest, manifest_graph
from loaders.graphstore.push import PushReport, local_graphs, push

__all__ = [
    "GraphRefused",
    "GraphStoreClient",
    "Manifest",
    "PushReport",
    "Unreachable",
    "check_url",
    "local_graphs",
    "manifest_graph",
    "push",
]
