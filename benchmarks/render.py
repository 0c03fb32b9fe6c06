"""Time rendering the seed department (examples/liwan-fulian-2023.yaml) to DOCX + XLSX.

Run: .venv/bin/python benchmarks/render.py [rounds]   (target: under 1 second per DOCX + XLSX)
Loading and the view are timed separately; scoring and checks are included in the view time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from jixiao.load import load_file
from jixiao.render import build_view, render_docx, render_xlsx

SEED = Path(__file__).resolve().parent.parent / "examples" / "liwan-fulian-2023.yaml"


def main(rounds: int = 5) -> None:
    evaluation = load_file(SEED).evaluation
    render_xlsx(build_view(evaluation), Path(tempfile.gettempdir()) / "jixiao-warmup.xlsx")  # imports
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        view_times, render_times = [], []
        for i in range(rounds):
            start = time.perf_counter()
            view = build_view(evaluation)
            middle = time.perf_counter()
            render_docx(view, out / f"r{i}.docx")
            render_xlsx(view, out / f"r{i}.xlsx")
            end = time.perf_counter()
            view_times.append(middle - start)
            render_times.append(end - middle)
    print(f"seed department, {rounds} rounds (best / mean):")
    print(f"  view (score + checks + format): {min(view_times):.3f} s / {sum(view_times) / rounds:.3f} s")
    print(f"  DOCX + XLSX:                    {min(render_times):.3f} s / {sum(render_times) / rounds:.3f} s")
    total = min(render_times) + min(view_times)
    print(f"  total best: {total:.3f} s ({'within' if total < 1 else 'OVER'} the 1 s target)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
