"""Minimal reproductions of the extractor weaknesses in bench/FINDINGS.md.

    python -m bench.findings_repro

Each case prints what the extractor gives and what the text says; ``still open`` or ``fixed``.
The plan around each snippet is the smallest the extractor accepts: a title, a preamble, a body,
"Tổ chức thực hiện" and a one-row appendix table under the caption of the seed's genre.
"""

from __future__ import annotations

import json

from loaders.extract import extract_bytes
from loaders.extract.agencies import AgencyBook


def plan(
    preamble: str = "", body: str = "", rows: str = "", prov: str = "tỉnh Lào Cai", impl: str = ""
) -> dict:
    """The extraction (contract JSON) of a minimal no-header plan around the given snippets."""
    preamble = preamble or "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"
    md = f"""**KẾ HOẠCH
Triển khai công tác năm 2022**

{preamble}

Ủy ban nhân dân {prov} ban hành Kế hoạch triển khai công tác năm 2022 như sau:

I. NỘI DUNG

{body or f"- Tăng cường công tác trên địa bàn {prov}."}

II. TỔ CHỨC THỰC HIỆN

{impl or "1. Sở Nội vụ" + chr(10) * 2 + "- Theo dõi, tổng hợp."}

PHỤ LỤC
(Kèm theo Kế hoạch số 77/KH-UBND ngày 25/3/2022)

| TT | Nội dung | Tiến độ thời gian | Cơ quan phụ trách | Cơ quan phối hợp |
|--|--|--|--|--|
{rows or "| 1 | Việc một | Trong năm 2022 | Sở Nội vụ | |"}
"""
    return json.loads(extract_bytes(md.encode("utf-8"), name="repro.md").to_json())


def docs(e: dict) -> list[tuple]:
    return [
        (d["doc_type"], d["full_symbol"] or d["title"], d["date"], d["issuer"]) for d in e["cited_documents"]
    ]


def _row(text: str) -> str:
    return f"| 1 | {text} | Trong năm 2022 | Sở Nội vụ | |"


def cases() -> list[tuple[str, object, object]]:
    """(finding, what the extractor gives, what the text says)."""
    lc = AgencyBook("lao-cai")
    out: list[tuple[str, object, object]] = [
        ("F1 'Hội LHPN tỉnh'", lc.cell("Hội LHPN tỉnh", 1), ["lao-cai/hoi-lhpn"]),
    ]
    e = plan(prov="tỉnh Bà Rịa - Vũng Tàu", body="- Tăng cường công tác trên địa bàn tỉnh Bà Rịa - Vũng Tàu.")
    out.append(("F2 no header, Bà Rịa - Vũng Tàu", e["tasks"][0]["lead"], ["ba-ria-vung-tau/so-noi-vu"]))
    e = plan("Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21/11/2007;")
    out.append(
        (
            "F3 law name with a comma",
            docs(e),
            [("Luật", "Luật Phòng, chống bệnh truyền nhiễm", "2007-11-21", None)],
        )
    )
    e = plan(rows=_row("Triển khai thực hiện Luật Ngân sách nhà nước tại các địa phương."))
    out.append(
        ("F4 bare law name + following words", docs(e)[1:], [("Luật", "Luật Ngân sách nhà nước", None, None)])
    )
    e = plan(
        "Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/8/2021 của Chính phủ sửa đổi, bổ sung một số điều của "
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên "
        "thông trong giải quyết thủ tục hành chính;"
    )
    out.append(("F5 amended decree in a title", e["legal_bases"], ["vn/chinh-phu/nd/2021/107"]))
    e = plan(
        body="- Triển khai Nghị quyết số 35-NQ/TW của Bộ Chính trị ngày 22/10/2018; gắn với nhiệm vụ của địa phương.",
        rows=_row("Tuyên truyền Nghị quyết số 35-NQ/TW tại các cơ quan."),
    )
    out.append(("F6 later short party symbol", docs(e)[1][3], "Bộ Chính trị"))
    e = plan(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
        "Xét đề nghị của Sở Nông nghiệp và Phát triển nông thôn tại Tờ trình số 47/TTr-SNN ngày 10/3/2022."
    )
    out.append(
        (
            "F7 Tờ trình of a named proposer",
            docs(e)[1][3],
            "Sở Nông nghiệp và Phát triển nông thôn tỉnh Lào Cai",
        )
    )
    e = plan(
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách "
        "hành chính nhà nước giai đoạn 2021 - 2030;"
    )
    out.append(
        ("F8 unquoted programme after 'ban hành'", [d[0] for d in docs(e)], ["Nghị quyết", "Chương trình"])
    )
    e = plan("Căn cứ Nghị định số 30/2020/NÐ-CP ngày 05/03/2020 của Chính phủ về công tác văn thư;")
    out.append(
        ("N1 'Ð' (eth) in a symbol", docs(e), [("Nghị định", "30/2020/NĐ-CP", "2020-03-05", "Chính phủ")])
    )
    out.append(("N2 'Đ' read as 'D' in 'Sở GD&DT'", lc.cell("Sở GD&DT", 1), ["lao-cai/so-gddt"]))
    e = plan(
        impl="1. Sở Nội vụ\n\n- Theo dõi.\n\n2. Đề nghi Ban Tuyên giáo Tỉnh ủy\n\n- Chủ trì tuyên truyền."
    )
    out.append(("N3 'Đề nghi' (tone lost)", [r["agency"] for r in e["responsibilities"]],
                ["lao-cai/so-noi-vu", "lao-cai/ban-tuyen-giao-tinh-uy"]))  # fmt: skip
    e = plan(
        "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phe duyệt “Chương trình "
        "Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030”;"
    )
    programmes = [x for x in e["legal_bases"] if "/ctr/" in x]
    out.append(("N4 'phe duyệt' (circumflex lost): programmes among legal bases", programmes, []))
    return out


def main() -> int:
    for name, got, want in cases():
        print(
            f"{'fixed     ' if got == want else 'still open'}  {name}\n      got:  {got}\n      text: {want}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
