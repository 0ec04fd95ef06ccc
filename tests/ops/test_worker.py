"""The background worker (`manage.py db_worker`) keeps sending email and updating the index
through a PostgreSQL restart, and several workers on one queue run each task once."""

from collections import Counter

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .conftest import wait_until
from .tasks import note_run, wait_for_file

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _status(result):
    return DBTaskResult.objects.get(pk=result.id).status


def _finished(result):
    return _status(result) == TaskResultStatus.SUCCESSFUL


def test_worker_survives_a_database_restart(postgres, start_worker):
    worker = start_worker("w1")
    before = note_run.enqueue("before")
    wait_until(lambda: _finished(before), "the first task")

    postgres.stop()
    wait_until(
        lambda: "Lost the database" in worker.output() or not worker.alive,
        "the worker to notice the database is gone",
    )
    assert worker.alive, worker.output()
    postgres.start()

    after = note_run.enqueue("after")
    wait_until(lambda: _finished(after) or not worker.alive, "the task queued after the restart")
    assert worker.alive, worker.output()
    assert _finished(after)
    runs = DBTaskResult.objects.filter(pk__in=[before.id, after.id])
    assert {run.return_value["pid"] for run in runs} == {worker.process.pid}
    assert [run.worker_ids for run in runs] == [["w1"], ["w1"]]


def test_a_task_cut_off_by_a_restart_runs_again(postgres, start_worker, tmp_path):
    """The database restarts while a task runs, so its outcome cannot be recorded: the worker
    queues it again once the database is back, instead of leaving it "running" for ever."""
    worker = start_worker("w1")
    gate = tmp_path / "gate"
    result = wait_for_file.enqueue(str(gate))
    wait_until(lambda: _status(result) == TaskResultStatus.RUNNING, "the task to start")

    postgres.stop()
    postgres.start()
    gate.touch()

    wait_until(lambda: _finished(result) or not worker.alive, "the task to run again")
    assert worker.alive, worker.output()
    assert DBTaskResult.objects.get(pk=result.id).worker_ids == ["w1", "w1"]
    assert "queued again" in worker.output()


def test_two_workers_on_one_queue_run_each_task_once(postgres, start_worker, tmp_path):
    """django-tasks-db claims a task with SELECT … FOR UPDATE SKIP LOCKED and marks it running
    in the same transaction, so two workers never take the same task."""
    workers = [start_worker("w1"), start_worker("w2")]
    log = tmp_path / "runs.log"
    results = [note_run.enqueue(number, str(log), 0.05) for number in range(40)]

    wait_until(
        lambda: DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 40,
        "all 40 tasks",
    )
    runs = Counter(line.split()[0] for line in log.read_text().splitlines())
    assert runs == Counter({str(number): 1 for number in range(40)})
    claims = DBTaskResult.objects.filter(pk__in=[result.id for result in results])
    assert all(len(claim.worker_ids) == 1 for claim in claims)
    # Both workers took part: the queue really was shared.
    assert {claim.worker_ids[0] for claim in claims} == {"w1", "w2"}
    pids = {line.split()[1] for line in log.read_text().splitlines()}
    assert pids == {str(worker.process.pid) for worker in workers}
