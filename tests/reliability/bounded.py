"""Run a piece of the pipeline in a child process with CPU-time and memory limits, and measure it.

The child's CPU time (not wall time) is what is bounded, so a busy machine does not make a test flaky;
a hang or a blow-up shows as the child being killed by its limit.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Generous bounds per megabyte of input (a plan of 100 kB extracts in well under a second).
CPU_BASE_S, CPU_PER_MB_S = 10.0, 30.0
RSS_BASE_MB, RSS_PER_MB = 300.0, 150.0

_CHILD = r"""
import json, resource, sys
from graph.errors import ParseError
from loaders.extract import extract_bytes
data = open(sys.argv[1], "rb").read()
try:
    ex = extract_bytes(data, name=sys.argv[2])
    out = {"outcome": "extracted", "tasks": len(ex.tasks), "cited": len(ex.cited_documents),
           "responsibilities": len(ex.responsibilities)}
except ParseError as exc:
    out = {"outcome": "ParseError", "message": str(exc)}
# VmHWM is this program's own peak; ru_maxrss would carry over the forking parent's (pytest's) peak
try:
    hwm = next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM:"))
except (OSError, StopIteration):
    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out["maxrss_mb"] = hwm / 1024
print(json.dumps(out))
"""


@dataclass
class Run:
    returncode: int
    cpu_s: float
    maxrss_mb: float
    result: dict
    stderr: str

    @property
    def outcome(self) -> str:
        return self.result.get("outcome", f"killed (exit {self.returncode})")


def bounds(n_bytes: int) -> tuple[float, float]:
    """(CPU seconds, peak RSS in MB) allowed for an input of ``n_bytes``."""
    mb = n_bytes / 1e6
    return CPU_BASE_S + CPU_PER_MB_S * mb, RSS_BASE_MB + RSS_PER_MB * mb


def extract_in_child(path: Path, *, name: str | None = None) -> Run:
    """Extract ``path`` in a child limited to its bounds; returns what it did and what it cost."""
    cpu, rss = bounds(path.stat().st_size)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (int(cpu) + 1, int(cpu) + 2))
        room = int((rss + 1024) * 1024 * 1024)  # address space: the RSS bound plus the runtime's mappings
        resource.setrlimit(resource.RLIMIT_AS, (room, room))

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), name or path.name],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=limit,
        timeout=max(600.0, cpu * 20),  # wall clock: only a last resort against a stopped child
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = proc.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if proc.returncode == 0 and lines else {}
    rss_mb = float(result.get("maxrss_mb", 0.0))
    return Run(proc.returncode, cpu_s, rss_mb, result, proc.stderr[-2000:])
