#!/usr/bin/env python3
"""Score an extraction (the JSON that `plangraph extract` writes) against a gold file.

Usage:
    python3 score_extraction.py GOLD.json PRED.json [--min F] [--quiet]

Both files follow the extraction contract in ../DESIGN.md ("The extraction
contract"). Agencies are matched by name: a predicted agency counts as a gold
agency when its name or one of its aliases equals (after normalisation) the
gold name or one of the gold aliases, or is very close to one. Ids may differ.

Prints one line per metric and, last, `score: X` = the lowest headline metric.
Exits 1 when --min is given and the score is below it. Standard library only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def norm(text: object) -> str:
    """NFC, lower case, one space, no surrounding punctuation, unified dashes and ampersands."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text)).lower()
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"\s*&\s*", " & ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" .,;:-–()\"'“”")


def fold(text: object) -> str:
    """norm() without diacritics (đ -> d), for tolerant comparisons."""
    s = unicodedata.normalize("NFD", norm(text)).replace("đ", "d")
    return "".join(ch for ch in s if unicodedata.category(ch) != "Mn")


def symbol_key(doc: dict) -> str:
    """A comparable key for a numbered document: '72/2015/nd-cp', '94/kh-ubnd', '12-ct/tw'."""
    full = doc.get("full_symbol")
    if not full and doc.get("number") and doc.get("symbol"):
        year = doc.get("year")
        full = f"{doc['number']}/{year}/{doc['symbol']}" if year else f"{doc['number']}/{doc['symbol']}"
    if not full:
        return ""
    return re.sub(r"\s+", "", fold(full))


