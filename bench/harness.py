"""What every benchmark gets: the mode, the corpus (generated on demand), where results go.

A benchmark is a module with ``NAME`` and ``run(ctx: Context) -> dict``; :mod:`bench.run` lists
them. The corpus is generated once per (plans, seed, noise) into ``bench/corpus/`` (git-ignored)
and reused while its ``corpus.json`` matches.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate import GENERATOR_VERSION, Settings, generate

ROOT = Path(__file__).resolve().parent
DEFAULT_NOISE = Settings.noise


@dataclass
class Context:
    mode: str  # "quick" | "full"
    plans: int  # corpus size for speed benchmarks
    repeats: int  # runs per measurement (the median is reported)
    workers: int = 2
    seed: int = 1
    results: Path = ROOT / "results"
    corpus_root: Path = ROOT / "corpus"
    min_score: float = 0.97
    notes: list[str] = field(default_factory=list)

    def corpus(self, plans: int | None = None, noise: float = DEFAULT_NOISE) -> Path:
        """The folder of a generated corpus, generating it when missing or stale."""
        plans = plans or self.plans
        folder = self.corpus_root / f"{plans}-s{self.seed}-n{noise:g}"
        manifest = folder / "corpus.json"
        if manifest.exists():
            m = json.loads(manifest.read_text(encoding="utf-8"))
            if m.get("generator_version") == GENERATOR_VERSION and m.get("plans") == plans:
                return folder
        self.log(f"generating {plans} plans (seed {self.seed}, noise {noise:g}) in {folder}")
        generate(Settings(seed=self.seed, noise=noise), plans, folder, workers=self.workers)
        return folder

    def write(self, name: str, result: dict) -> Path:
        path = self.results / f"{name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return path

    @staticmethod
    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)


def emit(result: dict, module: str, argv: list[str] | None, out: str | Path | None) -> str:
    """A stand-alone benchmark's ending: note its command line, print the result, write it to ``out``."""
    result["command"] = f"python -m {module} " + " ".join(argv if argv is not None else sys.argv[1:])
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text + "\n", encoding="utf-8")
    print(text)
    return text


def corpus_info(folder: str | Path, files: list[Path]) -> dict:
    """What a speed result says about its corpus: folder, plans, bytes, MB and mean kB per plan."""
    n, size = len(files), sum(p.stat().st_size for p in files)
    return {
        "path": str(folder),
        "plans": n,
        "bytes": size,
        "mb": round(size / 1e6, 2),
        "mean_kb": round(size / 1e3 / n, 1),
    }
