"""An ordered chain of named functions, the way markdown-it-py keeps its rules.

The parser has two: its stages (read → scan → outline → items → tree → profile → extract) and its
extractors (quantities, meetings, …). A user inserts, replaces or switches off a link by name; the
order of the chain is the order things run in.

    >>> chain = Chain([("a", len), ("b", str)])
    >>> chain.insert_after("a", "c", abs)
    >>> chain.names()
    ['a', 'c', 'b']
    >>> chain.replace("b", repr); chain.disable("a"); chain.names()
    ['c', 'b']
"""

from __future__ import annotations

from typing import Generic, Iterable, Iterator, TypeVar

F = TypeVar("F")


class Chain(Generic[F]):
    def __init__(self, links: Iterable[tuple[str, F]] = ()):
        self._links: list[tuple[str, F]] = []
        self._off: set[str] = set()
        for name, fn in links:
            self.push(name, fn)

    def push(self, name: str, fn: F) -> None:
        """Add a link at the end."""
        self._check_new(name)
        self._links.append((name, fn))

    def insert_before(self, anchor: str, name: str, fn: F) -> None:
        self._check_new(name)
        self._links.insert(self._index(anchor), (name, fn))

    def insert_after(self, anchor: str, name: str, fn: F) -> None:
        self._check_new(name)
        self._links.insert(self._index(anchor) + 1, (name, fn))

    def replace(self, name: str, fn: F) -> None:
        self._links[self._index(name)] = (name, fn)

    def disable(self, name: str) -> None:
        self._index(name)
        self._off.add(name)

    def enable(self, name: str) -> None:
        self._index(name)
        self._off.discard(name)

    def get(self, name: str) -> F:
        return self._links[self._index(name)][1]

    def names(self) -> list[str]:
        """The names of the links that run, in order."""
        return [name for name, _ in self]

    def copy(self) -> Chain[F]:
        chain: Chain[F] = Chain(self._links)
        chain._off = set(self._off)
        return chain

    def __contains__(self, name: object) -> bool:
        return any(n == name for n, _ in self._links)

    def __iter__(self) -> Iterator[tuple[str, F]]:
        return iter([(n, fn) for n, fn in self._links if n not in self._off])

    def _index(self, name: str) -> int:
        for i, (n, _) in enumerate(self._links):
            if n == name:
                return i
        raise KeyError(f"no link named {name!r} (links: {', '.join(n for n, _ in self._links)})")

    def _check_new(self, name: str) -> None:
        if name in self:
            raise ValueError(f"a link named {name!r} is already in the chain")