def roman_to_int(s: str) -> int | None:
    s = s.upper()
    if not s or any(c not in ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = ROMAN[c]
        total += -v if i + 1 < len(s) and ROMAN[s[i + 1]] > v else v
    return total


def task_key(task: dict) -> str:
    """'I.1', 'i-1', 'I/1' and {'section': 'I', 'number': 1} all become '1.1'."""
    raw = task.get("id") or f"{task.get('section', '')}.{task.get('number', '')}"
    parts = [p for p in re.split(r"[.\-/\s]+", str(raw).strip()) if p]
    out = []
    for p in parts:
        r = roman_to_int(p)
        out.append(str(r) if r is not None else p.lstrip("0") or "0")
    return ".".join(out)


def similar(a: object, b: object) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def agency_records(doc: dict) -> list[dict]:
    """Agencies and collectives as records; plain strings (name = id) are accepted too."""
    aliases = doc.get("agency_aliases") or {}
    out = []
    for item in (doc.get("agencies") or []) + (doc.get("collectives") or []):
        if isinstance(item, str):
            item = {"id": item, "name": item, "aliases_in_text": aliases.get(item, [])}
        out.append(item)
    return out


def as_list(value: object) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def pair_tasks(gold_tasks: list[dict], pred_tasks: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs tasks by row id where gold has ids, otherwise by the most similar content."""
    if all(t.get("id") or t.get("number") for t in gold_tasks):
        pred_by_key = {task_key(t): t for t in pred_tasks}
        return [(g, pred_by_key[task_key(g)]) for g in gold_tasks if task_key(g) in pred_by_key]
    pairs, used = [], set()
    for g in gold_tasks:
        best, best_i = 0.0, None
        for i, t in enumerate(pred_tasks):
            if i not in used:
                r = max(
                    similar(g.get("content"), t.get("content")), similar(g.get("evidence"), t.get("content"))
                )
                if r > best:
                    best, best_i = r, i
        if best_i is not None and best >= 0.5:
            used.add(best_i)
            pairs.append((g, pred_tasks[best_i]))
    return pairs


class AgencyMap:
    """Maps predicted agency ids to gold agency ids through names and aliases."""

    def __init__(self, gold: dict, pred: dict):
        self.gold_names: dict[str, str] = {}
        for item in agency_records(gold):
            for name in [item.get("name"), item.get("label"), *item.get("aliases_in_text", [])]:
                if name:
                    self.gold_names.setdefault(fold(name), item["id"])
        self.gold_id_set = {item["id"] for item in agency_records(gold)}
        self.pred_to_gold: dict[str, str | None] = {}
        self.pred_names: dict[str, str] = {}
        for item in agency_records(pred):
            self.pred_names[item["id"]] = item.get("name") or item.get("label") or item["id"]
            names = [
                item.get("name"),
                item.get("label"),
                *(item.get("aliases") or []),
                *(item.get("aliases_in_text") or []),
            ]
            self.pred_to_gold[item["id"]] = self._match([n for n in names if n])

    def _match(self, names: list[str]) -> str | None:
        for n in names:
            hit = self.gold_names.get(fold(n))
            if hit:
                return hit
        best, best_id = 0.0, None
        for n in names:
            for g, gid in self.gold_names.items():
                r = difflib.SequenceMatcher(None, fold(n), g).ratio()
                if r > best:
                    best, best_id = r, gid
        return best_id if best >= 0.92 else None

    def ids(self, pred_ids: list[str]) -> set[str]:
        """Gold ids for predicted agency ids (or names); what matches nothing keeps its folded name."""
        out = set()
        for i in pred_ids or []:
            hit = self.pred_to_gold.get(i)
            if not hit:
                name = self.pred_names.get(i, i)
                hit = self.gold_names.get(fold(name)) or self._match([name]) or fold(name)
            out.add(hit)
        return out

    def gold(self, names_or_ids: list[str]) -> set[str]:
        """Gold ids for the gold side's own values, which may be ids, names or aliases."""
        return {v if v in self.gold_id_set else self.gold_names.get(fold(v), fold(v)) for v in names_or_ids}


def score_documents(gold_docs: list[dict], pred_docs: list[dict]) -> dict:
    pred_by_key = {symbol_key(d): d for d in pred_docs if symbol_key(d)}
    pred_unnumbered = [d for d in pred_docs if not symbol_key(d)]
    used_unnumbered: set[int] = set()
    tp = 0
    field_hits = field_total = 0
    missed = []
    for g in gold_docs:
        key = symbol_key(g)
        hit = pred_by_key.get(key) if key else None
        if hit is None and not key:
            label = g.get("title") or g.get("as_written")
            best, best_i = 0.0, None
            for i, d in enumerate(pred_unnumbered):
                if i in used_unnumbered:
                    continue
                r = max(similar(label, d.get("title") or ""), similar(label, d.get("as_written") or ""))
                if r > best:
                    best, best_i = r, i
            if best_i is not None and best >= 0.75:
                used_unnumbered.add(best_i)
                hit = pred_unnumbered[best_i]
        if hit is None:
            missed.append(g.get("as_written") or key)
            continue
        tp += 1
        if key:
            for field in ("date", "doc_type", "issuer"):
                if g.get(field):
                    field_total += 1
                    field_hits += fold(g.get(field)) == fold(hit.get(field))
    p, r, f = prf(tp, len(pred_docs), len(gold_docs))
    return {
        "p": p,
        "r": r,
        "f1": f,
        "fields": field_hits / field_total if field_total else 1.0,
        "missed": missed,
        "n_gold": len(gold_docs),
        "n_pred": len(pred_docs),
    }


def score_tasks(gold: dict, pred: dict, amap: AgencyMap) -> dict:
    gold_tasks, pred_tasks = gold.get("tasks", []), pred.get("tasks", [])
    pairs = pair_tasks(gold_tasks, pred_tasks)
    p, r, f = prf(len(pairs), len(pred_tasks), len(gold_tasks))
    lead_ok = content_ok = timeline_ok = 0
    c_tp = c_pred = c_gold = 0
    problems = []
    for g, t in pairs:
        name = g.get("id") or (g.get("content") or "")[:40]
        glead, plead = amap.gold(as_list(g.get("lead"))), amap.ids(as_list(t.get("lead")))
        if glead == plead:
            lead_ok += 1
        else:
            problems.append(f"{name}: lead {sorted(plead)} != {sorted(glead)}")
        gc, pc = amap.gold(as_list(g.get("coordinating"))), amap.ids(as_list(t.get("coordinating")))
        c_tp += len(gc & pc)
        c_pred += len(pc)
        c_gold += len(gc)
        if gc != pc:
            problems.append(f"{name}: coordinating missing {sorted(gc - pc)} extra {sorted(pc - gc)}")
        if not g.get("id") or similar(g.get("content"), t.get("content")) >= 0.9:
            content_ok += 1
        else:
            problems.append(f"{name}: content differs")
        gt, pt = g.get("timeline") or {}, t.get("timeline") or {}
        if not isinstance(gt, dict) or (gt.get("start"), gt.get("end")) == (pt.get("start"), pt.get("end")):
            timeline_ok += 1
        else:
            problems.append(f"{name}: timeline {pt} != {gt}")
    n = len(pairs) or 1
    cp, cr, cf = prf(c_tp, c_pred, c_gold)
    gold_keys = {task_key(t) for t in gold_tasks if t.get("id")}
    pred_keys = {task_key(t) for t in pred_tasks}
    return {
        "p": p,
        "r": r,
        "f1": f,
        "lead": lead_ok / n,
        "content": content_ok / n,
        "timeline": timeline_ok / n,
        "coord_f1": cf,
        "coord_p": cp,
        "coord_r": cr,
        "missing": sorted(gold_keys - pred_keys) if gold_keys else [],
        "extra": sorted(pred_keys - gold_keys) if gold_keys else [],
        "problems": problems,
    }


def score_header(gold_doc: dict, pred_doc: dict) -> dict:
    fields = [f for f in ("doc_type", "number", "symbol", "date", "issuer") if gold_doc.get(f)]
    wrong = [f for f in fields if fold(gold_doc.get(f)) != fold(pred_doc.get(f))]
    return {"acc": (len(fields) - len(wrong)) / len(fields) if fields else 1.0, "wrong": wrong}


def score_responsibilities(gold: dict, pred: dict, amap: AgencyMap) -> dict:
    gold_items = gold.get("responsibilities", [])
    pred_items = list(pred.get("responsibilities", []))
    used: set[int] = set()
    tp = 0
    for g in gold_items:
        for i, t in enumerate(pred_items):
            if i in used:
                continue
            if (
                amap.gold([g.get("agency")]) & amap.ids([t.get("agency")])
                and similar(g.get("text"), t.get("text")) >= 0.8
            ):
                used.add(i)
                tp += 1
                break
    p, r, f = prf(tp, len(pred_items), len(gold_items))
    return {"p": p, "r": r, "f1": f}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--min", type=float, default=None, help="exit 1 when the score is below this")
    ap.add_argument("--quiet", action="store_true", help="print only the summary lines")
    args = ap.parse_args(argv)
    with open(args.gold, encoding="utf-8") as fh:
        gold = json.load(fh)
    try:
        with open(args.pred, encoding="utf-8") as fh:
            pred = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"cannot read prediction: {exc}")
        print("score: 0")
        return 1

    headline: dict[str, float] = {}
    gold_doc = gold.get("document") or gold.get("header") or {}
    header = score_header(gold_doc, pred.get("document") or pred.get("header") or {})
    headline["header"] = header["acc"]
    print(f"header      acc {header['acc']:.3f}  wrong: {header['wrong']}")

    gold_docs = gold.get("cited_documents") or gold.get("legal_bases") or []
    docs = score_documents(gold_docs, pred.get("cited_documents") or pred.get("legal_bases") or [])
    headline["citations_f1"] = docs["f1"]
    print(
        f"citations   P {docs['p']:.3f} R {docs['r']:.3f} F1 {docs['f1']:.3f}  "
        f"fields {docs['fields']:.3f}  gold {docs['n_gold']} pred {docs['n_pred']}"
    )
    if not args.quiet:
        for m in docs["missed"]:
            print(f"  missed: {m}")

    amap = AgencyMap(gold, pred)
    if gold.get("tasks"):
        t = score_tasks(gold, pred, amap)
        headline.update(
            tasks_f1=t["f1"],
            lead=t["lead"],
            coord_f1=t["coord_f1"],
            timeline=t["timeline"],
            content=t["content"],
        )
        print(
            f"tasks       P {t['p']:.3f} R {t['r']:.3f} F1 {t['f1']:.3f}  missing {t['missing']} extra {t['extra']}"
        )
        print(
            f"  lead acc {t['lead']:.3f}  coordinating F1 {t['coord_f1']:.3f} (P {t['coord_p']:.3f} R {t['coord_r']:.3f})"
            f"  timeline acc {t['timeline']:.3f}  content acc {t['content']:.3f}"
        )
        if not args.quiet:
            for line in t["problems"]:
                print(f"  {line}")
    if gold.get("responsibilities"):
        rsp = score_responsibilities(gold, pred, amap)
        headline["responsibilities_f1"] = rsp["f1"]
        print(f"responsibilities P {rsp['p']:.3f} R {rsp['r']:.3f} F1 {rsp['f1']:.3f}")

    score = min(headline.values()) if headline else 0.0
    print("headline    " + "  ".join(f"{k} {v:.3f}" for k, v in headline.items()))
    print(f"score: {score:.3f}")
    if args.min is not None and score < args.min:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
