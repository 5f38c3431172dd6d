"""Rule files: typed rule kinds, loading with overlays, validation, and the examples each rule carries."""

from .kinds import (BY_KIND, ClosingRule, DocumentRule, EnumerationRule, GenreRule, GrammarRule, HeadingRule,
                    IndicatorRule, LexiconRule, LimitRule, MeetingRule, NoiseRule, PassageRule, QualifierRule, RoleRule, Rule,
                    StoptermRule, SynonymRule, ThemeRule, UnitRule)
from .load import RuleBook, default_rules, load_rule_file, load_rules, shipped_rules_dir
from . import pattern
from .pattern import MATCH_TIMEOUT_SECONDS, Pattern

__all__ = ["BY_KIND", "ClosingRule", "DocumentRule", "EnumerationRule", "GenreRule", "GrammarRule", "HeadingRule",
           "IndicatorRule", "LexiconRule", "LimitRule", "MeetingRule", "NoiseRule", "PassageRule", "QualifierRule", "RoleRule",
           "Rule", "StoptermRule", "SynonymRule", "ThemeRule", "UnitRule", "RuleBook", "default_rules", "load_rule_file", "load_rules",
           "shipped_rules_dir", "MATCH_TIMEOUT_SECONDS", "Pattern"]
