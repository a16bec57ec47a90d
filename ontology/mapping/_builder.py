"""The per-document builder the mapping modules share: output lines, spans, names, timelines."""

from __future__ import annotations

import datetime as dt

from graph.model import Extraction, SourceSpan, Timeline
from graph.values.text import fold
from ontology.iris import Iris
from ontology.ntriples import V, date, en, integer, iri, lit, vi


class Builder:
    """Collects the N-Triples lines of one document, in order and without duplicates."""

    def __init__(self, extraction: Extraction, iris: Iris) -> None:
        self.x = extraction
        self.iris = iris
        self.key = extraction.document.id
        self.plan = iri(iris.document(self.key))
        self.source = iri(iris.source(self.key))
        self.out: dict[str, None] = {}
        self._described: set[str] = set()
        self._agents: dict[str, str] = {}
        self._docs: dict[str, str] = {}

    # -- output ------------------------------------------------------------------------------
    def add(self, s: str, p: str, o: str) -> None:
        self.out[f"{s} {p} {o} ."] = None

    def first_time(self, node: str) -> bool:
        """True the first time a shared node (date, selector, type concept) is described."""
        if node in self._described:
            return False
        self._described.add(node)
        return True

    def lines(self) -> list[str]:
        return list(self.out)

    # -- shared IRIs -------------------------------------------------------------------------
    def agent(self, key: str) -> str:
        term = self._agents.get(key)
        if term is None:
            term = self._agents[key] = iri(self.iris.agency(key))
        return term

    def doc(self, key: str) -> str:
        term = self._docs.get(key)
        if term is None:
            term = self._docs[key] = iri(self.iris.document(key))
        return term

    # -- provenance --------------------------------------------------------------------------
    def span(self, subject: str, src: SourceSpan | None, fallback_quote: str = "") -> None:
        """``subject prov:wasDerivedFrom`` a source span (Web Annotation selectors)."""
        if src is None:
            return
        quote = src.quote or fallback_quote
        start, end = src.line_start, src.line_end
        node = iri(self.iris.span(self.key, start, end, quote))
        self.add(subject, V.prov.wasDerivedFrom, node)
        if not self.first_time(node):
            return
        self.add(node, V.rdf.type, V.pg.SourceSpan)
        self.add(node, V.oa.hasSource, self.source)
        lines = iri(self.iris.lines(self.key, start, end))
        self.add(node, V.oa.hasSelector, lines)
        if self.first_time(lines):
            self.add(lines, V.rdf.type, V.oa.FragmentSelector)
            self.add(lines, V.dcterms.conformsTo, V.rfc5147)
            self.add(lines, V.rdf.value, lit(f"line={start - 1},{end}"))
            self.add(lines, V.pg.lineStart, integer(start))
            self.add(lines, V.pg.lineEnd, integer(end))
        if quote:
            q = iri(self.iris.quote(self.key, start, end, quote))
            self.add(node, V.oa.hasSelector, q)
            self.add(q, V.rdf.type, V.oa.TextQuoteSelector)
            self.add(q, V.oa.exact, lit(quote))

    # -- names -------------------------------------------------------------------------------
    def label(self, subject: str, text: str | None) -> None:
        """``rdfs:label`` in Vietnamese, and the text without diacritics as ``skos:hiddenLabel``."""
        if not text:
            return
        self.add(subject, V.rdfs.label, vi(text))
        self.hidden(subject, text)

    def names(
        self,
        subject: str,
        name: str,
        *,
        aliases: list[str] = (),  # type: ignore[assignment]
        abbreviations: list[str] = (),  # type: ignore[assignment]
        name_en: str | None = None,
    ) -> None:
        """SKOS names of an agent: prefLabel (vi, en), altLabel for aliases, hiddenLabel folded."""
        self.add(subject, V.skos.prefLabel, vi(name))
        self.add(subject, V.rdfs.label, vi(name))
        self.hidden(subject, name)
        if name_en:
            self.add(subject, V.skos.prefLabel, en(name_en))
        for alt in (*aliases, *abbreviations):
            if alt and alt != name:
                self.add(subject, V.skos.altLabel, vi(alt))
                self.hidden(subject, alt)

    def hidden(self, subject: str, text: str) -> None:
        folded = fold(text)
        if folded and folded != text:
            self.add(subject, V.skos.hiddenLabel, vi(folded))

    # -- time --------------------------------------------------------------------------------
    def instant(self, day: dt.date) -> str:
        node = iri(self.iris.instant(day))
        if self.first_time(node):
            self.add(node, V.rdf.type, V.time.Instant)
            self.add(node, V.time.inXSDDate, date(day))
        return node

    def timeline(self, subject: str, owner: str, tl: Timeline | None) -> None:
        """``subject time:hasTime`` an OWL-Time interval (shared when it has dates)."""
        if tl is None or not (tl.start or tl.end or tl.label):
            return
        if tl.start or tl.end:
            node = iri(self.iris.interval(tl.start, tl.end))
        else:
            node = iri(self.iris.timeline(owner))
        self.add(subject, V.time.hasTime, node)
        self.add(node, V.rdf.type, V.time.Interval)
        if tl.start:
            self.add(node, V.time.hasBeginning, self.instant(tl.start))
        if tl.end:
            self.add(node, V.time.hasEnd, self.instant(tl.end))
        if tl.label:
            self.add(node, V.rdfs.label, vi(tl.label))
