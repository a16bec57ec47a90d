"""What a SPARQL request may do: read the store, nothing else.

Two independent checks, both must pass before Oxigraph runs a query:

- :func:`scan` — a conservative lexical pass (fast, in the server process): codepoint escapes
  (``\\u0053ERVICE``) are expanded first, strings, comments and IRIs are set aside, and any
  ``SERVICE`` or update keyword (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD,
  WITH) left in the code is refused, whatever its case, spacing or nesting. Where a ``<`` could be
  an IRI or a less-than sign (Oxigraph decides by grammar context, a scanner cannot), the scan
  assumes the worse reading. It also tells the query form (for content negotiation) and whether
  the query names its own dataset (``FROM`` / ``FROM NAMED``).
- :func:`inspect_structure` — a structural pass (in the worker process): the query must parse
  under rdflib's SPARQL 1.1 grammar, and no node of its parse tree may be a
  ``ServiceGraphPattern``. A query rdflib cannot parse is refused even when Oxigraph could run
  it (syntax outside SPARQL 1.1, such as SPARQL-star): the endpoint runs only what it inspected.

Updates cannot run anyway: the worker calls ``Store.query`` (which parses queries only) on a
read-only store; the lexical check just says so clearly.

>>> scan("PREFIX pg: <https://w3id.org/plangraph/ontology#> SELECT ?t WHERE { ?t a pg:Task }").form
'SELECT'
>>> scan("select * { sErViCe <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
ontology.sparql.errors.ServiceRefused: SERVICE (a query to another endpoint) is refused: this endpoint only reads its own store
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ontology.sparql.errors import (
    QueryRefused,
    QuerySyntaxError,
    ServiceRefused,
    UnsupportedSyntax,
    UpdateRefused,
)

FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
SERVICE_MESSAGE = "SERVICE (a query to another endpoint) is refused: this endpoint only reads its own store"
UPDATE_MESSAGE = "SPARQL updates ({}) are refused: this endpoint is read-only"

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""(?P<string>'''(?:[^'\\]|\\.|'(?!''))*+'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*+\"\"\"
                  |'(?:[^'\\\n\r]|\\.)*+'|"(?:[^"\\\n\r]|\\.)*+")
       |(?P<iri><[^<>"{}|^`\\\x00-\x20]*+>)
       |(?P<comment>\#[^\n\r]*)
       |(?P<code>[^'"<\#]++|.)""",
    re.S | re.X,
)
# Tokens that cannot hide a keyword: variables and language tags; then runs of name characters,
# which are prefixed names or blank nodes when they hold a colon, and keywords (or junk) otherwise.
_VARIABLE = re.compile(r"[?$]\w+")
_LANGTAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*+")
_RUN = re.compile(r"[\w.\-:%\\]+")
_WORD = re.compile(r"[A-Za-z]+")
# A `<` after one of these ends an operand, so it may be a less-than sign rather than an IRI.
_OPERAND_END = re.compile(r"[\w)\]'\">]")
_SERVICE = re.compile("service", re.I)


@dataclass(frozen=True)
class Scan:
    """What the lexical pass learnt about a query it did not refuse."""

    form: str | None  # SELECT, ASK, CONSTRUCT, DESCRIBE, or None when it cannot tell
    has_dataset: bool  # FROM or FROM NAMED


