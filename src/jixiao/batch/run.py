"""A batch from start to end: collect the inputs, skip what the dataset already holds, run every other document
through an engine (local processes or a Dask cluster), and store the results in batches from this process only."""

from __future__ import annotations

import hashlib
import os
import time
from itertools import chain
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..model import Finding, Location
from ..model.catalogue import finding
from .inputs import collect_inputs
from .local import Job, run_local
from .store import Store
from .task import DocumentResult, failed_result, file_digest

ENGINES = ("local", "dask")
WRITE_EVERY = 64  # documents per transaction
WRITE_SECONDS = 2.0  # … or sooner, so that an interrupted run loses little


@dataclass
class BatchOptions:
    inputs: list[str | Path]
    dataset: Path
    format: str = "duckdb"
    jobs: int | None = None  # None: every core
    engine: str = "local"
    scheduler: str | None = None  # a Dask scheduler's address; None starts a local cluster of `jobs` workers
    ruleset: str | None = None  # a rule-set name; None: each document's default for its kind
    timeout: float | None = 120.0  # seconds per document; None or 0: no limit


@dataclass
class BatchSummary:
    total: int = 0  # files found
    processed: int = 0  # reviewed in this run
    skipped: int = 0  # already in the dataset (same content hash)
    duplicates: int = 0  # same content as another input of this run
    failed: int = 0  # of those processed: failed or timed out
    skipped_inputs: list[Finding] = field(default_factory=list)  # inputs that are not readable files (JX-P001)
    written: list[Path] = field(default_factory=list)  # Parquet files, when exported
    seconds: float = 0.0


def worker_count(jobs: int | None) -> int:
    return max(1, jobs if jobs else (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def run_batch(options: BatchOptions, on_total: Callable[[int, int], None] | None = None,
              on_result: Callable[[DocumentResult], None] | None = None) -> BatchSummary:
    """Run a batch. `on_total(to_do, already_done)` is called once the inputs are known, `on_result` per document.
    Raises StoreError for a dataset that cannot be used; everything about single documents is recorded instead."""
    if options.engine not in ENGINES:
        raise ValueError(f"unknown engine {options.engine!r}")
    started, clock = datetime.now(timezone.utc).replace(tzinfo=None), time.monotonic()
    summary = BatchSummary()
    found = collect_inputs(options.inputs)
    summary.skipped_inputs = found.skipped
    summary.total = len(found.files)
    store = Store(options.dataset, options.format)
    recorded = False
    try:
        store.check_meta({"ruleset": options.ruleset or ""})
        known = store.known_hashes()
        jobs, unreadable = _jobs(found.files, known, summary)
        if on_total:
            on_total(len(jobs) + len(unreadable), summary.skipped)
        workers = worker_count(options.jobs)
        pending: list[DocumentResult] = []
        last_write = time.monotonic()
        for result in chain(unreadable, _engine(options, jobs, workers) if jobs else ()):  # lazily: bounded memory
            pending.append(result)
            summary.processed += 1
            summary.failed += result.status != "ok"
            if on_result:
                on_result(result)
            if len(pending) >= WRITE_EVERY or time.monotonic() - last_write >= WRITE_SECONDS:
                store.write(pending)
                pending, last_write = [], time.monotonic()
        store.write(pending)
        summary.seconds = time.monotonic() - clock
        _record(store, options, started, summary, interrupted=False)
        recorded = True
        if options.format == "parquet":
            summary.written = store.export_parquet()
    finally:
        try:
            if not recorded:  # stopped by an exception or Ctrl-C: what was written stays, and says so
                summary.seconds = time.monotonic() - clock
                _record(store, options, started, summary, interrupted=True)
        finally:
            store.close()
    return summary


def _record(store: Store, options: BatchOptions, started: datetime, summary: BatchSummary, interrupted: bool) -> None:
    store.record_run(started, options.engine, worker_count(options.jobs), summary.processed, summary.skipped,
                     summary.failed, interrupted)


def _jobs(files: list[Path], known: set[str], summary: BatchSummary) -> tuple[list[Job], list[DocumentResult]]:
    """Hash every input; what the dataset holds, or an earlier input of this run holds, is not done again.
    A file that cannot even be hashed here is recorded at once, under the hash of its path (never stored twice)."""
    jobs: list[Job] = []
    unreadable: list[DocumentResult] = []
    seen = set(known)
    for file in files:
        path = str(file)
        try:
            sha, size = file_digest(file)
        except OSError as exc:
            sha = "path:" + hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()
            if sha not in seen:
                seen.add(sha)
                unreadable.append(failed_result(path, sha, 0, finding(
                    "JX-E001", location=Location(file=path), reason=f"无法读取文件：{exc.strerror}")))
            else:
                summary.skipped += 1
            continue
        if sha in known:
            summary.skipped += 1
        elif sha in seen:
            summary.duplicates += 1
        else:
            seen.add(sha)
            jobs.append((path, sha, size))
    return jobs, unreadable


def _engine(options: BatchOptions, jobs: list[Job], workers: int) -> Iterator[DocumentResult]:
    timeout = options.timeout or None
    if options.engine == "dask":
        from .cluster import run_dask  # distributed loads only when asked for

        return run_dask(jobs, workers, options.ruleset, timeout, options.scheduler)
    return run_local(jobs, workers, options.ruleset, timeout)

