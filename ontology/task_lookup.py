"""Task details by direct index lookups: a cost that follows the page, not the store.

:meth:`ontology.reads.StoreReader.tasks` answers every page of tasks (an agency's tasks, a
period, a legal basis, a network's examples). As one SPARQL query with its OPTIONALs, pyoxigraph
0.5 sometimes plans it as joins over every task and span of the store (125 ms for 50 tasks of
5 plans, growing with the store); here each task's triples are read with ``quads_for_pattern``
in the task's own graph: a few index lookups per task, whatever the store holds.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from ontology.namespaces import DCTERMS, ELI, OA, PG, PPLAN, PROV, RDF, RDFS, SKOS, TIME


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


ROW, PLAN, DESC, TAS = (
    _n(PG.rowLabel),
    _n(PPLAN.isStepOfPlan),
    _n(DCTERMS.description),
    _n(PG.timelineAsWritten),
)
HAS_TIME, BEGIN, END, DATE = _n(TIME.hasTime), _n(TIME.hasBeginning), _n(TIME.hasEnd), _n(TIME.inXSDDate)
LABEL, DERIVED, SELECTOR = _n(RDFS.label), _n(PROV.wasDerivedFrom), _n(OA.hasSelector)
LINE_START, LINE_END, EXACT = _n(PG.lineStart), _n(PG.lineEnd), _n(OA.exact)
LEGAL, PPLAN_PLAN, PROGRAM = _n(ELI.LegalResource), _n(PPLAN.Plan), _n(PG.NamedProgram)
SYM, DOC_TYPE, DOC_DATE, TITLE, PASSED_BY = (
    _n(ELI.id_local),
    _n(ELI.type_document),
    _n(ELI.date_document),
    _n(ELI.title),
    _n(ELI.passed_by),
)
KIND, JURISDICTION = _n(PG.kind), _n(PG.jurisdiction)
LEAD, COORD, PREF, TYPE, GROUP = (
    _n(PG.lead),
    _n(PG.coordinating),
    _n(SKOS.prefLabel),
    _n(RDF.type),
    _n(PG.AgencyGroup),
)


class Lookup:
    """Objects of (subject, predicate) in one graph, read straight from the store's indexes."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def objects(self, s, p, g) -> list:
        # consumed here, on this thread (see GraphStore.stored_hash)
        return [q.object for q in self.store.quads_for_pattern(s, p, None, g)]

    def first(self, s, p, g):
        found = self.objects(s, p, g)
        return found[0] if found else None

    def graph_of(self, task: ox.NamedNode):
        """The graph that holds the task (its row label), or None."""
        quads = list(self.store.quads_for_pattern(task, ROW, None, None))
        return quads[0].graph_name if quads else None


def task_rows(store: ox.Store, task_iris: list[str]) -> dict[str, dict]:
    """Per task IRI found: row, plan, content, timeline parts, evidence lines and quote, and its
    agents by role as (agent IRI, Vietnamese name or None, is a group)."""
    look = Lookup(store)
    agents: dict[tuple, tuple[str | None, bool]] = {}
    out: dict[str, dict] = {}
    for t_iri in task_iris:
        t = ox.NamedNode(t_iri)
        g = look.graph_of(t)
        if g is None or t_iri in out:
            continue
        plan = look.first(t, PLAN, g)
        row = look.first(t, ROW, g)
        if plan is None or row is None:
            continue
        d = {"row": row.value, "plan": plan.value, "content": _v(look.first(t, DESC, g)) or ""}
        d["as_written"] = _v(look.first(t, TAS, g))
        d["start"] = d["end"] = d["label"] = None
        for iv in look.objects(t, HAS_TIME, g)[:1]:
            b, e = look.first(iv, BEGIN, g), look.first(iv, END, g)
            d["start"] = _v(look.first(b, DATE, g)) if b is not None else None
            d["end"] = _v(look.first(e, DATE, g)) if e is not None else None
            d["label"] = _v(look.first(iv, LABEL, g))
        d["l1"], d["l2"], d["quote"] = span_of(look, t, g)
        d["roles"] = _roles(look, t, g, agents)
        out[t_iri] = d
    return out


def _first_graph(store: ox.Store, s, p, o):
    """The graph of the first quad (s, p, o, any graph), or None. A SPARQL ``LIMIT 1`` stops at the
    first match inside Oxigraph (a national body is typed in every graph); its rows are consumed here."""
    pattern = " ".join(str(x) if x is not None else v for x, v in ((s, "?s"), (p, "?p"), (o, "?o")))
    rows = list(store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ {pattern} }} }} LIMIT 1"))
    return rows[0]["g"] if rows else None


def first_object(store: ox.Store, s, p, *, lang: str | None = None):
    """The first object of (s, p) in any graph (with language ``lang``), stopping there (SPARQL LIMIT 1)."""
    flt = f'FILTER(lang(?o) = "{lang}")' if lang else ""
    rows = list(store.query(f"SELECT ?o WHERE {{ GRAPH ?g {{ {s} {p} ?o {flt} }} }} LIMIT 1"))
    return rows[0]["o"] if rows else None


