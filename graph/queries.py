"""Answers to relationship questions: pure functions over a reader of the store.

A *reader* is :class:`ontology.reads.StoreReader` (SPARQL over the on-disk store);
these functions only compose what it returns, resolve names through the search
index and shape answers (:mod:`graph.answers`), so the API, the CLI and the web
pages give the same answers.

>>> from ontology.store import GraphStore
>>> from ontology.reads import StoreReader
>>> from loaders.extract import extract_file
>>> store = GraphStore.memory(); _ = store.load_extraction(extract_file("examples/ke-hoach-94-2022.md"))
>>> kb = KnowledgeBase(StoreReader(store))
>>> page = tasks_for_agency(kb, "ha-noi/so-ngoai-vu", roles=("lead",))
>>> page.total, page.tasks[0].row, page.tasks[0].evidence.line_start
(6, 'II.1', 192)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
import threading
from collections import Counter, defaultdict

import networkx as nx

from graph.answers import (
    AgencyOut,
    AgentRef,
    BasisItem,
    Calendar,
    CalendarEntry,
    Citation,
    CitedBy,
    LegalBasis,
    LegalDocOut,
    Network,
    NetworkEdge,
    NetworkNode,
    Partner,
    Partners,
    PathOut,
    Ranked,
    TaskOut,
    TaskPage,
)
from graph.errors import InvalidInput, NotFound, PlangraphError
from graph.name_summary import NameTally
from graph.name_summary import decode as decode_names
from graph.network import betweenness, centrality, shortest_paths
from graph.network_summary import merged_graph
from graph.search import Entry, Hit, NameIndex
from graph.values.symbols import SYMBOL_IN_TEXT, parse_symbol
from graph.values.text import fold

_log = logging.getLogger(__name__)

ROLES = ("lead", "coordinating")
MAX_PAGE = 500


class KnowledgeBase:
    """A reader plus the name indexes merged from the documents' names summaries.

    The indexes are built on first use from one stored summary per document
    (:mod:`ontology.name_index`) and then kept up to date by :meth:`apply`, which takes a
    written document's summary away and adds its new one; nothing is rebuilt after a write.
    """

    def __init__(self, reader) -> None:
        self.reader = reader
        self._lock = threading.Lock()
        self._tally: NameTally | None = None
        self._merged: dict[str, str] = {}  # graph IRI -> digest of the summary merged for it
        self._agents: NameIndex | None = None
        self._documents: NameIndex | None = None
        self._years: dict[str, int] | None = None  # document id -> the year of its date
        self._year: int | None = None
        self._task_index: tuple[int, bool] | None = None
        self.version = 0

    def task_index_ready(self) -> bool:
        """Whether every document has its task index (:mod:`ontology.task_index`), checked once per
        store version: a store written by an older version lacks it until ``plangraph reindex``."""
        with self._lock:
            if self._task_index is None or self._task_index[0] != self.version:
                self._task_index = (self.version, self.reader.task_index_complete())
            return self._task_index[1]

    def default_year(self) -> int | None:
        """The year most plans are of: the year of questions like "tháng 5" that give none."""
        with self._lock:
            if self._years is None:  # one listing; writes then update it document by document
                self._years = {d.id: d.date.year for d in self.reader.store.documents() if d.date}
                self._year = None
            if self._year is None:
                # most_common keeps first-seen order among ties: count in document order
                years = [self._years[k] for k in sorted(self._years)]
                self._year = Counter(years).most_common(1)[0][0] if years else dt.date.today().year
            return self._year

    def invalidate(self) -> None:
        """Forget everything (the store changed in a way :meth:`apply` was not told of)."""
        with self._lock:
            self._tally = self._agents = self._documents = None
            self._merged = {}
            self._years = None
            self.version += 1

    def apply(self, document_id: str, before: str | None, after: str | None) -> None:
        """A document was written: ``before`` and ``after`` are its names summaries (JSON text, None
        when it was new or is deleted). The indexes take the old one away and add the new one; when
        what they merged for the document is neither (a write they missed), they are rebuilt."""
        with self._lock:
            self.version += 1
            if self._years is not None:  # one lookup, not a listing of every document
                year = self.reader.plan_year(document_id) if after is not None else None
                if year is None:
                    self._years.pop(document_id, None)
                else:
                    self._years[document_id] = year
                self._year = None
            if self._tally is None:
                return  # built on next use, from the store as it is now
            g = self.reader.store.iris.graph(document_id)
            now = self._merged.get(g)
            if now is not None and now == _digest(after):
                return  # already merged (the index was built after the write)
            old, new = decode_names(before), decode_names(after)
            if (
                now != _digest(before)
                or (before is not None and old is None)
                or (after is not None and new is None)
            ):
                self._tally = self._agents = self._documents = None
                self._merged = {}
                return
            touched_agents: set[str] = set()
            touched_docs: set[str] = set()
            for summary, sign in ((old, -1), (new, 1)):
                if summary is not None:
                    ta, td = self._tally.add(summary, sign)
                    touched_agents |= ta
                    touched_docs |= td
            if after is None:
                self._merged.pop(g, None)
            else:
                self._merged[g] = _digest(after)
            r = self.reader
            if self._agents is not None:
                self._agents.update(
                    {r.agent_id(a) for a in touched_agents}, self._agent_entries(touched_agents)
                )
            if self._documents is not None:
                self._documents.update(
                    {r.doc_id(d) for d in touched_docs}, self._document_entries(touched_docs)
                )

    def _names(self) -> NameTally:
        """The merged summaries (called with the lock held)."""
        if self._tally is None:
            tally = NameTally()
            merged = {}
            for g, text, summary in self.reader.names_summaries():
                tally.add(summary)
                merged[g] = _digest(text)
            self._tally, self._merged = tally, merged
        return self._tally

    def _agent_entries(self, iris) -> list[Entry]:
        out = []
        for a in sorted(iris):
            found = self._tally.agent(a)
            if found is not None:
                kind, name, aliases, tasks = found
                aid = self.reader.agent_id(a)
                out.append(Entry(aid, kind, name or aid, aliases, weight=tasks))
        return out

    def _document_entries(self, iris) -> list[Entry]:
        out = []
        for d in sorted(iris):
            found = self._tally.document(d)
            if found is not None:
                label, names = found
                did = self.reader.doc_id(d)
                out.append(Entry(did, "document", label or did, names))
        return out

    def warm(self) -> None:
        """Build both name indexes (and find the default year) now: a server does it in the background
        at start-up. A failure is logged in one line and leaves them to be built on first use."""
        try:
            _ = self.agents, self.documents, self.default_year()
        except (PlangraphError, OSError, RuntimeError) as exc:
            _log.warning("name indexes not built ahead: %s", str(exc).splitlines()[0] if str(exc) else exc)

    @property
    def agents(self) -> NameIndex:
        with self._lock:
            if self._agents is None:
                self._agents = NameIndex(self._agent_entries(self._names().agents()))
            return self._agents

    @property
    def documents(self) -> NameIndex:
        with self._lock:
            if self._documents is None:
                self._documents = NameIndex(self._document_entries(self._names().documents()))
            return self._documents


def _digest(text: str | None) -> str | None:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest() if text is not None else None


# -- agencies ------------------------------------------------------------------------------------
def search_agencies(kb: KnowledgeBase, text: str, *, limit: int = 10) -> list[Hit]:
    """Agencies and groups by name: diacritics optional, abbreviations ("so tt&tt"), small typos."""
    if not text or not text.strip():
        raise InvalidInput("an empty search")
    return kb.agents.search(text, kinds=("agency", "group"), limit=limit)


def resolve_agency(kb: KnowledgeBase, name_or_id: str) -> str:
    """An agency id from an id ("ha-noi/so-tttt") or a name ("Sở TT&TT"); NotFound otherwise."""
    if name_or_id in kb.agents.entries:
        return name_or_id
    hits = kb.agents.search(name_or_id, kinds=("agency", "group"), limit=1)
    if not hits:
        raise NotFound(f"no agency or group matches '{name_or_id}'")
    return hits[0].id


def agency(kb: KnowledgeBase, agency_id: str) -> AgencyOut:
    found = kb.reader.agency(kb.reader.agent_iri(agency_id))
    if found is None:
        raise NotFound(f"no agency '{agency_id}'")
    return found


def _page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise InvalidInput(f"limit must be 1..{MAX_PAGE} and offset >= 0")


def tasks_for_agency(
    kb: KnowledgeBase,
    agency_id: str,
    *,
    roles: tuple[str, ...] = ROLES,
    include_subunits: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> TaskPage:
    """The tasks an agency leads, coordinates, or either; optionally with its sub-units' tasks.

    Ordered by document, newest first, then by place in the document, read from the task index
    (:mod:`ontology.task_index`); on a store without it (written by an older version, until
    ``plangraph reindex``) ordered by task IRI, read task by task."""
    _page(limit, offset)
    if not roles or any(r not in ROLES for r in roles):
        raise InvalidInput("role must be lead, coordinating or any")
    a = kb.reader.agent_iri(agency_id)
    if agency_id not in kb.agents.entries and kb.reader.agency(a) is None:
        raise NotFound(f"no agency '{agency_id}'")
    agents = [a, *(kb.reader.subunits(a) if include_subunits else [])]
    if kb.task_index_ready():
        found = kb.reader.indexed_agent_tasks(agents, roles, limit=limit, offset=offset)
        if found is not None:
            return TaskPage(total=found[0], offset=offset, limit=limit, tasks=found[1])
    total, iris = kb.reader.agent_tasks(agents, roles, limit=limit, offset=offset)
    return TaskPage(total=total, offset=offset, limit=limit, tasks=kb.reader.tasks(iris))


def partners(kb: KnowledgeBase, agency_id: str, *, examples: int = 3) -> Partners:
    """The agencies (and groups) an agency works with, by the number of tasks they share."""
    a = kb.reader.agent_iri(agency_id)
    if agency_id not in kb.agents.entries and kb.reader.agency(a) is None:
        raise NotFound(f"no agency '{agency_id}'")
    _, mine = kb.reader.agent_tasks([a], ROLES, limit=100_000, offset=0)
    mine_set = set(mine)
    shared: dict[str, list[str]] = defaultdict(list)
    for t, other, _role in kb.reader.participation_for_tasks(mine) if mine else []:
        if other != a and t in mine_set and t not in shared[other]:
            shared[other].append(t)
    ordered = sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    labels = kb.reader.agent_labels([o for o, _ in ordered])
    out = []
    for other, tasks in ordered:
        lab = labels.get(other, {})
        oid = kb.reader.agent_id(other)
        out.append(
            Partner(
                agency=AgentRef(
                    id=oid, name=lab.get("name") or oid, kind="group" if lab.get("group") else "agency"
                ),
                shared_tasks=len(tasks),
                tasks=kb.reader.tasks(sorted(tasks)[:examples]),
            )
        )
    me = kb.reader.agent_ref(a)
    return Partners(agency=me, total=len(out), partners=out)


# -- tasks and their legal basis ----------------------------------------------------------------
def task(kb: KnowledgeBase, task_id: str) -> TaskOut:
    found = kb.reader.tasks([kb.reader.task_iri(task_id)])
    if not found:
        raise NotFound(f"no task '{task_id}'")
    return found[0]


def tasks_by_row(kb: KnowledgeBase, row: str, plan_id: str | None = None) -> list[TaskOut]:
    """Tasks printed as ``row`` ("I.6") in any plan, or in one plan."""
    plan = kb.reader.doc_iri(plan_id) if plan_id else None
    return kb.reader.tasks(kb.reader.task_iris_for_row(row, plan))


def legal_basis(kb: KnowledgeBase, task_id: str, *, max_depth: int = 5) -> LegalBasis:
    """What authorizes a task: the documents it cites, its plan's legal bases, and what those rest on."""
    t = task(kb, task_id)
    r = kb.reader
    t_iri = r.task_iri(task_id)
    plan_iri = r.task_plan(t_iri)
    items: list[BasisItem] = []
    seen: set[str] = set()
    cites = r.task_cites(t_iri)
    docs = r.legal_docs(cites)
    for d in cites:
        if d in docs:
            seen.add(d)
            items.append(
                BasisItem(
                    document=docs[d],
                    via=f"cited by task {t.row}",
                    via_vi=f"được nhiệm vụ {t.row} trích dẫn",
                    relation="cites",
                    depth=0,
                    through=t.id,
                    evidence=t.evidence,
                )
            )
    frontier = [plan_iri] if plan_iri else []
    depth = 1
    while frontier and depth <= max_depth:
        bases = r.based_on(frontier)
        nxt = []
        all_docs = r.legal_docs([d for lst in bases.values() for d, _ in lst])
        for p in frontier:
            pref = r.plan_ref(p)
            name = pref.full_symbol or pref.id
            for d, ev in bases.get(p, []):
                if d in seen or d not in all_docs:
                    continue
                seen.add(d)
                via = (
                    f"legal basis of {name}"
                    if depth == 1
                    else f"legal basis of {name}, on which the plan rests"
                )
                via_vi = (
                    f"căn cứ của {name}" if depth == 1 else f"căn cứ của {name}, văn bản mà kế hoạch dựa vào"
                )
                items.append(
                    BasisItem(
                        document=all_docs[d],
                        via=via,
                        via_vi=via_vi,
                        relation="based_on",
                        depth=depth,
                        through=pref.id,
                        evidence=ev,
                    )
                )
                if all_docs[d].loaded:
                    nxt.append(d)
        frontier, depth = nxt, depth + 1
    return LegalBasis(task=t, chain=items)


