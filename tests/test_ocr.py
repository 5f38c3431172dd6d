"""OCR end to end: reports drawn as page images at test time, read back, parsed like their text.

Three reports of the project's own corpus are drawn by ``render_pages`` (Noto CJK) and read by the
engine: one with redactions (X余次, X%) as a multi-page TIFF, one as an image-only PDF, one as a
two-column PDF. Each must give the outline of its text (every node but page noise: kind, level,
marker, number, role) and keep at least 95% of the gold quantities that the text's own parse finds.
These tests need the ``[ocr]`` extra and a CJK font; they skip without them. The rest of this file
(errors, cache, resume, progress) stubs the engine out and runs everywhere.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import unicodedata
import zlib
from pathlib import Path
from typing import Any

import pytest

from reportparse import parse
from reportparse.batch import run_batch
from reportparse.errors import InputError
from reportparse.evaluate import fields_right
from reportparse.formats import ocr as ocr_module
from reportparse.formats.ocr import Box, OcrOptions, PageInfo, PageScan, reading_order
from reportparse.pipeline import Parser

from .conftest import OWN_CORPUS, ROOT
from .render_pages import cjk_font, render_pages, to_bytes, to_pdf, to_tiff

GOLD = ROOT / "tests" / "gold"
KEPT_AT_LEAST = 0.95
TITLES_RIGHT_AT_LEAST = 0.95

needs_engine = pytest.mark.skipif(not ocr_module.engine_available() or cjk_font() is None,
                                  reason="needs the [ocr] extra and fonts-noto-cjk")


def _structure(report: Any) -> list[tuple]:
    """Every node but page noise; a marker in its compatibility form (OCR reads １． as 1.)."""
    def marker(node: Any) -> str | None:
        return unicodedata.normalize("NFKC", node.marker) if node.marker else None

    return [(n.kind, n.level, marker(n), n.number, n.role) for n in report.walk() if n.kind != "noise"]


def _titles(report: Any) -> str:
    return "".join(n.title or "" for n in report.walk() if n.kind != "noise")


@pytest.fixture(scope="module")
def scanned() -> dict[str, tuple[Any, Any, int]]:
    """name -> (parse of the text, parse of its scan, pages): each report is read by OCR once."""
    out = {}
    for name, columns, pack, suffix in (("duty-linjiang-2023", 1, to_tiff, "tiff"),
                                        ("summary-stats-bureau-2023", 1, to_pdf, "pdf"),
                                        ("democratic-life-2023", 2, to_pdf, "pdf")):
        text = (OWN_CORPUS / f"{name}.txt").read_text(encoding="utf-8")
        pages = render_pages(text, columns)
        out[name] = (parse(text, path=f"{name}.txt"), parse(pack(pages), path=f"{name}.{suffix}"), len(pages))
    return out


@needs_engine
@pytest.mark.parametrize("name", ["duty-linjiang-2023", "summary-stats-bureau-2023", "democratic-life-2023"])
def test_a_scan_parses_like_its_text(scanned, name):
    from difflib import SequenceMatcher

    text_parse, scan_parse, pages = scanned[name]
    assert _structure(scan_parse) == _structure(text_parse)
    titles = SequenceMatcher(None, _titles(text_parse), _titles(scan_parse), autojunk=False).ratio()
    assert titles >= TITLES_RIGHT_AT_LEAST
    assert (scan_parse.genre, scan_parse.year) == (text_parse.genre, text_parse.year)
    assert scan_parse.source.format == ("image-ocr" if name.startswith("duty") else "pdf-ocr")
    assert [p["page"] for p in scan_parse.source.pages] == list(range(1, pages + 1))
    assert all(p["ocr"] and p["confidence"] > 0.9 for p in scan_parse.source.pages)
    # every page number "- N -" is page noise, on a line of its own
    noise = [scan_parse.surface(n).strip() for n in scan_parse.walk() if n.kind == "noise"]
    assert len([s for s in noise if any(ch.isdigit() for ch in s) and len(s) <= 6]) == pages


@needs_engine
@pytest.mark.parametrize("name", ["duty-linjiang-2023", "summary-stats-bureau-2023", "democratic-life-2023"])
def test_a_scan_keeps_the_gold_quantities(scanned, name):
    """Of the gold quantities the text's parse gets right, the scan's parse gets at least 95% right too."""
    text_parse, scan_parse, _ = scanned[name]
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["quantities"]

    def right(report: Any) -> list[dict]:
        found = [q.to_dict() for q in report.quantities]
        return [g for g in gold if any(fields_right(g, f) and g["type"] == f["type"] for f in found)]

    def kept(report: Any, wanted: list[dict]) -> int:
        """Gold quantities matched one to one by their fields (offsets differ: OCR joins lines anew)."""
        unmatched = [q.to_dict() for q in report.quantities]
        count = 0
        for g in wanted:
            match = next((f for f in unmatched if fields_right(g, f) and g["type"] == f["type"]), None)
            if match is not None:
                unmatched.remove(match)
                count += 1
        return count

    wanted = right(text_parse)
    assert len(wanted) >= 10
    share = kept(scan_parse, wanted) / len(wanted)
    assert share >= KEPT_AT_LEAST, f"{name}: {share:.3f} of {len(wanted)} gold quantities kept"
    if name == "duty-linjiang-2023":  # the redactions X余次, X% survive OCR's × for X
        assert sum(q.redacted for q in scan_parse.quantities) == sum(q.redacted for q in text_parse.quantities) > 5


def test_two_columns_are_read_column_by_column():
    def box(text: str, x0: float, top: float, x1: float) -> Box:
        return Box(text, x0, top, x1, top + 20, 0.99)

    left = [box(f"左{i}", 50, 100 + 40 * i, 450) for i in range(4)]
    right = [box(f"右{i}", 520, 100 + 40 * i, 920) for i in range(4)]
    title = box("标题横跨两栏", 300, 40, 680)
    folio = box("- 1 -", 460, 400, 510)
    rows = reading_order(PageScan(1000, 500, [folio, *right, title, *left]))
    assert [r.text() for r in rows] == ["标题横跨两栏", "左0", "左1", "左2", "左3", "右0", "右1", "右2", "右3", "- 1 -"]
    one_column = reading_order(PageScan(1000, 500, [box("第一行文字", 50, 100, 900), box("第二行", 50, 140, 500)]))
    assert [r.text() for r in one_column] == ["第一行文字", "第二行"]


def test_low_confidence_pages_get_a_warning():
    pages = [PageInfo(1, True, 0.97), PageInfo(2, True, 0.61), PageInfo(3, False), PageInfo(4, True, None)]
    report = Parser().parse_text("一、概况\n全年接待游客120万人次。\n", pages=pages)
    low = [w for w in report.warnings if w.code == "low-confidence"]
    assert len(low) == 1 and low[0].message.startswith("page 2:")
    assert report.to_dict()["source"]["pages"][1] == {"page": 2, "ocr": True, "confidence": 0.61}


# ---- without the engine: a stub reads every page as the same two lines --------------------------------

STUB_LINES = ["一、工作情况", "全年开展督查×余次，办结率×%，投资52.3亿元。"]


@pytest.fixture
def stub_engine(monkeypatch) -> list[int]:
    """Replaces the engine; the list it gives grows by one for each page the engine reads."""
    calls: list[int] = []

    def recognize(image: Any) -> PageScan:
        calls.append(1)
        boxes = [Box(text, 60, 100 + 40 * i, 60 + 22 * len(text), 122 + 40 * i, 0.98) for i, text in enumerate(STUB_LINES)]
        return PageScan(float(image.width), float(image.height), boxes)

    monkeypatch.setattr(ocr_module, "recognize", recognize)
    return calls


def _blank_pages(count: int) -> list[Any]:
    from PIL import Image

    return [Image.new("L", (400, 300), 255) for _ in range(count)]


def test_an_image_is_read_page_by_page_with_progress(stub_engine):
    heard: list[tuple[int, int]] = []
    report = parse(to_tiff(_blank_pages(3)), path="scan.tif",
                   ocr=OcrOptions(on_page=lambda page, count: heard.append((page, count))))
    assert heard == [(1, 3), (2, 3), (3, 3)] and len(stub_engine) == 3
    assert report.source.format == "image-ocr"
    assert [q.text for q in report.quantities][:2] == ["X余次", "X%"]  # the ocr-fix rule put × right


def test_ocr_modes_on_pdf_and_image(stub_engine):
    scan = to_pdf(_blank_pages(2))
    with pytest.raises(InputError, match=r"^no text layer \(scanned PDF\?\): scan\.pdf$"):
        parse(scan, path="scan.pdf", ocr="never")
    with pytest.raises(InputError, match=r"--ocr never given"):
        parse(to_bytes(_blank_pages(1)[0]), path="page.png", ocr="never")
    assert parse(scan, path="scan.pdf", ocr="auto").source.format == "pdf-ocr"
    with pytest.raises(ValueError, match="ocr must be one of"):
        parse(scan, ocr="sometimes")  # type: ignore[arg-type]


def test_ocr_always_reads_a_page_that_has_a_text_layer(stub_engine):
    reportlab = pytest.importorskip("reportlab.pdfgen.canvas")
    import io

    buffer = io.BytesIO()
    canvas = reportlab.Canvas(buffer)
    canvas.drawString(100, 700, "Annual report of the office")
    canvas.save()
    assert parse(buffer.getvalue(), path="text.pdf").source.format == "pdf"
    assert not stub_engine
    assert parse(buffer.getvalue(), path="text.pdf", ocr="always").source.format == "pdf-ocr"
    assert len(stub_engine) == 1


def test_resume_after_a_crash_reads_no_page_twice(tmp_path, stub_engine, monkeypatch):
    """A run killed while OCR reads a file's second page: the next run reads only the pages not cached."""
    scan = tmp_path / "scan.tif"
    scan.write_bytes(to_tiff(_blank_pages(3)))
    out = tmp_path / "out.jsonl"
    real = ocr_module.recognize

    def crash_on_second_page(image: Any) -> PageScan:
        if len(stub_engine) == 1:
            raise KeyboardInterrupt  # the process dies here; nothing of this file is in out.jsonl yet
        return real(image)

    monkeypatch.setattr(ocr_module, "recognize", crash_on_second_page)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(scan)], str(out))
    assert len(stub_engine) == 1 and out.read_text() == ""
    monkeypatch.setattr(ocr_module, "recognize", real)
    summary = run_batch([str(scan)], str(out), resume=True)
    assert summary.parsed == 1 and len(stub_engine) == 1 + 2  # pages 2 and 3 only
    assert len(list((tmp_path / "out.jsonl.ocr-cache").rglob("*.json"))) == 3
    run_batch([str(scan)], str(tmp_path / "again.jsonl"), ocr_cache=str(tmp_path / "out.jsonl.ocr-cache"))
    assert len(stub_engine) == 3  # a new run with the same cache reads nothing again


