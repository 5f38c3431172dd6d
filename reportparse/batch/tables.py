"""Records as tables: a SQLite database (Python's own sqlite3) and one CSV per table."""

from __future__ import annotations

import csv
import os
import sqlite3
from typing import Any, Iterator

TABLES: dict[str, tuple[str, ...]] = {
    "reports": ("id", "path", "sha256", "format", "encoding", "genre", "title", "year", "text_length",
                "error_type", "error_message"),
    "sections": ("report_id", "kind", "level", "marker", "number", "title", "role", "style", "start", "end", "depth"),
    "quantities": ("report_id", "text", "type", "value", "value_max", "unit", "qualifier", "redacted",
                   "indicator", "change", "start", "end", "path"),
    "meetings": ("report_id", "name", "start", "end", "path"),
    "documents": ("report_id", "title", "type", "start", "end", "path"),
    "weaknesses": ("report_id", "text", "theme", "start", "end", "path"),
    "plans": ("report_id", "text", "theme", "start", "end", "path"),
}
INDEXES = ("reports(year)", "reports(genre)", "reports(sha256)", "sections(report_id)", "sections(role)",
           "quantities(report_id)", "quantities(indicator)", "quantities(unit)", "meetings(report_id)",
           "documents(report_id)", "documents(type)", "weaknesses(report_id)", "weaknesses(theme)",
           "plans(report_id)")
REAL_COLUMNS = {"value", "value_max"}
INTEGER_COLUMNS = {"id", "report_id", "year", "text_length", "level", "number", "start", "end", "depth", "redacted"}


def rows(report_id: int, record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) pairs for one batch record."""
    source = record.get("source", {})
    error = record.get("error") or {}
    yield "reports", {"id": report_id, "path": source.get("path"), "sha256": source.get("sha256"),
                      "format": source.get("format"), "encoding": source.get("encoding"),
                      "genre": record.get("genre"), "title": record.get("title"), "year": record.get("year"),
                      "text_length": record.get("text_length"), "error_type": error.get("type"),
                      "error_message": error.get("message")}
    for node, depth in _walk(record.get("sections", []), 0):
        yield "sections", {"report_id": report_id, "depth": depth, **{k: node.get(k) for k in TABLES["sections"]
                                                                      if k not in ("report_id", "depth")}}
    for table in ("quantities", "meetings", "documents", "weaknesses", "plans"):
        for mention in record.get(table, []):
            yield table, {"report_id": report_id, **{k: mention.get(k) for k in TABLES[table] if k != "report_id"}}


def _walk(nodes, depth):
    for node in nodes:
        if node["kind"] != "paragraph":
            yield node, depth
        yield from _walk(node["children"], depth + 1)


class SqliteSink:
    def __init__(self, path: str):
        if os.path.exists(path):
            os.remove(path)  # a fresh database per run; the JSONL is what a resumed run continues
        self.db = sqlite3.connect(path)
        for table, columns in TABLES.items():
            self.db.execute(f"CREATE TABLE {table} ({', '.join(_column(table, c) for c in columns)})")
        self.next_id = 1

    def add(self, record: dict[str, Any]) -> None:
        for table, row in rows(self.next_id, record):
            columns = TABLES[table]
            self.db.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})",
                            [row.get(c) for c in columns])
        self.next_id += 1

    def close(self) -> None:
        for index in INDEXES:
            name = "ix_" + index.replace("(", "_").replace(")", "")
            self.db.execute(f"CREATE INDEX {name} ON {index}")
        self.db.commit()
        self.db.close()


def _column(table: str, column: str) -> str:
    kind = "REAL" if column in REAL_COLUMNS else "INTEGER" if column in INTEGER_COLUMNS else "TEXT"
    key = " PRIMARY KEY" if table == "reports" and column == "id" else ""
    quoted = f'"{column}"'  # start, end, change are words SQL knows
    return f"{quoted} {kind}{key}"


class CsvSink:
    """One CSV per table in a folder, UTF-8 with a BOM for spreadsheets."""

    def __init__(self, folder: str):
        os.makedirs(folder, exist_ok=True)
        self.files = {t: open(os.path.join(folder, f"{t}.csv"), "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
                      for t in TABLES}
        self.writers = {t: csv.DictWriter(f, fieldnames=TABLES[t]) for t, f in self.files.items()}
        for writer in self.writers.values():
            writer.writeheader()
        self.next_id = 1

    def add(self, record: dict[str, Any]) -> None:
        for table, row in rows(self.next_id, record):
            self.writers[table].writerow(row)
        self.next_id += 1

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()
