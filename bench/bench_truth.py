"""Correctness before speed: extraction on the synthetic corpus against the generator's truth,
noise-free and with the default OCR noise. The noise-free score (issue 9's target: >= 0.97) below
``ctx.min_score`` fails the run; the noisy score is reported beside it."""

from __future__ import annotations

import time

from bench.harness import DEFAULT_NOISE, Context
from bench.system import git, machine
from bench.truth import check_corpus, table

NAME = "truth"


def run(ctx: Context) -> dict:
    out: dict = {
        "benchmark": NAME,
        "min_score": ctx.min_score,
        "machine": machine(),
        "git": git(),
        "corpora": {},
    }
    for label, noise in (("noise-free", 0.0), ("default-noise", DEFAULT_NOISE)):
        folder = ctx.corpus(ctx.plans, noise)
        t0 = time.perf_counter()
        result = check_corpus(folder, workers=ctx.workers)
        result["seconds"] = round(time.perf_counter() - t0, 1)
        result["command"] = f"python -m bench.truth {folder} --workers {ctx.workers}"
        out["corpora"][label] = result
        ctx.log(f"  truth {label} ({result['plans']} plans): score {result['score']:.4f}\n{table(result)}")
    out["score"] = out["corpora"]["noise-free"]["score"]
    out["score_with_noise"] = out["corpora"]["default-noise"]["score"]
    out["ok"] = out["score"] >= ctx.min_score
    return out
