"""The parse as a chain of named stages over one state object (see docs/architecture.md)."""

from .chain import Chain
from .parser import Parser
from .state import ParseState

__all__ = ["Chain", "Parser", "ParseState"]
