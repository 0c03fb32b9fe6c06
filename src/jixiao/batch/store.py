"""The dataset on disk: one DuckDB file (default), or a folder of Parquet files, one per table.

Only the parent process writes, in batches of whole documents, each batch one transaction: a batch killed
mid-way leaves every document either fully stored or absent, so a re-run resumes where it stopped. A Parquet
dataset is built in a DuckDB work file inside its folder (for resuming) and exported when the run ends.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import KEYS, META, RUNS, TABLES, create_statements
from .task import DocumentResult

PARQUET_WORK_FILE = "_work.duckdb"
FORMATS = ("duckdb", "parquet")


class StoreError(Exception):
    """A dataset that cannot be opened or does not fit this run; the message is Chinese and says which."""


def _arrow_type(sql: str) -> pa.DataType:
    base = sql.split()[0]
    if base.startswith("DECIMAL"):
        precision, scale = base[len("DECIMAL("):-1].split(",")
        return pa.decimal128(int(precision), int(scale))
    return {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
            "BOOLEAN": pa.bool_()}[base]


SCHEMAS = {name: pa.schema([(c, _arrow_type(t)) for c, t in cols]) for name, cols in TABLES.items()}


class Store:
    def __init__(self, dataset: Path, fmt: str = "duckdb") -> None:
        if fmt not in FORMATS:
            raise StoreError(f"不支持的输出格式“{fmt}”：可选 {'、'.join(FORMATS)}")
        self.dataset, self.format = dataset, fmt
        if fmt == "parquet":
            if dataset.exists() and not dataset.is_dir():
                raise StoreError(f"{dataset} 已存在且不是目录：Parquet 数据集是一个目录，每张表一个文件")
            try:
                dataset.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"无法创建目录 {dataset}：{exc.strerror}") from exc
            self.file = dataset / PARQUET_WORK_FILE
        else:
            if dataset.is_dir():
                raise StoreError(f"{dataset} 是目录：DuckDB 数据集是一个文件（要写 Parquet 目录请加 --format parquet）")
            self.file = dataset
        try:
            self.con = duckdb.connect(str(self.file))
        except (duckdb.IOException, duckdb.Error) as exc:
            raise StoreError(f"无法打开数据集 {self.file}：{_duckdb_reason(exc)}") from exc
        for statement in create_statements():
            self.con.execute(statement)

    def check_meta(self, values: dict[str, str]) -> None:
        """A dataset is made with one rule-set choice: a resumed run must ask for the same (else two scorings mix)."""
        stored = dict(self.con.execute(f"SELECT key, value FROM {META}").fetchall())
        for key, value in values.items():
            if key in stored and stored[key] != value:
                raise StoreError(f"数据集 {self.dataset} 是用 {key}={stored[key] or '（缺省）'} 生成的，本次为 "
                                 f"{value or '（缺省）'}：请用相同的设置续跑，或另选输出位置")
        for key, value in values.items():
            if key not in stored:
                self.con.execute(f"INSERT INTO {META} VALUES (?, ?)", [key, value])

    def known_hashes(self) -> set[str]:
        return {h for (h,) in self.con.execute("SELECT sha256 FROM documents").fetchall()}

    def write(self, results: list[DocumentResult]) -> None:
        """Whole documents, all tables, one transaction."""
        if not results:
            return
        self.con.begin()
        try:
            for name in TABLES:
                rows = [row for r in results for row in r.rows[name]]
                if not rows:
                    continue
                schema = SCHEMAS[name]
                batch = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(zip(*rows), schema)],
                                             schema=schema)
                self.con.register("incoming", batch)
                self.con.execute(f"INSERT INTO {name} SELECT * FROM incoming")
                self.con.unregister("incoming")
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def record_run(self, started: datetime, engine: str, workers: int, processed: int, skipped: int, failed: int,
                   interrupted: bool) -> None:
        self.con.execute(f"INSERT INTO {RUNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         [started, datetime.now(timezone.utc).replace(tzinfo=None), engine, workers, processed, skipped,
                          failed, interrupted])

    def export_parquet(self) -> list[Path]:
        """Each table to <dataset>/<table>.parquet, rows in key order, streamed in record batches."""
        written = []
        for name in (*TABLES, META, RUNS):
            target = self.dataset / f"{name}.parquet"
            order = ", ".join(KEYS.get(name, ())) or "1"
            reader = self.con.sql(f"SELECT * FROM {name} ORDER BY {order}").to_arrow_reader(50_000)
            with pq.ParquetWriter(target, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
            written.append(target)
        return written

    def close(self) -> None:
        self.con.close()


def open_dataset(path: Path) -> duckdb.DuckDBPyConnection:
    """A dataset to read: a DuckDB file, or a Parquet folder (its tables as views). Raises StoreError."""
    try:
        if path.is_dir():
            con = duckdb.connect()
            for name in (*TABLES, META, RUNS):
                file = path / f"{name}.parquet"
                if not file.is_file():
                    raise StoreError(f"{path} 中缺少 {file.name}：不是完整的 Parquet 数据集（批量处理是否已完成？）")
                con.read_parquet(str(file)).create_view(name)
            return con
        if not path.is_file():
            raise StoreError(f"数据集 {path} 不存在")
        con = duckdb.connect(str(path), read_only=True)
        missing = [t for t in TABLES if not con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [t]).fetchone()[0]]
        if missing:
            con.close()
            raise StoreError(f"{path} 不是 jixiao 批量数据集：缺少表 {'、'.join(missing)}")
        return con
    except duckdb.Error as exc:
        raise StoreError(f"无法读取数据集 {path}：{_duckdb_reason(exc)}") from exc


def table_rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    """A table's rows in key order: what two runs over the same inputs must agree on."""
    order = ", ".join(KEYS[table])
    return con.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()


def _duckdb_reason(exc: Exception) -> str:
    text = str(exc)
    if "lock" in text.lower():
        return "文件正被另一个进程使用（是否有另一个批量处理在写同一数据集？）"
    if "not a valid DuckDB database" in text or "Failed to open" in text or "magic" in text.lower():
        return "不是 DuckDB 数据库文件"
    return text.splitlines()[0] if text else type(exc).__name__
