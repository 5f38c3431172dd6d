"""Rule files: typed rule kinds, loading with overlays, validation, and the examples each rule carries."""

from . import pattern
from .kinds import (BY_KIND, ClosingRule, DocumentRule, EnumerationRule, GenreRule, GrammarRule, HeadingRule,
                    IndicatorRule, LexiconRule, MeetingRule, NoiseRule, OcrFixRule, PassageRule, QualifierRule,
                    ReadingRule, ReportStartRule, RoleRule, Rule, SettingRule, StoptermRule, SynonymRule, ThemeRule,
                    UnitRule, required)
from .load import RuleBook, default_rules, load_rule_file, load_rules, shipped_rules_dir
from .pattern import MATCH_TIMEOUT_SECONDS, Pattern

__all__ = ["BY_KIND", "ClosingRule", "DocumentRule", "EnumerationRule", "GenreRule", "GrammarRule", "HeadingRule",
           "IndicatorRule", "LexiconRule", "MeetingRule", "NoiseRule", "OcrFixRule", "PassageRule", "QualifierRule",
           "ReadingRule", "ReportStartRule", "RoleRule", "Rule", "SettingRule", "StoptermRule", "SynonymRule",
           "ThemeRule", "UnitRule", "RuleBook", "default_rules", "load_rule_file", "load_rules", "shipped_rules_dir",
           "MATCH_TIMEOUT_SECONDS", "Pattern", "pattern", "required"]
