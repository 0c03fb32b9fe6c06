import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "liwan-fulian-2023.yaml"
JIXIAO = Path(sys.executable).parent / "jixiao"


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """Run the installed `jixiao` command as a user would."""
    return subprocess.run([str(JIXIAO), *map(str, args)], capture_output=True, text=True, cwd=cwd, input=input,
                          timeout=300)


def need_tool(name: str) -> str:
    """The path of an external tool; skip without it, but fail under CI (JIXIAO_CI) where it must be there."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("JIXIAO_CI"):
            pytest.fail(f"{name} is required in CI but not installed")
        pytest.skip(f"{name} not installed")
    return path


def require_module(name: str):
    """Import a module the test needs; skip without it, but fail under CI (JIXIAO_CI) where it must be installed."""
    if os.environ.get("JIXIAO_CI"):
        import importlib

        try:
            return importlib.import_module(name)
        except ImportError:
            pytest.fail(f"{name} is required in CI but not installed (make install installs .[cluster])")
    return pytest.importorskip(name)


@pytest.fixture(scope="session")
def seed():
    """The seed department as loaded from examples/ (frozen, so tests can share it)."""
    from jixiao.load import load_file

    return load_file(SEED).evaluation


@pytest.fixture
def cli():
    return run_cli


PROJECT_EXAMPLE = EXAMPLES / "community-library-2024.yaml"


@pytest.fixture(scope="session")
def project():
    """The project example (fictional), with 其中 rows, declared scores, 附件, 落款 and 成文日期."""
    from jixiao.load import load_file

    return load_file(PROJECT_EXAMPLE).evaluation
