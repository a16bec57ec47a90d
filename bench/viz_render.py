"""How fast the offline network pages become interactive in headless Chromium.

    .venv/bin/python -m bench.viz_render                       # 150, 500, 2,000, 10,000 nodes
    .venv/bin/python -m bench.viz_render --sizes 2000 --runs 1
    .venv/bin/python -m bench.viz_render --demo ../shared/gold/ke-hoach-94-2022.gold.json --out-dir /tmp/viz

For each size it renders a synthetic coordination network (viz.synthetic), opens the page from
disk in Debian's Chromium through Playwright, and reads ``window.plangraph.readyAt``: the
milliseconds from navigation start until vis-network drew its first frame (after stabilisation
when physics is on). It also times eleven redraws at the fitted zoom and keeps the median (the cost of
one frame while panning). 10,000 nodes are measured twice: as drawn (capped) and with the cap switched off.
Results go to bench/results/viz_render.json. ``--demo`` instead writes the four views of the
seed plan's gold file (and screenshots) into ``--out-dir``.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from viz import agency_network, coordination_network, legal_basis_tree, plan_network
from viz.assets import vis_network_version
from viz.network import build_view, render_view
from viz.synthetic import coordination_graph

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RESULTS = Path(__file__).resolve().parent / "results" / "viz_render.json"
REDRAW_JS = """() => { const net = window.plangraph.network; const times = [];
  for (let i = 0; i < 11; i++) { const t = performance.now(); net.redraw(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b); return times[5]; }"""


def _cases(sizes: list[int]) -> list[tuple[str, int, dict[str, Any]]]:
    cases = [(f"{n}", n, {}) for n in sizes]
    cases += [(f"{n} uncapped", n, {"max_nodes": None, "max_edges": None}) for n in sizes if n > 5000]
    return cases


def _measure(browser: Any, path: Path) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    remote: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else remote.append(r.url))
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("() => window.plangraph && window.plangraph.ready", timeout=120_000)
    wall = (time.perf_counter() - start) * 1000
    ready = page.evaluate("() => window.plangraph.readyAt")
    drawn = page.evaluate("() => Object.keys(window.plangraph.network.getPositions()).length")
    frame = page.evaluate(REDRAW_JS)
    page.close()
    if remote:
        raise SystemExit(f"{path} requested {remote[:3]}")
    return {"ready_ms": ready, "wall_ms": wall, "frame_ms": frame, "drawn": drawn}


def run(sizes: list[int], runs: int, html_dir: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, n, options in _cases(sizes):
            g = coordination_graph(n)
            t0 = time.perf_counter()
            view = build_view(g, title=f"{n} nút", **options)
            html = render_view(view)
            render_s = time.perf_counter() - t0
            path = html_dir / f"viz-{name.replace(' ', '-')}.html"
            path.write_text(html, encoding="utf-8")
            samples, failures = [], []
            for _ in range(runs):
                try:
                    samples.append(_measure(browser, path))
                except Exception as exc:  # a crashed or stuck page is reported, not fatal
                    failures.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
            if not samples:
                rows.append({"case": name, "nodes_in": n, "failures": failures})
                print(f"  {name}: failed {failures}", file=sys.stderr)
                continue
            rows.append(
                {
                    "case": name,
                    "nodes_in": n,
                    "edges_in": g.number_of_edges(),
                    "nodes_drawn": view.node_count,
                    "edges_drawn": view.edge_count,
                    "mode": view.mode,
                    "render_s": round(render_s, 3),
                    "html_bytes": len(html.encode("utf-8")),
                    "ready_ms": round(statistics.median(s["ready_ms"] for s in samples)),
                    "ready_ms_runs": [round(s["ready_ms"]) for s in samples],
                    "wall_ms": round(statistics.median(s["wall_ms"] for s in samples)),
                    "frame_ms": round(statistics.median(s["frame_ms"] for s in samples), 1),
                    "failures": failures,
                }
            )
            print(f"  {name}: ready {rows[-1]['ready_ms']} ms", file=sys.stderr)
        version = browser.version
        browser.close()
    return {
        "command": " ".join([".venv/bin/python -m bench.viz_render", *sys.argv[1:]]),
        "chromium": version,
        "vis_network": vis_network_version(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {_cpus()} cores",
        "runs": runs,
        "results": rows,
    }


def _cpus() -> str:
    try:
        return subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def table(report: dict[str, Any]) -> str:
    head = f"{'case':<16}{'drawn':>12}{'mode':>9}{'render':>9}{'HTML':>9}{'ready':>9}{'frame':>8}"
    lines = [head, "-" * len(head)]
    for r in report["results"]:
        if "ready_ms" not in r:
            lines.append(f"{r['case']:<16} failed: {r['failures']}")
            continue
        drawn = f"{r['nodes_drawn']}/{r['edges_drawn']}"
        lines.append(
            f"{r['case']:<16}{drawn:>12}{r['mode']:>9}{r['render_s']:>8.2f}s"
            f"{r['html_bytes'] / 1e6:>7.2f}MB{r['ready_ms']:>7}ms{r['frame_ms']:>6.0f}ms"
        )
    return "\n".join(lines)


# ---- the seed plan's gold file as the four views (a demo, and the docs' screenshots) ----

_LEVEL_KIND = {"city": "department", "district": "district"}


def gold_graphs(gold: dict[str, Any]) -> dict[str, Any]:
    """The coordination network, plan network and legal-basis graph of one gold extraction."""
    doc = gold["document"]
    symbol = doc["full_symbol"]
    plan_id = f"plan:{symbol}"

    def ev(source: dict[str, int], quote: str = "") -> dict[str, Any]:
        return {
            "document": symbol,
            "line_start": source["line_start"],
            "line_end": source["line_end"],
            "quote": quote,
        }

    agencies = {
        a["id"]: {
            "label": a["name"],
            "kind": _LEVEL_KIND.get(a["level"], a["level"]),
            "plan": plan_id,
            "evidence": ev(a["source"]),
            "href": f"/agency/{a['id']}",
        }
        for a in gold["agencies"]
    }
    for c in gold["collectives"]:
        agencies[c["id"]] = {
            "label": c["label"],
            "kind": "group",
            "plan": plan_id,
            "evidence": ev(c["source"]),
        }
    docs = {
        d["id"]: {
            "label": d.get("full_symbol") or d.get("title") or d["id"],
            "kind": "document",
            "text": d["as_written"],
        }
        for d in gold["cited_documents"]
    }

    plan = nx.DiGraph()
    plan.add_node(
        plan_id, label=f"Kế hoạch {symbol}", kind="plan", title=doc["title"], evidence=ev(doc["source"])
    )
    coord = nx.Graph()
    led: dict[str, int] = {}
    for t in gold["tasks"]:
        tid = f"task:{t['id']}"
        plan.add_node(
            tid,
            label=t["id"],
            kind="task",
            title=f"Nhiệm vụ {t['id']}",
            text=t["content"],
            details={"Thời gian": t.get("timeline_as_written")},
            evidence=ev(t["source"], t["content"][:160]),
            plan=plan_id,
        )
        plan.add_edge(plan_id, tid, role="part")
        for role in ("lead", "coordinating"):
            for a in t[role]:
                plan.add_node(a, **agencies[a])
                plan.add_edge(tid, a, role=role)
        for a in t["lead"]:
            led[a] = led.get(a, 0) + 1
        people = sorted(set(t["lead"]) | set(t["coordinating"]))
        for a in people:
            coord.add_node(a, **agencies[a])
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                w = coord.edges[a, b]["weight"] + 1 if coord.has_edge(a, b) else 1
                coord.add_edge(a, b, weight=w, plan=plan_id)
    for a, n in led.items():
        coord.nodes[a]["size_by"] = n

    legal = nx.DiGraph()
    legal.add_node(plan_id, **plan.nodes[plan_id])
    for t in gold["tasks"]:
        tid = f"task:{t['id']}"
        legal.add_node(tid, **plan.nodes[tid])
        legal.add_edge(tid, plan_id, role="part")
        for d in t["cites"]:
            legal.add_node(d, **docs[d])
            legal.add_edge(tid, d, role="cites")
    for b in gold["legal_bases"]:
        legal.add_node(b["id"], **docs[b["id"]])
        legal.add_edge(plan_id, b["id"], role="based_on", evidence=ev(b["source"], b["as_written"]))
    return {
        "coordination": coord,
        "plan": plan,
        "legal": legal,
        "plan_id": plan_id,
        "plans": {plan_id: symbol},
    }


def demo(gold_path: Path, out_dir: Path, screenshots: bool) -> list[Path]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gs = gold_graphs(gold)
    out_dir.mkdir(parents=True, exist_ok=True)
    task_with_cites = next(f"task:{t['id']}" for t in gold["tasks"] if len(t["cites"]) > 1)
    pages = {
        "coordination": coordination_network(gs["coordination"], plans=gs["plans"]),
        "coordination-en": coordination_network(gs["coordination"], plans=gs["plans"], lang="en"),
        "plan": plan_network(gs["plan"], gs["plan_id"], plans=gs["plans"]),
        "agency": agency_network(gs["coordination"], "so-ngoai-vu", plans=gs["plans"]),
        "legal": legal_basis_tree(gs["legal"], task_with_cites),
    }
    paths = []
    for name, html in pages.items():
        path = out_dir / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    if screenshots:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in paths:
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(path.as_uri())
                page.wait_for_function("() => window.plangraph && window.plangraph.ready", timeout=120_000)
                page.wait_for_timeout(1500)
                page.screenshot(path=str(path.with_suffix(".png")))
                page.close()
            browser.close()
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 500, 2000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--html-dir", type=Path, default=None, help="keep the pages here")
    parser.add_argument("--demo", type=Path, default=None, help="a gold extraction JSON: write its views")
    parser.add_argument("--out-dir", type=Path, default=Path("viz-demo"))
    parser.add_argument("--screenshots", action="store_true")
    args = parser.parse_args(argv)
    if args.demo:
        for path in demo(args.demo, args.out_dir, args.screenshots):
            print(path)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        report = run(args.sizes, args.runs, args.html_dir or Path(tmp))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(report))
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
