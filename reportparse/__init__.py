"""reportparse: Chinese work reports (述职报告, 工作总结, 政府工作报告 …) as structured data.

    >>> from reportparse import parse
    >>> report = parse("一、加强学习。一是学理论；二是学业务。\\n二、改进作风\\n")
    >>> [(n.marker, n.title) for n in report.sections]
    [('一、', '加强学习'), ('二、', '改进作风')]

Comparing years is ``from reportparse.compare import compare`` (the [compare] extra), the indicator
panel ``from reportparse.panel import panel``: neither is imported here, so a parse loads no optional
dependency.
"""

from .api import parse, parse_reports, parse_text
from .errors import InputError, ReportParseError, RuleError
from .model import Node, Report

# The one place the version is written: pyproject.toml reads it (setuptools' dynamic version).
__version__ = "0.1.0"

__all__ = ["parse", "parse_reports", "parse_text", "Report", "Node", "ReportParseError", "InputError", "RuleError", "__version__"]
