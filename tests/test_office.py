""".doc and .wps through LibreOffice: what the OLE container says, the command, its failures.

The container checks and the command line are tested everywhere, with OLE files built here and a
stand-in ``soffice`` script; real conversions run only where LibreOffice is installed.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import stat
import struct
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import docx
import pytest

from reportparse.errors import InputError
from reportparse.formats import extract_text, office
from reportparse.formats.office import convert, inspect_ole, office_text

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


# -- OLE compound files, built by hand --------------------------------------------------------------

FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def make_ole(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file holding ``streams`` at its root.

    Every stream is padded to 4096 bytes, the mini-stream cutoff, so all live in ordinary sectors.
    The directory is a chain of right siblings in the format's name order: a valid (if lopsided) tree.
    """
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    blobs = [streams[n].ljust(4096, b"\0") for n in names]
    dir_sectors = math.ceil((len(names) + 1) / 4)
    fat = [FATSECT]
    fat += [i + 2 for i in range(dir_sectors - 1)] + [END]
    starts = []
    for blob in blobs:
        count = math.ceil(len(blob) / 512)
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(count - 1)] + [END]
    assert len(fat) <= 128
    fat += [FREE] * (128 - len(fat))

    def entry(name, kind, right=NOSTREAM, child=NOSTREAM, start=END, size=0):
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        return struct.pack("<64sHBBIII16sIQQIQ", raw, len(raw), kind, 1, NOSTREAM, right, child,
                           b"\0" * 16, 0, 0, 0, start, size)

    entries = [entry("Root Entry", 5, child=1 if names else NOSTREAM)]
    for i, (blob, start) in enumerate(zip(blobs, starts)):
        right = i + 2 if i + 1 < len(names) else NOSTREAM
        entries.append(entry(names[i], 2, right=right, start=start, size=len(blob)))
    while len(entries) % 4:
        entries.append(entry("", 0))
    header = struct.pack("<8s16sHHHHH6s9I", bytes.fromhex("d0cf11e0a1b11ae1"), b"\0" * 16, 0x3E, 3, 0xFFFE, 9, 6,
                         b"\0" * 6, 0, 1, 1, 0, 4096, END, 0, END, 0)
    header += struct.pack("<109I", 0, *([FREE] * 108))
    return header + struct.pack("<128I", *fat) + b"".join(entries) + b"".join(blobs)


def fib(encrypted: bool = False) -> bytes:
    """The start of a WordDocument stream: FibBase with wIdent 0xA5EC, nFib 0xC1 and its flags."""
    flags = 0x0200 | (0x0100 if encrypted else 0)
    return struct.pack("<HHHHHH", 0xA5EC, 0xC1, 0, 0x0804, 0, flags)


def summary_information(app: str) -> bytes:
    """A SummaryInformation property set with one property: PIDSI_APPNAME (18), a code-page string."""
    value = app.encode("gbk") + b"\0"
    value += b"\0" * (-len(value) % 4)
    prop = struct.pack("<II", 0x1E, len(app.encode("gbk")) + 1) + value
    section = struct.pack("<IIII", 8 + 8 + len(prop), 1, 18, 16) + prop
    fmtid = bytes.fromhex("e0859ff2f94f6810ab9108002b27b3d9")
    return struct.pack("<HHI16sI", 0xFFFE, 0, 0x0002000A, b"\0" * 16, 1) + fmtid + struct.pack("<I", 48) + section


def word_ole(app: str = "Microsoft Office Word", encrypted: bool = False) -> bytes:
    return make_ole({"WordDocument": fib(encrypted), "1Table": b"", "\x05SummaryInformation": summary_information(app)})


def test_ole_built_here_is_readable():
    import olefile

    with olefile.OleFileIO(word_ole("WPS Office")) as ole:
        assert sorted(ole.listdir()) == [["\x05SummaryInformation"], ["1Table"], ["WordDocument"]]
        assert ole.get_metadata().creating_application == b"WPS Office"


# -- the container ---------------------------------------------------------------------------------------

