"""The push manifest: which document graphs the target holds whole, with their content hashes.

It is one named graph on the target, ``{base}push/manifest``, holding the
store's own description of every graph pushed whole (``?g a pg:DocumentGraph ;
pg:describes ?plan ; pg:contentHash ?h ; pg:tripleCount ?n`` — the four triples
each document graph says about itself). A push reads it to skip documents whose
hash is unchanged and to delete graphs of documents gone from the store; it
rewrites it before writing (without the graphs about to change) and after (with
what was written), so it never names a graph the target does not hold whole.

>>> m = Manifest.from_rdf(b'<https://x/graph/a> <https://w3id.org/plangraph/ontology#contentHash> "h1" .\\n', "application/n-triples")
>>> m.hashes()
{'https://x/graph/a': 'h1'}
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.errors import PlangraphError
from ontology.iris import Iris
from ontology.namespaces import PG

_HASH = str(PG.contentHash)


def manifest_graph(iris: Iris) -> str:
    """The manifest's graph IRI: under the base, outside ``graph/`` (no document key can reach it)."""
    return f"{iris.base}push/manifest"


@dataclass
class Manifest:
    """Graph IRI -> that graph's description lines (N-Triples)."""

    entries: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_rdf(cls, data: bytes, content_type: str) -> Manifest:
        """Read a manifest fetched from the target (N-Triples or Turtle)."""
        fmt = ox.RdfFormat.from_media_type(content_type) if content_type else None
        if fmt is None or fmt not in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
            raise PlangraphError(
                f"the Graph Store answered {content_type or 'an untyped body'} instead of N-Triples or Turtle "
                "(is the URL the SPARQL query endpoint? for Virtuoso use /sparql-graph-crud-auth)"
            )
        manifest = cls()
        try:
            # formats named literally: nothing but N-Triples or Turtle is ever parsed from a server
            if fmt == ox.RdfFormat.N_TRIPLES:
                quads = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
            else:
                quads = ox.parse(data, format=ox.RdfFormat.TURTLE)
            for quad in quads:
                s = quad.subject
                if isinstance(s, ox.NamedNode):
                    manifest.entries.setdefault(s.value, []).append(f"{quad.triple} .")
        except SyntaxError as exc:
            raise PlangraphError(f"the push manifest on the target is not valid RDF: {exc}") from None
        return manifest

    def hashes(self) -> dict[str, str]:
        """Graph IRI -> content hash, for every graph listed."""
        out = {}
        for graph, lines in self.entries.items():
            for quad in ox.parse("\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
                if quad.predicate.value == _HASH:
                    out[graph] = quad.object.value
        return out

    def ntriples(self) -> bytes:
        """The manifest as N-Triples, sorted (deterministic)."""
        lines = sorted(line for lines in self.entries.values() for line in lines)
        return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
