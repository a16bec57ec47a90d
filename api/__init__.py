"""HTTP API (FastAPI), web pages and the command line: thin layers over graph/ and loaders/."""
