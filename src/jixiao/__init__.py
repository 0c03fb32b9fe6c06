"""jixiao (绩效): budget performance self-evaluation — model, scoring, checks, reports, extraction.

    from jixiao import review, review_report, review_file, Review

`jixiao.review(document, ruleset=None)` reads, scores, checks and drafts in one step (jixiao/review.py).
"""

__version__ = "0.1.0"

from .review import Review, review, review_file, review_report  # noqa: E402  (the package's one entry point)

__all__ = ["Review", "review", "review_file", "review_report"]
