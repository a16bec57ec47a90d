"""/tasks: one task, tasks by row, a task's legal basis."""

from __future__ import annotations

from fastapi import APIRouter, Query

from api.deps import KBDep
from graph import queries as Q
from graph.answers import LegalBasis, TaskOut

router = APIRouter(prefix="/tasks", tags=["tasks"])
_NOT_FOUND = {404: {"description": "No task with this id"}}


@router.get("", operation_id="find_tasks", response_model=list[TaskOut])
def find_tasks(
    kb: KBDep,
    row: str = Query(
        ..., min_length=1, max_length=20, description="The row as printed: 'I.6', 'II.3'.", examples=["II.3"]
    ),
    plan: str | None = Query(None, max_length=200, description="A plan id; every plan when omitted."),
) -> list[TaskOut]:
    """Tasks printed as ``row``, in one plan or in every plan."""
    from graph.questions import task_ref

    return Q.tasks_by_row(kb, task_ref(row), plan)


@router.get(
    "/{task_id:path}/legal-basis",
    operation_id="task_legal_basis",
    response_model=LegalBasis,
    responses=_NOT_FOUND,
)
def task_legal_basis(task_id: str, kb: KBDep) -> LegalBasis:
    """What authorizes a task: the documents it cites, its plan's legal bases and, transitively, theirs —
    each with ``via`` (how it authorizes the task) and its evidence."""
    return Q.legal_basis(kb, task_id)


@router.get("/{task_id:path}", operation_id="get_task", response_model=TaskOut, responses=_NOT_FOUND)
def get_task(task_id: str, kb: KBDep) -> TaskOut:
    """One task (``vn/ubnd-ha-noi/kh/2022/94/task/II-3``) with its roles, timeline and evidence."""
    return Q.task(kb, task_id)
