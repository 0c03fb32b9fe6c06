"""How long checking takes: 10,000 evaluations on one core (target: under 20 s).

    .venv/bin/python benchmarks/check.py [N]

The evaluations are the two bundled examples (loaded once), alternated, each reviewed as `jixiao check` reviews
it (jixiao.review: scoring with the default rule set, every check, the drafted sections). Loading is not timed:
it is the loader's cost, not the checks'.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from jixiao import review
from jixiao.load import load_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [ROOT / "examples" / "liwan-fulian-2023.yaml", ROOT / "examples" / "clean-department-2024.yaml"]


def main(n: int = 10_000) -> None:
    evaluations = [load_file(p).evaluation for p in EXAMPLES]
    findings = 0
    start = time.perf_counter()
    for i in range(n):
        findings += len(review(evaluations[i % len(evaluations)]).findings)
    seconds = time.perf_counter() - start
    verdict = "达标" if seconds < 20 * n / 10_000 else "未达标"
    print(f"审核 {n} 份自评：{seconds:.2f} 秒（每份 {seconds / n * 1000:.2f} 毫秒，共 {findings} 条发现；"
          f"目标 1 万份 20 秒以内：{verdict}）")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
