"""The ``filmpark`` command line: thin Typer commands over the engine and the services."""