def unescape_codepoints(text: str) -> str:
    """Expand ``\\uXXXX`` and ``\\UXXXXXXXX`` everywhere, as SPARQL does before parsing."""

    def one(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _ESCAPE.sub(one, text)


def scan(query: str) -> Scan:
    """The lexical check: refuse SERVICE and updates, tell the form; see the module docstring."""
    text = unescape_codepoints(query)
    last_service = max((m.start() for m in _SERVICE.finditer(text)), default=-1)
    code: list[str] = []
    previous = ""  # the last significant character before the current token
    for m in _TOKEN.finditer(text):
        kind, token = m.lastgroup, m.group()
        if kind == "code":
            code.append(token)
            previous = token.rstrip()[-1:] or previous
            continue
        if kind == "iri" and last_service >= m.start() and _OPERAND_END.match(previous):
            _check_ambiguous_iri(token, text, m.end())
        code.append(" ")
        previous = token[-1] if kind != "comment" else previous
    bare, prefixes = _split_names("".join(code))
    if last_service >= 0 and any(_SERVICE.search(x) for x in (bare, *prefixes)):
        # a SERVICE word, one glued to others (`trueSERVICE`), or a prefix (`SERVICE:x` may
        # read as SERVICE then `:x`)
        raise ServiceRefused(SERVICE_MESSAGE)
    words = [w.upper() for w in _WORD.findall(bare)]
    updates = [w for w in words if w in UPDATE_KEYWORDS]
    if updates:
        raise UpdateRefused(UPDATE_MESSAGE.format(", ".join(dict.fromkeys(updates))))
    form = next((w for w in words if w in FORMS), None)
    return Scan(form=form, has_dataset="FROM" in words)


def _split_names(visible: str) -> tuple[str, list[str]]:
    """The bare words of the code (keywords, or junk), and the prefixes of its prefixed names."""
    text = _LANGTAG.sub(" ", _VARIABLE.sub(" ", visible))
    bare: list[str] = []
    prefixes: list[str] = []
    for m in _RUN.finditer(text):
        run = m.group()
        if ":" in run:
            prefixes.append(run.split(":", 1)[0])
        else:
            bare.append(run)
    return " ".join(bare), prefixes


def _check_ambiguous_iri(candidate: str, text: str, end: int) -> None:
    """``<…>`` after an operand may be ``less-than …``: if so its inside is code, and a quote or
    ``#`` in it would start a string or comment the scanner did not see. Assume the worse."""
    inside = candidate[1:-1]
    if ")" in inside and _SERVICE.search(inside):
        raise ServiceRefused(SERVICE_MESSAGE)
    line_end = text.find("\n", end)
    rest_of_line = text[end : line_end if line_end >= 0 else len(text)]
    if "'" in inside or ("#" in inside and ("'''" in rest_of_line or '"""' in rest_of_line)):
        raise ServiceRefused(SERVICE_MESSAGE)


def inspect_structure(query: str):
    """The structural check (rdflib's SPARQL 1.1 parser); returns the parse tree.

    Raises :class:`ServiceRefused` for a SERVICE node anywhere in the tree (subqueries, OPTIONAL,
    EXISTS, ...), :class:`UpdateRefused` for text that parses as an update, and
    :class:`UnsupportedSyntax` for anything else rdflib cannot parse (the caller asks Oxigraph
    first, so that plain syntax errors get Oxigraph's message).
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql import parser

    try:
        tree = parser.parseQuery(query)
    except RecursionError:
        raise QueryRefused("the query is nested too deeply to inspect") from None
    except ParseException as exc:
        try:
            parser.parseUpdate(query)
        except (ParseException, RecursionError):
            raise UnsupportedSyntax(
                "the query uses syntax outside SPARQL 1.1, which this endpoint does not run: "
                + one_line(str(exc))
            ) from None
        raise UpdateRefused(UPDATE_MESSAGE.format("an update request")) from None
    if "ServiceGraphPattern" in set(node_names(tree)):
        raise ServiceRefused(SERVICE_MESSAGE)
    return tree


def node_names(node):
    """Every node name of an rdflib parse tree (``SelectQuery``, ``ServiceGraphPattern``, ...)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item.name
            stack.extend(item.values())
        elif isinstance(item, list | tuple) or type(item).__name__ == "ParseResults":
            stack.extend(item)


def has_dataset_clause(tree) -> bool:
    """Whether the parsed query names its dataset (FROM / FROM NAMED)."""
    return any("datasetClause" in part for part in tree if hasattr(part, "keys"))


def one_line(message: str, limit: int = 300) -> str:
    """The first line of a parser message, bounded."""
    first = message.strip().splitlines()[0] if message.strip() else "syntax error"
    return first if len(first) <= limit else first[: limit - 1] + "…"


def syntax_error(message: str) -> QuerySyntaxError:
    return QuerySyntaxError("SPARQL syntax error: " + one_line(message))