def tasks_in_period(
    kb: KnowledgeBase, start: dt.date | None, end: dt.date | None, *, limit: int = 100, offset: int = 0
) -> TaskPage:
    """Tasks whose timeline overlaps a period ("quý III/2022")."""
    _page(limit, offset)
    if start is None and end is None:
        raise InvalidInput("a period needs a start or an end")
    if start and end and start > end:
        raise InvalidInput("the period ends before it starts")
    total, iris = kb.reader.tasks_in_period(start, end, limit=limit, offset=offset)
    return TaskPage(total=total, offset=offset, limit=limit, tasks=kb.reader.tasks(iris))


# -- documents ------------------------------------------------------------------------------------
def find_document(kb: KnowledgeBase, text: str) -> str:
    """A document id from an id, a symbol ("72/2015/NĐ-CP", "nd 72/2015", "Decree 72") or a title."""
    from graph.questions import parse_doc_ref

    if text in kb.documents.entries:
        return text
    ref = parse_doc_ref(text)
    if ref.number:
        matches = []
        for e in kb.documents.entries.values():
            for n in (e.label, *e.names):
                m = SYMBOL_IN_TEXT.search(n)
                sym = parse_symbol(m.group("sym")) if m else None
                if sym is None or sym.number.lstrip("0") != ref.number.lstrip("0"):
                    continue
                year = sym.year or _year_of_id(e.id)
                if ref.year and year and year != ref.year:
                    continue
                if ref.type_code and sym.type_code and fold(ref.type_code) != fold(sym.type_code):
                    continue
                matches.append(e.id)
                break
        if matches:
            return sorted(matches)[0]
    hits = kb.documents.search(text, limit=1, cutoff=85)
    if not hits:
        raise NotFound(f"no document matches '{text}'")
    return hits[0].id


