"""The web tests again on PostgreSQL (127.0.0.1:5432, database test, user postgres), in a subprocess.

Django binds one database per process, so this runs tests/web (without the browser test) with
JIXIAO_DATABASE_URL pointing at PostgreSQL. Skipped when the server is unreachable, failed under JIXIAO_CI.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.postgres
URL = os.environ.get("JIXIAO_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _reachable() -> str | None:
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        psycopg.connect(URL, connect_timeout=3).close()
    except psycopg.Error as exc:
        return f"PostgreSQL unreachable at {URL}: {exc}"
    return None


def test_web_suite_passes_on_postgresql(tmp_path):
    if os.environ.get("JIXIAO_DATABASE_URL", "").startswith("postgres"):
        pytest.skip("already running on PostgreSQL")
    reason = _reachable()
    if reason:
        if os.environ.get("JIXIAO_CI"):
            pytest.fail(reason + " (required in CI)")
        pytest.skip(reason)
    env = dict(os.environ, JIXIAO_DATABASE_URL=URL, JIXIAO_DATA_DIR=str(tmp_path))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/web",
         "-m", "not browser and not postgres", "--create-db"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "failed" not in run.stdout