# ---- bad inputs -------------------------------------------------------------------------------------------


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width``×``height`` pixels in a few bytes (a decompression bomb's header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def _encrypted_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    import io

    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _bad_inputs() -> dict[str, tuple[bytes, str]]:
    good_png = to_bytes(_blank_pages(1)[0])
    return {
        "corrupt.png": (good_png[:len(good_png) // 2], "damaged image"),
        "empty.png": (b"", "empty input"),
        "bomb.png": (_png_header(20000, 20000), "image too large"),
        "encrypted.pdf": (_encrypted_pdf(), "encrypted PDF"),
    }


@pytest.mark.parametrize("name", ["corrupt.png", "empty.png", "bomb.png", "encrypted.pdf"])
def test_bad_input_is_one_line_and_exit_1(tmp_path, name):
    data, needle = _bad_inputs()[name]
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), "parse", str(path), "--format", "json"],
                          capture_output=True, timeout=120)
    err = done.stderr.decode()
    assert done.returncode == 1 and done.stdout == b""
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_bomb_is_refused_before_decoding(monkeypatch):
    from PIL import Image

    def no_decoding(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # our own limit, not Pillow's, refuses it
    with pytest.raises(InputError, match=r"^image too large: 20000×20000 pixels"):
        parse(_png_header(20000, 20000), path="bomb.png")


def test_batch_goes_on_past_bad_images(tmp_path, stub_engine):
    folder = tmp_path / "scans"
    folder.mkdir()
    for name, (data, _) in _bad_inputs().items():
        (folder / name).write_bytes(data)
    (folder / "good.png").write_bytes(to_bytes(_blank_pages(1)[0]))
    out = tmp_path / "out.jsonl"  # beside the folder: an output inside a folder being walked is refused
    summary = run_batch([str(folder)], str(out), workers=2)
    records = {Path(r["source"]["path"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) == {"bomb.png", "corrupt.png", "empty.png", "encrypted.pdf", "good.png"}
    assert records["good.png"]["source"]["format"] == "image-ocr"
    assert {name: r["error"]["type"] for name, r in records.items() if "error" in r} == {
        "bomb.png": "input", "corrupt.png": "input", "empty.png": "empty", "encrypted.pdf": "input"}
    assert summary.parsed == 1 and summary.failures == 4


def test_without_the_extra_a_scan_names_it(tmp_path):
    path = tmp_path / "page.png"
    path.write_bytes(to_bytes(_blank_pages(1)[0]))
    hide = ("import sys; sys.modules['rapidocr_onnxruntime'] = None; sys.argv = ['reportparse', 'parse', "
            f"{str(path)!r}]; from reportparse.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", hide], capture_output=True, timeout=120, cwd=ROOT)
    err = done.stderr.decode()
    assert done.returncode == 1 and err.count("\n") == 1
    assert "pip install 'reportparse[ocr]'" in err


def test_a_photo_is_turned_upright_by_its_exif(stub_engine, monkeypatch):
    from PIL import Image

    seen: list[tuple[int, int]] = []
    stub = ocr_module.recognize
    monkeypatch.setattr(ocr_module, "recognize", lambda image: seen.append(image.size) or stub(image))
    photo = Image.new("RGB", (400, 300), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was turned a quarter; the page stands upright when turned back
    parse(to_bytes(photo, "JPEG", exif=exif.tobytes()), path="photo.jpg")
    assert seen == [(300, 400)]


def test_a_mixed_pdf_is_read_page_by_page(stub_engine):
    """Page 1 has a text layer and keeps it; page 2 is a scan and is read by OCR; their text in page order."""
    canvas_module = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib.utils import ImageReader
    import io

    buffer = io.BytesIO()
    canvas = canvas_module.Canvas(buffer)
    canvas.drawString(100, 700, "Annual report of the office, page one")
    canvas.showPage()
    canvas.drawImage(ImageReader(_blank_pages(1)[0]), 50, 300, width=400, height=300)
    canvas.showPage()
    canvas.save()
    report = parse(buffer.getvalue(), path="mixed.pdf")
    assert report.source.format == "pdf-ocr" and len(stub_engine) == 1
    assert report.to_dict()["source"]["pages"] == [{"page": 1, "ocr": False, "confidence": None},
                                                   {"page": 2, "ocr": True, "confidence": 0.98}]
    assert report.text.index("page one") < report.text.index(STUB_LINES[0])
