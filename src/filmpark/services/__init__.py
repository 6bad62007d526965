"""Use cases shared by the API, the pages, the CLI and the jobs; they take a session and never commit."""
