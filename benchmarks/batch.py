#!/usr/bin/env python3
"""jixiao batch throughput: documents per second per core, with peak memory, on reports generated from layouts.

usage: batch.py [--docs 10000] [--small 1000] [--corpus DIR] [--skip-cluster]

Reports are made from the project's layout fixtures (tests/data/extract/layouts) and, when ../shared/corpus is
beside the checkout (or --corpus is given), its raw texts as further templates: each variant is a template moved
to another year and unit, filed under a province's folder (tests/batch_fixtures.py). Then, each into a fresh
DuckDB dataset:

- local engine, 1 job, on the small set and on the full set (linearity: seconds per document should match);
- local engine, 2 jobs, on the full set (target: ≥ 1.7 × the throughput of 1 job);
- Dask engine, a local cluster of 2 worker processes, on the full set.

Peak memory is the largest sum of resident memory of this process and all its descendants (workers, the Dask
scheduler and nannies), sampled every 0.2 s with psutil; CPU seconds are summed over the same processes, so
that 份/CPU秒 can be read beside wall-clock throughput on a machine shared with other work.

Before the runs, a control: the same pure-Python loop in one process and in two at once. Its speed-up is the
most that two processes can gain on this machine at this moment (on a machine shared with other jobs, or whose
two vCPUs share one physical core, it is well below 2); the batch's own 2-job speed-up is printed beside it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao.batch import BatchOptions, run_batch  # noqa: E402
from tests.batch_fixtures import make_reports  # noqa: E402


class PeakMemory:
    """The largest RSS of this process plus its descendants while the block runs, and their CPU seconds."""

    def __init__(self) -> None:
        self.peak = 0
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()

    @property
    def cpu_seconds(self) -> float:
        return sum(self._cpu.values())

    def _sample(self) -> None:
        me = psutil.Process()
        start = me.cpu_times()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                    t = p.cpu_times()
                    used = t.user + t.system
                    if p.pid == me.pid:
                        used -= start.user + start.system
                    self._cpu[p.pid] = max(self._cpu.get(p.pid, 0.0), used)
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(0.2)

    def __enter__(self) -> "PeakMemory":
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def measure(label: str, inputs: list[Path], count: int, work: Path, jobs: int, engine: str = "local") -> dict:
    dataset = work / f"{label}.duckdb"
    with PeakMemory() as memory:
        start = time.perf_counter()
        summary = run_batch(BatchOptions([str(p) for p in inputs], dataset, jobs=jobs, engine=engine))
        seconds = time.perf_counter() - start
    assert summary.processed == count, (summary.processed, count)
    row = {"label": label, "docs": count, "jobs": jobs, "seconds": seconds, "per_second": count / seconds,
           "per_core": count / seconds / jobs, "ms_per_doc": seconds * 1000 / count, "peak_mb": memory.peak / 2**20,
           "failed": summary.failed, "per_cpu_second": count / max(memory.cpu_seconds, 1e-9)}
    print(f"{label:<18} {count:>6} 份  {jobs} 进程  {seconds:7.1f} 秒  {row['per_second']:6.1f} 份/秒  "
          f"{row['per_core']:6.1f} 份/秒/核  {row['per_cpu_second']:6.1f} 份/CPU秒  峰值内存 {row['peak_mb']:5.0f} MB  "
          f"失败 {summary.failed}", flush=True)
    dataset.unlink()
    return row


def _burn(n: int = 20_000_000) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def control() -> float:
    """Speed-up of two processes over one on a pure-Python loop: what this machine gives two processes now."""
    import multiprocessing

    start = time.perf_counter()
    _burn()
    _burn()
    serial = time.perf_counter() - start
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.apply(_burn, (10,))  # started before the clock
        start = time.perf_counter()
        pool.map(_burn, [20_000_000] * 2)
        parallel = time.perf_counter() - start
    return serial / parallel


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--skip-cluster", action="store_true")
    args = parser.parse_args()
    extra = sorted((args.corpus / "raw").glob("*.txt")) if (args.corpus / "raw").is_dir() else []
    work = Path(tempfile.mkdtemp(prefix="jixiao-batch-bench-"))
    try:
        full = work / "full"
        make_reports(full, args.docs, extra)
        small = work / "small"
        make_reports(small, args.small, extra)
        print(f"模板：{16 + len(extra)} 个（版式样例 16 个，语料原文 {len(extra)} 个）；CPU {psutil.cpu_count()} 核", flush=True)
        ceiling = control()
        print(f"对照：纯 Python 循环 2 进程 / 1 进程 = {ceiling:.2f} 倍（本机此刻两个进程最多能快多少）", flush=True)
        one_small = measure("本机 1 进程（小）", [small], args.small, work, 1)
        one = measure("本机 1 进程", [full], args.docs, work, 1)
        two = measure("本机 2 进程", [full], args.docs, work, 2)
        rows = [one_small, one, two]
        if not args.skip_cluster:
            rows.append(measure("Dask 2 个工作进程", [full], args.docs, work, 2, engine="dask"))
        print()
        print(f"2 进程 / 1 进程 吞吐量：{two['per_second'] / one['per_second']:.2f} 倍（目标 ≥ 1.7；"
              f"本机对照 {ceiling:.2f} 倍，即达到对照的 {two['per_second'] / one['per_second'] / ceiling:.0%}）")
        print(f"每 CPU 秒处理：1 进程 {one['per_cpu_second']:.1f} 份，2 进程 {two['per_cpu_second']:.1f} 份"
              "（并行的额外开销）")
        print(f"线性：{args.small} 份 {one_small['ms_per_doc']:.1f} ms/份，{args.docs} 份 {one['ms_per_doc']:.1f} ms/份"
              f"（比值 {one['ms_per_doc'] / one_small['ms_per_doc']:.2f}）")
        if not args.skip_cluster:
            print(f"Dask / 本机 2 进程 吞吐量：{rows[-1]['per_second'] / two['per_second']:.2f} 倍")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
