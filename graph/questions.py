"""The question catalogue: forms of questions in Vietnamese (with or without diacritics) and English.

:func:`interpret` maps a question onto an intent and resolves its entities with
the same search as everything else (:class:`graph.search.NameIndex`). Questions
it cannot parse get the forms it understands and the closest ones.

>>> from graph.search import Entry, NameIndex
>>> idx = NameIndex([Entry("ha-noi/so-ngoai-vu", "agency", "Sở Ngoại vụ thành phố Hà Nội", ("Sở Ngoại vụ",))])
>>> i = interpret("nhiệm vụ nào do Sở Ngoại vụ chủ trì", idx)
>>> i.intent, i.role, i.entities["agency"].id
('tasks_for_agency', 'lead', 'ha-noi/so-ngoai-vu')
>>> interpret("which legal basis authorizes task V.1?", idx).entities["task"]
'V.1'
>>> interpret("nhiem vu nao thuc hien trong quy III/2022", idx).entities["period"].start.isoformat()
'2022-07-01'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from graph.model import Timeline
from graph.search import Hit, NameIndex
from graph.values.periods import parse_period
from graph.values.symbols import parse_symbol
from graph.values.text import clean, fold

_Q = r"(?:nhung |cac )?"
_TASK = r"(?P<task>(?:[ivxlc]+|\d+)(?:[.\-/ ]\d+)+(?:[.\-]?[a-z])?|[ivxlc]+[.\-]\d+)"


@dataclass(frozen=True)
class Form:
    intent: str
    role: str | None
    patterns: tuple[str, ...]
    examples: tuple[str, ...]  # Vietnamese first, then English


FORMS: tuple[Form, ...] = (
    Form(
        "tasks_for_agency",
        "lead",
        (
            rf"^{_Q}nhiem vu (?:nao|gi) (?:do|duoc|ma) (?P<agency>.+?) (?:chu tri|phu trach|lam dau moi)",
            rf"^(?P<agency>.+?) (?:chu tri|phu trach) {_Q}nhiem vu (?:nao|gi)",
            r"^(?:which|what) tasks? (?:does|do|is|are) (?P<agency>.+?) (?:lead|leading|in charge of|responsible for)",
            r"^(?:which|what)? ?tasks? (?:are |is )?(?:led|lead|owned) by (?P<agency>.+)",
        ),
        (
            "nhiệm vụ nào do Sở Ngoại vụ chủ trì",
            "nhiem vu nao do so ngoai vu chu tri",
            "which tasks does Sở Ngoại vụ lead?",
        ),
    ),
    Form(
        "tasks_for_agency",
        "coordinating",
        (
            rf"^(?P<agency>.+?) phoi hop (?:thuc hien )?{_Q}nhiem vu (?:nao|gi)",
            rf"^{_Q}nhiem vu (?:nao|gi) (?:co )?(?P<agency>.+?) (?:tham gia )?phoi hop",
            r"^(?:which|what) tasks? (?:does|do) (?P<agency>.+?) (?:coordinate|co-ordinate|support|assist)(?: on| with)?",
            r"^(?:which|what)? ?tasks? (?:are |is )?(?:coordinated|supported) by (?P<agency>.+)",
        ),
        ("Ban Tuyên giáo TU phối hợp những nhiệm vụ nào", "which tasks does Ban Tuyên giáo coordinate?"),
    ),
    Form(
        "tasks_for_agency",
        None,
        (
            r"^(?:which|what) tasks? (?:depend|depends|rely|relies|involve|involves) on (?P<agency>.+)",
            r"^(?:which|what) tasks? involve (?P<agency>.+)",
            rf"^{_Q}nhiem vu (?:nao|gi) (?:lien quan (?:den|toi)|phu thuoc vao|can|cua|co su tham gia cua) (?P<agency>.+)",
            rf"^(?P<agency>.+?) (?:co|lam|tham gia|dam nhan|thuc hien) {_Q}nhiem vu (?:nao|gi)",
            r"^tasks? (?:of|for) (?P<agency>.+)",
        ),
        ("nhiệm vụ nào liên quan đến Ban Tuyên giáo Thành ủy", "which tasks depend on Ban Tuyên giáo?"),
    ),
    Form(
        "legal_basis",
        None,
        (
            rf"(?:can cu|co so)(?: phap ly)? (?:cua|cho) (?:nhiem vu|muc|viec|task)? ?{_TASK}",
            rf"(?:nhiem vu|muc) {_TASK} (?:can cu|dua tren|duoc giao theo) (?:vao )?(?:van ban|co so|dau) ?(?:nao|gi)?",
            rf"(?:which|what) (?:legal )?bas(?:is|es) (?:authori[sz]es?|supports?|underl(?:ies|ie)|(?:is|are) behind|for) (?:task |item |row )?{_TASK}",
            rf"legal bas(?:is|es) (?:of|for) (?:task |item |row )?{_TASK}",
            rf"(?:what|which) authori[sz]es (?:task |item )?{_TASK}",
        ),
        ("căn cứ pháp lý của nhiệm vụ I.6", "which legal basis authorizes task V.1?"),
    ),
    Form(
        "partners",
        None,
        (
            r"^(?P<agency>.+?) phoi hop voi (?:nhung |cac )?(?:co quan|don vi|ai|noi)(?: nao| gi)?",
            r"^(?:nhung |cac )?(?:co quan|don vi) (?:nao|gi) phoi hop (?:voi|cung) (?P<agency>.+)",
            r"^(?:who|which agencies|what agencies) (?:coordinates?|works?|cooperates?|partners?) with (?P<agency>.+)",
            r"^(?:partners|co-?ordinators) of (?P<agency>.+)",
            r"^(?:who|which agencies) does (?P<agency>.+?) (?:work|coordinate|cooperate) with",
        ),
        ("Sở Ngoại vụ phối hợp với những cơ quan nào", "who coordinates with Sở Du lịch?"),
    ),
    Form(
        "tasks_in_period",
        None,
        (
            r"(?:nhiem vu|viec|cong viec) (?:nao|gi) (?:duoc |se |phai )?(?:thuc hien|dien ra|den han|hoan thanh|trien khai|"
            r"co thoi han)? ?(?:trong|vao|truoc|den) (?P<period>.+)",
            r"(?:what|which(?: tasks?)?) (?:is |are )?(?:due|scheduled|planned|happening|running|done) (?:in|during|by|for) (?P<period>.+)",
            r"^tasks? (?:in|during|due in|due by|for) (?P<period>.+)",
        ),
        ("nhiệm vụ nào thực hiện trong quý III/2022", "what is due in Q3 2022?"),
    ),
    Form(
        "cited_by",
        None,
        (
            r"(?:van ban|ke hoach|nhiem vu|tai lieu) (?:nao|gi) (?:can cu|dan chieu|trich dan|vien dan|dua tren|thuc hien|trien khai)"
            r" (?:vao |theo )?(?P<doc>.+)",
            r"(?:which|what) (?:documents?|plans?|tasks?) (?:cite|cites|are based on|is based on|refer to|refers to|implement|"
            r"implements) (?P<doc>.+)",
            r"^(?:who|what) (?:cites|implements) (?P<doc>.+)",
        ),
        ("văn bản nào căn cứ Nghị định 72/2015/NĐ-CP", "which documents cite Decree 72/2015/NĐ-CP?"),
    ),
    Form(
        "reporting",
        None,
        (
            r"^(?:ai|nhung ai|co quan nao|don vi nao|nhung co quan nao) (?:phai )?bao cao (?:cho|len|ve|toi) (?P<agency>[^,?]+?)"
            r"(?:,? ?(?:khi nao|luc nao|thoi han nao|bao gio|han nao))?$",
            r"^(?:who|which agencies) (?:must )?reports? to (?P<agency>[^,?]+?)(?:,? (?:and )?when)?$",
            r"^(?:lich|che do|thoi han) bao cao(?: cua (?P<agency>.+))?$",
            r"^reporting (?:calendar|schedule|duties|deadlines)(?: (?:of|for) (?P<agency>.+))?$",
        ),
        ("ai báo cáo cho Sở TT&TT, khi nào", "who reports to Sở TT&TT, and when?"),
    ),
    Form(
        "path",
        None,
        (
            r"^(?P<agency>.+?) (?:va|voi) (?P<agency2>.+?) (?:lien he|lien quan|ket noi|phoi hop)(?: voi nhau)?(?: the nao| ra sao| qua ai| nhu the nao)",
            r"(?:path|connection|link|links) between (?P<agency>.+?) and (?P<agency2>.+)",
            r"how (?:is|are) (?P<agency>.+?) (?:connected|linked|related) (?:to|with) (?P<agency2>.+)",
        ),
        ("Sở Ngoại vụ và Sở Du lịch liên hệ thế nào", "path between Sở Ngoại vụ and Bộ Ngoại giao"),
    ),
    Form(
        "rank_load",
        None,
        (
            r"(?:co quan|don vi) (?:nao|gi) (?:chu tri|phu trach|dam nhan|co) nhieu nhiem vu nhat",
            r"(?:which|what) agenc(?:y|ies) (?:leads?|has|have|owns?) the most tasks",
            r"^(?:busiest|most loaded) agenc(?:y|ies)",
        ),
        ("cơ quan nào chủ trì nhiều nhiệm vụ nhất", "which agency leads the most tasks?"),
    ),
    Form(
        "rank_centrality",
        None,
        (
            r"(?:co quan|don vi) (?:nao|gi) (?:trung tam|quan trong|ket noi nhieu) nhat",
            r"(?:which|what|most) (?:agenc(?:y|ies) (?:is|are) )?(?:most )?(?:central|connected)(?: agenc(?:y|ies))?",
        ),
        ("cơ quan nào trung tâm nhất trong mạng phối hợp", "which agencies are most central?"),
    ),
)

_EN_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_DOC_WORDS = {
    "nghi dinh": "NĐ",
    "nd": "NĐ",
    "decree": "NĐ",
    "thong tu": "TT",
    "tt": "TT",
    "circular": "TT",
    "quyet dinh": "QĐ",
    "qd": "QĐ",
    "decision": "QĐ",
    "chi thi": "CT",
    "ct": "CT",
    "directive": "CT",
    "ke hoach": "KH",
    "kh": "KH",
    "plan": "KH",
    "nghi quyet": "NQ",
    "nq": "NQ",
    "resolution": "NQ",
    "cong van": None,
    "cv": None,
    "letter": None,
    "luat": "L",
    "law": "L",
}


@dataclass
class DocRef:
    """A document named in a question: "Nghị định 72/2015/NĐ-CP", "nd 72/2015", "Decree 72"."""

    as_written: str
    type_code: str | None = None
    number: str | None = None
    year: int | None = None
    full_symbol: str | None = None
    text: str = ""


@dataclass
class Interpretation:
    question: str
    intent: str | None  # None: not understood
    role: str | None = None
    language: str = "vi"
    entities: dict[str, Any] = field(default_factory=dict)
    form: str | None = None  # the catalogue example this question matched
    problems: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)  # closest forms, when not understood

    @property
    def understood(self) -> bool:
        return self.intent is not None and not self.problems


def task_ref(text: str) -> str:
    """'i-6', 'I 6', 'ii.3' -> 'I.6', 'II.3'; '1.2' stays.

    >>> task_ref("ii-3"), task_ref("v.1"), task_ref("1.2.a")
    ('II.3', 'V.1', '1.2.a')
    """
    parts = [p for p in re.split(r"[.\-/ ]", text.strip()) if p]
    out = []
    for i, p in enumerate(parts):
        if re.fullmatch(r"[ivxlc]+", p, re.IGNORECASE) and (i == 0 or len(p) > 1):
            out.append(p.upper())
        else:
            out.append(p.lower() if p.isalpha() else p)
    return ".".join(out)


def parse_doc_ref(text: str) -> DocRef:
    """A document reference in a question.

    >>> d = parse_doc_ref("nd 72/2015")
    >>> d.type_code, d.number, d.year
    ('NĐ', '72', 2015)
    >>> parse_doc_ref("Nghị định 72/2015/NĐ-CP").full_symbol
    '72/2015/NĐ-CP'
    """
    t = clean(text).strip(" ?.")
    ref = DocRef(as_written=t, text=t)
    m = re.search(r"\d{1,5}[a-z]?\s*[/-]\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ]+(?:\s*[-/]\s*[A-Za-zĐđ0-9]+)*", t)
    if m:
        sym = parse_symbol(m.group(0))
        if sym is not None:
            ref.full_symbol, ref.number, ref.year, ref.type_code = (
                sym.full_symbol,
                sym.number,
                sym.year,
                sym.type_code,
            )
    f = fold(t)
    for words, code in sorted(_DOC_WORDS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![a-z]){words}(?![a-z])", f):
            ref.type_code = ref.type_code or code
            break
    if ref.number is None:
        nm = re.search(r"(?<![\d/])(\d{1,5})(?:\s*/\s*((?:19|20)\d{2}))?(?![\d])", f)
        if nm:
            ref.number = nm.group(1)
            ref.year = int(nm.group(2)) if nm.group(2) else None
    return ref


def _period(text: str, default_year: int | None) -> Timeline | None:
    f = fold(text).strip(" ?.")
    f = re.sub(r"\bq([1-4])\b", r"quy \1", f)
    f = re.sub(r"\b(?:quarter|quy) ([1-4]|i{1,3}|iv)\b", r"quy \1", f)
    f = re.sub(
        r"\b(?:the )?(first|second|third|fourth) quarter\b",
        lambda m: "quy " + str(["first", "second", "third", "fourth"].index(m.group(1)) + 1),
        f,
    )
    for name, num in _EN_MONTHS.items():
        f = re.sub(rf"\b{name}\b", f"thang {num}", f)
    f = re.sub(r"(thang \d{1,2}) (\d{4})", r"\1/\2", f)
    f = re.sub(r"(quy [\divx, ]+?) (?:nam )?((?:19|20)\d{2})", r"\1/\2", f)
    t = parse_period(f, default_year)
    if t is None or (t.start is None and t.end is None):
        return None
    return t


def _is_english(f: str) -> bool:
    return bool(re.search(r"\b(which|what|who|how|tasks?|does|legal|basis|between|reports?|due|agenc)\b", f))


def interpret(question: str, index: NameIndex, *, default_year: int | None = None) -> Interpretation:
    """Map a question onto the catalogue and resolve its entities."""
    q = clean(question)
    f = fold(q).strip(" ?.!")
    f = re.sub(r"\s+", " ", f)
    lang = "en" if _is_english(f) else "vi"
    for form in FORMS:
        for pattern in form.patterns:
            m = re.search(pattern, f)
            if not m:
                continue
            it = Interpretation(q, form.intent, form.role, lang, form=form.examples[0])
            groups = {k: v for k, v in m.groupdict().items() if v}
            for key in ("agency", "agency2"):
                if key in groups:
                    phrase = _original(q, f, m.start(key), m.end(key))
                    hits = index.search(phrase, kinds=("agency", "group"), limit=5)
                    if hits:
                        it.entities[key] = hits[0]
                        if len(hits) > 1 and hits[1].score == hits[0].score:
                            it.entities[f"{key}_alternatives"] = hits[1:]
                    else:
                        it.problems.append(f"no agency matches '{phrase}'")
            if "task" in groups:
                it.entities["task"] = task_ref(groups["task"])
            if "doc" in groups:
                it.entities["document"] = parse_doc_ref(_original(q, f, m.start("doc"), m.end("doc")))
            if "period" in groups:
                period = _period(groups["period"], default_year)
                if period is None:
                    it.problems.append(f"cannot read the period '{groups['period']}'")
                else:
                    it.entities["period"] = period
            return it
    return _not_understood(q, f, lang, index)


def _original(q: str, f: str, start: int, end: int) -> str:
    """The original-case text of a span of the folded question (folding keeps lengths for NFC text)."""
    if len(q) == len(fold(q)):
        return q[start:end] if fold(q[start:end]) == f[start:end] else f[start:end]
    return f[start:end]


def _not_understood(q: str, f: str, lang: str, index: NameIndex) -> Interpretation:
    scored = []
    for form in FORMS:
        for ex in form.examples:
            scored.append((fuzz.token_set_ratio(f, fold(ex)), ex))
    scored.sort(key=lambda x: -x[0])
    it = Interpretation(q, None, language=lang)
    it.suggestions = [ex for _, ex in scored[:3]]
    hits: list[Hit] = index.search(q, limit=3, cutoff=88)
    if hits:
        it.entities["mentioned"] = hits
    return it


def catalogue() -> list[dict]:
    """Every question form, for help pages and error answers."""
    return [{"intent": f.intent, "role": f.role, "examples": list(f.examples)} for f in FORMS]
