"""The local engine: N worker processes, each working on one document at a time under a time limit.

A worker that overruns is killed and replaced; its document is recorded as a timeout (JX-P002). A worker that
dies (out of memory, a crash in a C library) is replaced; its document is recorded as failed (JX-P003). At most
two documents per worker are in flight (one worked on, one waiting, so that a worker never idles while the
parent writes), so memory stays bounded however many files there are.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait

from ..model import Location
from ..model.catalogue import finding
from .task import DocumentResult, failed_result, process_document

Job = tuple[str, str, int]  # path, sha256 as the parent read it, size
READY = "ready"  # a worker's first message: the time limit counts from here, not from starting the process
DEPTH = 2  # documents sent to a worker at once: the next is waiting while the parent writes results
STARTUP_SECONDS = 120  # a worker that cannot even start in this time means the machine cannot run the batch


def _worker(conn: Connection, ruleset: str | None) -> None:
    """A worker's loop: documents in, results out, until told to stop (None) or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    conn.send(READY)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        path, sha, _size = job
        conn.send(process_document(path, ruleset, sha))


class _Worker:
    """A worker process with up to DEPTH documents sent to it; the first is the one it is working on."""

    def __init__(self, context, ruleset: str | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, ruleset), daemon=True)
        self.process.start()
        child.close()
        try:
            ready = self.conn.poll(STARTUP_SECONDS) and self.conn.recv() == READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.process.kill()
            raise RuntimeError("批量处理的工作进程未能启动")
        self.jobs: deque[Job] = deque()
        self.deadline = float("inf")

    def give(self, job: Job, timeout: float | None) -> None:
        if not self.jobs:
            self._start_clock(timeout)
        self.jobs.append(job)
        self.conn.send(job)

    def done(self, timeout: float | None) -> None:
        """The first document's result has come: the next one sent is being worked on from now."""
        self.jobs.popleft()
        if self.jobs:
            self._start_clock(timeout)
        else:
            self.deadline = float("inf")

    def _start_clock(self, timeout: float | None) -> None:
        self.deadline = time.monotonic() + timeout if timeout else float("inf")

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_local(jobs: Iterable[Job], workers: int, ruleset: str | None, timeout: float | None,
              context_name: str = "forkserver") -> Iterator[DocumentResult]:
    """Results as they finish (not in input order). `jobs` is consumed lazily, DEPTH per worker."""
    context = multiprocessing.get_context(context_name)
    if context_name == "forkserver":  # workers start from a server that has already imported jixiao
        context.set_forkserver_preload(["jixiao.batch.task"])
    pending = iter(jobs)
    again: deque[Job] = deque()  # sent to a worker that was then killed, before it began on them
    pool = [_Worker(context, ruleset) for _ in range(max(1, workers))]
    try:
        while True:
            for w in pool:
                while len(w.jobs) < DEPTH:
                    job = again.popleft() if again else next(pending, None)
                    if job is None:
                        break
                    w.give(job, timeout)
            busy = [w for w in pool if w.jobs]
            if not busy:
                return
            wait_for = min(w.deadline for w in busy) - time.monotonic()
            ready = wait([w.conn for w in busy], timeout=None if wait_for == float("inf") else max(0.0, wait_for))
            for i, w in enumerate(pool):
                if not w.jobs:
                    continue
                if w.conn in ready:
                    result = _receive(w)
                    if result is not None:
                        w.done(timeout)
                        yield result
                        continue
                    yield _lost(w.jobs[0], ruleset, "处理进程意外退出", "failed")  # died mid-document
                elif time.monotonic() >= w.deadline:
                    yield _lost(w.jobs[0], ruleset, None, "timeout", timeout)
                else:
                    continue
                w.kill()
                again.extend(list(w.jobs)[1:])
                pool[i] = _Worker(context, ruleset)
    finally:
        for w in pool:
            if w.jobs:
                w.kill()
            else:
                w.stop()


def _receive(w: _Worker) -> DocumentResult | None:
    try:
        return w.conn.recv()
    except (EOFError, OSError):
        return None


def _lost(job: Job, ruleset: str | None, reason: str | None, status: str, timeout: float | None = None) -> DocumentResult:
    path, sha, size = job
    where = Location(file=path)
    problem = (finding("JX-P002", location=where, seconds=f"{timeout:g}") if status == "timeout"
               else finding("JX-P003", location=where, reason=reason))
    return failed_result(path, sha, size, problem, status=status, ruleset=ruleset)


ProgressCallback = Callable[[DocumentResult], None]
