"""Benchmarks of plangraph on a synthetic corpus (see docs/performance.md).

- :mod:`bench.generate` writes plans in the seed's genre, each with its truth;
- :mod:`bench.truth` checks extraction against that truth;
- :mod:`bench.bench_extract` measures extraction speed;
- :mod:`bench.run` runs the benchmarks (``make bench``, ``make bench-full``).
"""
