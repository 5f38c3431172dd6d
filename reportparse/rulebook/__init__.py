"""Rule files: loading, validation, and the examples each rule carries."""

from .load import Rule, RuleBook, load_rule_file, load_rules, shipped_rules_dir

__all__ = ["Rule", "RuleBook", "load_rule_file", "load_rules", "shipped_rules_dir"]
