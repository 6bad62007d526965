"""Jobs: heavy work (solve, build a budget, render the book) outside the request.

One interface whatever the backend::

    queue = make_queue(database, settings)       # inline thread pool, or Celery on Redis
    job_id = submit(database, queue, kind, {"project_id": ...})   # record it and send it
    queue.dispatch(job.id)                       # or: send a job a use case recorded
    recover(database, settings, queue)           # on start: re-run unfinished jobs

A job is a row (id, kind, state, progress, result, error, attempts, heartbeat); its body is a
:class:`filmpark.services.jobs.JobKind` run by :func:`filmpark.jobs.runner.run_job`.
"""

from filmpark.jobs.queue import CeleryQueue, InlineQueue, JobQueue, make_queue, recover, submit
from filmpark.jobs.runner import run_job

__all__ = ["CeleryQueue", "InlineQueue", "JobQueue", "make_queue", "recover", "run_job", "submit"]
