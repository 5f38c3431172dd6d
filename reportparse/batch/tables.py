"""Records as tables: a SQLite database (Python's own sqlite3) and one CSV per table.

``sections`` rebuilds each report's tree (``id``, ``parent_id``; see ``rows``), mentions point at their
section by ``section_id`` and keep ``path`` to read, and the foreign keys are declared and enforced,
so ``PRAGMA foreign_key_check`` finds nothing.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from dataclasses import fields
from typing import Any

from ..export import guarded
from .rows import MENTION_SHAPES, NODE_COLUMNS, WARNING_COLUMNS, RowMaker

TABLES: dict[str, tuple[str, ...]] = {
    "reports": ("id", "path", "sha256", "format", "encoding", "genre", "title", "year", "text_length",
                "error_type", "error_message"),
    "sections": ("id", "report_id", "parent_id", *NODE_COLUMNS, "depth"),
    **{table: ("report_id", "section_id", *(f.name for f in fields(shape))) for table, shape in MENTION_SHAPES.items()},
    "warnings": ("report_id", *WARNING_COLUMNS),
}
REFERENCES = {"report_id": "reports(id)", "parent_id": "sections(id)", "section_id": "sections(id)"}
INDEXES = ("reports(year)", "reports(genre)", "reports(sha256)", "sections(report_id)", "sections(parent_id)",
           "sections(role)", "quantities(report_id)", "quantities(section_id)", "quantities(indicator)",
           "quantities(unit)", "meetings(report_id)", "documents(report_id)", "documents(type)",
           "weaknesses(report_id)", "weaknesses(theme)", "plans(report_id)", "warnings(report_id)", "warnings(code)")
REAL_COLUMNS = {"value", "value_max"}
INTEGER_COLUMNS = {"id", "report_id", "parent_id", "section_id", "year", "text_length", "level", "number",
                   "title_start", "title_end", "start", "end", "depth", "redacted"}


class SqliteSink:
    def __init__(self, path: str):
        if os.path.exists(path):
            os.remove(path)  # a fresh database per run; the JSONL is what a resumed run continues
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA foreign_keys = ON")  # a row whose parent is missing fails now, not in a query
        for table, columns in TABLES.items():
            self.db.execute(f"CREATE TABLE {table} ({', '.join(_column(table, c) for c in columns)})")
        self.maker = RowMaker()

    def add(self, record: dict[str, Any]) -> None:
        for table, row in self.maker.rows(record):
            columns = TABLES[table]
            self.db.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})",
                            [row.get(c) for c in columns])

    def close(self) -> None:
        for index in INDEXES:
            name = "ix_" + index.replace("(", "_").replace(")", "")
            self.db.execute(f"CREATE INDEX {name} ON {index}")
        self.db.commit()
        self.db.close()


def _column(table: str, column: str) -> str:
    kind = "REAL" if column in REAL_COLUMNS else "INTEGER" if column in INTEGER_COLUMNS else "TEXT"
    if column == "id":
        constraint = " PRIMARY KEY"
    elif column in REFERENCES:
        constraint = f" REFERENCES {REFERENCES[column]}" + (" NOT NULL" if column == "report_id" else "")
    else:
        constraint = ""
    quoted = f'"{column}"'  # start, end, change are words SQL knows
    return f"{quoted} {kind}{constraint}"


class CsvSink:
    """One CSV per table in a folder, UTF-8 with a BOM for spreadsheets; ``guard`` keeps text cells from
    reading as formulas (``reportparse.export.guard_cell``)."""

    def __init__(self, folder: str, guard: bool = True):
        self.guard = guard
        os.makedirs(folder, exist_ok=True)
        self.files = {t: open(os.path.join(folder, f"{t}.csv"), "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
                      for t in TABLES}
        # a record written by a later version may carry fields these tables do not have yet
        self.writers = {t: csv.DictWriter(f, fieldnames=TABLES[t], extrasaction="ignore")
                        for t, f in self.files.items()}
        for writer in self.writers.values():
            writer.writeheader()
        self.maker = RowMaker()

    def add(self, record: dict[str, Any]) -> None:
        for table, row in self.maker.rows(record):
            self.writers[table].writerow(guarded(row) if self.guard else row)

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()


def section_tree(db: sqlite3.Connection, report_id: int) -> list[dict[str, Any]]:
    """A report's tree rebuilt from its ``sections`` rows: the nodes of its parse document, nested."""
    columns = ", ".join(f'"{c}"' for c in ("id", "parent_id", *NODE_COLUMNS))
    query = f"SELECT {columns} FROM sections WHERE report_id = ? ORDER BY id"  # ids follow document order
    nodes: dict[int, dict[str, Any]] = {}
    top: list[dict[str, Any]] = []
    for node_id, parent_id, *values in db.execute(query, (report_id,)):
        node = {**dict(zip(NODE_COLUMNS, values)), "children": []}
        nodes[node_id] = node
        (nodes[parent_id]["children"] if parent_id is not None else top).append(node)
    return top
