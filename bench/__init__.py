"""Benchmarks and synthetic corpora (timings are reported, never asserted)."""
