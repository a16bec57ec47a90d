"""SHACL validation of document graphs: a report, never an exception.

Each document graph is checked on its own against ``ontology/shapes.ttl``
(pySHACL, no inference): the shapes only constrain what one document says, and
checking graph by graph keeps memory bounded on a large store. Only broken
shapes or an unreadable store raise.

>>> report = ValidationReport(documents=1, violations=[])
>>> report.conforms, report.summary()
(True, 'conforms: 1 document(s) checked, 0 violations')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS

from graph.model import Extraction
from graph.values.text import has_marks
from ontology.iris import Iris
from ontology.mapping import document_graph
from ontology.namespaces import PREFIXES

SHAPES = Path(__file__).resolve().parent / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with what a person needs to find it."""

    document: str | None
    focus: str
    label: str
    path: str | None
    message: str
    message_en: str
    severity: str

    def line(self) -> str:
        """One readable line: where, what (Vietnamese, then English), and the IRI."""
        where = f" [{self.path}]" if self.path else ""
        doc = f"{self.document}: " if self.document else ""
        en = f" / {self.message_en}" if self.message_en and self.message_en != self.message else ""
        return f"{self.severity}: {doc}{self.label} — {self.message}{en}{where} <{self.focus}>"


@dataclass
class ValidationReport:
    documents: int
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Vi phạm" for v in self.violations)

    def summary(self) -> str:
        state = "conforms" if self.conforms else "does not conform"
        return f"{state}: {self.documents} document(s) checked, {len(self.violations)} violations"

    def text(self) -> str:
        return "\n".join([*(v.line() for v in self.violations), self.summary()])


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def validate_graph(data: Graph, *, document: str | None = None) -> list[Violation]:
    """Run the shapes over one graph; the violations, sorted for stable output."""
    from pyshacl import validate

    _conforms, results, _text = validate(data, shacl_graph=shapes_graph(), inference="none", advanced=True)
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        vi_text, en_text = _messages(results.objects(result, SH.resultMessage))
        out.append(
            Violation(
                document=document,
                focus=str(focus),
                label=node_label(data, focus),
                path=_curie(path) if isinstance(path, URIRef) else None,
                message=vi_text,
                message_en=en_text,
                severity=_SEVERITY.get(severity, "Vi phạm"),
            )
        )
    return sorted(out, key=lambda v: (v.document or "", v.focus, v.path or "", v.message))


def validate_store(store, *, documents: Iterable[str] | None = None) -> ValidationReport:
    """Validate every document graph of a :class:`ontology.store.GraphStore` (or the ones named)."""
    keys = list(documents) if documents is not None else [d.id for d in store.documents()]
    report = ValidationReport(documents=len(keys))
    for key in keys:
        g = ox.NamedNode(store.iris.graph(key))
        # consumed here, on this thread: a pyoxigraph QuadIter left in this frame was collected later
        # on another thread (an unraisable "unsendable" error), see GraphStore.stored_hash
        triples = [q.triple for q in store.raw.quads_for_pattern(None, None, None, g)]
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        report.violations += validate_graph(Graph().parse(data=data, format="nt"), document=key)
    return report


def validate_extraction(extraction: Extraction, iris: Iris | None = None) -> ValidationReport:
    """Validate what one extraction would put in the store (no store needed)."""
    dg = document_graph(extraction, iris or Iris())
    data = Graph().parse(data=dg.ntriples(), format="nt")
    return ValidationReport(documents=1, violations=validate_graph(data, document=dg.key))


def _messages(values) -> tuple[str, str]:
    """The Vietnamese and English messages. pySHACL drops the language tags of messages it fills
    in (SPARQL constraints), so untagged ones are told apart by their diacritics."""
    vi_text = en_text = ""
    for v in sorted((v for v in values if isinstance(v, Literal)), key=lambda v: (str(v), v.language or "")):
        if v.language == "vi" or (not v.language and has_marks(str(v))):
            vi_text = vi_text or str(v)
        else:
            en_text = en_text or str(v)
    return vi_text or en_text or "violation", en_text


_SEVERITY = {SH.Violation: "Vi phạm", SH.Warning: "Cảnh báo", SH.Info: "Thông tin"}


def node_label(g: Graph, node) -> str:
    """A Vietnamese label for a node: its own, or its referrer's label and the property between them."""
    own = _own_label(g, node)
    if own:
        return own
    for subject, predicate in g.subject_predicates(node):
        parent = _own_label(g, subject)
        if parent:
            return f"{parent} → {_curie(predicate)}"
    return str(node)


def _own_label(g: Graph, node) -> str | None:
    best = None
    for prop in (RDFS.label, SKOS.prefLabel):
        for value in g.objects(node, prop):
            if isinstance(value, Literal) and value.language == "vi":
                return str(value)
            best = best or str(value)
    return best


def _curie(term: URIRef) -> str:
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return text
