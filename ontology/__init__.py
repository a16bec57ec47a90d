"""The ontology (OWL, SHACL), the closed namespaces, the model<->RDF mapping, the store and reference data."""
