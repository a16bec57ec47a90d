"""The read-only SPARQL endpoint's engine: guard, formats, worker processes, the endpoint logic.

- ``guard.py``: what a query may do (no updates, no SERVICE), lexically and structurally;
- ``formats.py``: result formats, content negotiation, serialisation with a size limit;
- ``worker.py`` / ``pool.py``: queries run in worker processes that are killed at the time limit;
- ``isolation.py``: workers run without network where the system allows it;
- ``endpoint.py``: the whole path from a protocol request to a serialised answer.

See docs/sparql.md.
"""
