"""Batch review of published reports into an analytical dataset (DuckDB or Parquet), in parallel and resumable.

    run_batch(BatchOptions(inputs, dataset, ...)) -> BatchSummary
    build_report(dataset) -> str                    # one self-contained HTML page

The per-document task (task.process_document) goes through the one review pipeline (jixiao.review); the
layout of the tables is schema.TABLES. Knows nothing of the command line.
"""

from .run import ENGINES, BatchOptions, BatchSummary, run_batch, worker_count
from .store import FORMATS, StoreError, open_dataset, table_rows

__all__ = ["ENGINES", "FORMATS", "BatchOptions", "BatchSummary", "StoreError", "open_dataset", "run_batch",
           "table_rows", "worker_count"]
