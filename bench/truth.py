"""Extraction against the generator's truth: precision, recall and F1 per field family.

    python -m bench.truth bench/corpus/1000 [--limit N] [--workers 2] [--out bench/results/truth.json]

Families (micro-averaged over the corpus):

- ``header``: accuracy of doc_type, number, symbol, full_symbol, date, issuer, year and title
  (the title compared without diacritics, so OCR noise in it does not count; similarity >= 0.9);
- ``legal_bases``, ``citations``: documents matched by their symbol (without diacritics or
  spaces), unnumbered ones by type and name (the most similar first; similarity >= 0.75, or one
  a long prefix or suffix of the other);
  ``citation_fields``: doc_type, date and issuer of the matched documents;
- ``tasks`` matched by id ("II.3"); ``lead`` (the same set of agencies), ``timeline`` (the same
  start and end) over the matched tasks; ``coordinating``: (task, agency) pairs;
- ``responsibilities``: (id, agency) pairs.

``score`` is the lowest headline metric. Disagreements are listed with examples and counted by
pattern, for docs/performance.md and bench/FINDINGS.md.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import unicodedata
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HEADER_FIELDS = ("doc_type", "number", "symbol", "full_symbol", "date", "issuer", "year", "title")
FAMILIES = ("header", "legal_bases", "citations", "citation_fields", "tasks", "lead", "coordinating",
            "timeline", "responsibilities")  # fmt: skip


def fold(text: object) -> str:
    s = unicodedata.normalize("NFD", str(text or "").lower()).replace("đ", "d").replace("ð", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(s.replace("“", "").replace("”", "").replace('"', "").split())


def _doc_key(doc: dict) -> str:
    if doc.get("full_symbol"):
        return "#" + fold(doc["full_symbol"]).replace(" ", "")
    return ""


def _name(doc: dict) -> str:
    return fold(doc.get("title") or "")


def _similarity(a: str, b: str) -> float:
    """1 for the same name; the edit similarity; 0.75 when one is a long prefix or suffix of the other."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 20 and (long_.startswith(short) or long_.endswith(short)):
        ratio = max(ratio, 0.75)
    return ratio


def match_docs(truth: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Pairs (truth index, pred index) of the same document: numbered ones by symbol; unnumbered
    ones by type and name, the most similar first (so "Luật Tổ chức chính quyền địa phương" is not
    taken for the law that amends it)."""
    by_key = {_doc_key(p): j for j, p in enumerate(pred) if _doc_key(p)}
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    candidates = []
    for i, t in enumerate(truth):
        key = _doc_key(t)
        if key:
            j = by_key.get(key)
            if j is not None and j not in used:
                used.add(j)
                pairs.append((i, j))
            continue
        tn = _name(t)
        type_word = fold(t["doc_type"])
        tn_bare = tn[len(type_word) :].strip() if tn.startswith(type_word) else tn
        for j, p in enumerate(pred):
            if not _doc_key(p) and fold(p.get("doc_type")) == type_word:
                score = max(_similarity(tn, _name(p)), _similarity(tn_bare, _name(p)))
                if score >= 0.75:
                    candidates.append((-score, i, j))
    done: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in done and j not in used:
            done.add(i)
            used.add(j)
            pairs.append((i, j))
    return sorted(pairs)


class Tally:
    """Counts per family: tp / n_pred / n_truth for F1 families, hits / total for accuracies."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.patterns: dict[str, Counter[str]] = {f: Counter() for f in FAMILIES}
        self.examples: dict[str, list] = {f: [] for f in FAMILIES}

    def prf(self, fam: str, tp: int, n_pred: int, n_truth: int) -> None:
        self.c[f"{fam}.tp"] += tp
        self.c[f"{fam}.pred"] += n_pred
        self.c[f"{fam}.truth"] += n_truth

    def acc(self, fam: str, hit: bool) -> None:
        self.c[f"{fam}.hit"] += int(hit)
        self.c[f"{fam}.total"] += 1

    KEEP = 12

    def miss(self, fam: str, pattern: str, example: dict, keep: int | None = None) -> None:
        keep = self.KEEP if keep is None else keep
        self.patterns[fam][pattern] += 1
        if len(self.examples[fam]) < keep:
            self.examples[fam].append(example)

    def merge(self, other: Tally) -> None:
        self.c.update(other.c)
        for f in FAMILIES:
            self.patterns[f].update(other.patterns[f])
            self.examples[f].extend(other.examples[f][: max(0, self.KEEP - len(self.examples[f]))])

    def metrics(self) -> dict:
        out: dict[str, dict] = {}
        for f in FAMILIES:
            if f"{f}.total" in self.c:
                total = self.c[f"{f}.total"]
                out[f] = {"accuracy": round(self.c[f"{f}.hit"] / total, 4) if total else 1.0, "n": total}
            else:
                tp, np_, nt = self.c[f"{f}.tp"], self.c[f"{f}.pred"], self.c[f"{f}.truth"]
                p = tp / np_ if np_ else 1.0
                r = tp / nt if nt else 1.0
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                out[f] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "n": nt}
        return out


