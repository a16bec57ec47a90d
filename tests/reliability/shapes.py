"""Generated documents of adversarial shapes: each a valid-looking plan that stresses one part of the pipeline.

Each shape is a function ``n -> str`` (Markdown); ``n`` scales the stressed part. The scaling and
regression tests run them in a child process with CPU-time and memory bounds.

>>> doc = SHAPES["many_citations"](3)
>>> doc.count("Nghị định số")
3
"""

from __future__ import annotations

HEADER = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n\nSố: 94/KH-UBND\n\nHà Nội, ngày 15 tháng 4 năm 2022\n\n"
    "KẾ HOẠCH\nThử nghiệm khả năng chịu tải năm 2022\n\n"
)
PREAMBLE = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\n"
TABLE_HEAD = (
    "| TT | Nội dung công việc | Thời gian | Cơ quan chủ trì | Cơ quan phối hợp |\n|---|---|---|---|---|\n"
)
AGENCIES = ["Sở Thông tin và Truyền thông", "Sở Tài chính", "Sở Nội vụ", "Công an Thành phố", "Sở Y tế"]


def _doc(body: str) -> str:
    return HEADER + PREAMBLE + body


def big_table(n: int) -> str:
    """``n`` task rows in one table."""
    rows = "".join(
        f"| {i} | Triển khai nhiệm vụ số {i} về chuyển đổi số | Quý II/2022 | {AGENCIES[i % 5]} | "
        f"{AGENCIES[(i + 1) % 5]} |\n"
        for i in range(1, n + 1)
    )
    return _doc("II. NỘI DUNG\n\n" + TABLE_HEAD + rows)


def group_rows(n: int) -> str:
    """A table of ``n`` group rows (roman numerals, agency names) each with one task."""
    out = []
    for i in range(1, n + 1):
        out.append(f"| {_roman(i)} | {AGENCIES[i % 5].upper()} | | | |\n")
        out.append(f"| 1 | Nhiệm vụ của nhóm {i} | Năm 2022 | {AGENCIES[i % 5]} | |\n")
    return _doc("II. NỘI DUNG\n\n" + TABLE_HEAD + "".join(out))


def continued_cell(n: int) -> str:
    """One task whose content cell is continued over ``n`` rows without a number."""
    rows = "| 1 | Bắt đầu nhiệm vụ | Năm 2022 | Sở Tài chính | |\n" + "".join(
        f"| | tiếp tục nội dung phần {i} | | | |\n" for i in range(n)
    )
    return _doc("II. NỘI DUNG\n\n" + TABLE_HEAD + rows)


def many_citations(n: int) -> str:
    """``n`` citations in one preamble paragraph."""
    cites = "; ".join(
        f"Nghị định số {i}/{2000 + i % 20}/NĐ-CP ngày 07/9/{2000 + i % 20} của Chính phủ về việc quy định "
        f"chi tiết Luật số {i % 90 + 1}/2015/QH13"
        for i in range(1, n + 1)
    )
    return HEADER + "Căn cứ " + cites + ";\n\nI. MỤC ĐÍCH\n\n- Bảo đảm thực hiện.\n"


def cited_titles(n: int) -> str:
    """``n`` nested titles: each document cited inside the title of the one before."""
    parts = [
        f"Quyết định số {i}/QĐ-TTg ngày 1/2/2020 của Thủ tướng Chính phủ phê duyệt Đề án" for i in range(n)
    ]
    programmes = " và ".join(f"Chương trình hành động thực hiện Chiến lược số {i}" for i in range(n))
    return _doc("II. NỘI DUNG\n\n- Thực hiện " + " ".join(parts) + "; " + programmes + ".\n")


def long_word(n: int) -> str:
    """A paragraph that is one word of ``n`` letters (capitalised), then a date pattern."""
    word = "Đ" + "a" * n
    return _doc(f"II. NỘI DUNG\n\n- {word} vào tháng 5/2022 {word}\n\n- {'A' * n} {'1' * n}/{'2' * n}\n")


def long_line_of_names(n: int) -> str:
    """One line naming agencies ``n`` times followed by capitalised words."""
    names = ", ".join(f"{AGENCIES[i % 5]} Thành Phố Hà Nội Mới Xanh" for i in range(n))
    scoped = " ".join(f"Ủy ban nhân dân tỉnh Lào Cai Văn Hóa Thể Thao {i}" for i in range(n))
    return _doc(f"II. NỘI DUNG\n\n- Phối hợp {names}.\n\n- Giao {scoped}.\n")


def many_lines_of_names(n: int) -> str:
    """``n`` bullets each naming an agency (occurrence lines)."""
    bullets = "".join(f"- {AGENCIES[i % 5]} chủ trì nhiệm vụ {i}.\n\n" for i in range(n))
    return _doc("II. NỘI DUNG\n\n" + bullets)


def deep_sections(n: int) -> str:
    """Numbered sections nested ``n`` deep (1., 1.1., 1.1.1., ...)."""
    out = ["II. NỘI DUNG\n\n"]
    for depth in range(1, n + 1):
        out.append(".".join(["1"] * depth) + f". Mục cấp {depth}\n\n")
    return _doc("".join(out))


def many_responsibilities(n: int) -> str:
    """A "Tổ chức thực hiện" section with ``n`` numbered responsibilities."""
    items = "".join(
        f"{i}. {AGENCIES[i % 5]}\n\n- Chủ trì thực hiện nội dung {i}; báo cáo kết quả trước ngày 15/12/2022.\n\n"
        for i in range(1, n + 1)
    )
    return _doc("II. NỘI DUNG\n\n- Thực hiện.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n" + items)


def long_paragraph(n: int) -> str:
    """One bullet continued over ``n`` lines."""
    lines = "\n".join(f"tiếp tục câu số {i} của Sở Tài chính" for i in range(n))
    return _doc("II. NỘI DUNG\n\n- Bắt đầu\n" + lines + "\n")


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


SHAPES = {
    "big_table": big_table,
    "group_rows": group_rows,
    "continued_cell": continued_cell,
    "many_citations": many_citations,
    "cited_titles": cited_titles,
    "long_word": long_word,
    "long_line_of_names": long_line_of_names,
    "many_lines_of_names": many_lines_of_names,
    "deep_sections": deep_sections,
    "many_responsibilities": many_responsibilities,
    "long_paragraph": long_paragraph,
}
