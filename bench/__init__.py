"""Benchmarks of plangraph on a synthetic corpus (see docs/performance.md); timings are reported, never asserted.

- :mod:`bench.generate` writes plans in the seed's genre, each with its truth;
- :mod:`bench.truth` checks extraction against that truth;
- :mod:`bench.bench_extract` measures extraction speed;
- :mod:`bench.viz_render` measures drawing networks in Chromium; :mod:`bench.screenshots` makes the docs' pictures;
- :mod:`bench.run` runs the benchmarks (``make bench``, ``make bench-full``).
"""
