"""The typed model, value types, the networkx view and the query functions."""
