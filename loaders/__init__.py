"""Reading formats, parsing structure, extraction, resolution, corpus loading and the Neo4j sink."""
