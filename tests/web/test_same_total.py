"""`jixiao score`, `jixiao check`, `jixiao render` and the web app give the same total for the same document:
all four go through the review pipeline."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.load import load_file
from jixiao.web.analysis import document_of
from jixiao.web.models import Department, Evaluation, Year
from jixiao.web.services import save_revision

from ..conftest import EXAMPLES, SEED, run_cli

pytestmark = pytest.mark.django_db
PRINTED = Path(__file__).resolve().parents[1] / "data" / "scoring" / "printed-values-project.yaml"


@pytest.mark.parametrize("path", [PRINTED, EXAMPLES / "community-library-2024.yaml", SEED], ids=lambda p: p.stem)
def test_score_check_render_and_web_agree(path, tmp_path, world):
    scored = json.loads(run_cli("score", path, "--json").stdout)
    checked = json.loads(run_cli("check", path, "--json").stdout)
    rendered = run_cli("render", path, "-f", "md", "--with-review", "-o", tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    review_line = re.search(r"测算，得分([0-9.]+)分", (tmp_path / f"{path.stem}.md").read_text(encoding="utf-8"))

    evaluation = load_file(path).evaluation
    row = Evaluation.objects.create(department=Department.objects.create(name=evaluation.department.name + "（测试）"),
                                    year=Year.objects.get_or_create(year=evaluation.year)[0], kind=evaluation.kind.value)
    saved = save_revision(row, document_of(evaluation), world.admin, 0, "测试")

    totals = {"score": Decimal(str(scored["total"])), "check": Decimal(str(checked["score"]["total"])),
              "render": Decimal(review_line[1]), "web": saved.revision.score}
    assert len(set(totals.values())) == 1, totals
    assert scored["ruleset"] == checked["score"]["ruleset"] and scored["grade"] == checked["score"]["grade"] == saved.revision.grade
