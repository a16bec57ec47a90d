"""The web pages' templates: a Jinja2 environment over ``viz/templates/pages`` (autoescaped, strict),
the formatting the templates use, and the shapes of ``/ask`` answers as typed records.

Pages load only what the server ships (``/static/pages.css``, ``/static/pages.js``): the
Content-Security-Policy :data:`CSP` forbids every other load, inline scripts and inline styles.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

import jinja2

from graph.answers import Calendar, CitedBy, LegalBasis, LegalDocOut, Partners, PathOut, TaskPage
from viz.kinds import node_kind
from viz.pages_text import INTENTS, TEXT

CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
)

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_date(value: dt.date | None, lang: str = "vi") -> str:
    """Vietnamese ``25/03/2022``, English ``25 Mar 2022``.

    >>> fmt_date(dt.date(2022, 3, 25)), fmt_date(dt.date(2022, 3, 25), "en"), fmt_date(None)
    ('25/03/2022', '25 Mar 2022', '')
    """
    if value is None:
        return ""
    if lang == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return value.strftime("%d/%m/%Y")


def doc_label(d: LegalDocOut) -> str:
    """'Nghị định 72/2015/NĐ-CP', or the title of an unnumbered document.

    >>> doc_label(LegalDocOut(id="x", doc_type="Nghị định", full_symbol="72/2015/NĐ-CP"))
    'Nghị định 72/2015/NĐ-CP'
    >>> doc_label(LegalDocOut(id="x", title="EVFTA"))
    'EVFTA'
    """
    if d.full_symbol:
        return f"{d.doc_type} {d.full_symbol}" if d.doc_type else d.full_symbol
    if d.title and d.doc_type and not d.title.lower().startswith(d.doc_type.lower()):
        return f"{d.doc_type} {d.title}"
    return d.title or d.doc_type or d.id


def kind_label(code: str, lang: str) -> str:
    return node_kind(code).label(lang)


def place_name(slug: str | None, lang: str = "vi") -> str:
    """A jurisdiction's name: 'ha-noi' -> 'thành phố Hà Nội', 'vn' -> 'Trung ương'.

    >>> place_name("ha-noi"), place_name("vn"), place_name("vn", "en"), place_name("atlantis")
    ('thành phố Hà Nội', 'Trung ương', 'National', 'atlantis')
    """
    if not slug:
        return ""
    if slug == "vn":
        return "National" if lang == "en" else "Trung ương"
    from ontology.registry import get_registry

    province = get_registry().provinces.get(slug)
    if province is None:
        return slug
    return province.name if lang == "en" else province.full


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The pages' Jinja2 environment: package templates, autoescape on, undefined names fail."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("viz", "templates/pages"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["d"] = fmt_date
    env.globals.update(doc_label=doc_label, kind_label=kind_label, place_name=place_name)
    return env


def strings(lang: str) -> dict[str, str]:
    return TEXT["en" if lang == "en" else "vi"]


def intent_label(intent: str | None, lang: str) -> str:
    return INTENTS["en" if lang == "en" else "vi"].get(intent or "", intent or "")


def answer_view(answer: dict[str, Any] | None) -> tuple[str, Any]:
    """The shape of an ``/ask`` answer and the answer as typed records, for its template block."""
    a = answer or {}
    if "tasks" in a and "total" in a:
        return "tasks", TaskPage.model_validate(a)
    if "partners" in a:
        return "partners", Partners.model_validate(a)
    if "results" in a:
        return "legal", [LegalBasis.model_validate(x) for x in a["results"]]
    if "citations" in a:
        return "cited_by", CitedBy.model_validate(a)
    if "reporting" in a:
        return "calendar", Calendar.model_validate(a)
    if "paths" in a:
        return "paths", PathOut.model_validate(a)
    if "ranking" in a:
        return "ranking", a["ranking"]
    return "none", None
