"""Generate a synthetic corpus of plans in the seed's genre, each with its truth.

    python -m bench.generate --plans 1000 --seed 1 --out bench/corpus/1000 [--noise 0.01]

writes ``plan-00001.md`` and ``plan-00001.truth.json`` ... and ``corpus.json`` (the arguments and
totals). The same arguments give byte-identical files; plan ``i`` depends only on the seed and
``i``, so a 100-plan corpus is the first 100 plans of the 1,000-plan one, and the noise has its own
random stream, so the noisy corpus is the noise-free one plus noise.

Noise rates: ``--noise`` per word of prose; ``--name-noise`` per agency name or structural word
(default twice ``--noise``); ``--symbol-noise`` per document symbol (default ``--noise``).
``--header-forms`` limits the header forms drawn (default all: none, lines, table).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.noise import Noise
from bench.plan import Options, build
from bench.render import render

GENERATOR_VERSION = (
    1  # bump whenever the output for the same arguments changes (cached corpora are regenerated)
)


@dataclass(frozen=True)
class Settings:
    seed: int = 1
    noise: float = 0.01
    name_noise: float | None = None
    symbol_noise: float | None = None
    header_forms: tuple[str, ...] = ("none", "lines", "table")

    @property
    def rates(self) -> tuple[float, float, float]:
        name = 2 * self.noise if self.name_noise is None else self.name_noise
        symbol = self.noise if self.symbol_noise is None else self.symbol_noise
        return self.noise, name, symbol


def plan_name(index: int) -> str:
    return f"plan-{index:05d}"


def generate_one(settings: Settings, index: int) -> tuple[str, dict]:
    """The Markdown text and the truth of plan ``index`` (1-based)."""
    base = f"plangraph-bench:{settings.seed}:{index}"
    plan = build(random.Random(base + ":content"), Options(header_forms=settings.header_forms))
    noise = Noise(random.Random(base + ":noise"), *settings.rates)
    text = render(plan, random.Random(base + ":layout"), noise)
    truth = dict(plan.truth)
    truth["generator"] = {
        "version": GENERATOR_VERSION,
        "seed": settings.seed,
        "index": index,
        "noise": dict(zip(("prose", "name", "symbol"), settings.rates, strict=True)),
        "noise_applied": dict(noise.count),
        "features": plan.features,
    }
    return text, truth


def _write_range(args: tuple[Settings, str, int, int]) -> tuple[int, int]:
    settings, out, start, stop = args
    folder = Path(out)
    total = 0
    for i in range(start, stop):
        text, truth = generate_one(settings, i)
        data = text.encode("utf-8")
        (folder / f"{plan_name(i)}.md").write_bytes(data)
        (folder / f"{plan_name(i)}.truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        total += len(data)
    return stop - start, total


def generate(settings: Settings, plans: int, out: str | Path, *, workers: int = 1) -> dict:
    """Write ``plans`` plans to ``out``; returns the manifest (also written as corpus.json)."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    step = 50
    jobs = [(settings, str(folder), s, min(s + step, plans + 1)) for s in range(1, plans + 1, step)]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_write_range, jobs))
    else:
        results = [_write_range(j) for j in jobs]
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "plans": plans,
        "seed": settings.seed,
        "noise": dict(zip(("prose", "name", "symbol"), settings.rates, strict=True)),
        "header_forms": list(settings.header_forms),
        "bytes": sum(b for _, b in results),
        "command": "python -m bench.generate " + _args_text(settings, plans, folder),
    }
    (folder / "corpus.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest


def _args_text(settings: Settings, plans: int, out: Path) -> str:
    text = f"--plans {plans} --seed {settings.seed} --out {out} --noise {settings.noise}"
    if settings.name_noise is not None:
        text += f" --name-noise {settings.name_noise}"
    if settings.symbol_noise is not None:
        text += f" --symbol-noise {settings.symbol_noise}"
    if settings.header_forms != Settings.header_forms:
        text += " --header-forms " + ",".join(settings.header_forms)
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--noise", type=float, default=0.01, help="per word of prose (default 0.01)")
    ap.add_argument("--name-noise", type=float, default=None, help="per name (default 2 x --noise)")
    ap.add_argument("--symbol-noise", type=float, default=None, help="per symbol (default --noise)")
    ap.add_argument("--header-forms", default="none,lines,table", help="comma-separated subset")
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args(argv)
    forms = tuple(f for f in a.header_forms.split(",") if f)
    if not forms or set(forms) - {"none", "lines", "table"}:
        ap.error("--header-forms takes none, lines, table")
    settings = Settings(a.seed, a.noise, a.name_noise, a.symbol_noise, forms)
    m = generate(settings, a.plans, a.out, workers=a.workers)
    print(f"{m['plans']} plans, {m['bytes'] / 1e6:.1f} MB in {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
