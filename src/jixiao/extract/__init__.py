"""Extraction: published reports (PDF, DOCX, HTML, TXT) back into the domain model, with provenance."""

from .api import Extraction, Value, extract_data, extract_file, extract_text

__all__ = ["Extraction", "Value", "extract_data", "extract_file", "extract_text"]
