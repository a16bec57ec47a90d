"""A pool of real national documents that provincial plans cite, and templates for provincial ones.

Each national entry is one line, fields separated by ``|``::

    topics | type code | symbol or law name | date (d/m/yyyy) | issuer id | connector | title | nested

- ``topics``: comma-separated topic slugs (see :mod:`bench.pools.topics`), ``*`` for every topic;
- ``type code``: NĐ, TT, QĐ, CT, NQ, CV, HD, L (a law, cited by name and date);
- ``issuer id``: the registry id of the issuer (``vn/chinh-phu``); empty for laws;
- ``connector``: the words between the citation and its title (``về``, ``về việc``, ``phê duyệt``, ...);
- ``nested``: documents named inside the title, each ``TYPE:NAME`` for an unnumbered programme
  (``CTr:Chương trình ...``) or ``=KEY`` for another entry of this pool cited by its symbol.

Numbers and dates are the real ones where known; the generator only cites a document dated
before the plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

TYPE_NAMES = {
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "NQ": "Nghị quyết",
    "CV": "Công văn",
    "HD": "Hướng dẫn",
    "L": "Luật",
    "KH": "Kế hoạch",
    "TTr": "Tờ trình",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "CL": "Chiến lược",
}

_NATIONAL = """
*|L|Luật Tổ chức chính quyền địa phương|19/6/2015||||
*|L|Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương|22/11/2019||||
*|L|Luật Ngân sách nhà nước|25/6/2015||||
*|NĐ|163/2016/NĐ-CP|21/12/2016|vn/chinh-phu||quy định chi tiết thi hành một số điều của Luật Ngân sách nhà nước|L:Luật Ngân sách nhà nước
ttdn|NĐ|72/2015/NĐ-CP|07/9/2015|vn/chinh-phu|về|quản lý hoạt động thông tin đối ngoại|
ttdn|TT|22/2016/TT-BTTTT|19/10/2016|vn/bo-tttt|về|hướng dẫn quản lý hoạt động thông tin đối ngoại của các tỉnh, thành phố trực thuộc Trung ương|
ttdn|CT|12-CT/TW|06/12/2016|vn/ban-bi-thu|về|tăng cường công tác thông tin đối ngoại trong tình hình mới|
ttdn|QĐ|1191/QĐ-TTg|05/8/2020|vn/thu-tuong-chinh-phu|về việc|phê duyệt mục tiêu, nhiệm vụ, giải pháp đổi mới và nâng cao năng lực công tác thông tin tuyên truyền và thông tin đối ngoại góp phần xây dựng biên giới hòa bình, hữu nghị, hợp tác và phát triển|
ttdn|CV|5406/BTTTT-TTĐN|31/12/2021|vn/bo-tttt|về|hướng dẫn xây dựng kế hoạch công tác thông tin đối ngoại năm 2022|
ttdn,ngay-le|NQ|35-NQ/TW|22/10/2018|vn/bo-chinh-tri|về|tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới|
cds|QĐ|749/QĐ-TTg|03/6/2020|vn/thu-tuong-chinh-phu|phê duyệt|“Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030”|CTr:Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030
cds|NQ|52-NQ/TW|27/9/2019|vn/bo-chinh-tri|về|một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư|
cds,cchc|QĐ|942/QĐ-TTg|15/6/2021|vn/thu-tuong-chinh-phu|phê duyệt|Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021 - 2025, định hướng đến năm 2030|CL:Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021 - 2025, định hướng đến năm 2030
cds|QĐ|06/QĐ-TTg|06/01/2022|vn/thu-tuong-chinh-phu|phê duyệt|Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030|ĐA:Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030
cds,cchc|NĐ|47/2020/NĐ-CP|09/4/2020|vn/chinh-phu|về|quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước|
cds,cchc|NĐ|45/2020/NĐ-CP|08/4/2020|vn/chinh-phu|về|thực hiện thủ tục hành chính trên môi trường điện tử|
cds|NĐ|42/2022/NĐ-CP|24/6/2022|vn/chinh-phu||quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng|
cds|NĐ|13/2023/NĐ-CP|17/4/2023|vn/chinh-phu|về|bảo vệ dữ liệu cá nhân|
cds,ttdn|L|Luật An ninh mạng|12/6/2018||||
cds|L|Luật Công nghệ thông tin|29/6/2006||||
cchc|NQ|76/NQ-CP|15/7/2021|vn/chinh-phu||ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030|CTr:Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030
cchc|NĐ|61/2018/NĐ-CP|23/4/2018|vn/chinh-phu|về|thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính|
cchc|NĐ|107/2021/NĐ-CP|06/8/2021|vn/chinh-phu||sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính|=61/2018/NĐ-CP
cchc|NĐ|30/2020/NĐ-CP|05/3/2020|vn/chinh-phu|về|công tác văn thư|
pbgdpl|L|Luật Phổ biến, giáo dục pháp luật|20/6/2012||||
pbgdpl|L|Luật Tiếp cận thông tin|06/4/2016||||
pbgdpl|CT|32-CT/TW|09/12/2003|vn/ban-bi-thu|về|tăng cường sự lãnh đạo của Đảng trong công tác phổ biến, giáo dục pháp luật, nâng cao ý thức chấp hành pháp luật của cán bộ, nhân dân|
pbgdpl|NĐ|28/2013/NĐ-CP|04/4/2013|vn/chinh-phu||quy định chi tiết một số điều và biện pháp thi hành Luật Phổ biến, giáo dục pháp luật|L:Luật Phổ biến, giáo dục pháp luật
ngay-le|CT|05-CT/TW|15/5/2016|vn/bo-chinh-tri|về|đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh|
ngay-le|NĐ|145/2013/NĐ-CP|29/10/2013|vn/chinh-phu||quy định về tổ chức ngày kỷ niệm; nghi thức trao tặng, đón nhận hình thức khen thưởng, danh hiệu thi đua; nghi lễ đối ngoại và đón, tiếp khách nước ngoài|
ngay-le|HD|118-HD/BTGTW|20/12/2021|vn/ban-tuyen-giao-trung-uong|về|tuyên truyền các ngày kỷ niệm, sự kiện lịch sử năm 2022|
du-lich|L|Luật Du lịch|19/6/2017||||
du-lich|NQ|08-NQ/TW|16/01/2017|vn/bo-chinh-tri|về|phát triển du lịch trở thành ngành kinh tế mũi nhọn|
du-lich|QĐ|147/QĐ-TTg|22/01/2020|vn/thu-tuong-chinh-phu|phê duyệt|Chiến lược phát triển du lịch Việt Nam đến năm 2030|CL:Chiến lược phát triển du lịch Việt Nam đến năm 2030
du-lich|NĐ|168/2017/NĐ-CP|31/12/2017|vn/chinh-phu||quy định chi tiết một số điều của Luật Du lịch|L:Luật Du lịch
atgt|L|Luật Giao thông đường bộ|13/11/2008||||
atgt|CT|18-CT/TW|04/9/2012|vn/ban-bi-thu|về|tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm trật tự, an toàn giao thông đường bộ, đường sắt, đường thủy nội địa và khắc phục ùn tắc giao thông|
atgt|NĐ|100/2019/NĐ-CP|30/12/2019|vn/chinh-phu||quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt|
atgt|QĐ|2060/QĐ-TTg|12/12/2020|vn/thu-tuong-chinh-phu|phê duyệt|Chiến lược quốc gia bảo đảm trật tự, an toàn giao thông đường bộ giai đoạn 2021 - 2030 và tầm nhìn đến năm 2045|CL:Chiến lược quốc gia bảo đảm trật tự, an toàn giao thông đường bộ giai đoạn 2021 - 2030 và tầm nhìn đến năm 2045
ntm|QĐ|263/QĐ-TTg|22/02/2022|vn/thu-tuong-chinh-phu|phê duyệt|Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025|CTr:Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025
ntm|NQ|26-NQ/TW|05/8/2008|vn/bch-trung-uong|về|nông nghiệp, nông dân, nông thôn|
ntm|NĐ|27/2022/NĐ-CP|19/4/2022|vn/chinh-phu||quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia|
bdg|L|Luật Bình đẳng giới|29/11/2006||||
bdg|NQ|28/NQ-CP|03/3/2021|vn/chinh-phu||ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030|CL:Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030
bdg|CT|21-CT/TW|20/01/2018|vn/ban-bi-thu|về|tiếp tục đẩy mạnh công tác phụ nữ trong tình hình mới|
mt|L|Luật Bảo vệ môi trường|17/11/2020||||
mt|NĐ|08/2022/NĐ-CP|10/01/2022|vn/chinh-phu||quy định chi tiết một số điều của Luật Bảo vệ môi trường|L:Luật Bảo vệ môi trường
mt|CT|41/CT-TTg|01/12/2020|vn/thu-tuong-chinh-phu|về|một số giải pháp cấp bách tăng cường quản lý chất thải rắn|
yt|L|Luật Phòng, chống bệnh truyền nhiễm|21/11/2007||||
yt|NQ|20-NQ/TW|25/10/2017|vn/bch-trung-uong|về|tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân trong tình hình mới|
yt|CT|25/CT-TTg|31/10/2022|vn/thu-tuong-chinh-phu|về|tiếp tục tăng cường công tác phòng, chống dịch bệnh trong tình hình mới|
"""


@dataclass
class DocRef:
    """A document the plan cites: what the generator writes and what the truth records."""

    key: str  # the full symbol, or the name of an unnumbered document
    type_code: str
    date: dt.date | None
    issuer: str | None  # registry id
    connector: str = ""
    title: str = ""
    name: str | None = None  # laws and programmes cited by name
    nested: list[DocRef] = field(default_factory=list)
    topics: tuple[str, ...] = ("*",)

    @property
    def doc_type(self) -> str:
        return TYPE_NAMES[self.type_code]

    @property
    def full_symbol(self) -> str | None:
        return None if self.name else self.key


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    d, m, y = (int(x) for x in text.split("/"))
    return dt.date(y, m, d)


def _parse() -> dict[str, DocRef]:
    out: dict[str, DocRef] = {}
    for line in _NATIONAL.strip().splitlines():
        topics, code, key, date, issuer, connector, title, nested = line.split("|")
        ref = DocRef(
            key=key,
            type_code=code,
            date=_date(date),
            issuer=issuer or None,
            connector=connector,
            title=title,
            name=key if code == "L" else None,
            topics=tuple(topics.split(",")),
        )
        for item in filter(None, nested.split(";")):
            if item.startswith("="):
                ref.nested.append(out[item[1:]])
            else:
                ncode, nname = item.split(":", 1)
                ref.nested.append(DocRef(key=nname, type_code=ncode, date=None, issuer=None, name=nname))
        out[key] = ref
    return out


NATIONAL: dict[str, DocRef] = _parse()


def national_for(topic: str, before: dt.date) -> list[DocRef]:
    """National documents for a topic (and the general ones), dated before ``before``."""
    return [
        d
        for d in NATIONAL.values()
        if (topic in d.topics or "*" in d.topics) and d.date is not None and d.date < before
    ]


#: Titles of provincial documents, by type; ``{topic}`` is the plan's subject, ``{place}`` its
#: province ("tỉnh Lào Cai"), ``{y}`` a year, ``{period}`` a period such as "2021 - 2025".
PROVINCIAL_TITLES = {
    "KH": [
        "triển khai công tác {topic} năm {y}",
        "thực hiện công tác {topic} trên địa bàn {place} giai đoạn {period}",
        "tổ chức các hoạt động {topic} năm {y}",
    ],
    "NQ-HĐND": [
        "quy định mức chi bảo đảm cho công tác {topic} trên địa bàn {place}",
        "nhiệm vụ phát triển kinh tế - xã hội năm {y}",
        "phê duyệt danh mục nhiệm vụ {topic} giai đoạn {period}",
    ],
    "QĐ-UBND": [
        "phê duyệt danh mục nhiệm vụ {topic} năm {y}",
        "kiện toàn Ban Chỉ đạo công tác {topic} của tỉnh",
        "giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm {y}",
    ],
    "KH/TU": [
        "thực hiện Chỉ thị số {parent}",
        "thực hiện Nghị quyết số {parent}",
    ],
    "CT/TU": ["tăng cường sự lãnh đạo của cấp ủy đảng đối với công tác {topic}"],
    "HD/BTGTU": ["tuyên truyền công tác {topic} năm {y}"],
}

#: Codes of departments' submissions ("Tờ trình số 15/TTr-SNV"), by registry slug.
SUBMISSION_CODES = {
    "so-noi-vu": "SNV",
    "so-tu-phap": "STP",
    "so-tai-chinh": "STC",
    "so-tttt": "STTTT",
    "so-ke-hoach-va-dau-tu": "SKHĐT",
    "so-y-te": "SYT",
    "so-gddt": "SGDĐT",
    "so-khcn": "SKHCN",
    "so-cong-thuong": "SCT",
    "so-xay-dung": "SXD",
    "so-vhttdl": "SVHTTDL",
    "so-nn-ptnt": "SNN",
    "so-tn-mt": "STNMT",
    "so-ldtbxh": "SLĐTBXH",
    "so-gtvt": "SGTVT",
    "so-ngoai-vu": "SNgV",
    "so-du-lich": "SDL",
    "so-vhtt": "SVHTT",
}
