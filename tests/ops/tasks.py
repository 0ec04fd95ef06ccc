"""Tasks the fault tests hand to a real `db_worker`: each leaves a trace the test can check."""

import os
import time
from pathlib import Path

from django_tasks import task


@task()
def note_run(label, log_path="", seconds=0.0):
    """Append "label pid" to `log_path` (one line per run) and answer which process ran it."""
    time.sleep(seconds)
    if log_path:
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(f"{label} {os.getpid()}\n")
    return {"label": label, "pid": os.getpid()}


@task()
def wait_for_file(path, timeout=300):
    """Keep running until `path` exists: the test decides when the task ends."""
    deadline = time.monotonic() + timeout
    while not Path(path).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        time.sleep(0.1)
    return os.getpid()
