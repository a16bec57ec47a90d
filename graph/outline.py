"""Listings for the web pages, the drawings and the staff exports.

Every task of the store or of one plan (in the order the plan prints them), tasks by id, what
tasks cite, a plan's legal bases and outline, what drawings need to know about agencies, which
plans each agency and each pair of agencies work in, and documents found by name. Pure functions over a reader, like
:mod:`graph.queries` (no SPARQL here: the reader runs it).

>>> from ontology.store import GraphStore
>>> from ontology.reads import StoreReader
>>> from loaders.extract import extract_file
>>> store = GraphStore.memory(); _ = store.load_extraction(extract_file("examples/ke-hoach-94-2022.md"))
>>> kb = Q.KnowledgeBase(StoreReader(store))
>>> tasks = all_tasks(kb)
>>> len(tasks), [t.row for t in tasks[:2]], tasks[-1].row
(54, ['I.1', 'I.2'], 'X.2')
>>> sorted(b.document.full_symbol for b in plan_outline(kb, "vn/ubnd-ha-noi/kh/2022/94").bases)
['22/2016/TT-BTTTT', '5406/BTTTT-TTĐN', '72/2015/NĐ-CP']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from graph import queries as Q
from graph.answers import AgentInfo, CitedDoc, Evidence, LegalDocOut, PlanOutline, TaskOut
from graph.errors import NotFound

#: agency categories (``pg:kind``) that are kinds of node as they are
_SAME_KIND = {"department", "central", "party", "press", "district", "unit", "mass", "foreign"}
#: categories drawn as a city department, or as a central body when national
_SECTOR = {"police", "military", "people-council", "province"}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_BATCH = 2000


def roman(text: str) -> int | None:
    """The value of an upper-case Roman numeral, or None.

    >>> roman("IV"), roman("XII"), roman("ii"), roman("IIII")
    (4, 12, None, None)
    """
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total if _to_roman(total) == text else None


def _to_roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV")):
        while n >= v:
            out, n = out + s, n - v
    return out + "I" * n


def row_key(row: str) -> tuple:
    """Sort rows as a plan prints them: numbers and Roman numerals by value, then letters.

    >>> sorted(["II.10", "I.2", "II.3", "I.10", "1.2.a", "1.2"], key=row_key)
    ['1.2', '1.2.a', 'I.2', 'I.10', 'II.3', 'II.10']
    """
    key = []
    for part in re.split(r"[.\-/ ]+", row.strip()):
        if part.isdigit():
            key.append((0, int(part), ""))
        elif (value := roman(part)) is not None:
            key.append((1, value, ""))
        else:
            key.append((2, 0, part))
    return tuple(key)


def agency_kind(category: str | None, jurisdiction: str | None, group: bool = False) -> str:
    """The kind an agency is drawn and filtered as (the codes of ``viz.kinds``), from its category
    and level (national bodies have jurisdiction ``vn``).

    >>> agency_kind("department", "ha-noi"), agency_kind("police", "ha-noi"), agency_kind("police", "vn")
    ('department', 'department', 'central')
    >>> agency_kind(None, "ha-noi", group=True), agency_kind("enterprise", "vn")
    ('group', 'other')
    """
    if group:
        return "group"
    if category in _SAME_KIND:
        return category  # type: ignore[return-value]
    if category in _SECTOR:
        return "central" if jurisdiction == "vn" else "department"
    return "other"


def plan_of(task_id: str) -> str:
    """The plan id of a task id (task ids are ``{plan}/task/{row}``, see ``ontology.iris.Iris.task``).

    >>> plan_of("vn/ubnd-ha-noi/kh/2022/94/task/II-3")
    'vn/ubnd-ha-noi/kh/2022/94'
    """
    return task_id.rsplit("/task/", 1)[0]


def task_order(t: TaskOut) -> tuple:
    return (t.plan.id, row_key(t.row), t.id)


def all_tasks(kb: Q.KnowledgeBase, plan_id: str | None = None) -> list[TaskOut]:
    """Every task of the store, or of one loaded plan, by plan and then by row."""
    r = kb.reader
    if plan_id is not None and not r.store.has_document(plan_id):
        raise NotFound(f"no loaded plan '{plan_id}'")
    iris = r.task_iris(r.doc_iri(plan_id) if plan_id else None)
    tasks: list[TaskOut] = []
    for i in range(0, len(iris), _BATCH):
        tasks += r.tasks(iris[i : i + _BATCH])
    return sorted(tasks, key=task_order)


def tasks_by_ids(kb: Q.KnowledgeBase, ids: Iterable[str]) -> list[TaskOut]:
    """The tasks with these ids, in the order given (unknown ids are left out)."""
    r = kb.reader
    ids = list(dict.fromkeys(ids))
    out: list[TaskOut] = []
    for i in range(0, len(ids), _BATCH):
        out += r.tasks([r.task_iri(t) for t in ids[i : i + _BATCH]])
    return out


def task_citations(kb: Q.KnowledgeBase, task_ids: Iterable[str]) -> dict[str, list[LegalDocOut]]:
    """The documents each task cites itself (not its plan's bases), by task id."""
    r = kb.reader
    cites = r.cites_of([r.task_iri(t) for t in task_ids])
    docs = r.legal_docs(sorted({d for ds in cites.values() for d in ds}))
    return {r.task_id(t): [docs[d] for d in ds if d in docs] for t, ds in cites.items()}


def plan_bases(kb: Q.KnowledgeBase, plan_ids: Iterable[str]) -> dict[str, list[tuple[LegalDocOut, Evidence]]]:
    """The legal bases (căn cứ) of each loaded plan, with where the plan names them."""
    r = kb.reader
    bases = r.based_on([r.doc_iri(p) for p in plan_ids])
    docs = r.legal_docs(sorted({d for lst in bases.values() for d, _ in lst}))
    out: dict[str, list[tuple[LegalDocOut, Evidence]]] = {}
    for p, lst in bases.items():
        items = [(docs[d], ev) for d, ev in lst if d in docs]
        out[r.doc_id(p)] = sorted(items, key=lambda x: ((x[1].line_start or 0) if x[1] else 0, x[0].id))
    return out


def plan_outline(kb: Q.KnowledgeBase, doc_id: str) -> PlanOutline:
    """A loaded plan: its legal bases, the other documents it cites (and which tasks cite them),
    its tasks in row order and its reporting duties."""
    doc = Q.document(kb, doc_id)
    if not doc.loaded:
        raise NotFound(f"'{doc.full_symbol or doc.id}' is cited, not loaded: its contents are unknown")
    r = kb.reader
    plan_iri = r.doc_iri(doc.id)
    tasks = all_tasks(kb, doc.id)
    by_doc: dict[str, list[str]] = defaultdict(list)
    for t, docs in task_citations(kb, [t.id for t in tasks]).items():
        for d in docs:
            by_doc[d.id].append(t)
    order = {t.id: i for i, t in enumerate(tasks)}
    bases = [
        CitedDoc(document=d, basis=True, tasks=sorted(by_doc.get(d.id, []), key=order.get), evidence=ev)
        for d, ev in plan_bases(kb, [doc.id]).get(doc.id, [])
    ]
    seen = {b.document.id for b in bases}
    cited_iris = [d for d in r.cites_of([plan_iri]).get(plan_iri, []) if r.doc_id(d) not in seen]
    cited_iris += [r.doc_iri(d) for d in by_doc if d not in seen and r.doc_iri(d) not in cited_iris]
    docs = r.legal_docs(cited_iris)
    cited = []
    for d in docs.values():
        ev = r.evidence_of(r.doc_iri(d.id))
        cited.append(
            CitedDoc(
                document=d,
                tasks=sorted(by_doc.get(d.id, []), key=order.get),
                evidence=ev if ev is not None and ev.document == doc.id else None,
            )
        )
    cited.sort(key=lambda c: ((c.evidence.line_start or 0) if c.evidence else 1 << 30, c.document.id))
    reporting = [d for d in r.reporting() if d.plan.id == doc.id]
    return PlanOutline(document=doc, bases=bases, cited=cited, tasks=tasks, reporting=reporting)


def agent_infos(kb: Q.KnowledgeBase, agent_ids: Iterable[str]) -> dict[str, AgentInfo]:
    """Name, group or not, category and jurisdiction of each agency or group, by id."""
    r = kb.reader
    ids = sorted(set(agent_ids))
    labels = r.agent_labels([r.agent_iri(a) for a in ids])
    out = {}
    for a in ids:
        lab = labels.get(r.agent_iri(a), {})
        out[a] = AgentInfo(
            id=a,
            name=lab.get("name") or a,
            group=bool(lab.get("group")),
            category=lab.get("kind"),
            jurisdiction=lab.get("jurisdiction"),
        )
    return out


def participation_plans(
    kb: Q.KnowledgeBase, *, jurisdiction: str | None = None, plan_id: str | None = None
) -> tuple[dict[str, set[str]], dict[tuple[str, str], set[str]]]:
    """The plans each agency takes part in, and the plans each pair of agencies share tasks in
    (pairs sorted), over the same scope as :func:`graph.queries.coordination_network`."""
    r = kb.reader
    rows = r.participation(jurisdiction=jurisdiction, plan_iri=r.doc_iri(plan_id) if plan_id else None)
    by_task: dict[str, set[str]] = defaultdict(set)
    for t, a, _ in rows:
        by_task[t].add(r.agent_id(a))
    nodes: dict[str, set[str]] = defaultdict(set)
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for t, agents in by_task.items():
        plan = plan_of(r.task_id(t))
        for a in agents:
            nodes[a].add(plan)
        for a, b in combinations(sorted(agents), 2):
            edges[(a, b)].add(plan)
    return dict(nodes), dict(edges)


def plan_labels(kb: Q.KnowledgeBase, plan_ids: Iterable[str]) -> dict[str, str]:
    """A short name per plan id: its symbol ("94/KH-UBND"), else its title, else its id."""
    r = kb.reader
    ids = sorted(set(plan_ids))
    docs = r.legal_docs([r.doc_iri(p) for p in ids])
    found = {d.id: d for d in docs.values()}
    return {p: (found[p].full_symbol or found[p].title or p) if p in found else p for p in ids}


def search_documents(kb: Q.KnowledgeBase, text: str, *, limit: int = 10) -> list[LegalDocOut]:
    """Documents by id, symbol ("72/2015/NĐ-CP", "nd 72/2015") or title: the best match first."""
    ids: list[str] = []
    try:
        ids.append(Q.find_document(kb, text))
    except NotFound:
        pass
    ids += [h.id for h in kb.documents.search(text, limit=limit, cutoff=85)]
    ids = list(dict.fromkeys(ids))[:limit]
    r = kb.reader
    docs = r.legal_docs([r.doc_iri(d) for d in ids])
    by_id = {d.id: d for d in docs.values()}
    return [by_id[d] for d in ids if d in by_id]
