"""Optional dependencies: each is imported inside the function that needs it, under :func:`needs_extra`,
so the core install (parse, extract, batch on text files) never loads them and a missing one is a
one-line error naming the extra that brings it.

    >>> import sys
    >>> sys.modules["not_installed_here"] = None  # what a missing package looks like to ``import``
    >>> with needs_extra("plot", "drawing the panel (not_installed_here)"):
    ...     import not_installed_here
    Traceback (most recent call last):
    reportparse.extras.MissingExtra: drawing the panel (not_installed_here) needs the [plot] extra: pip install 'reportparse[plot]'
    >>> del sys.modules["not_installed_here"]
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .errors import ReportParseError


class MissingExtra(ReportParseError):
    """An optional dependency is not installed (exit code 1, like any input the install cannot handle)."""

    code = "missing-extra"  # a batch error record's type


@contextmanager
def needs_extra(extra: str, purpose: str) -> Iterator[None]:
    """Turn an ImportError inside the block into :class:`MissingExtra`; ``purpose`` says what needed it."""
    try:
        yield
    except ImportError:
        raise MissingExtra(f"{purpose} needs the [{extra}] extra: pip install 'reportparse[{extra}]'") from None
