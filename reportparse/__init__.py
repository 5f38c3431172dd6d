"""reportparse: Chinese work reports (述职报告, 工作总结, 政府工作报告 …) as structured data.

    >>> from reportparse import parse
    >>> report = parse("一、加强学习。一是学理论；二是学业务。\\n二、改进作风\\n")
    >>> [(n.marker, n.title) for n in report.sections]
    [('一、', '加强学习'), ('二、', '改进作风')]
"""

from .api import parse, parse_reports, parse_text
from .compare import compare
from .errors import InputError, ReportParseError, RuleError
from .model import Node, Report

__all__ = ["parse", "parse_reports", "parse_text", "compare", "Report", "Node", "ReportParseError", "InputError", "RuleError"]
