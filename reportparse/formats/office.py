"""Word 97-2003 .doc and WPS .wps files (OLE compound files), read through LibreOffice.

The OLE container is looked at first, with olefile, so that what LibreOffice cannot help with gets
a clear message without starting it: a password-protected .docx (an OLE file holding
EncryptionInfo/EncryptedPackage), an encrypted .doc (the FIB's fEncrypted bit), an Excel or
PowerPoint file. Kingsoft WPS files are told from Word's by their property streams.

Conversion: ``soffice --headless --convert-to docx`` on a temporary copy, then the .docx reader.
LibreOffice's own text export puts every table cell on a line of its own and indents list labels
by level with spaces of its choosing; through .docx a .doc gives the same text as the .docx it
was saved from: table rows on one line, Word's numbering rendered by :mod:`.numbering`.
Each process has a LibreOffice profile of its own (running instances cannot share one), runs one
conversion at a time, and ends the whole process group when the time limit passes.
"""

from __future__ import annotations

import atexit
import io
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import olefile

from ..decode.errors import naming_path
from ..errors import InputError
from .docx import docx_text

if TYPE_CHECKING:
    from ..rulebook import RuleBook

TIMEOUT = 120  # seconds for one conversion
NOT_INSTALLED = "cannot read .doc/.wps: LibreOffice (soffice) is not installed"
_FILTER = "docx:MS Word 2007 XML"
_WPS_MARKS = [m for s in ("WPS Office", "Kingsoft", "KSOProductBuildVer") for m in (s.encode(), s.encode("utf-16-le"))]
_lock = threading.Lock()
_profiles: set[Path] = set()


def office_text(data: bytes, path: str | None = None, rules: RuleBook | None = None) -> tuple[str, str]:
    """The text of a .doc or .wps file and which of the two it is ("doc" or "wps"); ``rules`` gives the
    budgets the converted .docx is read under."""
    kind = inspect_ole(data, path)
    soffice = find_soffice()
    if soffice is None:
        raise InputError(naming_path(NOT_INSTALLED, path))
    return convert(soffice, data, kind, path, rules=rules), kind


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _open_ole(data: bytes) -> olefile.OleFileIO[str]:
    # from a stream, not the bytes themselves: olefile names the streams in str either way, and its stubs
    # would otherwise type them as bytes
    return olefile.OleFileIO(io.BytesIO(data))


def inspect_ole(data: bytes, path: str | None = None) -> str:
    """"doc" or "wps" for a Word-like OLE file; InputError for anything LibreOffice should not get."""
    try:
        with _open_ole(data) as ole:
            streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
            lowered = {s.lower() for s in streams}
            if "encryptedpackage" in lowered or "encryptioninfo" in lowered:
                raise InputError(naming_path("encrypted document (a password-protected .docx)", path))
            if "worddocument" in lowered:
                fib = ole.openstream("WordDocument").read(12)
                if len(fib) >= 12 and int.from_bytes(fib[10:12], "little") & 0x0100:  # FibBase.fEncrypted
                    raise InputError(naming_path("encrypted document (a password-protected .doc)", path))
                props = b"".join(ole.openstream(s).read(65536) for s in streams
                                 if s.lower().lstrip("\x05") in ("summaryinformation", "documentsummaryinformation"))
                return "wps" if any(mark in props for mark in _WPS_MARKS) else "doc"
            if {"contents", "matost"} & lowered or "quill/quillsub/contents" in lowered:
                return "wps"  # Microsoft Works / Publisher-era word processor files, which LibreOffice reads
            kind = ("an Excel workbook" if {"workbook", "book"} & lowered else
                    "a PowerPoint presentation" if "powerpoint document" in lowered else
                    "an OLE file with no WordDocument stream")
            raise InputError(naming_path(f"not a Word document ({kind})", path))
    except InputError:
        raise
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError … on damaged input
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(naming_path(f"damaged .doc/.wps ({detail})", path)) from None


def _profile() -> Path:
    """This process's LibreOffice profile, removed when the process exits."""
    profile = Path(tempfile.gettempdir()) / f"reportparse-lo-{os.getpid()}"
    if profile not in _profiles:
        _profiles.add(profile)
        atexit.register(shutil.rmtree, profile, True)
    return profile


def convert(soffice: str, data: bytes, kind: str, path: str | None = None, timeout: float | None = None,
            rules: RuleBook | None = None) -> str:
    """Run LibreOffice on a temporary copy of ``data`` named ``input.<kind>``; the text of its .docx."""
    timeout = TIMEOUT if timeout is None else timeout
    with _lock, tempfile.TemporaryDirectory(prefix="reportparse-") as tmp:
        src, outdir = Path(tmp) / f"input.{kind}", Path(tmp) / "out"
        src.write_bytes(data)
        cmd = [soffice, "--headless", "--norestore", "--nologo", "--nolockcheck",
               f"-env:UserInstallation={_profile().as_uri()}",
               "--convert-to", _FILTER, "--outdir", str(outdir), str(src)]
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    cwd=tmp, start_new_session=True)
        except OSError as exc:
            raise InputError(naming_path(f"cannot run LibreOffice ({exc.strerror or exc})", path)) from None
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise InputError(naming_path(f"LibreOffice took over {timeout:g} s to convert", path)) from None
        result = outdir / "input.docx"
        if proc.returncode != 0 or not result.is_file():
            reason = _last_line(err) or f"exit code {proc.returncode}, no output"
            raise InputError(naming_path(f"LibreOffice could not convert the document ({reason})", path))
        converted = result.read_bytes()
    try:
        return docx_text(converted, path, rules)
    except InputError as exc:
        raise InputError(f"LibreOffice's conversion could not be read: {exc}") from None


def _kill(proc: subprocess.Popen) -> None:
    """End soffice and what it started (oosplash, soffice.bin): they share its process group."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.communicate()


def _last_line(err: bytes) -> str:
    lines = [line.strip() for line in err.decode("utf-8", errors="replace").splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith(("javaldx", "Warning: failed to launch javaldx"))]
    return lines[-1] if lines else ""