def _year_of_id(doc_id: str) -> int | None:
    parts = doc_id.split("/")
    return int(parts[3]) if len(parts) > 4 and parts[3].isdigit() else None


def document(kb: KnowledgeBase, doc_id: str) -> LegalDocOut:
    found = kb.reader.legal_docs([kb.reader.doc_iri(doc_id)])
    if not found:
        raise NotFound(f"no document '{doc_id}'")
    return next(iter(found.values()))


def cited_by(kb: KnowledgeBase, doc_id: str) -> CitedBy:
    """Which plans are based on, or cite, a document — and which of their tasks cite it."""
    doc = document(kb, doc_id)
    r = kb.reader
    rows = r.citing(r.doc_iri(doc_id))
    tasks = {t.id: t for t in r.tasks(sorted({x[2] for x in rows if x[2]}))}
    bases = r.based_on(sorted({p for p, rel, _ in rows if rel == "based_on"}))
    out = []
    based = {p for p, rel, _ in rows if rel == "based_on"}
    with_task = {p for p, _, t in rows if t}
    for p, rel, t in rows:
        if rel == "cites" and t is None and (p in based or p in with_task):
            continue  # listed as a legal basis, or with the tasks that cite it
        task_out = tasks.get(r.task_id(t)) if t else None
        if task_out is not None:
            ev = task_out.evidence
        elif rel == "based_on":
            ev = next((e for d, e in bases.get(p, []) if d == r.doc_iri(doc_id)), None)
        else:
            ev = r.evidence_of(r.doc_iri(doc_id))
        out.append(Citation(plan=r.plan_ref(p), relation=rel, task=task_out, evidence=ev))
    return CitedBy(document=doc, total=len(out), citations=out)


