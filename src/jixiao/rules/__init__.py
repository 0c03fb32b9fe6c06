"""Scoring: rule sets as versioned data (rules/data/*.yaml) and the engine that applies them.

Imports nothing from the web, CLI, office or PDF libraries (a test enforces it).
"""

from .engine import RuleSetError, resolve_ruleset, score
from .loader import default_ruleset_name, list_rulesets, load_ruleset, load_ruleset_file, ruleset_titles
from .ruleset import RuleSet
from .scorecard import ScoreCard, ScoreItem

__all__ = ["RuleSet", "RuleSetError", "ScoreCard", "ScoreItem", "default_ruleset_name", "list_rulesets",
           "load_ruleset", "load_ruleset_file", "resolve_ruleset", "ruleset_titles", "score"]
