"""Background jobs: one interface, an in-process executor and a Celery adapter."""
