"""Value types: symbols, dates, periods, names — one module each, each case a rule of the genre."""

import datetime as dt

import pytest

from graph.values.dates import find_dates, parse_date
from graph.values.doctypes import by_code, by_name
from graph.values.names import name_key
from graph.values.periods import parse_period
from graph.values.symbols import SYMBOL_IN_TEXT, parse_symbol
from graph.values.text import fold, fold_chars, slugify


@pytest.mark.parametrize(
    "raw,full,grammar",
    [
        ("94/KH-UBND", "94/KH-UBND", "administrative"),
        ("5406/BTTTT-TTĐN", "5406/BTTTT-TTĐN", "administrative"),
        ("72/2015/NĐ-CP", "72/2015/NĐ-CP", "normative"),
        ("72/2015/ND-CP", "72/2015/NĐ-CP", "normative"),  # OCR lost the Đ
        ("72/2015/NÐ-CP", "72/2015/NĐ-CP", "normative"),  # Icelandic Eth for Đ
        ("72 / 2015 / NĐ - CP", "72/2015/NĐ-CP", "normative"),  # stray spaces
        ("08/2021/QĐUBND", "08/2021/QĐ-UBND", "normative"),  # hyphen lost in OCR
        ("1191/QĐ-TTG", "1191/QĐ-TTg", "administrative"),
        ("28/CT–TTg", "28/CT-TTg", "administrative"),  # en dash
        ("80/2015/QH13", "80/2015/QH13", "normative"),
        ("12-CT/TW", "12-CT/TW", "party"),
        ("45-HD/BTGTW", "45-HD/BTGTW", "party"),
    ],
)
def test_symbols(raw, full, grammar):
    s = parse_symbol(raw)
    assert (s.full_symbol, s.grammar) == (full, grammar)


@pytest.mark.parametrize("text", ["25/3/2022", "2021 - 2025", "COVID-19", "1.000", "Quý II/2022"])
def test_not_symbols(text):
    assert parse_symbol(text) is None or SYMBOL_IN_TEXT.search(text) is None


def test_symbols_found_in_running_text():
    text = "Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015, Chỉ thị số 12-CT/TW và Kế hoạch số 146/KH-UBND;"
    assert [m.group("sym") for m in SYMBOL_IN_TEXT.finditer(text)] == [
        "72/2015/NĐ-CP",
        "12-CT/TW",
        "146/KH-UBND",
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ngày 07/9/2015", dt.date(2015, 9, 7)),
        ("ngày 24 tháng 8 năm 2022", dt.date(2022, 8, 24)),
        ("Hà Nội, ngày  25  tháng 3 năm 2022", dt.date(2022, 3, 25)),
        ("ngay 14 thang 02 nam 2024", dt.date(2024, 2, 14)),  # no diacritics
        ("07-9-2015", dt.date(2015, 9, 7)),
        ("07.9.2015", dt.date(2015, 9, 7)),
        ("ngày 31/02/2021", None),  # impossible dates are not dates
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_day_month_takes_the_plan_year():
    assert [d.date for d in find_dates("trước ngày 20/6 và 20/11", default_year=2022)] == [
        dt.date(2022, 6, 20),
        dt.date(2022, 11, 20),
    ]


@pytest.mark.parametrize(
    "text,start,end,label",
    [
        ("Trong năm 2022", "2022-01-01", "2022-12-31", None),
        ("Cả năm", "2022-01-01", "2022-12-31", None),
        ("Quý II, III/2022", "2022-04-01", "2022-09-30", None),
        ("Quý III, IV/2022", "2022-07-01", "2022-12-31", None),
        ("Quý II/2022", "2022-04-01", "2022-06-30", None),
        ("Tháng 5/2022", "2022-05-01", "2022-05-31", None),
        ("tháng 1 - 2/2022", "2022-01-01", "2022-02-28", None),
        ("trước ngày 30/6/2022", None, "2022-06-30", None),
        ("Năm 2023 - 2025", "2023-01-01", "2025-12-31", None),
        ("6 tháng cuối năm", "2022-07-01", "2022-12-31", None),
        ("Thường xuyên", None, None, "thường xuyên"),
        ("Theo từng sự kiện cụ thể", None, None, "theo sự kiện"),
        ("Hằng năm", None, None, "hằng năm"),
    ],
)
def test_periods(text, start, end, label):
    t = parse_period(text, 2022)
    assert (t.start and t.start.isoformat(), t.end and t.end.isoformat(), t.label) == (start, end, label)


def test_empty_period():
    assert parse_period("", 2022) is None and parse_period(None, 2022) is None


@pytest.mark.parametrize(
    "a,b",
    [
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "So Thong tin va Truyen thong"),
        ("Sở VH&TT", "Sở Văn hóa và Thể thao"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở LĐTB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Đài PT&TH Hà Nội", "Đài Phát thanh và Truyền hình Hà Nội"),
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("Thường trực HĐND", "Thường trực Hội đồng nhân dân"),
        ("TTXVN", "Thông tấn xã Việt Nam"),
        ("Dài Tiếng nói Việt Nam", "Đài Tiếng nói Việt Nam"),  # OCR: Dài for Đài
    ],
)
def test_names_meet_on_one_key(a, b):
    assert name_key(a) == name_key(b)


def test_words_are_not_abbreviations():
    assert name_key("Sở Tư pháp") == "so tu phap"  # Tư is not TƯ (Trung ương)
    assert "trung uong" not in name_key("TRUNG TÂM XÚC TIẾN ĐẦU TƯ")  # upper-case text


def test_search_boxes_take_lower_case_abbreviations():
    assert name_key("so tt&tt", lenient=True) == name_key("Sở Thông tin và Truyền thông")
    assert name_key("so tu phap", lenient=True) == "so tu phap"


def test_doc_types():
    assert by_code("NĐ").name == by_code("nd").name == "Nghị định"
    assert by_name("ke hoach").code == "KH"
    assert by_code("QH") is None  # "QH13" is the National Assembly, not a type


def test_text_keys():
    assert fold("Đồng Tháp – Sóc Trăng") == "dong thap - soc trang"
    assert len(fold_chars("Ủy ban nhân dân")) == len("Ủy ban nhân dân")
    assert slugify("Sở Lao động - Thương binh và Xã hội") == "so-lao-dong-thuong-binh-va-xa-hoi"