def compare(truth: dict, pred: dict, name: str = "") -> Tally:
    """One plan's extraction (the contract's JSON) against its truth."""
    t = Tally()
    td, pd = truth["document"], pred["document"]
    for field in HEADER_FIELDS:
        a, b = td.get(field), pd.get(field)
        ok = a == b
        if field == "title" and not ok:
            ok = bool(b) and difflib.SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio() >= 0.9
        t.acc("header", ok)
        if not ok:
            t.miss("header", field, {"plan": name, "field": field, "truth": a, "got": b})
    tdocs, pdocs = truth["cited_documents"], pred["cited_documents"]
    pairs = match_docs(tdocs, pdocs)
    t.prf("citations", len(pairs), len(pdocs), len(tdocs))
    got_t = {i for i, _ in pairs}
    got_p = {j for _, j in pairs}
    for i, d in enumerate(tdocs):
        if i not in got_t:
            t.miss("citations", f"missed {d['doc_type']}", {"plan": name, "missed": d})
    for j, d in enumerate(pdocs):
        if j not in got_p:
            t.miss("citations", f"extra {d['doc_type']}", {"plan": name, "extra": _brief(d)})
    for i, j in pairs:
        for field in ("doc_type", "date", "issuer"):
            ok = tdocs[i][field] == pdocs[j][field]
            t.acc("citation_fields", ok)
            if not ok:
                key = tdocs[i]["full_symbol"] or tdocs[i]["title"]
                t.miss("citation_fields", f"{field}: {_shape(key)}",
                       {"plan": name, "doc": key, "field": field, "truth": tdocs[i][field], "got": pdocs[j][field]})  # fmt: skip
    # legal bases: the documents of the truth's list against the extraction's
    key_of = {d.get("full_symbol") or d.get("title"): i for i, d in enumerate(tdocs)}
    pred_of = dict(pairs)
    p_index = {d["id"]: j for j, d in enumerate(pdocs)}
    tl = {key_of[k] for k in truth["legal_bases"] if k in key_of}
    pl = {p_index[x] for x in pred["legal_bases"] if x in p_index}
    tl_as_p = {pred_of[i] for i in tl if i in pred_of}
    t.prf("legal_bases", len(tl_as_p & pl), len(pl), len(tl))
    for j in pl - tl_as_p:
        t.miss("legal_bases", "extra", {"plan": name, "extra": _brief(pdocs[j])})
    for i in tl:
        if pred_of.get(i) not in pl:
            t.miss(
                "legal_bases",
                "missed",
                {"plan": name, "missed": tdocs[i].get("full_symbol") or tdocs[i]["title"]},
            )
    _tasks(t, truth, pred, name)
    tr = {(r["id"], r["agency"]) for r in truth["responsibilities"]}
    pr = {(r["id"], r["agency"]) for r in pred["responsibilities"]}
    t.prf("responsibilities", len(tr & pr), len(pr), len(tr))
    for x in sorted(tr - pr):
        t.miss("responsibilities", f"missed {x[1].split('/', 1)[1]}", {"plan": name, "missed": x,
               "got": sorted(r for r in pr if r[0] == x[0])})  # fmt: skip
    for x in sorted(pr - tr):
        t.miss("responsibilities", "extra", {"plan": name, "extra": x})
    return t


