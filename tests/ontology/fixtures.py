"""A realistic, hand-made extraction of a Hanoi plan: every record type of graph.model.

Modelled on plan 94/KH-UBND (2022): a header, three preamble legal bases, two more
cited documents (one numbered, one an unnumbered named programme), agencies with
parents and jurisdictions (one with an OCR alias), two agency groups, tasks with
lead and coordinating assignments and their evidence (one lead inferred from the
section heading), a responsibility, a reporting duty with deadlines, an
anniversary and the recipients. ``make_extraction(number=...)`` gives copies
with other plan ids (for scale tests).
"""

from __future__ import annotations

import datetime as dt

from graph.model import (
    Agency,
    AgencyGroup,
    Anniversary,
    Assignment,
    Deadline,
    Extraction,
    LegalDocument,
    Plan,
    Recipient,
    ReportingDuty,
    Responsibility,
    Signer,
    SourceFile,
    SourceSpan,
    Task,
    Timeline,
)

PLAN_ID = "vn/ubnd-ha-noi/kh/2022/94"
ND_72 = "vn/chinh-phu/nd/2015/72"
TT_22 = "vn/bo-tttt/tt/2016/22"
CV_5406 = "vn/bo-tttt/cv/2021/5406"
KH_146 = "vn/ubnd-ha-noi/kh/2019/146"
CHIEN_LUOC = "vn/_/chien-luoc/_/chien-luoc-van-hoa-doi-ngoai"
BASES = (ND_72, TT_22, CV_5406)

SO_TTTT = "ha-noi/so-tttt"
SO_NGOAI_VU = "ha-noi/so-ngoai-vu"
BAN_TUYEN_GIAO = "ha-noi/ban-tuyen-giao-thanh-uy"
UBND = "ha-noi/ubnd-tp-ha-noi"
VOV = "vn/dai-tieng-noi-viet-nam"
BO_TTTT = "vn/bo-tttt"
CHINH_PHU = "vn/chinh-phu"
LIEN_QUAN = "ha-noi/group/cac-co-quan-don-vi-lien-quan"
SO_BAN_NGANH = "ha-noi/group/cac-so-ban-nganh"


def S(a: int, b: int | None = None, quote: str = "") -> SourceSpan:
    return SourceSpan(line_start=a, line_end=b or a, quote=quote)


def _documents() -> list[LegalDocument]:
    preamble = "preamble"
    return [
        LegalDocument(
            id=ND_72,
            doc_type="Nghị định",
            type_code="nd",
            number="72",
            year=2015,
            symbol="NĐ-CP",
            full_symbol="72/2015/NĐ-CP",
            date=dt.date(2015, 9, 7),
            issuer="Chính phủ",
            issuer_id=CHINH_PHU,
            title="quản lý hoạt động thông tin đối ngoại",
            in_preamble=True,
            cited_in=[preamble],
            as_written="Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại",
            source=S(6),
        ),
        LegalDocument(
            id=TT_22,
            doc_type="Thông tư",
            type_code="tt",
            number="22",
            year=2016,
            symbol="TT-BTTTT",
            full_symbol="22/2016/TT-BTTTT",
            date=dt.date(2016, 10, 19),
            issuer="Bộ Thông tin và Truyền thông",
            issuer_id=BO_TTTT,
            title="Hướng dẫn quản lý hoạt động thông tin đối ngoại",
            in_preamble=True,
            cited_in=[preamble],
            as_written="Thông tư số 22/2016/TT-BTTTT ngày 19/10/2016 của Bộ Thông tin và Truyền thông",
            source=S(6),
        ),
        LegalDocument(
            id=CV_5406,
            doc_type="Công văn",
            type_code="cv",
            number="5406",
            year=2021,
            symbol="BTTTT-TTĐN",
            full_symbol="5406/BTTTT-TTĐN",
            date=dt.date(2021, 12, 31),
            issuer_id=BO_TTTT,
            title="Hướng dẫn xây dựng kế hoạch công tác thông tin đối ngoại năm 2022",
            in_preamble=True,
            cited_in=[preamble],
            as_written="Công văn số 5406/BTTTT-TTĐN ngày 31/12/2021",
            source=S(6),
        ),
        LegalDocument(
            id=KH_146,
            doc_type="Kế hoạch",
            type_code="kh",
            number="146",
            year=2019,
            symbol="KH-UBND",
            full_symbol="146/KH-UBND",
            issuer="Ủy ban nhân dân thành phố Hà Nội",
            issuer_id=UBND,
            title="triển khai Quy hoạch phát triển hệ thống thông tin đối ngoại khu vực cửa khẩu quốc tế",
            cited_in=["II.4", "IV.3"],
            as_written="Kế hoạch số 146/KH-UBND của UBND Thành phố",
            source=S(40),
        ),
        LegalDocument(
            id=CHIEN_LUOC,
            kind="named_program",
            doc_type="Chiến lược",
            title="Chiến lược văn hóa đối ngoại",
            cited_in=["II.1", "appendix II.1"],
            as_written="Chiến lược văn hóa đối ngoại",
            source=S(31),
            notes=["named programme: no number or date in the text"],
        ),
    ]