# -- reporting and the calendar --------------------------------------------------------------------
def calendar(
    kb: KnowledgeBase,
    *,
    agency_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Calendar:
    """Reporting duties (who reports what to whom, when) and dated deadlines, optionally for one agency."""
    r = kb.reader
    duties = r.reporting(r.agent_iri(agency_id) if agency_id else None)
    entries: list[CalendarEntry] = []
    for d in duties:
        for dl in d.deadlines:
            if dl.date is None or (start and dl.date < start) or (end and dl.date > end):
                continue
            who = [x for x in (d.reporter, d.send_to or d.addressed_to) if x is not None]
            entries.append(
                CalendarEntry(
                    date=dl.date,
                    kind="reporting",
                    ref=d.id,
                    plan=d.plan,
                    agencies=who,
                    title=f"Báo cáo: {d.subject or d.text[:80]}",
                    evidence=d.evidence,
                )
            )
    if agency_id and (start or end):
        page = tasks_for_agency(kb, agency_id, limit=MAX_PAGE)
        for t in page.tasks:
            tl = t.timeline
            if tl and tl.end and (not start or tl.end >= start) and (not end or tl.end <= end):
                entries.append(
                    CalendarEntry(
                        date=tl.end,
                        kind="task-end",
                        ref=t.id,
                        plan=t.plan,
                        agencies=t.lead,
                        title=f"Hạn nhiệm vụ {t.row}: {t.content[:80]}",
                        evidence=t.evidence,
                    )
                )
    entries.sort(key=lambda e: (e.date, e.kind, e.ref))
    return Calendar(start=start, end=end, reporting=duties, entries=entries)


def rank_by_load(kb: KnowledgeBase, *, limit: int = 10) -> list[tuple[AgentRef, int]]:
    """Agencies by the number of tasks they lead."""
    rows = kb.reader.lead_counts(limit)
    labels = kb.reader.agent_labels([a for a, _ in rows])
    return [
        (AgentRef(id=kb.reader.agent_id(a), name=labels.get(a, {}).get("name") or kb.reader.agent_id(a)), n)
        for a, n in rows
    ]


def role_counts(pairs) -> Counter:
    return Counter(role for _, _, role in pairs)


# -- the coordination network --------------------------------------------------------------------------
def coordination_network(
    kb: KnowledgeBase,
    *,
    jurisdiction: str | None = None,
    plan_id: str | None = None,
    min_weight: int = 1,
    include_groups: bool = True,
    max_nodes: int = 2000,
) -> Network:
    """Agencies weighted by shared tasks (of one province, one plan, or everything)."""
    r = kb.reader
    if plan_id and not r.store.has_document(plan_id):
        raise NotFound(f"no document '{plan_id}'")
    g = merged_graph(
        r.network_summaries(jurisdiction=jurisdiction, plan_iri=r.doc_iri(plan_id) if plan_id else None)
    )
    labels = r.agent_labels(list(g.nodes))
    if not include_groups:
        g.remove_nodes_from([n for n in list(g) if labels.get(n, {}).get("group")])
    if min_weight > 1:
        g.remove_edges_from([(a, b) for a, b, d in g.edges(data=True) if d["weight"] < min_weight])
    notes = []
    if g.number_of_nodes() > max_nodes:
        keep = sorted(g.nodes, key=lambda n: (-g.nodes[n].get("tasks", 0), n))[:max_nodes]
        notes.append(f"{g.number_of_nodes() - max_nodes} agencies with the fewest tasks are left out")
        g = g.subgraph(keep).copy()
    cent = centrality(g)
    nodes = [
        NetworkNode(
            id=r.agent_id(n),
            name=labels.get(n, {}).get("name") or r.agent_id(n),
            kind="group" if labels.get(n, {}).get("group") else "agency",
            category=labels.get(n, {}).get("kind"),
            jurisdiction=labels.get(n, {}).get("jurisdiction"),
            tasks_led=g.nodes[n].get("tasks_led", 0),
            tasks=g.nodes[n].get("tasks", 0),
            centrality=cent.get(n),
        )
        for n in sorted(g.nodes)
    ]
    edges = [
        NetworkEdge(
            source=r.agent_id(a),
            target=r.agent_id(b),
            weight=d["weight"],
            tasks=[r.task_id(t) for t in d["tasks"]],
        )
        for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))
    ]
    return Network(nodes=nodes, edges=edges, notes=notes)


