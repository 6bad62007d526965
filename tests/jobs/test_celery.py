"""Jobs on a real Celery worker with Redis (``FILMPARK_TEST_BROKER_URL``), started here.

The worker is ``filmpark worker`` in a subprocess, on the test's database, listening on a
queue of its own (so parallel test runs sharing one Redis never take each other's jobs).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from filmpark.jobs import CeleryQueue
from filmpark.store import Database
from filmpark.store.records import JobState
from tests.jobs.helpers import a_queued_job, settings_for, versions_of, wait_for
from tests.store.databases import services_required

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.broker, pytest.mark.slow]


def _broker_url() -> str:
    url = os.environ.get("FILMPARK_TEST_BROKER_URL", "").strip()
    if not url:
        if services_required():
            pytest.fail("FILMPARK_TEST_BROKER_URL is not set (FILMPARK_REQUIRE_SERVICES=1)")
        pytest.skip("FILMPARK_TEST_BROKER_URL is not set")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if services_required():
            pytest.fail(f"Redis at FILMPARK_TEST_BROKER_URL is unreachable: {error}")
        pytest.skip(f"Redis at FILMPARK_TEST_BROKER_URL is unreachable: {error}")
    return url


@pytest.fixture
def broker(monkeypatch: pytest.MonkeyPatch) -> str:
    url = _broker_url()
    monkeypatch.setenv("FILMPARK_JOB_QUEUE", f"filmpark-test-{uuid.uuid4().hex[:12]}")
    return url


@contextmanager
def worker(
    database: Database, data_dir: Path, broker: str, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "FILMPARK_DATA_DIR": str(data_dir),
        "FILMPARK_DATABASE_URL": database.url,
        "FILMPARK_BROKER_URL": broker,
        "FILMPARK_SECRET_KEY": "s" * 48,
        "FILMPARK_JOB_STALE_SECONDS": "2",
        "FILMPARK_JOB_MODULES": "tests.jobs.kinds",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    with open(log, "ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", "from filmpark.cli.app import main; main()", "worker"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


def test_a_job_runs_on_a_celery_worker(
    database: Database, data_dir: Path, broker: str, tmp_path: Path
) -> None:
    settings = replace(settings_for(database, data_dir), broker_url=broker)
    job = a_queued_job(database, steps=3)
    queue = CeleryQueue(settings)
    with worker(database, data_dir, broker, tmp_path / "worker.log"):
        queue.dispatch(job.id)
        done = wait_for(database, job.id, {JobState.SUCCEEDED, JobState.FAILED}, 60)
    queue.close()
    assert done.state is JobState.SUCCEEDED, (tmp_path / "worker.log").read_text()[-2000:]
    assert versions_of(database, job) == [1]


def test_a_worker_killed_mid_job_leaves_it_to_be_retried_and_nothing_is_duplicated(
    database: Database, data_dir: Path, broker: str, tmp_path: Path
) -> None:
    settings = replace(settings_for(database, data_dir), broker_url=broker)
    job = a_queued_job(database, steps=40, pause=0.2)
    queue = CeleryQueue(settings)
    log = tmp_path / "worker.log"
    with worker(database, data_dir, broker, log) as first:
        queue.dispatch(job.id)
        deadline = time.monotonic() + 60
        while True:
            running = wait_for(database, job.id, {JobState.RUNNING, JobState.SUCCEEDED}, 60)
            if running.progress >= 0.1 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert running.state is JobState.RUNNING, log.read_text()[-2000:]
        os.killpg(first.pid, signal.SIGKILL)  # kill -9, mid-job
        first.wait(timeout=10)
    half = wait_for(database, job.id, {JobState.RUNNING}, 1)
    assert half.result is None
    assert versions_of(database, job) == []
    time.sleep(2.5)  # the heartbeat goes stale
    with worker(database, data_dir, broker, log):
        done = wait_for(database, job.id, {JobState.SUCCEEDED, JobState.FAILED}, 90)
    queue.close()
    assert done.state is JobState.SUCCEEDED, log.read_text()[-2000:]
    assert done.attempts == 2
    assert versions_of(database, job) == [1]


def test_a_worker_killed_in_the_middle_of_a_solve_leaves_the_solve_to_be_retried(
    database: Database, data_dir: Path, broker: str, tmp_path: Path
) -> None:
    from filmpark.services import accounts, projects, schedules, scripts
    from filmpark.store import FileStore
    from tests.conftest import shared_path

    script = shared_path("corpus", "fountain-io-samples", "Big-Fish.fountain")
    settings = replace(settings_for(database, data_dir), broker_url=broker)
    with database.transaction() as tx:
        owner = accounts.register(
            tx, f"crash-{uuid.uuid4().hex[:8]}@example.vn", "password 123", "Crash"
        )
        project = projects.create_project(tx, owner, "Big Fish")
        scripts.upload_revision(
            tx,
            owner,
            project.id,
            script.name,
            script.read_bytes(),
            files=FileStore(settings.scripts_dir),
            max_bytes=settings.max_upload_bytes,
        )
        job = schedules.request_schedule(tx, owner, project.id, {}, time_limit=15)
    queue = CeleryQueue(settings)
    log = tmp_path / "worker.log"
    with worker(database, data_dir, broker, log) as first:
        queue.dispatch(job.id)
        deadline = time.monotonic() + 120
        while True:
            running = wait_for(
                database, job.id, {JobState.RUNNING, JobState.SUCCEEDED, JobState.FAILED}, 120
            )
            if running.state is not JobState.RUNNING or running.progress >= 0.15:
                break
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.2)
        assert running.state is JobState.RUNNING, running.error or log.read_text()[-2000:]
        assert "gap" in running.message  # the solver itself was running
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    with database.transaction(readonly=True) as tx:
        assert tx.schedules.get(project.id) is None
        assert tx.budgets.get(project.id) is None
    time.sleep(2.5)  # the heartbeat goes stale
    with worker(database, data_dir, broker, log):
        done = wait_for(database, job.id, {JobState.SUCCEEDED, JobState.FAILED}, 240)
    queue.close()
    assert done.state is JobState.SUCCEEDED, done.error or log.read_text()[-2000:]
    assert done.attempts == 2
    with database.transaction(readonly=True) as tx:
        assert [v for v, _s, _c in tx.schedules.versions(project.id)] == [1]
        assert tx.budgets.latest_number(project.id) == 1
        schedule = tx.schedules.get(project.id)
    assert schedule is not None
    assert schedule.job_id == job.id
    shot = [scene for day in schedule.document["days"] for scene in day["scenes"]]
    assert len(shot) == len(set(shot))