def _tasks(t: Tally, truth: dict, pred: dict, name: str) -> None:
    tt = {x["id"]: x for x in truth["tasks"]}
    pt = {x["id"]: x for x in pred["tasks"]}
    both = [k for k in tt if k in pt]
    t.prf("tasks", len(both), len(pt), len(tt))
    for k in tt.keys() - pt.keys():
        t.miss("tasks", "missed", {"plan": name, "missed": k})
    for k in pt.keys() - tt.keys():
        t.miss("tasks", "extra", {"plan": name, "extra": k})
    for k in both:
        a, b = tt[k], pt[k]
        ok = set(a["lead"]) == set(b["lead"])
        t.acc("lead", ok)
        if not ok:
            t.miss("lead", f"{_slugs(a['lead'])} -> {_slugs(b['lead'])}",
                   {"plan": name, "task": k, "truth": a["lead"], "got": b["lead"], "as_written": b.get("lead_as_written")})  # fmt: skip
        ta, pa = set(a["coordinating"]), set(b["coordinating"])
        t.prf("coordinating", len(ta & pa), len(pa), len(ta))
        if ta != pa:
            t.miss("coordinating", f"missed {_slugs(sorted(ta - pa))} extra {_slugs(sorted(pa - ta))}",
                   {"plan": name, "task": k, "truth": sorted(ta), "got": sorted(pa),
                    "as_written": b.get("coordinating_as_written")})  # fmt: skip
        pt_ = b.get("timeline") or {}
        got = {"start": pt_.get("start"), "end": pt_.get("end")}
        ok = got == a["timeline"]
        t.acc("timeline", ok)
        if not ok:
            t.miss("timeline", b.get("timeline_as_written") or "(none)",
                   {"plan": name, "task": k, "truth": a["timeline"], "got": got, "as_written": b.get("timeline_as_written")})  # fmt: skip


def _slugs(ids: list[str]) -> str:
    return ",".join(i.split("/", 1)[1] for i in ids) or "-"


def _shape(key: str) -> str:
    """'72/2015/NĐ-CP' -> 'N/YYYY/NĐ-CP': the pattern of a symbol, to count errors by kind."""
    import re

    return re.sub(r"\d+", "N", key) if key else ""


def _brief(d: dict) -> dict:
    return {k: d.get(k) for k in ("doc_type", "full_symbol", "title", "date", "issuer", "as_written")}


def check_plan(md_path: str) -> Tally:
    from loaders.extract import extract_file

    path = Path(md_path)
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    pred = json.loads(extract_file(path).to_json())
    return compare(truth, pred, path.stem)


def check_corpus(folder: str | Path, *, limit: int | None = None, workers: int = 1) -> dict:
    paths = sorted(str(p) for p in Path(folder).glob("plan-*.md"))[:limit]
    total = Tally()
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            for t in pool.map(check_plan, paths, chunksize=8):
                total.merge(t)
    else:
        for p in paths:
            total.merge(check_plan(p))
    metrics = total.metrics()
    headline = [m.get("f1", m.get("accuracy")) for m in metrics.values()]
    manifest = Path(folder) / "corpus.json"
    return {
        "corpus": str(folder),
        "generator": json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None,
        "plans": len(paths),
        "score": min(headline) if headline else None,
        "metrics": metrics,
        "patterns": {f: dict(c.most_common(25)) for f, c in total.patterns.items() if c},
        "examples": {f: e for f, e in total.examples.items() if e},
    }


def table(result: dict) -> str:
    rows = ["| family | P | R | F1 / accuracy | n |", "|---|---|---|---|---|"]
    for f, m in result["metrics"].items():
        if "accuracy" in m:
            rows.append(f"| {f} | | | {m['accuracy']:.4f} | {m['n']} |")
        else:
            rows.append(f"| {f} | {m['precision']:.4f} | {m['recall']:.4f} | {m['f1']:.4f} | {m['n']} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.truth", description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--out")
    ap.add_argument("--min", type=float, help="exit 1 when the score is below this")
    ap.add_argument("--examples", type=int, default=12, help="examples kept per family (default 12)")
    a = ap.parse_args(argv)
    Tally.KEEP = a.examples
    result = check_corpus(a.corpus, limit=a.limit, workers=a.workers)
    print(table(result))
    print(f"score: {result['score']:.4f} over {result['plans']} plans")
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if a.min is not None and result["score"] < a.min else 0


if __name__ == "__main__":
    sys.exit(main())
