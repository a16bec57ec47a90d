"""The synthetic corpus generator: deterministic, genre features present, truth well-formed.

Fast tests only (a few plans); nothing here measures time.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from bench.agencies import GROUP_FORMS, plan_provinces, province_agencies
from bench.generate import Settings, generate, generate_one, main
from bench.timelines import draw
from ontology.registry import get_registry


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    generate(Settings(seed=1, noise=0.01), 12, out)
    return out


def test_same_arguments_give_identical_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate(Settings(seed=5), 3, a)
    generate(Settings(seed=5), 3, b, workers=2)
    names = sorted(p.name for p in a.iterdir() if p.name != "corpus.json")
    assert names == sorted(p.name for p in b.iterdir() if p.name != "corpus.json")
    assert len(names) == 6
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_another_seed_gives_other_plans():
    assert generate_one(Settings(seed=1), 1)[0] != generate_one(Settings(seed=2), 1)[0]


def test_noise_changes_words_not_structure():
    clean, truth_clean = generate_one(Settings(seed=3, noise=0.0), 2)
    noisy, truth_noisy = generate_one(Settings(seed=3, noise=0.05), 2)
    assert clean != noisy
    assert len(clean.splitlines()) == len(noisy.splitlines())
    for key in ("document", "legal_bases", "cited_documents", "tasks", "responsibilities"):
        assert truth_clean[key] == truth_noisy[key]
    assert truth_noisy["generator"]["noise_applied"]["prose"] > 0


def test_cli_writes_plans_truth_and_manifest(tmp_path):
    assert main(["--plans", "2", "--seed", "1", "--out", str(tmp_path), "--noise", "0"]) == 0
    manifest = json.loads((tmp_path / "corpus.json").read_text(encoding="utf-8"))
    assert manifest["plans"] == 2 and manifest["bytes"] > 0
    assert manifest["command"].startswith("python -m bench.generate --plans 2 --seed 1")
    assert (tmp_path / "plan-00002.md").exists() and (tmp_path / "plan-00002.truth.json").exists()


def test_truth_shape(corpus):
    reg = get_registry()
    for path in sorted(corpus.glob("*.truth.json")):
        t = json.loads(path.read_text(encoding="utf-8"))
        doc = t["document"]
        assert set(doc) == {"doc_type", "number", "symbol", "full_symbol", "date", "issuer", "year", "title"}
        assert doc["full_symbol"] == f"{doc['number']}/{doc['symbol']}"
        assert doc["date"].startswith(str(doc["year"]))
        keys = [d["full_symbol"] or d["title"] for d in t["cited_documents"]]
        assert len(keys) == len(set(keys))
        assert set(t["legal_bases"]) <= set(keys) and t["legal_bases"]
        for d in t["cited_documents"]:
            assert set(d) == {"full_symbol", "title", "doc_type", "date", "issuer"}
        ids = [x["id"] for x in t["tasks"]]
        assert len(ids) == len(set(ids)) and 20 <= len(ids) <= 100
        jur = t["generator"]["features"]["province"]
        groups = {g.id for g in reg.groups(jur)}
        for task in t["tasks"]:
            assert task["lead"], task
            assert not set(task["lead"]) & set(task["coordinating"])
            for agency in task["lead"] + task["coordinating"]:
                assert reg.body(agency) is not None or agency in groups, agency
            assert set(task["timeline"]) == {"start", "end"}
        for r in t["responsibilities"]:
            assert re.fullmatch(r"[IVX]+\.\d+(\.[a-z])?", r["id"]), r
            assert reg.body(r["agency"]) is not None or r["agency"] in groups


def test_table_is_split_across_pages_like_the_seed(corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))]
    headers = continued = sections = 0
    for text in texts:
        lines = text.splitlines()
        table = [ln for ln in lines if ln.startswith("|")]
        first = next(ln for ln in table if "Nội dung" in ln or "Nhiệm vụ" in ln)
        headers += max(0, table.count(first) - 1)
        continued += sum(1 for ln in table if re.match(r"^\| \| \S", ln))
        sections += sum(1 for ln in table if re.match(r"^\| [IVX]+ \| [^|a-zđ]+ \|( \|)+$", ln))
    assert headers >= len(texts)  # every plan's table spans pages and repeats its header row
    assert continued >= 3  # rows continued on the next page with an empty TT cell
    assert sections >= 3  # "| II | SỞ NGOẠI VỤ | | | |"


def test_sizes_are_about_the_seed(corpus):
    sizes = [p.stat().st_size for p in corpus.glob("*.md")]
    assert 30_000 < sum(sizes) / len(sizes) < 70_000


def test_group_forms_are_registry_forms():
    for slug in ("ha-noi", "lao-cai", "ho-chi-minh", "ba-ria-vung-tau"):
        pa = province_agencies(slug)
        for group in [g for g in GROUP_FORMS if not g.startswith("cap-huyen-")] + ["cap-huyen"]:
            for k in range(5):  # raises KeyError when a drawn form is not one of the registry's
                assert pa.group(random.Random(k), group).ids


def test_every_plan_province_has_its_departments():
    assert len(plan_provinces()) == 63
    for slug in plan_provinces():
        pa = province_agencies(slug)
        assert pa.id("so-tttt") and pa.id("vhttdl") and pa.short(pa.id("cong-an")).startswith("Công an ")


@pytest.mark.parametrize("seed", range(30))
def test_timeline_truth_is_an_interval(seed):
    t = draw(random.Random(seed), 2022)
    if t.start and t.end:
        assert t.start <= t.end
    assert t.text
