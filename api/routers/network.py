"""/network: the coordination network, paths between agencies, rankings."""

from __future__ import annotations

from fastapi import APIRouter, Query

from api.deps import KBDep
from graph import queries as Q
from graph.answers import Network, PathOut, Ranked

router = APIRouter(prefix="/network", tags=["network"])


@router.get("/coordination", operation_id="coordination_network", response_model=Network)
def coordination_network(
    kb: KBDep,
    jurisdiction: str | None = Query(
        None, max_length=60, description="A province slug: 'ha-noi'.", examples=["ha-noi"]
    ),
    plan: str | None = Query(None, max_length=200, description="A plan id."),
    min_weight: int = Query(1, ge=1, le=10_000, description="Drop edges with fewer shared tasks."),
    groups: bool = Query(True, description="Include groups ('các cơ quan liên quan')."),
    max_nodes: int = Query(2000, ge=1, le=20_000),
) -> Network:
    """Agencies as nodes (tasks led, tasks, centrality), edges weighted by the tasks they share."""
    return Q.coordination_network(
        kb,
        jurisdiction=jurisdiction,
        plan_id=plan,
        min_weight=min_weight,
        include_groups=groups,
        max_nodes=max_nodes,
    )


@router.get("/path", operation_id="agency_path", response_model=PathOut)
def agency_path(
    kb: KBDep,
    source: str = Query(..., alias="from", max_length=200, description="An agency id or name."),
    target: str = Query(..., alias="to", max_length=200, description="An agency id or name."),
) -> PathOut:
    """The shortest chains of shared tasks between two agencies."""
    return Q.path(kb, Q.resolve_agency(kb, source), Q.resolve_agency(kb, target))


@router.get("/ranking", operation_id="agency_ranking", response_model=list[Ranked])
def agency_ranking(
    kb: KBDep,
    by: str = Query("load", pattern="^(load|centrality)$", description="load (tasks led) or centrality."),
    limit: int = Query(10, ge=1, le=200),
    jurisdiction: str | None = Query(None, max_length=60),
) -> list[Ranked]:
    """Agencies ranked by the tasks they lead, or by betweenness in the coordination network."""
    if by == "load":
        return [Ranked(agency=a, value=n, tasks_led=n) for a, n in Q.rank_by_load(kb, limit=limit)]
    return Q.rank_by_centrality(kb, limit=limit, jurisdiction=jurisdiction)
