"""Page strings in Vietnamese (the default) and English, and number formatting.

>>> fmt_int(12345, "vi"), fmt_int(12345, "en")
('12.345', '12,345')
>>> ui("en")["kinds"]
'Kinds of node'
>>> check_lang("fr")
Traceback (most recent call last):
...
graph.errors.InvalidInput: lang must be 'vi' or 'en', not 'fr'
"""

from __future__ import annotations

from graph.errors import InvalidInput

LANGS = ("vi", "en")

_UI = {
    "vi": {
        "kinds": "Loại nút",
        "roles": "Loại liên kết",
        "plans": "Kế hoạch",
        "all_plans": "Tất cả kế hoạch",
        "show_all": "Hiện tất cả",
        "hide_all": "Ẩn tất cả",
        "shown": "Đang hiển thị {nodes} / {total} nút, {edges} liên kết",
        "details": "Chi tiết",
        "details_hint": "Nhấn vào một nút hoặc một liên kết để xem chi tiết và nguồn.",
        "evidence": "Nguồn",
        "lines": "dòng {start}–{end}",
        "line": "dòng {start}",
        "open": "Mở trang",
        "kind": "Loại",
        "weight": "Số nhiệm vụ chung",
        "loading": "Đang vẽ mạng lưới…",
        "no_script": "Trang này cần JavaScript để vẽ mạng lưới.",
        "aggregate": "Nút gộp",
    },
    "en": {
        "kinds": "Kinds of node",
        "roles": "Kinds of link",
        "plans": "Plan",
        "all_plans": "All plans",
        "show_all": "Show all",
        "hide_all": "Hide all",
        "shown": "Showing {nodes} / {total} nodes, {edges} links",
        "details": "Details",
        "details_hint": "Click a node or a link to see its details and sources.",
        "evidence": "Source",
        "lines": "lines {start}–{end}",
        "line": "line {start}",
        "open": "Open page",
        "kind": "Kind",
        "weight": "Shared tasks",
        "loading": "Drawing the network…",
        "no_script": "This page needs JavaScript to draw the network.",
        "aggregate": "Grouped node",
    },
}

_CAP = {
    "vi": (
        "Mạng này có {total} nút và {total_edges} liên kết, quá nhiều để trình duyệt vẽ nhanh. "
        "Trang chỉ hiển thị {kept} nút có nhiều nhiệm vụ và liên kết nhất; {dropped} nút còn lại "
        "được gộp thành {groups} nút “+N …” theo loại."
    ),
    "en": (
        "This network has {total} nodes and {total_edges} links, too many for a browser to draw "
        "quickly. The page shows the {kept} nodes with the most tasks and links; the other {dropped} "
        "are grouped into {groups} “+N …” nodes, one per kind."
    ),
}

_EDGE_CAP = {
    "vi": "Chỉ vẽ {kept} liên kết mạnh nhất trong số {total}; {dropped} liên kết yếu hơn bị lược bỏ.",
    "en": "Only the {kept} strongest of {total} links are drawn; {dropped} weaker links are left out.",
}

_MORE = {"vi": "+{n} {kind} khác", "en": "+{n} more {kind}"}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported page language, else raise InvalidInput."""
    if lang not in LANGS:
        raise InvalidInput(f"lang must be 'vi' or 'en', not {lang!r}")
    return lang


def ui(lang: str) -> dict[str, str]:
    """The page's interface strings in ``lang``."""
    return dict(_UI[check_lang(lang)])


def fmt_int(n: int, lang: str) -> str:
    """Group thousands the way readers of ``lang`` expect."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def cap_note(lang: str, **counts: int) -> str:
    """The visible note of a capped view, counts formatted for ``lang``."""
    return _CAP[lang].format(**{k: fmt_int(v, lang) for k, v in counts.items()})


def edge_cap_note(lang: str, **counts: int) -> str:
    """The visible note when only the strongest links are drawn."""
    return _EDGE_CAP[lang].format(**{k: fmt_int(v, lang) for k, v in counts.items()})


def more_label(n: int, kind_label: str, lang: str) -> str:
    """The label of a node that stands for ``n`` left-out nodes of one kind."""
    return _MORE[lang].format(n=fmt_int(n, lang), kind=kind_label.lower() if lang == "en" else kind_label)
