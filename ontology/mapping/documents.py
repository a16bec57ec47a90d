"""The plan, its signer and source file, and the legal documents it cites (ELI)."""

from __future__ import annotations

from graph.model import LegalDocument, Plan
from graph.values.text import fold, slugify
from ontology.mapping._builder import Builder
from ontology.ntriples import V, date, integer, iri, lit, vi, year


def doc_label(doc_type: str | None, full_symbol: str | None, title: str | None) -> str | None:
    """A short human name: 'Nghị định 72/2015/NĐ-CP', or the title for unnumbered documents.

    >>> doc_label("Nghị định", "72/2015/NĐ-CP", "quản lý hoạt động thông tin đối ngoại")
    'Nghị định 72/2015/NĐ-CP'
    >>> doc_label("Chiến lược", None, "Chiến lược văn hóa đối ngoại")
    'Chiến lược văn hóa đối ngoại'
    >>> doc_label("Luật", None, "Biển Việt Nam")
    'Luật Biển Việt Nam'
    """
    if full_symbol:
        return f"{doc_type} {full_symbol}" if doc_type else full_symbol
    if title:
        if doc_type and not fold(title).startswith(fold(doc_type)):
            return f"{doc_type} {title}"
        return title
    return doc_type


def _doc_type(b: Builder, subject: str, doc_type: str | None, code: str | None) -> None:
    """``eli:type_document`` a SKOS concept per document type, shared across documents."""
    if not doc_type and not code:
        return
    code = code or slugify(doc_type or "")
    node = iri(b.iris.doc_type(code))
    b.add(subject, V.eli.type_document, node)
    if b.first_time(node):
        b.add(node, V.rdf.type, V.skos.Concept)
        b.add(node, V.skos.notation, lit(code))
        if doc_type:
            b.add(node, V.skos.prefLabel, vi(doc_type))


def _identity(b: Builder, s: str, d: LegalDocument | Plan) -> None:
    """What plans and cited documents share: type, number, symbol, date, title, issuer."""
    b.add(s, V.rdf.type, V.eli.LegalResource)
    _doc_type(b, s, d.doc_type, d.type_code)
    if d.number:
        b.add(s, V.eli.number, lit(d.number))
    if d.symbol:
        b.add(s, V.pg.symbol, lit(d.symbol))
    if d.full_symbol:
        b.add(s, V.eli.id_local, lit(d.full_symbol))
    if d.date:
        b.add(s, V.eli.date_document, date(d.date))
    if d.year or d.date:
        b.add(s, V.pg.year, year(d.year or d.date.year))  # type: ignore[union-attr]
    if d.title:
        b.add(s, V.eli.title, vi(d.title))
    b.label(s, doc_label(d.doc_type, d.full_symbol, d.title))
    if d.issuer_id:
        b.add(s, V.eli.passed_by, b.agent(d.issuer_id))
    elif d.issuer:
        b.add(s, V.pg.issuerName, vi(d.issuer))
    for note in d.notes:
        b.add(s, V.skos.editorialNote, lit(note))


def map_plan(b: Builder) -> None:
    plan = b.x.document
    p = b.plan
    _identity(b, p, plan)
    b.add(p, V.rdf.type, V.pplan.Plan)
    if plan.title:
        b.hidden(p, plan.title)
    b.add(p, V.pg.jurisdiction, lit(plan.jurisdiction))
    if plan.place:
        b.add(p, V.pg.place, vi(plan.place))
    b.add(p, V.pg.numberSource, lit(plan.number_source))
    b.span(p, plan.source)
    _signer(b)
    _source_file(b)
    cited = {d.id for d in b.x.cited_documents}
    bases = [*b.x.legal_bases, *(d.id for d in b.x.cited_documents if d.in_preamble)]
    for key in dict.fromkeys(bases):
        b.add(p, V.eli.based_on, b.doc(key))
        cited.add(key)
    for key in sorted(cited):
        b.add(p, V.eli.cites, b.doc(key))


def _signer(b: Builder) -> None:
    signer = b.x.document.signer
    name = signer and (signer.name or signer.name_as_written)
    if signer is None or not name:
        return
    att = iri(b.iris.signature(b.key))
    person = iri(b.iris.person(b.x.document.jurisdiction, slugify(name)))
    b.add(b.plan, V.prov.qualifiedAttribution, att)
    b.add(att, V.rdf.type, V.prov.Attribution)
    b.add(att, V.prov.agent, person)
    b.add(att, V.prov.hadRole, V.pg.SignerRole)
    for prop, value in (
        (V.pg.position, signer.position),
        (V.pg.signingAuthority, signer.signing_authority),
        (V.pg.onBehalfOf, signer.on_behalf_of),
    ):
        if value:
            b.add(att, prop, vi(value))
    b.span(att, signer.source, signer.name_as_written or "")
    b.add(person, V.rdf.type, V.prov.Person)
    b.label(person, name)
    if signer.name_as_written and signer.name_as_written != name:
        b.add(person, V.skos.altLabel, vi(signer.name_as_written))


def _source_file(b: Builder) -> None:
    src = b.source
    b.add(src, V.rdf.type, V.pg.SourceDocument)
    f = b.x.source_file
    if f is None:
        return
    b.add(src, V.rdfs.label, lit(f.name))
    b.add(src, V.pg.sha256, lit(f.sha256))
    b.add(src, V.dcterms.format, lit(f.format))
    b.add(src, V.pg.lineCount, integer(f.lines))


def map_cited(b: Builder) -> None:
    for d in b.x.cited_documents:
        s = b.doc(d.id)
        _identity(b, s, d)
        if d.kind == "named_program":
            b.add(s, V.rdf.type, V.pg.NamedProgram)
        b.span(s, d.source, d.as_written)