def agent_row(store: ox.Store, agent_iri: str) -> dict:
    """An agent's Vietnamese name, group flag, kind and jurisdiction, as the first graph that types it
    states them (what a graph lacks is looked for in every graph)."""
    a = ox.NamedNode(agent_iri)
    look = Lookup(store)
    g = _first_graph(store, a, TYPE, None)
    if g is None:
        return {"name": None, "group": False, "kind": None, "jurisdiction": None}
    name = next((x.value for x in look.objects(a, PREF, g) if getattr(x, "language", None) == "vi"), None)
    return {
        "name": name or _v(first_object(store, a, PREF, lang="vi")),
        "group": bool(list(store.quads_for_pattern(a, TYPE, GROUP, g))),
        "kind": _v(look.first(a, KIND, g) or first_object(store, a, KIND)),
        "jurisdiction": _v(look.first(a, JURISDICTION, g) or first_object(store, a, JURISDICTION)),
    }


def doc_row(store: ox.Store, doc_iri: str) -> dict | None:
    """A legal document's fields as one graph states them: its own graph when it is a loaded plan,
    else the first graph that describes it; None when no graph types it ``eli:LegalResource``."""
    look = Lookup(store)
    d = ox.NamedNode(doc_iri)
    own = _first_graph(store, d, TYPE, PPLAN_PLAN)
    g = own
    if (
        g is None
        or not look.store.contains_named_graph(g)
        or not list(store.quads_for_pattern(d, TYPE, LEGAL, g))
    ):
        g = _first_graph(store, d, TYPE, LEGAL)
    if g is None:
        return None
    kind = look.first(d, DOC_TYPE, g)
    issuer = look.first(d, PASSED_BY, g)

    def vi_label(node):
        if node is None:
            return None
        return next(
            (x.value for x in look.objects(node, PREF, g) if getattr(x, "language", None) == "vi"), None
        )

    return {
        "sym": _v(look.first(d, SYM, g)),
        "type": vi_label(kind),
        "date": _v(look.first(d, DOC_DATE, g)),
        "title": _v(look.first(d, TITLE, g)),
        "label": _v(look.first(d, LABEL, g)),
        "issuer": issuer.value if issuer is not None else None,
        "issuerName": vi_label(issuer),
        "plan": own is not None,
        "prog": bool(list(store.quads_for_pattern(d, TYPE, PROGRAM, g))),
    }


def span_of(look: Lookup, subject, g) -> tuple[int | None, int | None, str | None]:
    """(line start, line end, quote) of the subject's first source span in graph ``g``."""
    l1 = l2 = quote = None
    for span in look.objects(subject, DERIVED, g)[:1]:
        for sel in look.objects(span, SELECTOR, g):
            start, exact = look.first(sel, LINE_START, g), look.first(sel, EXACT, g)
            if start is not None and l1 is None:
                l1, l2 = int(start.value), _int(look.first(sel, LINE_END, g))
            if exact is not None and quote is None:
                quote = exact.value
    return l1, l2, quote


def first_evidence(store: ox.Store, subject_iri: str) -> tuple[str, int, int | None, str | None] | None:
    """(graph IRI, lines, quote) of the subject's span with lines in the first graph (by IRI) that has one.

    A national body has a span in every graph: the first graph by IRI is found inside Oxigraph
    (``MIN`` over the distinct graphs, 0.25 s for 9,698 graphs) rather than by reading every span
    into Python (0.55 s); when that graph's spans have no lines, the graphs are walked in order.
    """
    look = Lookup(store)
    s = ox.NamedNode(subject_iri)
    q = f"SELECT (MIN(STR(?g)) AS ?m) WHERE {{ SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {s} {DERIVED} ?x }} }} }}"
    first = [r["m"] for r in store.query(q)]
    if not first or first[0] is None:
        return None
    found = _evidence_in(look, s, ox.NamedNode(first[0].value))
    if found is not None:
        return first[0].value, *found
    graphs = sorted({q.graph_name.value for q in store.quads_for_pattern(s, DERIVED, None, None)})
    for g in graphs:
        found = _evidence_in(look, s, ox.NamedNode(g))
        if found is not None:
            return g, *found
    return None


def _evidence_in(look: Lookup, s: ox.NamedNode, g: ox.NamedNode) -> tuple[int, int | None, str | None] | None:
    """(lines, quote) of the subject's span with the first line in graph ``g``, or None."""
    found = []
    for span in look.objects(s, DERIVED, g):
        for sel in look.objects(span, SELECTOR, g):
            start = look.first(sel, LINE_START, g)
            if start is not None:
                end = look.first(sel, LINE_END, g)
                quote = next((x.value for x in look.objects(span, SELECTOR, g)
                              for x in look.objects(x, EXACT, g)), None)  # fmt: skip
                found.append((int(start.value), _int(end), quote))
    return min(found, key=lambda f: f[0]) if found else None


def _roles(look: Lookup, t: ox.NamedNode, g, agents: dict) -> dict[str, list[tuple[str, str | None, bool]]]:
    """The task's agents by role; ``agents`` caches (agent, graph) -> (name, is a group) across tasks."""
    roles: dict[str, list] = defaultdict(list)
    for role, prop in (("lead", LEAD), ("coordinating", COORD)):
        for a in dict.fromkeys(look.objects(t, prop, g)):
            if (a, g) not in agents:
                names = look.objects(a, PREF, g)
                name = next((x.value for x in names if getattr(x, "language", None) == "vi"), None)
                agents[(a, g)] = (name, bool(list(look.store.quads_for_pattern(a, TYPE, GROUP, g))))
            roles[role].append((a.value, *agents[(a, g)]))
    return roles


def _v(term) -> str | None:
    return term.value if term is not None else None


def _int(term) -> int | None:
    return int(term.value) if term is not None else None
