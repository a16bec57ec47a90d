"""Agencies (W3C ORG organisations, scoped by jurisdiction) and agency groups."""

from __future__ import annotations

from ontology.mapping._builder import Builder
from ontology.ntriples import V, boolean, lit


def map_agents(b: Builder) -> None:
    for a in b.x.agencies:
        s = b.agent(a.id)
        b.add(s, V.rdf.type, V.pg.Agency)
        b.add(s, V.rdf.type, V.org.Organization)
        b.names(s, a.name, aliases=a.aliases, abbreviations=a.abbreviations, name_en=a.name_en)
        b.add(s, V.pg.level, lit(a.level))
        b.add(s, V.pg.kind, lit(a.kind))
        b.add(s, V.pg.jurisdiction, lit(a.jurisdiction))
        if a.parent:
            b.add(s, V.org.subOrganizationOf, b.agent(a.parent))
        if a.needs_review:
            b.add(s, V.pg.needsReview, boolean(True))
        b.span(s, a.source)
    for g in b.x.collectives:
        s = b.agent(g.id)
        b.add(s, V.rdf.type, V.pg.AgencyGroup)
        b.names(s, g.label, aliases=g.aliases)
        b.add(s, V.pg.jurisdiction, lit(g.jurisdiction))
        b.span(s, g.source)
