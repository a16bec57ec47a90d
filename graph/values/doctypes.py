"""Document types and their codes.

Administrative codes follow Nghị định 30/2020/NĐ-CP, Appendix III; normative
types follow the Law on promulgation of legal documents; party documents use
the same codes in the "N-TYPE/ISSUER" grammar.

>>> by_code("QĐ").name
'Quyết định'
>>> by_code("nd").name
'Nghị định'
>>> by_name("quyet dinh").code
'QĐ'
>>> by_name("Kế hoạch").slug
'kh'
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.values.text import fold, slugify


@dataclass(frozen=True)
class DocType:
    name: str  # "Quyết định"
    code: str  # "QĐ"
    kind: str  # administrative | normative | party | program | treaty | other
    name_en: str = ""

    @property
    def slug(self) -> str:
        """The ELI path segment: 'qd', 'nd', 'kh'."""
        return slugify(self.code)


TYPES: tuple[DocType, ...] = (
    # normative (legal) documents
    DocType("Hiến pháp", "HP", "normative", "Constitution"),
    DocType("Bộ luật", "BL", "normative", "Code"),
    DocType("Luật", "L", "normative", "Law"),
    DocType("Pháp lệnh", "PL", "normative", "Ordinance"),
    DocType("Lệnh", "LCT", "normative", "Order"),
    DocType("Nghị định", "NĐ", "normative", "Decree"),
    DocType("Thông tư liên tịch", "TTLT", "normative", "Joint circular"),
    DocType("Thông tư", "TT", "normative", "Circular"),
    # administrative documents (Nghị định 30/2020/NĐ-CP, Appendix III)
    DocType("Nghị quyết", "NQ", "administrative", "Resolution"),
    DocType("Quyết định", "QĐ", "administrative", "Decision"),
    DocType("Chỉ thị", "CT", "administrative", "Directive"),
    DocType("Quy chế", "QC", "administrative", "Regulation"),
    DocType("Quy định", "QyĐ", "administrative", "Rule"),
    DocType("Thông cáo", "TC", "administrative", "Communiqué"),
    DocType("Thông báo", "TB", "administrative", "Notice"),
    DocType("Hướng dẫn", "HD", "administrative", "Guidance"),
    DocType("Chương trình", "CTr", "administrative", "Programme"),
    DocType("Kế hoạch", "KH", "administrative", "Plan"),
    DocType("Phương án", "PA", "administrative", "Scheme"),
    DocType("Đề án", "ĐA", "administrative", "Project"),
    DocType("Dự án", "DA", "administrative", "Project"),
    DocType("Báo cáo", "BC", "administrative", "Report"),
    DocType("Biên bản", "BB", "administrative", "Minutes"),
    DocType("Tờ trình", "TTr", "administrative", "Submission"),
    DocType("Hợp đồng", "HĐ", "administrative", "Contract"),
    DocType("Công điện", "CĐ", "administrative", "Dispatch"),
    DocType("Bản ghi nhớ", "BGN", "administrative", "Memorandum"),
    DocType("Bản thỏa thuận", "BTT", "administrative", "Agreement"),
    DocType("Giấy ủy quyền", "GUQ", "administrative", "Authorisation"),
    DocType("Giấy mời", "GM", "administrative", "Invitation"),
    DocType("Giấy giới thiệu", "GGT", "administrative", "Letter of introduction"),
    DocType("Phiếu gửi", "PG", "administrative", "Transmittal slip"),
    DocType("Phiếu chuyển", "PC", "administrative", "Transfer slip"),
    DocType("Phiếu báo", "PB", "administrative", "Notice slip"),
    DocType("Kết luận", "KL", "party", "Conclusion"),
    DocType("Thông tri", "TTr", "party", "Circular (party)"),
    DocType("Công văn", "CV", "administrative", "Official letter"),
    # named programmes and agreements cited without a number
    DocType("Chiến lược", "CL", "program", "Strategy"),
    DocType("Quy hoạch", "QH", "program", "Master plan"),
    DocType("Cuộc vận động", "CVĐ", "program", "Campaign"),
    DocType("Phong trào", "PT", "program", "Movement"),
    DocType("Hiệp định", "HĐi", "treaty", "Agreement"),
    DocType("Hiệp ước", "HU", "treaty", "Treaty"),
    DocType("Công ước", "CƯ", "treaty", "Convention"),
    DocType("Nghị định thư", "NĐT", "treaty", "Protocol"),
    DocType("Tuyên bố", "TBo", "treaty", "Declaration"),
)

_BY_CODE: dict[str, DocType] = {}
for _t in TYPES:
    if _t.kind in ("normative", "administrative", "party"):
        _BY_CODE.setdefault(fold(_t.code), _t)
_BY_CODE.update({"nđ": _BY_CODE["nd"], "qđ": _BY_CODE["qd"], "qyd": _BY_CODE["qyd"]})
_BY_NAME: dict[str, DocType] = {fold(t.name): t for t in TYPES}


def by_code(code: str) -> DocType | None:
    """The type of a symbol's type code ('QĐ', 'NĐ', 'KH'); None for codes that are not types."""
    return _BY_CODE.get(fold(code))


def by_name(name: str) -> DocType | None:
    """The type named by its words ('Quyết định', 'quyet dinh')."""
    return _BY_NAME.get(fold(name).strip())


def names_longest_first() -> list[str]:
    """Type names, longest first (so 'Thông tư liên tịch' wins over 'Thông tư')."""
    return sorted((t.name for t in TYPES), key=len, reverse=True)