def _agencies() -> tuple[list[Agency], list[AgencyGroup]]:
    agencies = [
        Agency(
            id=CHINH_PHU, name="Chính phủ", level="central", kind="central", jurisdiction="vn", source=S(6)
        ),
        Agency(
            id=BO_TTTT,
            name="Bộ Thông tin và Truyền thông",
            abbreviations=["Bộ TT&TT"],
            level="central",
            kind="central",
            parent=CHINH_PHU,
            jurisdiction="vn",
            name_en="Ministry of Information and Communications",
            source=S(6),
        ),
        Agency(
            id=UBND,
            name="Ủy ban nhân dân thành phố Hà Nội",
            aliases=["UBND Thành phố"],
            abbreviations=["UBND TP"],
            level="city",
            kind="government",
            jurisdiction="ha-noi",
            source=S(20),
        ),
        Agency(
            id=SO_TTTT,
            name="Sở Thông tin và Truyền thông thành phố Hà Nội",
            aliases=["Sở Thông tin và Truyền thông"],
            abbreviations=["Sở TT&TT"],
            level="city",
            kind="department",
            parent=UBND,
            jurisdiction="ha-noi",
            source=S(94),
            occurrence_lines=[94, 180, 181],
        ),
        Agency(
            id=SO_NGOAI_VU,
            name="Sở Ngoại vụ thành phố Hà Nội",
            aliases=["Sở Ngoại vụ"],
            level="city",
            kind="department",
            parent=UBND,
            jurisdiction="ha-noi",
            source=S(100),
        ),
        Agency(
            id=BAN_TUYEN_GIAO,
            name="Ban Tuyên giáo Thành ủy Hà Nội",
            aliases=["Ban Tuyên giáo Thành ủy"],
            abbreviations=["Ban Tuyên giáo TU"],
            level="party",
            kind="party",
            jurisdiction="ha-noi",
            source=S(180),
        ),
        Agency(
            id=VOV,
            name="Đài Tiếng nói Việt Nam",
            aliases=["Dài Tiếng nói Việt Nam"],
            level="press",
            kind="press",
            parent=CHINH_PHU,
            jurisdiction="vn",
            source=S(181, quote="Dài Tiếng nói Việt Nam"),
        ),
    ]
    groups = [
        AgencyGroup(
            id=LIEN_QUAN,
            label="Các cơ quan, đơn vị liên quan",
            aliases=["các cơ quan, đơn vị liên quan"],
            jurisdiction="ha-noi",
            source=S(180),
        ),
        AgencyGroup(
            id=SO_BAN_NGANH,
            label="Các Sở, ban, ngành Thành phố",
            aliases=["các Sở, ban, ngành"],
            jurisdiction="ha-noi",
            source=S(20),
        ),
    ]
    return agencies, groups


def _tasks() -> list[Task]:
    year = Timeline(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31))
    return [
        Task(
            id="I.1",
            section="I",
            section_agency=SO_TTTT,
            number="1",
            content="Thực hiện chức năng quản lý nhà nước về thông tin đối ngoại trên địa bàn thành phố Hà Nội.",
            timeline_as_written="Trong năm 2022",
            timeline=year,
            lead=[SO_TTTT],
            lead_as_written="Sở Thông tin và Truyền thông",
            coordinating=[BAN_TUYEN_GIAO, LIEN_QUAN],
            coordinating_as_written="Ban Tuyên giáo Thành ủy và các cơ quan, đơn vị liên quan",
            assignments=[
                Assignment(
                    agent=SO_TTTT, role="lead", as_written="Sở Thông tin và Truyền thông", source=S(180)
                ),
                Assignment(
                    agent=BAN_TUYEN_GIAO,
                    role="coordinating",
                    as_written="Ban Tuyên giáo Thành ủy",
                    source=S(180),
                ),
                Assignment(
                    agent=LIEN_QUAN,
                    role="coordinating",
                    as_written="các cơ quan, đơn vị liên quan",
                    source=S(180),
                ),
            ],
            source=S(180, quote="Thực hiện chức năng quản lý nhà nước về thông tin đối ngoại"),
        ),
        Task(
            id="I.2",
            section="I",
            section_agency=SO_TTTT,
            number="2",
            content='Tuyên truyền đối ngoại trên kênh VTV4, hệ "VOV5" và Trang Thủ đô Hà Nội.',
            timeline_as_written="Cả năm",
            timeline=year,
            lead=[SO_TTTT],
            coordinating=[VOV],
            coordinating_as_written="Dài Tiếng nói Việt Nam",
            assignments=[
                Assignment(
                    agent=VOV, role="coordinating", as_written="Dài Tiếng nói Việt Nam", source=S(181, 182)
                )
            ],
            mentions=[VOV],
            source=S(181, 182),
        ),
        Task(
            id="II.1",
            section="II",
            section_agency=SO_NGOAI_VU,
            number="1",
            content="Tổ chức các hoạt động theo Chiến lược văn hóa đối ngoại.",
            timeline_as_written="Quý II, III/2022",
            timeline=Timeline(start=dt.date(2022, 4, 1), end=dt.date(2022, 9, 30)),
            lead=[SO_NGOAI_VU],
            lead_inferred=True,
            coordinating=[SO_TTTT],
            cites=[CHIEN_LUOC],
            assignments=[Assignment(agent=SO_NGOAI_VU, role="lead", inferred=True, source=S(186))],
            source=S(187),
        ),
        Task(
            id="II.2",
            section="II",
            section_agency=SO_NGOAI_VU,
            number="2",
            content="Theo dõi thông tin đối ngoại thường xuyên.",
            timeline_as_written="Thường xuyên",
            timeline=Timeline(label="Thường xuyên"),
            lead=[SO_NGOAI_VU],
            coordinating=[SO_BAN_NGANH],
            cites=[KH_146],
            source=S(188),
        ),
    ]


