"""Responsibilities, reporting duties, anniversaries and recipients: parts of their plan."""

from __future__ import annotations

from graph.values.text import slugify
from ontology.mapping._builder import Builder
from ontology.ntriples import V, boolean, date, integer, iri, lit, vi


def map_responsibilities(b: Builder) -> None:
    for r in b.x.responsibilities:
        s = iri(b.iris.responsibility(b.key, r.id))
        b.add(s, V.rdf.type, V.pg.Responsibility)
        b.add(s, V.dcterms.isPartOf, b.plan)
        b.add(s, V.pg.rowLabel, lit(r.id))
        b.add(s, V.rdfs.label, vi(f"Trách nhiệm {r.id}"))
        b.add(s, V.pg.assignedTo, b.agent(r.agency))
        b.add(s, V.dcterms.description, vi(r.text))
        if r.verb:
            b.add(s, V.pg.mainVerb, vi(r.verb))
        for verb in dict.fromkeys([*r.verbs, *([r.verb] if r.verb else [])]):
            b.add(s, V.pg.verb, vi(verb))
        b.add(s, V.pg.requested, boolean(r.requested))
        for key in r.cites:
            b.add(s, V.eli.cites, b.doc(key))
        for key in r.mentions:
            b.add(s, V.pg.mentions, b.agent(key))
        b.span(s, r.source)


def map_reporting(b: Builder) -> None:
    for d in b.x.reporting:
        s = iri(b.iris.reporting(b.key, d.id))
        b.add(s, V.rdf.type, V.pg.ReportingDuty)
        b.add(s, V.dcterms.isPartOf, b.plan)
        b.add(s, V.rdfs.label, vi(f"Chế độ báo cáo {d.id}" + (f": {d.subject}" if d.subject else "")))
        b.add(s, V.dcterms.description, vi(d.text))
        for prop, key in (
            (V.pg.reporter, d.reporter),
            (V.pg.addressedTo, d.addressed_to),
            (V.pg.sendTo, d.send_to),
        ):
            if key:
                b.add(s, prop, b.agent(key))
        for prop, value in (
            (V.pg.reporterAsWritten, d.reporter_as_written),
            (V.pg.frequency, d.frequency),
            (V.dcterms.subject, d.subject),
        ):
            if value:
                b.add(s, prop, vi(value))
        if d.frequency_code:
            b.add(s, V.pg.frequencyCode, lit(d.frequency_code))
        if d.location:
            b.add(s, V.pg.location, lit(d.location))
        for n, deadline in enumerate(d.deadlines, start=1):
            node = iri(b.iris.deadline(b.key, d.id, n))
            b.add(s, V.pg.deadline, node)
            b.add(node, V.rdf.type, V.pg.Deadline)
            b.add(node, V.rdfs.label, vi(deadline.as_written))
            b.add(node, V.pg.deadlineType, lit(deadline.type))
            if deadline.date:
                b.add(node, V.time.inXSDDate, date(deadline.date))
        b.span(s, d.source)


def map_anniversaries(b: Builder) -> None:
    for a in b.x.anniversaries:
        raw = b.iris.anniversary(b.key, a.id)
        s = iri(raw)
        b.add(s, V.rdf.type, V.pg.Anniversary)
        b.add(s, V.dcterms.isPartOf, b.plan)
        b.add(s, V.pg.anniversaryKind, lit(a.kind))
        b.label(s, a.label)
        if a.years is not None:
            b.add(s, V.pg.years, integer(a.years))
        if a.start:
            b.add(s, V.pg.originDate, date(a.start))
        if a.date:
            b.add(s, V.dcterms.date, date(a.date))
        b.timeline(s, raw, a.period)
        for where in a.cited_in:
            b.add(s, V.pg.citedIn, lit(where))
        b.span(s, a.source, a.as_written)


def map_recipients(b: Builder) -> None:
    used: dict[str, int] = {}
    for r in b.x.recipients:
        slug = slugify(r.as_written)
        used[slug] = used.get(slug, 0) + 1
        s = iri(b.iris.recipient(b.key, slug if used[slug] == 1 else f"{slug}-{used[slug]}"))
        b.add(s, V.rdf.type, V.pg.Recipient)
        b.add(s, V.dcterms.isPartOf, b.plan)
        b.add(s, V.rdfs.label, vi(r.as_written))
        b.add(s, V.pg.recipientKind, lit(r.kind))
        for key in r.refs:
            b.add(s, V.pg.refersTo, b.agent(key))
        b.span(s, r.source, r.as_written)
