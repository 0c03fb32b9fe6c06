"""The Dask engine: the same per-document task (task.process_document) on a Dask cluster's workers.

Why Dask rather than Ray: dask.distributed is pure Python from the package index, starts a local cluster of
worker processes in about a second with no daemon or dashboard, and runs offline; its nanny restarts a worker
process, which is what a per-document time limit needs. (See docs/batch.md.)

Documents are submitted in a window of two per worker thread, so the cluster never holds more than that; the
parent receives each result and writes it, as with the local engine. A document still running past its time
limit (counted from its submission, so after between one and two limits of running) is cancelled, its
worker restarted, and it is recorded as a timeout (JX-P002).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import ExitStack

from ..model import Location
from ..model.catalogue import finding
from .local import Job
from .task import DocumentResult, failed_result, process_document

PER_THREAD = 2  # documents in flight per worker thread: one running, one waiting


def start_local_cluster(workers: int):
    """A cluster on this machine: `workers` processes with one thread each, no dashboard (nothing served)."""
    from distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        silence_logs=logging.ERROR)


def run_dask(jobs: list[Job], workers: int, ruleset: str | None, timeout: float | None,
             scheduler: str | None = None) -> Iterator[DocumentResult]:
    from distributed import Client, as_completed

    with ExitStack() as stack:
        cluster = stack.enter_context(start_local_cluster(workers)) if scheduler is None else None
        client = stack.enter_context(Client(cluster if cluster is not None else scheduler, set_as_default=False))
        threads = sum(client.nthreads().values()) or 1
        pending = iter(jobs)
        started: dict[str, tuple[Job, float]] = {}  # future key → job, submitted at
        first: list = []

        def submit(count: int) -> None:
            for job in (next(pending, None) for _ in range(count)):
                if job is None:
                    return
                path, sha, _size = job
                future = client.submit(process_document, path, ruleset, sha, key=f"jixiao-{sha}", pure=False)
                started[future.key] = (job, time.monotonic())
                running.add(future) if running is not None else first.append(future)

        running = None
        submit(threads * PER_THREAD)
        running = as_completed(first, with_results=False, loop=client.loop)
        first.clear()  # as_completed holds them now
        while started:
            done = running.next_batch(block=False) if timeout else []
            if not done:
                done = _wait_one(running, timeout)
            for future in done:
                job, _ = started.pop(future.key)
                yield _result(future, job, ruleset)
                future.release()
                submit(1)
            if timeout:
                for key, (job, at) in list(started.items()):
                    if time.monotonic() - at > 2 * timeout:
                        started.pop(key)
                        _stop(client, key)
                        yield failed_result(job[0], job[1], job[2], finding("JX-P002", location=Location(file=job[0]),
                                            seconds=f"{timeout:g}"), status="timeout", ruleset=ruleset)
                        submit(1)


def _wait_one(running, timeout: float | None) -> list:
    """The next finished future, waiting at most a moment when a time limit must be watched."""
    if timeout is None:
        return [next(running)]
    deadline = time.monotonic() + min(1.0, timeout / 4)
    while time.monotonic() < deadline:
        done = running.next_batch(block=False)
        if done:
            return done
        time.sleep(0.005)
    return []


def _result(future, job: Job, ruleset: str | None) -> DocumentResult:
    try:
        return future.result()
    except Exception as exc:  # the worker died under it (KilledWorker) or the cluster lost it
        return failed_result(job[0], job[1], job[2], finding("JX-P003", location=Location(file=job[0]),
                             reason=f"集群任务失败：{type(exc).__name__}"), ruleset=ruleset)


def _stop(client, key: str) -> None:
    """Cancel an overrunning document and restart the worker process running it (the thread cannot be stopped)."""
    from distributed import Future

    holders = [w for w, keys in client.processing().items() if key in keys]
    Future(key, client).cancel()
    if holders:
        try:
            client.restart_workers(holders, timeout=60)
        except Exception:  # a worker without a nanny cannot be restarted; the document is recorded all the same
            pass
