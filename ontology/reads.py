"""Reading answers out of the store: every SPARQL the questions need, in one place.

:class:`StoreReader` turns store content into :mod:`graph.answers` records. It
never formats user text into SPARQL: agents, tasks and documents are named by
IRIs minted by :class:`ontology.iris.Iris` (percent-encoded), dates are typed
literals, and page sizes are integers.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from graph.answers import (
    AgencyOut,
    AgentRef,
    Deadline,
    Evidence,
    LegalDocOut,
    PlanRef,
    ReportingOut,
    TaskOut,
    TimelineOut,
)
from graph.network_summary import summarise
from graph.values.text import fold
from ontology import name_index
from ontology.agency_lookup import agency_row
from ontology.network_index import decode, task_prefix
from ontology.ntriples import V, date, iri
from ontology.store import GraphStore
from ontology.task_index import decode as decode_tasks
from ontology.task_index import index_node, position_of, task_at
from ontology.task_lookup import Lookup, agent_row, doc_row, first_evidence, span_of, task_rows

_RDF_TYPE = ox.NamedNode(V.rdf.type[1:-1])
_DOCUMENT_GRAPH = ox.NamedNode(V.pg.DocumentGraph[1:-1])
_NAMES_SUMMARY = ox.NamedNode(V.pg.namesSummary[1:-1])
_DATE = ox.NamedNode(V.eli.date_document[1:-1])
#: names fold the same every time: the agents of a page of tasks are mostly the same few (pure memo)
_fold = functools.lru_cache(maxsize=1 << 16)(fold)


def _first(rows):
    """The first solution; the iterator is consumed here, on this thread (pyoxigraph iterators are
    unsendable: left to the garbage collector they may be dropped on another thread)."""
    solutions = list(rows)
    return solutions[0]


def _v(term) -> str | None:
    return term.value if term is not None else None


def _date(term) -> dt.date | None:
    try:
        return dt.date.fromisoformat(term.value) if term is not None else None
    except ValueError:
        return None


def _date_text(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text is not None else None
    except ValueError:
        return None


def _int(term) -> int | None:
    return int(term.value) if term is not None else None


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(iri(x) for x in iris)} }}"


#: Flat OPTIONALs on purpose: pyoxigraph 0.5 evaluates a nested OPTIONAL (or a property path inside
#: one) without the outer bindings, over every span of the store — 1.5 s for 50 tasks of 5 plans,
#: against 3 ms flat. Lines and quote share ``?{s}_span``, so they come from the same span.
_SPAN = f"""OPTIONAL {{ ?{{s}} {V.prov.wasDerivedFrom} ?{{s}}_span . ?{{s}}_span {V.oa.hasSelector} ?{{s}}_sel .
      ?{{s}}_sel {V.pg.lineStart} ?{{s}}_l1 ; {V.pg.lineEnd} ?{{s}}_l2 }}
    OPTIONAL {{ ?{{s}} {V.prov.wasDerivedFrom} ?{{s}}_span . ?{{s}}_span {V.oa.hasSelector} ?{{s}}_qsel .
      ?{{s}}_qsel {V.oa.exact} ?{{s}}_quote }}"""


def span_pattern(subject: str) -> str:
    """The evidence of ``?subject``: ``?{subject}_l1``, ``_l2``, ``_quote``."""
    return _SPAN.replace("{s}", subject)


class StoreReader:
    """Typed reads over a :class:`GraphStore` (the union of its document graphs)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.iris = store.iris
        self._plans: dict[str, PlanRef] = {}

    # -- ids ------------------------------------------------------------------------------------
    def agent_iri(self, agent_id: str) -> str:
        return self.iris.agency(agent_id)

    def agent_id(self, agent_iri: str) -> str:
        return self.iris.key_of(agent_iri, "org") or agent_iri

    def doc_iri(self, doc_id: str) -> str:
        return self.iris.document(doc_id)

    def doc_id(self, doc_iri: str) -> str:
        return self.iris.key_of(doc_iri, "eli") or doc_iri

    def task_id(self, task_iri: str) -> str:
        return self.iris.key_of(task_iri, "eli") or task_iri

    def task_iri(self, task_id: str) -> str:
        return self.iris.document(task_id)

    def query(self, sparql: str):
        return self.store.query(sparql)

    # -- plans ----------------------------------------------------------------------------------
    def plan_ref(self, plan_iri: str) -> PlanRef:
        if plan_iri not in self._plans:
            q = f"""SELECT ?sym ?title WHERE {{ GRAPH ?g {{ {iri(plan_iri)} a {V.pplan.Plan} .
                      OPTIONAL {{ {iri(plan_iri)} {V.eli.id_local} ?sym }}
                      OPTIONAL {{ {iri(plan_iri)} {V.eli.title} ?title }} }} }} LIMIT 1"""
            rows = list(self.query(q))
            row = rows[0] if rows else None
            self._plans[plan_iri] = PlanRef(
                id=self.doc_id(plan_iri),
                full_symbol=_v(row["sym"]) if row else None,
                title=_v(row["title"]) if row else None,
            )
        return self._plans[plan_iri]

    # -- tasks ----------------------------------------------------------------------------------
    def tasks(self, task_iris: list[str]) -> list[TaskOut]:
        """Full task answers (content, timeline, roles, evidence), in the order given."""
        if not task_iris:
            return []
        found = task_rows(self.store.raw, task_iris)
        memo: dict = {}
        return [self._task_out(t, found[t], memo) for t in task_iris if t in found]

    def _task_out(self, t: str, d: dict, memo: dict | None = None) -> TaskOut:
        """One task answer from its fields (:func:`ontology.task_lookup.task_rows`, or a stored task
        table). Built without re-validation: every field comes typed from the store (validating ~6
        models per task was a third of a page's time)."""
        plan = self.plan_ref(d["plan"])
        start, end = _date_text(d["start"]), _date_text(d["end"])
        timeline = None
        if start or end or d["label"] or d["as_written"]:
            timeline = TimelineOut.model_construct(
                start=start, end=end, label=d["label"], as_written=d["as_written"]
            )
        evidence = Evidence.model_construct(
            document=plan.id,
            document_symbol=plan.full_symbol,
            line_start=d["l1"],
            line_end=d["l2"],
            quote=d["content"] or d["quote"],
        )
        return TaskOut.model_construct(
            id=self.task_id(t),
            row=d["row"],
            plan=plan,
            content=d["content"],
            timeline=timeline,
            lead=self._refs(d["roles"].get("lead", []), memo),
            coordinating=self._refs(d["roles"].get("coordinating", []), memo),
            evidence=evidence,
        )

    def _refs(self, agents: list[tuple[str, str | None, bool]], memo: dict | None = None) -> list[AgentRef]:
        """Agencies before groups, then by name: the same order in every store. ``memo`` shares one
        reference per agent within one answer (a page names the same few agents again and again)."""
        memo = {} if memo is None else memo
        refs = []
        for a, name, group in agents:
            ref = memo.get((a, name, group))
            if ref is None:
                aid = self.agent_id(a)
                kind = "group" if group else "agency"
                ref = memo[(a, name, group)] = AgentRef.model_construct(id=aid, name=name or aid, kind=kind)
            refs.append(ref)
        refs.sort(key=lambda a: (a.kind == "group", _fold(a.name), a.id))
        return refs

    def task_iris_for_row(self, row: str, plan_iri: str | None = None) -> list[str]:
        plan = f"?t {V.pplan.isStepOfPlan} {iri(plan_iri)} ." if plan_iri else ""
        q = f"""SELECT DISTINCT ?t WHERE {{ GRAPH ?g {{ ?t {V.pg.rowLabel} ?row . {plan}
                  FILTER(?row = {_lit(row)}) }} }} ORDER BY ?t"""
        return [r["t"].value for r in self.query(q)]

    def task_iris(self, plan_iri: str | None = None) -> list[str]:
        """Every task of the store, or of one plan (sorted IRIs; sorted here, not by ORDER BY)."""
        plan = f"; {V.pplan.isStepOfPlan} {iri(plan_iri)}" if plan_iri else ""
        q = f"SELECT DISTINCT ?t WHERE {{ GRAPH ?g {{ ?t a {V.pg.Task} {plan} }} }}"
        return sorted(r["t"].value for r in self.query(q))

    def cites_of(self, subject_iris: list[str]) -> dict[str, list[str]]:
        """The documents each task or plan cites (``eli:cites``), sorted, in batches."""
        out: dict[str, set[str]] = defaultdict(set)
        for i in range(0, len(subject_iris), 2000):
            chunk = subject_iris[i : i + 2000]
            q = f"""SELECT DISTINCT ?s ?d WHERE {{ {_values("s", chunk)}
                      GRAPH ?g {{ ?s {V.eli.cites} ?d }} }}"""
            for r in self.query(q):
                out[r["s"].value].add(r["d"].value)
        return {s: sorted(ds) for s, ds in out.items()}

    def task_exists(self, task_iri: str) -> bool:
        return bool(self.query(f"ASK {{ GRAPH ?g {{ {iri(task_iri)} a {V.pg.Task} }} }}"))

    def agent_tasks(
        self, agent_iris: list[str], roles: tuple[str, ...], *, limit: int, offset: int
    ) -> tuple[int, list[str]]:
        """(total, one page of task IRIs) where any of the agents has one of the roles."""
        props = {"lead": V.pg.lead, "coordinating": V.pg.coordinating}
        path = "|".join(props[r] for r in roles)
        where = f"{_values('a', agent_iris)} GRAPH ?g {{ ?t {path} ?a }}"
        n = _first(self.query(f"SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{ {where} }}"))["n"]
        q = f"SELECT DISTINCT ?t WHERE {{ {where} }} ORDER BY ?t LIMIT {int(limit)} OFFSET {int(offset)}"
        return int(n.value), [r["t"].value for r in self.query(q)]

    # -- the task index (see ontology/task_index.py) ---------------------------------------------
    def task_index_complete(self) -> bool:
        """Whether every document graph holds its task table (a store written by an older version may
        not until ``plangraph reindex``): two counts inside Oxigraph, nothing decoded."""
        tables = _first(
            self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?g {V.pg.taskTable} ?x }} }}")
        )
        return int(tables["n"].value) == self.store.count_documents()

    def indexed_agent_tasks(
        self, agent_iris: list[str], roles: tuple[str, ...], *, limit: int, offset: int
    ) -> tuple[int, list[TaskOut]] | None:
        """(total, one page of task answers) where any of the agents has one of the roles, in page-key
        order (document newest first, then the task's place in it), read from the task index: the
        total and the page's keys are counted and sorted inside Oxigraph over the agents' page keys
        (integers, stored inline: nothing decoded), then the page reads the task tables of the few
        documents it spans. None when a table the page needs is missing or of another version."""
        props = {"lead": V.pg.leadTaskKey, "coordinating": V.pg.coordinatingTaskKey}
        path = "|".join(props[r] for r in roles)
        where = f"{_values('s', [index_node(a) for a in agent_iris])} GRAPH ?g {{ ?s {path} ?k }}"
        n = _first(
            self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?g ?k WHERE {{ {where} }} }}")
        )
        q = f"SELECT DISTINCT ?g ?k WHERE {{ {where} }} ORDER BY ?k ?g LIMIT {int(limit)} OFFSET {int(offset)}"
        page = [(r["g"].value, int(r["k"].value)) for r in self.query(q)]
        tables = self.task_tables(list(dict.fromkeys(g for g, _ in page)))
        out, memo = [], {}
        for g, k in page:
            d = task_at(tables[g], position_of(k)) if g in tables else None
            if d is None:
                return None
            out.append(self._task_out(d["t"], d, memo))
        return int(n["n"].value), out

    def task_tables(self, graph_iris: list[str]) -> dict[str, dict]:
        """The stored task table of each graph that has one of the current version."""
        if not graph_iris:
            return {}
        q = f"""SELECT ?g ?tab WHERE {{ {_values("g", graph_iris)} GRAPH ?g {{ ?g {V.pg.taskTable} ?tab }} }}"""
        found = {r["g"].value: decode_tasks(r["tab"].value) for r in self.query(q)}
        return {g: tasks for g, tasks in found.items() if tasks is not None}

    def tasks_in_period(
        self, start: dt.date | None, end: dt.date | None, *, limit: int, offset: int
    ) -> tuple[int, list[str]]:
        """Tasks whose timeline overlaps [start, end] (an open end counts as unbounded)."""
        conds = []
        if end is not None:
            conds.append(f"(!BOUND(?s) || ?s <= {date(end)})")
        if start is not None:
            conds.append(f"(!BOUND(?e) || ?e >= {date(start)})")
        where = f"""GRAPH ?g {{ ?t a {V.pg.Task} ; {V.time.hasTime} ?iv .
                      OPTIONAL {{ ?iv {V.time.hasBeginning}/{V.time.inXSDDate} ?s }}
                      OPTIONAL {{ ?iv {V.time.hasEnd}/{V.time.inXSDDate} ?e }}
                      FILTER((BOUND(?s) || BOUND(?e)) && {" && ".join(conds) or "true"}) }}"""
        n = _first(self.query(f"SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{ {where} }}"))["n"]
        q = f"SELECT DISTINCT ?t WHERE {{ {where} }} ORDER BY ?t LIMIT {int(limit)} OFFSET {int(offset)}"
        return int(n.value), [r["t"].value for r in self.query(q)]

    # -- agencies -------------------------------------------------------------------------------
    def agents(self) -> list[dict]:
        """Every agency and group with its names and its task counts, read from the whole store (the
        reading the names summaries replace: kept as the reference of tests/ontology/test_name_index.py
        and the baseline of bench/bench_names.py; the search index merges the summaries)."""
        q = f"""SELECT ?a ?group ?name ?alt ?hidden WHERE {{ GRAPH ?g {{
                  {{ ?a a {V.pg.Agency} }} UNION {{ ?a a {V.pg.AgencyGroup} BIND(true AS ?group) }}
                  OPTIONAL {{ ?a {V.skos.prefLabel} ?name FILTER(lang(?name) = "vi") }}
                  OPTIONAL {{ ?a {V.skos.altLabel} ?alt }} }} }}"""
        out: dict[str, dict] = {}
        for r in self.query(q):
            a = r["a"].value
            d = out.setdefault(
                a,
                {
                    "iri": a,
                    "id": self.agent_id(a),
                    "name": None,
                    "names": set(),
                    "kind": "agency",
                    "tasks": 0,
                },
            )
            if r["group"] is not None:
                d["kind"] = "group"
            if r["name"] is not None and d["name"] is None:
                d["name"] = r["name"].value
            if r["alt"] is not None:
                d["names"].add(r["alt"].value)
        counts = f"""SELECT ?a (COUNT(DISTINCT ?t) AS ?n) WHERE {{ GRAPH ?g {{
                       ?t {V.pg.lead}|{V.pg.coordinating} ?a }} }} GROUP BY ?a"""
        for r in self.query(counts):
            if r["a"].value in out:
                out[r["a"].value]["tasks"] = int(r["n"].value)
        for d in out.values():
            d["name"] = d["name"] or d["id"]
        return list(out.values())

    def agency(self, agent_iri: str) -> AgencyOut | None:
        """The agency's page: its facts by early-stopping queries (see :mod:`ontology.agency_lookup`)."""
        row = agency_row(self.store.raw, agent_iri)
        if row is None:
            return None
        aid = self.agent_id(agent_iri)
        led, coord = self.role_counts(agent_iri)
        return AgencyOut(
            id=aid,
            name=row["name"] or aid,
            kind="group" if row["group"] else "agency",
            name_en=row["name_en"],
            aliases=row["aliases"],
            level=row["level"],
            category=row["kind"],
            jurisdiction=row["jurisdiction"],
            parent=self.agent_ref(row["parent"]) if row["parent"] else None,
            subunits=[self.agent_ref(s) for s in self.subunits(agent_iri)],
            needs_review=(row["needs_review"] == "true"),
            tasks_led=led,
            tasks_coordinated=coord,
            evidence=self.evidence_of(agent_iri),
        )

    def agent_ref(self, agent_iri: str) -> AgentRef:
        """An agent as a reference: its name and group flag as the first graph that types it states
        them (:func:`ontology.task_lookup.agent_row`, the rule of the network's and partners' labels)."""
        row = agent_row(self.store.raw, agent_iri)
        aid = self.agent_id(agent_iri)
        return AgentRef(id=aid, name=row["name"] or aid, kind="group" if row["group"] else "agency")

    def role_counts(self, agent_iri: str) -> tuple[int, int]:
        q = f"""SELECT (COUNT(DISTINCT ?l) AS ?nl) (COUNT(DISTINCT ?c) AS ?nc) WHERE {{ GRAPH ?g {{
                  {{ ?l {V.pg.lead} {iri(agent_iri)} }} UNION {{ ?c {V.pg.coordinating} {iri(agent_iri)} }} }} }}"""
        r = _first(self.query(q))
        return int(r["nl"].value), int(r["nc"].value)

    def subunits(self, agent_iri: str) -> list[str]:
        q = f"""SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s {V.org.subOrganizationOf}+ {iri(agent_iri)} }} }}"""
        return sorted(r["s"].value for r in self.query(q))

    def evidence_of(self, subject_iri: str) -> Evidence | None:
        """The subject's span in the first document (by graph IRI) that has one (index lookups, see
        :mod:`ontology.task_lookup`: as SPARQL this scanned every span of the store)."""
        found = first_evidence(self.store.raw, subject_iri)
        if found is None:
            return None
        g, l1, l2, quote = found
        plan_key = self.iris.key_of(g, "graph") or g
        plan = self.plan_ref(self.doc_iri(plan_key))
        return Evidence(
            document=plan.id, document_symbol=plan.full_symbol, line_start=l1, line_end=l2, quote=quote
        )

    # -- documents ------------------------------------------------------------------------------
    def legal_docs(self, doc_iris: list[str]) -> dict[str, LegalDocOut]:
        """Documents as answers: read by index lookups in one graph that describes each (its own graph
        when it is loaded). A decree cited by every plan is described in every graph: as one SPARQL
        query over ``GRAPH ?g`` that was a row per citing plan, seconds at 1,000 plans."""
        out: dict[str, LegalDocOut] = {}
        for d in dict.fromkeys(doc_iris):
            r = doc_row(self.store.raw, d)
            if r is None:
                continue
            issuer = r["issuer"]
            out[d] = LegalDocOut(
                id=self.doc_id(d),
                full_symbol=r["sym"],
                doc_type=r["type"],
                date=_date_text(r["date"]),
                issuer=r["issuerName"] or (self.agent_id(issuer) if issuer else None),
                title=r["title"] or r["label"],
                kind="plan" if r["plan"] else ("named_program" if r["prog"] else "legal_document"),
                loaded=r["plan"],
            )
        return out

    def all_documents(self) -> list[dict]:
        """Every legal document (cited or loaded) with its names, read from the whole store (the
        reference and baseline, like :meth:`agents`)."""
        q = f"""SELECT ?d ?sym ?label ?title ?hidden WHERE {{ GRAPH ?g {{ ?d a {V.eli.LegalResource} .
                  OPTIONAL {{ ?d {V.eli.id_local} ?sym }} OPTIONAL {{ ?d {V.rdfs.label} ?label }}
                  OPTIONAL {{ ?d {V.eli.title} ?title }} }} }}"""
        out: dict[str, dict] = {}
        for r in self.query(q):
            d = out.setdefault(
                r["d"].value,
                {"iri": r["d"].value, "id": self.doc_id(r["d"].value), "names": set(), "label": None},
            )
            for k in ("sym", "label", "title"):
                if r[k] is not None:
                    d["names"].add(r[k].value)
            if d["label"] is None and r["label"] is not None:
                d["label"] = r["label"].value
        return list(out.values())

    def based_on(self, plan_iris: list[str]) -> dict[str, list[tuple[str, Evidence | None]]]:
        """The legal bases of each (loaded) plan, with the evidence of each basis."""
        if not plan_iris:
            return {}
        q = f"""SELECT ?p ?d ?g WHERE {{ {_values("p", plan_iris)} GRAPH ?g {{ ?p {V.eli.based_on} ?d }} }}"""
        out: dict[str, list] = defaultdict(list)
        seen = set()
        look = Lookup(self.store.raw)
        for r in self.query(q):
            key = (r["p"].value, r["d"].value)
            if key in seen:
                continue
            seen.add(key)
            plan = self.plan_ref(r["p"].value)
            # the basis's evidence in the plan's graph, by index lookups (see ontology.task_lookup)
            l1, l2, quote = span_of(look, r["d"], r["g"])
            ev = Evidence(
                document=plan.id, document_symbol=plan.full_symbol, line_start=l1, line_end=l2, quote=quote
            )
            out[r["p"].value].append((r["d"].value, ev))
        return out

    def task_cites(self, task_iri: str) -> list[str]:
        q = f"SELECT DISTINCT ?d WHERE {{ GRAPH ?g {{ {iri(task_iri)} {V.eli.cites} ?d }} }} ORDER BY ?d"
        return [r["d"].value for r in self.query(q)]

    def task_plan(self, task_iri: str) -> str | None:
        q = f"SELECT ?p WHERE {{ GRAPH ?g {{ {iri(task_iri)} {V.pplan.isStepOfPlan} ?p }} }} LIMIT 1"
        rows = list(self.query(q))
        return rows[0]["p"].value if rows else None

    def citing(self, doc_iri: str) -> list[tuple[str, str, str | None]]:
        """(plan IRI, relation, citing task IRI or None) for every citation of ``doc_iri``."""
        q = f"""SELECT DISTINCT ?p ?rel ?t WHERE {{ GRAPH ?g {{
                  {{ ?p {V.eli.based_on} {iri(doc_iri)} BIND("based_on" AS ?rel) }}
                  UNION {{ ?p a {V.pplan.Plan} ; {V.eli.cites} {iri(doc_iri)} BIND("cites" AS ?rel) }}
                  UNION {{ ?t {V.eli.cites} {iri(doc_iri)} ; {V.pplan.isStepOfPlan} ?p BIND("cites" AS ?rel) }} }} }}"""
        return sorted(
            {(r["p"].value, r["rel"].value, _v(r["t"])) for r in self.query(q)},
            key=lambda x: (x[0], x[1], x[2] or ""),
        )

    # -- reporting ------------------------------------------------------------------------------
    def reporting(self, agent_iri: str | None = None) -> list[ReportingOut]:
        flt = ""
        if agent_iri:
            a = iri(agent_iri)
            flt = f"FILTER(?rep = {a} || ?to = {a} || ?send = {a})"
        q = f"""SELECT ?r ?plan ?rep ?to ?send ?freq ?code ?subject ?text ?r_l1 ?r_l2 ?r_quote WHERE {{ GRAPH ?g {{
                  ?r a {V.pg.ReportingDuty} ; {V.dcterms.isPartOf} ?plan .
                  OPTIONAL {{ ?r {V.pg.reporter} ?rep }} OPTIONAL {{ ?r {V.pg.addressedTo} ?to }}
                  OPTIONAL {{ ?r {V.pg.sendTo} ?send }} OPTIONAL {{ ?r {V.pg.frequency} ?freq }}
                  OPTIONAL {{ ?r {V.pg.frequencyCode} ?code }} OPTIONAL {{ ?r {V.dcterms.subject} ?subject }}
                  OPTIONAL {{ ?r {V.dcterms.description} ?text }} {span_pattern("r")} {flt} }} }} ORDER BY ?r"""
        rows = {}
        for r in self.query(q):
            rows.setdefault(r["r"].value, r)
        deadlines = self._deadlines(list(rows))
        refs: dict[str, AgentRef] = {}

        def ref(term) -> AgentRef | None:
            if term is None:
                return None
            if term.value not in refs:
                refs[term.value] = self.agent_ref(term.value)
            return refs[term.value]

        out = []
        for rid, r in rows.items():
            plan = self.plan_ref(r["plan"].value)
            out.append(
                ReportingOut(
                    id=self.task_id(rid),
                    plan=plan,
                    reporter=ref(r["rep"]),
                    addressed_to=ref(r["to"]),
                    send_to=ref(r["send"]),
                    frequency=_v(r["freq"]),
                    frequency_code=_v(r["code"]),
                    deadlines=deadlines.get(rid, []),
                    subject=_v(r["subject"]),
                    text=_v(r["text"]) or "",
                    evidence=Evidence(
                        document=plan.id,
                        document_symbol=plan.full_symbol,
                        line_start=_int(r["r_l1"]),
                        line_end=_int(r["r_l2"]),
                        quote=_v(r["text"]) or _v(r["r_quote"]),
                    ),
                )
            )
        return out

    def _deadlines(self, duty_iris: list[str]) -> dict[str, list[Deadline]]:
        if not duty_iris:
            return {}
        q = f"""SELECT ?r ?d ?date ?label ?type WHERE {{ {_values("r", duty_iris)} GRAPH ?g {{ ?r {V.pg.deadline} ?d .
                  OPTIONAL {{ ?d {V.time.inXSDDate} ?date }} OPTIONAL {{ ?d {V.rdfs.label} ?label }}
                  OPTIONAL {{ ?d {V.pg.deadlineType} ?type }} }} }} ORDER BY ?r ?d"""
        out: dict[str, list[Deadline]] = defaultdict(list)
        seen = set()
        for r in self.query(q):
            if (r["r"].value, r["d"].value) in seen:
                continue
            seen.add((r["r"].value, r["d"].value))
            out[r["r"].value].append(
                Deadline(date=_date(r["date"]), as_written=_v(r["label"]), type=_v(r["type"]))
            )
        return out

    # -- the coordination network ----------------------------------------------------------------
    def participation(
        self, *, jurisdiction: str | None = None, plan_iri: str | None = None
    ) -> list[tuple[str, str, str]]:
        """(task IRI, agent IRI, role) for every assignment, optionally of one province or plan."""
        scope = ""
        if plan_iri:
            scope = f"?t {V.pplan.isStepOfPlan} {iri(plan_iri)} ."
        elif jurisdiction:
            scope = f"?t {V.pplan.isStepOfPlan} ?p . ?p {V.pg.jurisdiction} {_lit(jurisdiction)} ."
        q = f"""SELECT ?t ?a ?role WHERE {{ GRAPH ?g {{ {scope}
                  {{ ?t {V.pg.lead} ?a BIND("lead" AS ?role) }} UNION {{ ?t {V.pg.coordinating} ?a BIND("coordinating" AS ?role) }}
                }} }}"""
        return [(r["t"].value, r["a"].value, r["role"].value) for r in self.query(q)]

    def summary_rows(
        self, *, jurisdiction: str | None = None, plan_iri: str | None = None
    ) -> list[tuple[str, str, str | None]]:
        """(graph IRI, plan IRI, stored coordination summary or None) per document graph, optionally of
        the documents whose plan is of one province, or of one plan (see :mod:`ontology.network_index`)."""
        scope = _values("p", [plan_iri]) if plan_iri else ""
        if jurisdiction and not plan_iri:
            scope = f"?p {V.pg.jurisdiction} {_lit(jurisdiction)} ."
        q = f"""SELECT ?g ?p ?s WHERE {{ GRAPH ?g {{ {scope} ?g {V.pg.describes} ?p .
                  OPTIONAL {{ ?g {V.pg.coordinationSummary} ?s }} }} }}"""
        return sorted((r["g"].value, r["p"].value, _v(r["s"])) for r in self.query(q))

    def names_summary_rows(self) -> list[tuple[str, str | None]]:
        """(graph IRI, stored names summary or None) per document graph (see :mod:`ontology.name_index`)."""
        raw = self.store.raw
        # two index scans (no join): every document graph, and every stored summary
        graphs = {q.graph_name.value for q in raw.quads_for_pattern(None, _RDF_TYPE, _DOCUMENT_GRAPH, None)
                  if q.subject == q.graph_name}  # fmt: skip
        texts = {q.graph_name.value: q.object.value for q in raw.quads_for_pattern(None, _NAMES_SUMMARY, None, None)
                 if q.subject == q.graph_name}  # fmt: skip
        return sorted((g, texts.get(g)) for g in graphs)

    def plan_year(self, doc_id: str) -> int | None:
        """The year of a loaded document's date (one index lookup in its graph), or None."""
        g = ox.NamedNode(self.iris.graph(doc_id))
        found = list(self.store.raw.quads_for_pattern(ox.NamedNode(self.doc_iri(doc_id)), _DATE, None, g))
        day = _date(found[0].object) if found else None
        return day.year if day else None

    def names_summaries(self) -> Iterator[tuple[str, str, dict]]:
        """(graph IRI, summary JSON text, summary) per document graph, in no particular order and one
        at a time (a merge holds one decoded summary, not all of them); a document stored without a
        current summary (an older store) is summarised from its graph here."""
        raw = self.store.raw
        graphs = {q.graph_name.value for q in raw.quads_for_pattern(None, _RDF_TYPE, _DOCUMENT_GRAPH, None)
                  if q.subject == q.graph_name}  # fmt: skip
        for q in raw.quads_for_pattern(None, _NAMES_SUMMARY, None, None):  # consumed here, one by one
            g = q.graph_name.value
            found = name_index.decode(q.object.value) if g in graphs and q.subject == q.graph_name else None
            if found is not None:
                graphs.discard(g)
                yield g, q.object.value, found
        for g in sorted(graphs):  # no current summary
            found = name_index.summary_of_graph(raw, g)
            yield g, name_index.encode(found), found

    def network_summaries(
        self, *, jurisdiction: str | None = None, plan_iri: str | None = None
    ) -> list[dict]:
        """The coordination summaries of the documents in scope; a document stored without a current
        one (an older store) is summarised from its assignments here."""
        out = []
        for _, plan, text in self.summary_rows(jurisdiction=jurisdiction, plan_iri=plan_iri):
            found = decode(text) if text is not None else None
            if found is None:
                found = summarise(self.participation(plan_iri=plan), prefix=task_prefix(plan))
            out.append(found)
        return out

    def triple_count(self, graph_iri: str) -> int:
        q = f"SELECT ?n WHERE {{ GRAPH {iri(graph_iri)} {{ {iri(graph_iri)} {V.pg.tripleCount} ?n }} }}"
        rows = list(self.query(q))
        return int(rows[0]["n"].value) if rows else 0

    def participation_for_tasks(self, task_iris: list[str]) -> list[tuple[str, str, str]]:
        """(task IRI, agent IRI, role) for the given tasks."""
        out: list[tuple[str, str, str]] = []
        for i in range(0, len(task_iris), 2000):
            chunk = task_iris[i : i + 2000]
            q = f"""SELECT ?t ?a ?role WHERE {{ {_values("t", chunk)} GRAPH ?g {{
                      {{ ?t {V.pg.lead} ?a BIND("lead" AS ?role) }}
                      UNION {{ ?t {V.pg.coordinating} ?a BIND("coordinating" AS ?role) }} }} }}"""
            out.extend((r["t"].value, r["a"].value, r["role"].value) for r in self.query(q))
        return out

    def agent_labels(self, agent_iris: Iterable[str]) -> dict[str, dict]:
        """Name, group flag, kind and jurisdiction per agent, by index lookups that stop at the first
        graph stating each (a national body is described in every graph: as SPARQL over ``GRAPH ?g``
        that was a row per graph, 8 s for one province's network at 1,000 plans)."""
        return {a: agent_row(self.store.raw, a) for a in dict.fromkeys(agent_iris)}

    def lead_counts(self, limit: int) -> list[tuple[str, int]]:
        q = f"""SELECT ?a (COUNT(DISTINCT ?t) AS ?n) WHERE {{ GRAPH ?g {{ ?t {V.pg.lead} ?a . ?a a {V.pg.Agency} }} }}
                GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT {int(limit)}"""
        return [(r["a"].value, int(r["n"].value)) for r in self.query(q)]


def _lit(text: str) -> str:
    from ontology.ntriples import lit

    return lit(text)
