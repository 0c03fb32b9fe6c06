"""Scoring speed and memory: N generated evaluations of 20 indicators each, N = 1,000 / 10,000 / 100,000.

Each N runs in its own process so that peak memory (ru_maxrss) belongs to that N alone. Evaluations are
generated one at a time (model_construct, outside the timed part) and scored with cn-mof-2020.
Usage: .venv/bin/python benchmarks/score.py [N ...]
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time
from decimal import Decimal

from jixiao.model import Department, Evaluation, Finance, Indicator, Kind, Level1, Money, Operator, Quantity, Task
from jixiao.rules import load_ruleset, score

SIZES = (1_000, 10_000, 100_000)
LEVELS = [Level1.OUTPUT] * 10 + [Level1.EFFECT] * 6 + [Level1.SATISFACTION] * 2 + [Level1.OUTPUT] * 2
OPS = (Operator.GE, Operator.LE, Operator.EQ)


def quantity(op: Operator, number: int) -> Quantity:
    return Quantity.model_construct(op=op, number=Decimal(number), unit="个", label=None, text=f"{op.value}{number}个")


def indicator(rng: random.Random, level: Level1) -> Indicator:
    if rng.random() < 0.15:
        label = rng.choice(["达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差"])
        target = Quantity.model_construct(op=Operator.QUALITATIVE, number=None, unit=None, label="按时完成", text="按时完成")
        actual = Quantity.model_construct(op=Operator.QUALITATIVE, number=None, unit=None, label=label, text=label)
    else:
        t = rng.randint(1, 500)
        target, actual = quantity(rng.choice(OPS), t), quantity(Operator.EQ, rng.randint(0, 2 * t))
    return Indicator.model_construct(level1=level, level2=None, name="指标", unit=None, period_target=None,
                                     target=target, actual=actual, met=None, weight=None, score=None, deviation=None,
                                     not_applicable=False, location=None, field_locations={})


def evaluation(rng: random.Random) -> Evaluation:
    budget = Decimal(rng.randint(10_000, 10_000_000)) / 100
    executed = budget * Decimal(rng.randint(50, 105)) / 100
    task = Task.model_construct(name="项目", indicators=tuple(indicator(rng, lv) for lv in LEVELS), location=None,
                                field_locations={})
    finance = Finance.model_construct(budget=Money(amount=budget), executed=Money(amount=executed), location=None,
                                      field_locations={})
    return Evaluation.model_construct(kind=Kind.PROJECT, year=2024, department=Department(name="单位"),
                                      finance=finance, tasks=(task,), ruleset=None, location=None, field_locations={})


def run(n: int) -> tuple[float, float, int]:
    ruleset, _ = load_ruleset("cn-mof-2020")
    rng = random.Random(n)
    elapsed, checksum = 0.0, Decimal(0)
    for _ in range(n):
        ev = evaluation(rng)
        start = time.perf_counter()
        checksum += score(ev, ruleset).total
        elapsed += time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return elapsed, float(checksum / n), peak_kib


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        elapsed, mean, peak = run(int(argv[1]))
        print(f"{elapsed} {mean} {peak}")
        return
    sizes = [int(a) for a in argv] or list(SIZES)
    print(f"{'N':>9} {'秒':>8} {'评价/秒':>10} {'每份微秒':>9} {'峰值内存MB':>11} {'平均分':>7}")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True, check=True)
        elapsed, mean, peak = out.stdout.split()
        seconds = float(elapsed)
        print(f"{n:>9,} {seconds:>8.2f} {n / seconds:>10,.0f} {seconds / n * 1e6:>9.0f} "
              f"{int(peak) / 1024:>11.1f} {float(mean):>7.2f}")
    print("目标：20,000 份在单核 10 秒内评完；耗时应随 N 线性增长（每份微秒数基本不变）。")


if __name__ == "__main__":
    main(sys.argv[1:])
