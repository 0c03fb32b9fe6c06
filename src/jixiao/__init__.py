"""jixiao (绩效): budget performance self-evaluation — model, scoring, checks, reports, extraction."""

__version__ = "0.1.0"
