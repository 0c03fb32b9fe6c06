"""The dataset's tables: one per level, each column with its DuckDB type. The one owner of the layout.

Every row carries the document's content hash (sha256), its source path, the jixiao version and the rule set,
so that any table can be read on its own. Money is DECIMAL(18,2) in 元 (a report's 万元 with six decimals is
exact in 元 to the cent); rates and scores are DECIMAL(18,2) too, to the cent as shown and scored (model.round2).
"""

from __future__ import annotations

MONEY = "DECIMAL(18,2)"
RATE = "DECIMAL(18,2)"
LIMIT = 10 ** 16  # what DECIMAL(18,2) holds; a figure past it is a misread, stored as NULL

# Columns every table begins with: which document, read from where, by which jixiao and rule set.
COMMON = (("sha256", "VARCHAR NOT NULL"), ("source_path", "VARCHAR NOT NULL"), ("jixiao_version", "VARCHAR NOT NULL"),
          ("ruleset", "VARCHAR"))

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    # One row per document, also for a document that failed (status, with its finding in `findings`).
    "documents": COMMON + (
        ("file_name", "VARCHAR NOT NULL"), ("size_bytes", "BIGINT NOT NULL"),
        ("status", "VARCHAR NOT NULL"),  # ok, failed (could not be read or reviewed), timeout
        ("kind", "VARCHAR"), ("kind_label", "VARCHAR"), ("year", "INTEGER"), ("department", "VARCHAR"),
        ("supervisor", "VARCHAR"), ("province", "VARCHAR"), ("title", "VARCHAR"), ("unit", "VARCHAR"),
        ("budget_yuan", MONEY), ("executed_yuan", MONEY), ("execution_rate", RATE),
        ("total_score", RATE), ("grade", "VARCHAR"), ("grade_label", "VARCHAR"),
        ("declared_score", RATE), ("declared_grade", "VARCHAR"),
        ("projects", "INTEGER NOT NULL"), ("indicators", "INTEGER NOT NULL"),
        ("errors", "INTEGER NOT NULL"), ("warnings", "INTEGER NOT NULL"), ("infos", "INTEGER NOT NULL"),
    ),
    # Every amount of the finance block and of each project's 项目资金 rows, in 元.
    "finance": COMMON + (
        ("task_index", "INTEGER"),  # NULL for the department's own finance block
        ("item", "VARCHAR NOT NULL"),  # model path: budget, by_source.general_budget, by_source.current_year.executed
        ("label", "VARCHAR NOT NULL"), ("amount_yuan", MONEY + " NOT NULL"),
    ),
    # A department's 重点工作任务, or the project itself in a project evaluation.
    "projects": COMMON + (
        ("task_index", "INTEGER NOT NULL"), ("name", "VARCHAR"),
        ("initial_budget_yuan", MONEY), ("budget_yuan", MONEY), ("executed_yuan", MONEY),
        ("execution_rate", RATE), ("stated_execution_rate", RATE), ("indicators", "INTEGER NOT NULL"),
        ("score", RATE), ("weight", RATE),
    ),
    "indicators": COMMON + (
        ("task_index", "INTEGER NOT NULL"), ("indicator_index", "INTEGER NOT NULL"),
        ("level1", "VARCHAR"), ("level2", "VARCHAR"), ("name", "VARCHAR"), ("unit", "VARCHAR"),
        ("target", "VARCHAR"), ("actual", "VARCHAR"), ("stated_met", "BOOLEAN"),
        ("outcome", "VARCHAR"), ("outcome_label", "VARCHAR"),  # the one comparison (model.verdict)
        ("weight", RATE), ("declared_score", RATE), ("score", RATE),
    ),
    "findings": COMMON + (
        ("ordinal", "INTEGER NOT NULL"), ("code", "VARCHAR NOT NULL"), ("severity", "VARCHAR NOT NULL"),
        ("severity_label", "VARCHAR NOT NULL"), ("message", "VARCHAR NOT NULL"), ("path", "VARCHAR"),
        ("location", "VARCHAR"),
    ),
    # Where each field of the evaluation was read from (extraction's provenance).
    "provenance": COMMON + (
        ("field", "VARCHAR NOT NULL"), ("value", "VARCHAR"), ("location", "VARCHAR"), ("source_text", "VARCHAR"),
        ("confidence", "DOUBLE"), ("method", "VARCHAR"),
    ),
}

# The order rows sort in when two datasets are compared (and when exported): content, not arrival order.
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("sha256",), "finance": ("sha256", "task_index", "item"), "projects": ("sha256", "task_index"),
    "indicators": ("sha256", "task_index", "indicator_index"), "findings": ("sha256", "ordinal"),
    "provenance": ("sha256", "field"),
}

# Facts about the dataset as a whole: what made it (checked on resume) — not compared between runs.
META = "batch_meta"
RUNS = "batch_runs"


def create_statements() -> list[str]:
    statements = [f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(f'{c} {t}' for c, t in cols)})"
                  for name, cols in TABLES.items()]
    statements.append(f"CREATE TABLE IF NOT EXISTS {META} (key VARCHAR PRIMARY KEY, value VARCHAR)")
    statements.append(f"CREATE TABLE IF NOT EXISTS {RUNS} (started_at TIMESTAMP, finished_at TIMESTAMP, engine VARCHAR, "
                      "workers INTEGER, processed INTEGER, skipped INTEGER, failed INTEGER, interrupted BOOLEAN)")
    return statements


def columns(table: str) -> list[str]:
    return [c for c, _ in TABLES[table]]
