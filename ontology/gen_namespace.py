"""Generate the closed ``PG`` namespace of ``ontology/namespaces.py`` from ``plangraph.ttl``.

Run ``python -m ontology.gen_namespace`` after editing the Turtle; ``--check``
exits 1 when the module is out of step (a test runs the same comparison).
The generated block sits between two marker lines in ``namespaces.py``; the
rest of that module is written by hand.

>>> block = render(TTL.read_text(encoding="utf-8"))
>>> "    Task: URIRef" in block and block.startswith(BEGIN)
True
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

HERE = Path(__file__).resolve().parent
TTL = HERE / "plangraph.ttl"
MODULE = HERE / "namespaces.py"
NS = "https://w3id.org/plangraph/ontology#"
BEGIN = "# --- BEGIN GENERATED from ontology/plangraph.ttl by `python -m ontology.gen_namespace` ---"
END = "# --- END GENERATED ---"

_GROUPS = (
    ("classes", OWL.Class),
    ("roles", OWL.NamedIndividual),
    ("object properties", OWL.ObjectProperty),
    ("datatype properties", OWL.DatatypeProperty),
)


def _label(g: Graph, term: URIRef, lang: str) -> str:
    for value in g.objects(term, RDFS.label):
        if getattr(value, "language", None) == lang:
            return str(value)
    return ""


def render(turtle: str) -> str:
    """The generated block for the given Turtle text."""
    g = Graph().parse(data=turtle, format="turtle")
    lines = [
        BEGIN,
        "class PG(DefinedNamespace):",
        '    """plangraph\'s own terms (generated: edit ontology/plangraph.ttl, not this class)."""',
        "",
        f'    _NS = Namespace("{NS}")',
        "    _fail = True",
    ]
    seen: set[URIRef] = set()
    for title, kind in _GROUPS:
        terms = sorted(
            t
            for t in g.subjects(RDF.type, kind)
            if isinstance(t, URIRef) and t.startswith(NS) and t not in seen
        )
        if not terms:
            continue
        lines += ["", f"    # {title}"]
        for term in terms:
            seen.add(term)
            name = term[len(NS) :]
            lines.append(f"    {name}: URIRef  # {_label(g, term, 'vi')} / {_label(g, term, 'en')}")
    lines += ["", "", END]  # two blank lines: the layout ruff format gives the module
    return "\n".join(lines) + "\n"


def current_block(module_text: str) -> str:
    """The generated block as it stands in ``namespaces.py``."""
    start, end = module_text.index(BEGIN), module_text.index(END) + len(END)
    return module_text[start:end] + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    module = MODULE.read_text(encoding="utf-8")
    new = render(TTL.read_text(encoding="utf-8"))
    old = current_block(module)
    if "--check" in args:
        if new != old:
            print(
                "ontology/namespaces.py is out of step with plangraph.ttl: run python -m ontology.gen_namespace"
            )
            return 1
        return 0
    if new != old:
        MODULE.write_text(module.replace(old, new), encoding="utf-8")
        print(f"updated {MODULE.name}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
