"""Property-based fuzzing of the readers, the parser and the extractor (hypothesis).

Every input either extracts soundly or raises a one-line ParseError (see :func:`fuzzing.check`).
Runs are reproducible (``derandomize``, no example database); the example count per test is
``PLANGRAPH_FUZZ_EXAMPLES`` (default 60, a few seconds each): for a long run,
``PLANGRAPH_FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/reliability/test_fuzz_documents.py``.
"""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import ParseError
from graph.values.text import strip_marks
from loaders.extract import extract_bytes
from loaders.read import FORMATS
from tests.reliability.fuzzing import EXAMPLES, OPS, SEEDS, check, mutate, to_html
from tests.reliability.samples import make_docx, make_pdf

FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEED_NAMES = sorted(SEEDS)
mutation = st.tuples(
    st.sampled_from(OPS),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("|-+*.:;()“”0123456789ĐđỆệ\t"),
)
mutated = st.tuples(st.sampled_from(SEED_NAMES), st.lists(mutation, min_size=1, max_size=40)).map(
    lambda a: _apply(SEEDS[a[0]].split("\n"), a[1])
)


def _apply(lines: list[str], ops) -> list[str]:
    for op in ops:
        lines = mutate(lines, *op)
    return lines


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_seed_is_sound_or_refused_clearly(name):
    ex = check(SEEDS[name].encode("utf-8"), name)
    assert (ex is None) == (name == "not-a-plan.md")


@FUZZ
@given(mutated)
def test_mutated_markdown(lines):
    check("\n".join(lines).encode("utf-8"), "mutated.md")


@FUZZ
@given(mutated)
def test_mutated_html(lines):
    check(to_html(lines).encode("utf-8"), "mutated.html")


@FUZZ
@given(mutated)
def test_mutated_docx(lines):
    check(make_docx(lines), "mutated.docx")


@FUZZ
@given(st.sampled_from(sorted(FORMATS)), st.binary(max_size=4096))
def test_random_bytes_under_every_extension(suffix, data):
    check(data, f"random{suffix}")


SIGNATURES = [
    b"PK\x03\x04",
    b"%PDF-1.7\n",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    b"<html>",
]


@FUZZ
@given(st.sampled_from(SIGNATURES), st.binary(max_size=2048), st.sampled_from(sorted(FORMATS)))
def test_bytes_behind_a_format_signature(signature, data, suffix):
    check(signature + data, f"signed{suffix}")


_DOCX = make_docx(SEEDS["ke-hoach-94-2022.md"].split("\n")[:80])
_PDF = make_pdf([strip_marks(x) for x in SEEDS["ke-hoach-94-2022.md"].split("\n")[:120]])  # Helvetica: ASCII
damage = st.lists(st.tuples(st.integers(0, 1 << 30), st.integers(0, 255)), min_size=1, max_size=12)


@FUZZ
@given(st.sampled_from([("x.docx", _DOCX), ("x.pdf", _PDF)]), damage, st.integers(0, 1 << 30) | st.none())
def test_byte_flipped_docx_and_pdf(sample, flips, cut):
    name, data = sample
    data = bytearray(data)
    for pos, value in flips:
        data[pos % len(data)] = value
    if cut is not None:
        data = data[: cut % len(data)]
    check(bytes(data), name)


def test_the_built_docx_and_pdf_extract():
    assert check(_DOCX, "x.docx") is not None
    assert check(_PDF, "x.pdf") is not None


# -- encodings ---------------------------------------------------------------------------------------
SEED = SEEDS["ke-hoach-94-2022.md"]


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", SEED.encode("utf-8")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + SEED.encode("utf-8")),
        ("utf-16 LE with BOM", codecs.BOM_UTF16_LE + SEED.encode("utf-16-le")),
        ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + SEED.encode("utf-16-be")),
    ],
)
def test_accepted_encodings_read_the_same(label, data):
    expected = extract_bytes(SEED.encode("utf-8"), name="x.md").model_dump()
    got = extract_bytes(data, name="x.md").model_dump()
    got["source_file"]["sha256"] = expected["source_file"]["sha256"]  # the bytes differ, the text does not
    assert got == expected


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("cp1258", unicodedata.normalize("NFD", SEED).encode("cp1258", errors="replace")),
        ("latin-1", SEED.encode("latin-1", errors="replace")),
        ("utf-16 LE without BOM", SEED.encode("utf-16-le")),
        ("utf-16 BE without BOM", SEED.encode("utf-16-be")),
        ("utf-32 with BOM", SEED.encode("utf-32")),
        ("utf-32 without BOM", SEED.encode("utf-32-le")),
    ],
)
@pytest.mark.parametrize("suffix", [".md", ".txt", ".html"])
def test_other_encodings_are_refused_naming_the_accepted_ones(label, data, suffix):
    with pytest.raises(ParseError) as info:
        extract_bytes(data, name=f"x{suffix}")
    message = str(info.value)
    assert "UTF-8 with or without BOM, UTF-16 with BOM" in message
    assert "\n" not in message