def path(kb: KnowledgeBase, source_id: str, target_id: str, *, limit: int = 5) -> PathOut:
    """The shortest chains of shared tasks linking two agencies."""
    r = kb.reader
    a, b = r.agent_iri(source_id), r.agent_iri(target_id)
    for xid in (source_id, target_id):
        if xid not in kb.agents.entries:
            raise NotFound(f"no agency '{xid}'")
    g = merged_graph(r.network_summaries())
    paths = shortest_paths(g, a, b, limit=limit)
    labels = r.agent_labels({n for p in paths for n in p} | {a, b})

    def ref(n: str) -> AgentRef:
        lab = labels.get(n, {})
        return AgentRef(
            id=r.agent_id(n),
            name=lab.get("name") or r.agent_id(n),
            kind="group" if lab.get("group") else "agency",
        )

    edges = {}
    for p in paths:
        for x, y in itertools.pairwise(p):
            d = g.edges[x, y]
            edges[(x, y)] = NetworkEdge(
                source=r.agent_id(x),
                target=r.agent_id(y),
                weight=d["weight"],
                tasks=[r.task_id(t) for t in d["tasks"]],
            )
    return PathOut(
        source=ref(a), target=ref(b), paths=[[ref(n) for n in p] for p in paths], edges=list(edges.values())
    )


def rank_by_centrality(
    kb: KnowledgeBase, *, limit: int = 10, jurisdiction: str | None = None
) -> list[Ranked]:
    """Agencies by betweenness in the coordination network (groups left out)."""
    net = coordination_network(kb, jurisdiction=jurisdiction, include_groups=False)
    g = nx.Graph()
    for e in net.edges:
        g.add_edge(e.source, e.target, weight=e.weight)
    scores = betweenness(g) if g.number_of_nodes() else {}
    by_id = {n.id: n for n in net.nodes}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [
        Ranked(agency=AgentRef(id=n, name=by_id[n].name), value=round(v, 4), tasks_led=by_id[n].tasks_led)
        for n, v in ranked
    ]
