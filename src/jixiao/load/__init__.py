"""Input: YAML/JSON and the Excel template → Evaluation with findings; and back to the input format."""

from .dump import to_document, to_json, to_plain, to_yaml
from .reader import LoadResult, load_file, load_text

__all__ = ["LoadResult", "load_file", "load_text", "to_document", "to_json", "to_plain", "to_yaml"]