def test_word_and_wps_told_apart():
    assert inspect_ole(word_ole()) == "doc"
    assert inspect_ole(word_ole("WPS Office")) == "wps"
    assert inspect_ole(word_ole("金山 Kingsoft Office")) == "wps"
    build = make_ole({"WordDocument": fib(), "\x05DocumentSummaryInformation": "KSOProductBuildVer".encode("utf-16-le")})
    assert inspect_ole(build) == "wps"


def test_password_protected_docx_is_refused_without_libreoffice(monkeypatch):
    monkeypatch.setattr(office, "find_soffice", lambda: pytest.fail("LibreOffice should not be needed"))
    data = make_ole({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x10" * 64})
    with pytest.raises(InputError, match=r"^encrypted document \(a password-protected \.docx\): 年终总结\.docx$"):
        extract_text(data, "年终总结.docx")


def test_encrypted_doc_is_refused(monkeypatch):
    monkeypatch.setattr(office, "find_soffice", lambda: pytest.fail("LibreOffice should not be needed"))
    with pytest.raises(InputError, match=r"^encrypted document \(a password-protected \.doc\): a\.doc$"):
        office_text(word_ole(encrypted=True), "a.doc")


@pytest.mark.parametrize("streams, kind", [
    ({"Workbook": b"\x09\x08"}, "an Excel workbook"),
    ({"PowerPoint Document": b"\x00"}, "a PowerPoint presentation"),
    ({"Contents": b"x"}, None),  # Works: handed to LibreOffice as .wps
    ({"Equation Native": b"\x1c"}, "an OLE file with no WordDocument stream"),
])
def test_other_ole_files(streams, kind, monkeypatch):
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    with pytest.raises(InputError) as info:
        office_text(make_ole(streams), "x.doc")
    if kind is None:
        assert inspect_ole(make_ole(streams)) == "wps"
        assert "LibreOffice (soffice) is not installed" in str(info.value)
    else:
        assert str(info.value) == f"not a Word document ({kind}): x.doc"


@pytest.mark.parametrize("mangle", [
    lambda d: d[:600],                          # cut inside the FAT
    lambda d: d[:512],                          # header only
    lambda d: d[:8] + b"\xff" * 600,            # magic, then junk
    lambda d: d[:48] + b"\xff\xff\xff\x7f" + d[52:],   # directory sector out of range
])
def test_damaged_ole_is_one_line(mangle):
    with pytest.raises(InputError) as info:
        extract_text(mangle(word_ole()), "坏.doc")
    assert "\n" not in str(info.value) and str(info.value).endswith(": 坏.doc")
    assert str(info.value).startswith("damaged .doc/.wps (")


# -- the command ------------------------------------------------------------------------------------------

def test_libreoffice_missing(monkeypatch):
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    for data, path in ((word_ole(), "述职报告.doc"), (word_ole("WPS Office"), "述职报告.wps")):
        with pytest.raises(InputError) as info:
            extract_text(data, path)
        assert str(info.value) == f"cannot read .doc/.wps: LibreOffice (soffice) is not installed: {path}"
    with pytest.raises(InputError, match=r"^cannot read \.doc/\.wps: LibreOffice \(soffice\) is not installed$"):
        office_text(word_ole(), None)


def fake_soffice(tmp_path: Path, monkeypatch, body: str) -> Path:
    """A stand-in ``soffice`` first on PATH, with the shell ``body``; $outdir and $input are set."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$FAKE_LOG"\n'
                      'while [ $# -gt 1 ]; do [ "$1" = --outdir ] && outdir=$2; shift; done\ninput=$1\n' + body)
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "args.txt"))
    return tmp_path / "args.txt"


def small_docx(*paragraphs: str, numbered: tuple[str, ...] = ()) -> bytes:
    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    for text in numbered:
        doc.add_paragraph(text, style="List Number")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_command_line_and_result(tmp_path, monkeypatch):
    (tmp_path / "made.docx").write_bytes(small_docx("二〇二三年述职报告", "本人现将履职情况报告如下。"))
    log = fake_soffice(tmp_path, monkeypatch, f'mkdir -p "$outdir"\ncp "{tmp_path}/made.docx" "$outdir/input.docx"\n')
    text, kind = office_text(word_ole("WPS Office"), "述职.wps")
    assert (text, kind) == ("二〇二三年述职报告\n本人现将履职情况报告如下。\n", "wps")
    args = log.read_text().splitlines()
    assert args[:2] == ["--headless", "--norestore"]
    assert f"-env:UserInstallation=file:///tmp/reportparse-lo-{os.getpid()}" in args
    assert args[args.index("--convert-to") + 1] == "docx:MS Word 2007 XML"
    assert args[-1].endswith("/input.wps") and not Path(args[-1]).exists()  # the temporary copy is gone
    office_text(word_ole(), "述职.doc")
    assert log.read_text().splitlines()[-1].endswith("/input.doc")


def test_conversion_failure_is_one_line(tmp_path, monkeypatch):
    fake_soffice(tmp_path, monkeypatch, 'echo "Error: source file could not be loaded" >&2\nexit 1\n')
    with pytest.raises(InputError) as info:
        office_text(word_ole(), "总结.doc")
    assert str(info.value) == ("LibreOffice could not convert the document "
                               "(Error: source file could not be loaded): 总结.doc")
    again = tmp_path / "again"
    again.mkdir()
    fake_soffice(again, monkeypatch, "exit 0\n")
    with pytest.raises(InputError, match=r"exit code 0, no output\): 总结\.doc$"):
        office_text(word_ole(), "总结.doc")


def test_unreadable_conversion_result(tmp_path, monkeypatch):
    fake_soffice(tmp_path, monkeypatch, 'mkdir -p "$outdir"\necho broken > "$outdir/input.docx"\n')
    with pytest.raises(InputError, match=r"^LibreOffice's conversion could not be read: damaged \.docx"):
        office_text(word_ole(), "总结.doc")


def test_timeout_ends_the_process_group(tmp_path, monkeypatch):
    pid_file = tmp_path / "child.pid"
    fake_soffice(tmp_path, monkeypatch, f'sleep 60 &\necho $! > "{pid_file}"\nwait\n')
    started = time.monotonic()
    with pytest.raises(InputError, match=r"^LibreOffice took over 1 s to convert: 慢\.doc$"):
        convert(shutil.which("soffice"), word_ole(), "doc", "慢.doc", timeout=1)
    assert time.monotonic() - started < 10
    child = int(pid_file.read_text())
    for _ in range(50):  # the grandchild was killed with the group; wait for init to reap it
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        if Path(f"/proc/{child}/stat").read_text().split()[2] == "Z":
            break
        time.sleep(0.1)
    else:
        pytest.fail("the soffice child outlived the timeout")


# -- real conversions --------------------------------------------------------------------------------------

REPORT = ("某某街道办事处2023年工作总结", "今年以来，街道在区委、区政府的坚强领导下，统筹推进各项工作。")
ITEMS = ("经济发展稳中有进", "城市管理持续提升", "民生保障不断加强")


@pytest.fixture(scope="module")
def real_doc(tmp_path_factory) -> bytes:
    """A .doc written by LibreOffice itself from a .docx made with python-docx."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    work = tmp_path_factory.mktemp("lo")
    (work / "report.docx").write_bytes(small_docx(*REPORT, numbered=ITEMS))
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(work / 'profile').as_uri()}",
                    "--convert-to", "doc", "--outdir", str(work), str(work / "report.docx")],
                   check=True, capture_output=True, timeout=180)
    return (work / "report.doc").read_bytes()


@needs_soffice
def test_doc_round_trip(real_doc):
    result = extract_text(real_doc, "report.doc")
    assert result.format == "doc"
    assert result.text.splitlines() == [*REPORT, *(f"{i}.\t{t}" for i, t in enumerate(ITEMS, 1))]


def _convert_in_worker(data: bytes) -> str:
    return office_text(data, "w.doc")[0]


@needs_soffice
def test_parallel_workers_have_their_own_profiles(real_doc):
    with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
        texts = list(pool.map(_convert_in_worker, [real_doc, real_doc]))
    assert texts[0] == texts[1] and REPORT[0] in texts[0]


@needs_soffice
def test_real_libreoffice_on_a_broken_doc():
    broken = make_ole({"WordDocument": fib() + b"\xff" * 200, "1Table": b"\xff" * 100})
    try:
        text, kind = office_text(broken, "broken.doc")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).endswith("broken.doc")
    else:
        assert kind == "doc" and isinstance(text, str)
