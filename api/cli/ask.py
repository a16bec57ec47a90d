"""``plangraph ask``: a question in Vietnamese or English, answered from the store with evidence."""

from __future__ import annotations

import json

import typer

from api.cli.app import app, state
from graph.answers import TaskOut
from graph.ask import AskResult, ask
from graph.queries import KnowledgeBase
from ontology.reads import StoreReader
from ontology.store import GraphStore


@app.command("ask")
def ask_command(
    ctx: typer.Context,
    question: str = typer.Argument(..., help='e.g. "nhiệm vụ nào do Sở Ngoại vụ chủ trì"'),
    as_json: bool = typer.Option(False, "--json", help="The same JSON as GET /ask."),
    limit: int = typer.Option(100, "--limit", min=1, max=500, help="Answers to show (as GET /ask)."),
) -> None:
    """Answer a question (Vietnamese, with or without diacritics, or English); every answer with its evidence."""
    settings = state(ctx).settings

    def run(store: GraphStore) -> AskResult:
        kb = KnowledgeBase(StoreReader(store))
        return ask(kb, question, default_year=kb.default_year(), limit=limit)

    result = GraphStore.reading(settings.store, run, base=settings.base_iri)
    if as_json:
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        typer.echo(render(result))
    if not result.understood:
        raise typer.Exit(1)


def _task_line(t: dict) -> str:
    task = TaskOut.model_validate(t)
    lead = ", ".join(a.name for a in task.lead) or "—"
    coord = ", ".join(a.name for a in task.coordinating)
    tl = task.timeline.as_written if task.timeline and task.timeline.as_written else ""
    ev = task.evidence
    where = f"{ev.document_symbol or ev.document}, dòng {ev.line_start}" + (
        f"-{ev.line_end}" if ev.line_end and ev.line_end != ev.line_start else ""
    )
    lines = [
        f"  {task.row} [{task.plan.full_symbol or task.plan.id}] {task.content[:160]}",
        f"      chủ trì: {lead}"
        + (f"; phối hợp: {coord}" if coord else "")
        + (f"; thời gian: {tl}" if tl else ""),
        f"      nguồn: {where}",
    ]
    return "\n".join(lines)


def render(r: AskResult) -> str:
    """A readable answer for a terminal (Vietnamese labels)."""
    out = [f"Câu hỏi: {r.question}"]
    if not r.understood:
        out.append(r.message or "Chưa hiểu câu hỏi.")
        if r.suggestions:
            out.append("Có phải bạn muốn hỏi: " + " | ".join(r.suggestions))
        return "\n".join(out)

    def show(v) -> str:
        if isinstance(v, dict):
            return (
                v.get("name")
                or v.get("as_written")
                or (f"{v.get('start')}..{v.get('end')}" if "start" in v else str(v))
            )
        return str(v)

    ents = ", ".join(f"{k}={show(v)}" for k, v in r.entities.items() if not k.endswith("_alternatives"))
    out.append(f"Hiểu là: {r.intent}" + (f" ({r.role})" if r.role else "") + (f" — {ents}" if ents else ""))
    a = r.answer or {}
    if "tasks" in a and "total" in a:
        out.append(
            f"{a['total']} nhiệm vụ" + (f" (hiện {len(a['tasks'])})" if a["total"] > len(a["tasks"]) else "")
        )
        out += [_task_line(t) for t in a["tasks"]]
    elif "partners" in a:
        out.append(f"{a['total']} cơ quan phối hợp với {a['agency']['name']}:")
        out += [f"  {p['agency']['name']}: {p['shared_tasks']} nhiệm vụ chung" for p in a["partners"]]
    elif "results" in a:
        for res in a["results"]:
            out.append(_task_line(res["task"]))
            out.append("  Căn cứ:")
            for item in res["chain"]:
                d = item["document"]
                ev = item.get("evidence") or {}
                out.append(
                    f"    - {d.get('doc_type') or ''} {d.get('full_symbol') or ''} {d.get('title') or ''}".rstrip()
                    + f" ({item.get('via_vi') or item['via']}; dòng {ev.get('line_start')})"
                )
    elif "citations" in a:
        d = a["document"]
        out.append(
            f"{a['total']} trích dẫn {d.get('doc_type') or ''} {d.get('full_symbol') or d.get('title')}:"
        )
        for c in a["citations"]:
            ev = c.get("evidence") or {}
            what = (
                f"nhiệm vụ {c['task']['row']}"
                if c.get("task")
                else ("căn cứ" if c["relation"] == "based_on" else "trích dẫn")
            )
            out.append(
                f"  {c['plan'].get('full_symbol') or c['plan']['id']}: {what} (dòng {ev.get('line_start')})"
            )
    elif "reporting" in a:
        for d in a["reporting"]:
            who = (d.get("reporter") or {}).get("name", "?")
            to = (d.get("send_to") or d.get("addressed_to") or {}).get("name", "?")
            dates = ", ".join(x["date"] for x in d["deadlines"] if x.get("date")) or "không nêu hạn"
            out.append(
                f"  {who} → {to}: {d.get('frequency') or ''} — {dates} (dòng {d['evidence']['line_start']})"
            )
    elif "paths" in a:
        for p in a["paths"]:
            out.append("  " + " → ".join(n["name"] for n in p))
        if not a["paths"]:
            out.append("  Không có chuỗi phối hợp nào nối hai cơ quan.")
    elif "ranking" in a:
        for i, x in enumerate(a["ranking"], 1):
            val = x.get("tasks_led") if "value" not in x else x["value"]
            out.append(f"  {i}. {x['agency']['name']}: {val}")
    return "\n".join(out)
