"""Errors that reach the user as one line and a documented exit code.

Exit codes (the CLI's contract):
    0  success
    1  bad input or an invalid rule file (one-line message on stderr)
    2  usage error (unknown option, missing argument), raised by Typer
"""


class ReportParseError(Exception):
    exit_code = 1


class InputError(ReportParseError):
    """The input cannot be read or decoded as a text report."""


class RuleError(ReportParseError):
    """A rule file is invalid, or a rule's pattern ran out of time; the message names file, rule and field."""

    code = "rule"  # an error record's type in a batch

    def __init__(self, file: str, rule: str | None, field: str | None, problem: str):
        self.file, self.rule, self.field, self.problem = file, rule, field, problem
        where = file
        if rule:
            where += f": rule {rule!r}"
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {problem}")