def make_extraction(number: str = "94") -> Extraction:
    """The fixture; another ``number`` gives the same content under another plan id."""
    plan_id = PLAN_ID if number == "94" else f"vn/ubnd-ha-noi/kh/2022/{number}"
    plan = Plan(
        id=plan_id,
        doc_type="Kế hoạch",
        type_code="kh",
        number=number,
        symbol="KH-UBND",
        full_symbol=f"{number}/KH-UBND",
        date=dt.date(2022, 3, 25),
        issuer="Ủy ban nhân dân thành phố Hà Nội",
        issuer_id=UBND,
        title="Tổ chức hoạt động thông tin đối ngoại năm 2022",
        year=2022,
        jurisdiction="ha-noi",
        place="Hà Nội",
        number_source="header",
        source=S(3, 4, quote="KẾ HOẠCH Tổ chức hoạt động thông tin đối ngoại năm 2022"),
        signer=Signer(
            name="Chử Xuân Dũng",
            name_as_written="Chủ Xuân Dũng",
            position="Phó Chủ tịch",
            signing_authority="KT. Chủ tịch",
            on_behalf_of="TM. Ủy ban nhân dân",
            source=S(164, 170),
        ),
    )
    agencies, groups = _agencies()
    return Extraction(
        document=plan,
        legal_bases=list(BASES),
        cited_documents=_documents(),
        agencies=agencies,
        collectives=groups,
        tasks=_tasks(),
        responsibilities=[
            Responsibility(
                id="IV.1.a",
                agency=SO_TTTT,
                verb="chủ trì",
                verbs=["chủ trì", "hướng dẫn"],
                text="Chủ trì, hướng dẫn các Sở, ban, ngành xây dựng kế hoạch thông tin đối ngoại năm 2022.",
                mentions=[UBND],
                cites=[KH_146],
                source=S(94),
            ),
        ],
        reporting=[
            ReportingDuty(
                id="rep-1",
                location="closing",
                reporter=SO_BAN_NGANH,
                reporter_as_written="các đơn vị",
                addressed_to=UBND,
                send_to=SO_TTTT,
                frequency="định kỳ 6 tháng",
                frequency_code="semiannual",
                deadlines=[
                    Deadline(as_written="trước ngày 20/6", date=dt.date(2022, 6, 20)),
                    Deadline(as_written="20/11", date=dt.date(2022, 11, 20)),
                ],
                subject="kết quả thực hiện Kế hoạch",
                text="định kỳ 6 tháng báo cáo UBND Thành phố về kết quả thực hiện Kế hoạch (trước ngày 20/6 và 20/11)",
                source=S(144),
            ),
        ],
        anniversaries=[
            Anniversary(
                id="60-nam-quan-he-ngoai-giao-viet-nam-lao",
                label="60 năm thiết lập quan hệ ngoại giao Việt Nam - Lào",
                as_written="60 năm ngày thiết lập quan hệ ngoại giao Việt Nam - Lào (5/9/1962 - 5/9/2022)",
                years=60,
                start=dt.date(1962, 9, 5),
                date=dt.date(2022, 9, 5),
                cited_in=["II.5"],
                source=S(80),
            ),
        ],
        recipients=[
            Recipient(as_written="Bộ Thông tin và Truyền thông", refs=[BO_TTTT], source=S(149)),
            Recipient(as_written="Các Sở, ban, ngành Thành phố", refs=[SO_BAN_NGANH], source=S(150)),
            Recipient(as_written="Lưu: VT, KGVX", kind="archive", source=S(158)),
        ],
        source_file=SourceFile(name="ke-hoach-94-2022.md", sha256="0" * 64, format="markdown", lines=260),
    )
