"""The shipped JSON Schemas: generated from the declared shapes, printed by `reportparse schema`, kept by
every kind of document over the bundled corpus and a few real reports, and parse documents loaded back."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator

from reportparse import InputError, Report, parse, parse_text
from reportparse.batch import process_path
from reportparse.compare import compare
from reportparse.export import mentions_document
from reportparse.panel import panel
from reportparse.schemas import KINDS, schema, schema_text
from reportparse.schemas.generate import generated_text, schema_id

from .conftest import OWN_CORPUS, SHARED_CORPUS, schema_valid
from .test_properties import soup

CORPUS = sorted(OWN_CORPUS.glob("*.txt"))
# a few real reports: a run of national government work reports (targets and outcomes) and a duty report
SHARED = ["gwr-national/2022.txt", "gwr-national/2023.txt", "gwr-national/2024.txt",
          "duty/county-office-director-2021.txt"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportparse", *args], capture_output=True, timeout=120)


@pytest.mark.parametrize("kind", list(KINDS))
def test_shipped_schema_is_what_the_shapes_generate(kind):
    assert schema_text(kind) == generated_text(kind), "run: python -m reportparse.schemas"
    shipped = schema(kind)
    Draft202012Validator.check_schema(shipped)
    assert shipped["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert shipped["$id"] == f"reportparse/{kind}/1" == schema_id(KINDS[kind])
    assert shipped["properties"]["schema"] == {"const": shipped["$id"]}


def test_the_regenerating_script_leaves_matching_files_alone():
    done = subprocess.run([sys.executable, "-m", "reportparse.schemas"], capture_output=True, timeout=60)
    assert done.returncode == 0 and done.stdout == b""
    assert done.stderr.decode().count("unchanged ") == len(KINDS)


def test_a_schema_rejects_what_the_shapes_do_not_allow():
    document = parse(CORPUS[0]).to_dict()
    validator = Draft202012Validator(schema("parse"))
    broken = {**document, "sections": [{**document["sections"][0], "kind": "chapter"}]}
    assert [e.json_path for e in validator.iter_errors(broken)] == ["$.sections[0].kind"]
    missing = {k: v for k, v in document.items() if k != "text_length"}
    assert ["'text_length' is a required property"] == [e.message for e in validator.iter_errors(missing)]


@pytest.mark.parametrize("kind", list(KINDS))
def test_cli_prints_the_shipped_schema(kind):
    done = run("schema", kind)
    assert done.returncode == 0 and done.stderr == b""
    assert json.loads(done.stdout) == schema(kind)


def test_cli_unknown_kind_is_a_usage_error_and_help_lists_the_kinds():
    done = run("schema", "report")
    assert done.returncode == 2 and done.stdout == b"" and "Traceback" not in done.stderr.decode()
    assert "unknown kind 'report'" in done.stderr.decode()
    help_text = run("schema", "--help").stdout.decode()
    assert all(kind in help_text for kind in KINDS)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_kind_of_document_of_a_corpus_report_keeps_its_schema(path):
    report = parse(path)
    assert schema_valid(report.to_dict())["schema"] == "reportparse/parse/1"
    assert schema_valid(parse(path, extractors=False).to_dict()).get("quantities") is None
    assert list(schema_valid(mentions_document(report, ("meetings", "plans")))) == ["schema", "source", "meetings",
                                                                                    "plans"]
    assert schema_valid(process_path(str(path)))["schema"] == "reportparse/batch-record/1"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_a_parse_document_loads_back(path):
    report = parse(path)
    document = report.to_dict()
    assert Report.from_dict(document).to_dict() == document
    loaded = Report.from_dict(document, report.text)
    assert loaded.to_dict() == document
    assert [loaded.surface(n) for n in loaded.walk()] == [report.surface(n) for n in report.walk()]
    assert loaded.quantities == report.quantities and loaded.plans == report.plans


@settings(max_examples=100, deadline=None)
@given(soup)
def test_whatever_the_text_its_document_loads_back(text):
    report = parse_text(text)
    document = report.to_dict()
    assert Report.from_dict(document, text).to_dict() == document


def test_a_batch_record_and_a_tree_alone_load_back():
    record = process_path(str(CORPUS[0]))
    assert Report.from_dict(record).to_dict() == {**record, "schema": "reportparse/parse/1"}
    tree_only = parse(CORPUS[0], extractors=False)
    loaded = Report.from_dict(tree_only.to_dict())
    assert loaded.extraction is None and loaded.to_dict() == tree_only.to_dict()


def test_loading_names_what_does_not_fit():
    report = parse(CORPUS[0])
    document = report.to_dict()
    with pytest.raises(InputError, match="not a parse document: schema 'reportparse/extract/1'"):
        Report.from_dict(mentions_document(report, ("plans",)))
    bad_start = {**document, "sections": [{**document["sections"][0], "start": "0"}, *document["sections"][1:]]}
    with pytest.raises(InputError, match=r"Expected `int`, got `str` - at `\$.sections\[0\].start`"):
        Report.from_dict(bad_start)
    with pytest.raises(InputError, match="does not fit the text: text_length"):
        Report.from_dict(document, report.text + "。")


def test_error_records_keep_their_schema(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    for path, kind in ((tmp_path / "missing.txt", "missing"), (tmp_path / "empty.txt", "empty"),
                       (tmp_path, "directory")):
        record = schema_valid(process_path(str(path)))
        assert (record["schema"], record["error"]["type"]) == ("reportparse/error/1", kind)


def test_compare_and_panel_over_the_corpus_keep_their_schemas():
    duty = [str(p) for p in CORPUS if p.name.startswith("duty-linjiang")]
    assert schema_valid(compare(duty, explain=True).to_dict())["threads"]
    for government in (p for p in CORPUS if p.name.startswith("gwr-")):  # both of 2025: one at a time
        assert schema_valid(panel([str(government)]).to_dict())["panel"]


@pytest.fixture
def shared() -> list[str]:
    paths = [SHARED_CORPUS / name for name in SHARED]
    if not all(p.is_file() for p in paths):
        pytest.skip("../shared/corpus (or the reports this test reads) is absent")
    return [str(p) for p in paths]


def test_real_reports_keep_their_schemas_and_load_back(shared):
    for path in shared:
        report = parse(path)
        document = schema_valid(report.to_dict())
        assert Report.from_dict(document, report.text).to_dict() == document
        schema_valid(process_path(path))
    rows = schema_valid(panel(shared[:3]).to_dict())["panel"]
    assert {row["verdict"] for row in rows} - {"unknown"}, "some target met its outcome"
    assert schema_valid(compare(shared[:3]).to_dict())["threads"]
