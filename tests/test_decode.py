"""Tests for reportparse.decode: encoding detection, reading sources, errors."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

import pytest

from reportparse.decode import (
    BinaryInput,
    Decoded,
    DirectoryInput,
    EmptyInput,
    MissingInput,
    UnreadableInput,
    decode,
    read_source,
)
from reportparse.errors import InputError, ReportParseError

# --------------------------------------------------------------------------
# report snippets written for these tests

HEADING_12 = "一、加强学习，提高能力。"  # 12 characters; charset-normalizer calls its GBK bytes cp949

SIMPLIFIED_SNIPPETS = {
    "heading-12": HEADING_12,
    "heading-l2": "（二）聚焦主责主业，服务保障有力有效。",
    "heading-l3": "3.抓好安全生产。全年开展隐患排查整治行动，督促整改问题四十余项。",
    "enumeration": "一是健全值班制度，二是规范公文流转，三是压实督查责任。",
    "numbers": "全年接待来访群众1200余人次，办结率达到98.5%，同比提高3个百分点。",
    "weakness": "一年来，自己虽然做了一些工作，但与组织的要求相比还有差距，主要是调查研究不够深入。",
    "closing": "新的一年，我将以更加饱满的热情投入工作，努力向党组织和人民群众交出满意答卷。",
}

TRADITIONAL_SNIPPETS = {
    "heading": "一、強化服務意識，提升辦事效率。",
    "paragraph": "過去一年，我們堅持問題導向，推動各項重點工作落實，群眾滿意度明顯提高。",
    "enumeration": "一是完善會議制度，二是加強檔案管理，三是優化財務流程。",
    "numbers": "全年辦理公文八百餘件，組織專題調研十二次，撰寫報告二十篇。",
}


def _gbk_report() -> str:
    """A report-length text (several thousand characters) in report layout."""
    intro = (
        "　　根据组织安排，现将本人一年来的思想、工作和廉洁自律情况报告如下，请予评议。\r\n"
    )
    sections = []
    numerals = "一二三四五六"
    topics = [
        ("坚持政治引领", "认真学习党的理论，坚持每周集中学习，撰写心得体会"),
        ("服务中心大局", "围绕全县发展目标，协调推进重点项目建设，跟踪督办重要事项"),
        ("规范办文办会", "严格执行公文处理办法，精简会议数量，提高会议质量"),
        ("强化督查落实", "建立工作台账，实行清单管理，对落后事项及时通报"),
        ("加强队伍建设", "开展业务培训，完善考核办法，营造干事创业的良好氛围"),
        ("严守纪律规矩", "自觉遵守廉洁从政各项规定，管好身边工作人员"),
    ]
    for i, (title, body) in enumerate(topics):
        sections.append(f"{numerals[i]}、{title}\r\n")
        for j in range(1, 6):
            sections.append(
                f"　　（{numerals[j - 1]}）{title}的第{j}项举措。{body}，"
                f"全年完成相关任务{10 + i * 5 + j}项，比上年增加{j}项，"
                f"涉及资金约{i + 1}．{j}亿元，群众反映良好。\r\n"
            )
            sections.append(
                f"　　{j}.具体做法。{body}。同时注重总结经验，查找薄弱环节，"
                "确保各项工作有序推进、取得实效。\r\n"
            )
    closing = "　　以上报告，不妥之处，请批评指正。\r\n"
    return intro + "".join(sections) + closing


GBK_REPORT = _gbk_report()


def _utf16_bom(text: str, codec: str) -> bytes:
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    return bom + text.encode(codec)


# (id, bytes, expected text, expected encoding)
ROUND_TRIPS = (
    # simplified snippets in every encoding that carries them
    [
        pytest.param(s.encode("gbk"), s, "gb18030", id=f"gbk-{name}")
        for name, s in SIMPLIFIED_SNIPPETS.items()
    ]
    + [
        pytest.param(s.encode("gb18030"), s, "gb18030", id=f"gb18030-{name}")
        for name, s in SIMPLIFIED_SNIPPETS.items()
    ]
    + [
        pytest.param(s.encode("utf-8"), s, "utf-8", id=f"utf8-{name}")
        for name, s in SIMPLIFIED_SNIPPETS.items()
    ]
    + [
        pytest.param(codecs.BOM_UTF8 + s.encode("utf-8"), s, "utf-8-sig", id=f"utf8bom-{name}")
        for name, s in SIMPLIFIED_SNIPPETS.items()
    ]
    + [
        pytest.param(_utf16_bom(s, codec), s, codec, id=f"{codec}-bom-{name}")
        for name, s in SIMPLIFIED_SNIPPETS.items()
        for codec in ("utf-16-le", "utf-16-be")
    ]
    + [
        pytest.param(s.encode(codec), s, codec, id=f"{codec}-nobom-{name}")
        for name, s in SIMPLIFIED_SNIPPETS.items()
        for codec in ("utf-16-le", "utf-16-be")
    ]
    # traditional snippets
    + [
        pytest.param(s.encode("big5"), s, "big5", id=f"big5-{name}")
        for name, s in TRADITIONAL_SNIPPETS.items()
    ]
    + [
        pytest.param(s.encode("utf-8"), s, "utf-8", id=f"utf8-trad-{name}")
        for name, s in TRADITIONAL_SNIPPETS.items()
    ]
    # a whole report
    + [
        pytest.param(GBK_REPORT.encode("gbk"), GBK_REPORT, "gb18030", id="gbk-report"),
        pytest.param(GBK_REPORT.encode("utf-8"), GBK_REPORT, "utf-8", id="utf8-report"),
        pytest.param(
            _utf16_bom(GBK_REPORT, "utf-16-le"), GBK_REPORT, "utf-16-le", id="utf16le-bom-report"
        ),
        pytest.param(GBK_REPORT.encode("utf-16-le"), GBK_REPORT, "utf-16-le", id="utf16le-report"),
        pytest.param(GBK_REPORT.encode("utf-16-be"), GBK_REPORT, "utf-16-be", id="utf16be-report"),
        pytest.param(
            "".join(TRADITIONAL_SNIPPETS.values()).encode("big5") * 20,
            "".join(TRADITIONAL_SNIPPETS.values()) * 20,
            "big5",
            id="big5-long",
        ),
    ]
)


@pytest.mark.parametrize(("data", "text", "encoding"), ROUND_TRIPS)
def test_round_trip(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == Decoded(text, encoding)


def test_report_length_is_realistic() -> None:
    assert len(GBK_REPORT) > 3000


def test_heading_not_taken_for_korean() -> None:
    # the reason decode does not trust charset-normalizer on short text
    assert decode(HEADING_12.encode("gbk")).encoding == "gb18030"
    assert decode(HEADING_12.encode("gbk")).text == HEADING_12


# --------------------------------------------------------------------------
# nothing but the BOM changes

LAYOUT = "　　二、存在问题\r\n　　１．调研不够深入，全年仅开展调研３次。\r\n\r\n　　（１）有待改进。\r\n"


@pytest.mark.parametrize(
    ("codec", "bom", "encoding"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("gbk", b"", "gb18030"),
        ("gb18030", b"", "gb18030"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
    ],
)
def test_layout_preserved(codec: str, bom: bytes, encoding: str) -> None:
    result = decode(bom + LAYOUT.encode(codec))
    assert result.encoding == encoding
    assert result.text == LAYOUT
    assert "\r\n" in result.text and "\u3000" in result.text and "１" in result.text
    assert not result.text.startswith("\ufeff")


def test_big5_layout_preserved() -> None:
    text = "　　二、存在問題\r\n　　１．調研不夠深入。\r\n"
    assert decode(text.encode("big5")) == Decoded(text, "big5")


def test_only_one_bom_removed() -> None:
    assert decode(codecs.BOM_UTF8 + codecs.BOM_UTF8 + "工作".encode()).text == "\ufeff工作"


def test_decoded_is_frozen() -> None:
    result = decode("工作".encode())
    with pytest.raises(AttributeError):
        result.text = "x"  # type: ignore[misc]


def test_accepts_bytearray_and_memoryview() -> None:
    data = HEADING_12.encode("gbk")
    assert decode(bytearray(data)).text == HEADING_12
    assert decode(memoryview(data)).text == HEADING_12


# --------------------------------------------------------------------------
# damaged and non-Chinese input


def test_utf8_cut_inside_last_character() -> None:
    data = GBK_REPORT.encode("utf-8") + "报".encode("utf-8")[:2]
    result = decode(data)
    assert result.encoding == "utf-8"
    assert result.text == GBK_REPORT + "\ufffd"


def test_gbk_cut_inside_last_character() -> None:
    data = GBK_REPORT.encode("gbk") + "报".encode("gbk")[:1]
    result = decode(data)
    assert result.encoding == "gb18030"
    assert result.text.startswith(GBK_REPORT)


def test_western_european_legacy_text() -> None:
    text = "Rapport annuel: la déjà-vue résumée, Größe und Übung."
    assert decode(text.encode("cp1252")) == Decoded(text, "cp1252")


# --------------------------------------------------------------------------
# errors

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


def _assert_one_line(error: InputError) -> None:
    message = str(error)
    assert message and "\n" not in message and message == message.strip()
    assert isinstance(error, InputError) and isinstance(error, ReportParseError)
    assert error.exit_code == 1
    assert error.code


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        pytest.param(b"", EmptyInput, "empty input", id="empty"),
        pytest.param(codecs.BOM_UTF8, EmptyInput, "empty input", id="bom-only"),
        pytest.param(codecs.BOM_UTF16_LE, EmptyInput, "empty input", id="utf16-bom-only"),
        pytest.param(bytes(range(256)), BinaryInput, "binary input, not a text report", id="bytes-0-255"),
        pytest.param(b"\x00\x01\x02\x03\x04\x05\x06\x07", BinaryInput, "binary input, not a text report", id="low-bytes"),
        pytest.param(PNG_HEADER, BinaryInput, "binary input, not a text report", id="png"),
        pytest.param(PNG_HEADER[:8], BinaryInput, "binary input, not a text report", id="png-signature"),
        pytest.param(b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x03\x00>\x00", BinaryInput, "binary input, not a text report", id="elf"),
        pytest.param("工作总结".encode() + b"\x00\x00\x00\x00" + "报告".encode(), BinaryInput, "binary input, not a text report", id="utf8-with-nuls"),
        pytest.param(bytes(range(0x80, 0x100)) * 4, BinaryInput, "binary input, not a text report", id="high-bytes"),
    ],
)
def test_decode_errors(data: bytes, error: type[InputError], message: str) -> None:
    with pytest.raises(error) as caught:
        decode(data)
    _assert_one_line(caught.value)
    assert str(caught.value) == message


def test_decode_error_names_path() -> None:
    with pytest.raises(BinaryInput) as caught:
        decode(PNG_HEADER, path=Path("scan.png"))
    assert str(caught.value) == "binary input, not a text report: scan.png"
    with pytest.raises(EmptyInput) as caught:
        decode(b"", path="empty.txt")
    assert str(caught.value) == "empty input: empty.txt"


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-report.txt"
    with pytest.raises(MissingInput) as caught:
        read_source(missing)
    _assert_one_line(caught.value)
    assert str(caught.value) == f"no such file: {missing}"


def test_directory_path(tmp_path: Path) -> None:
    with pytest.raises(DirectoryInput) as caught:
        read_source(str(tmp_path))
    _assert_one_line(caught.value)
    assert str(caught.value) == f"is a directory: {tmp_path}"


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="needs POSIX permissions and a non-root user",
)
def test_unreadable_path(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_bytes("工作".encode())
    locked.chmod(0)
    try:
        with pytest.raises(UnreadableInput) as caught:
            read_source(locked)
    finally:
        locked.chmod(0o600)
    _assert_one_line(caught.value)
    assert str(locked) in str(caught.value)


@pytest.mark.parametrize(
    ("exc", "error", "message"),
    [
        (PermissionError(13, "Permission denied"), UnreadableInput, "permission denied: r.txt"),
        (OSError(5, "Input/output error"), UnreadableInput, "cannot read r.txt: Input/output error"),
    ],
)
def test_unreadable_simulated(
    monkeypatch: pytest.MonkeyPatch, exc: OSError, error: type[InputError], message: str
) -> None:
    # root reads any file, so the permission case is also simulated
    import reportparse.decode as module

    def refuse(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr(module, "open", refuse, raising=False)
    with pytest.raises(error) as caught:
        read_source("r.txt")
    _assert_one_line(caught.value)
    assert str(caught.value) == message


# --------------------------------------------------------------------------
# read_source


def test_read_source_bytes() -> None:
    assert read_source(b"abc") == (b"abc", None)


def test_read_source_path_and_str(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    data = GBK_REPORT.encode("gbk")
    report.write_bytes(data)
    assert read_source(report) == (data, str(report))
    assert read_source(str(report)) == (data, str(report))
    raw, path = read_source(report)
    assert decode(raw, path=path) == Decoded(GBK_REPORT, "gb18030")


def test_read_source_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = HEADING_12.encode("gbk")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert read_source("-") == (data, None)


def test_read_source_path_named_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_bytes(b"file")
    assert read_source(Path("-")) == (b"file", "-")


def test_read_source_empty_file_reads(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    raw, path = read_source(empty)
    with pytest.raises(EmptyInput, match="empty input: .*empty.txt"):
        decode(raw, path=path)


# --------------------------------------------------------------------------
# long inputs (speed is measured by bench/decode_vs_utf8.py, not asserted here)


@pytest.mark.parametrize("codec", ["gbk", "utf-16-le", "utf-8", "big5"])
def test_100kb_round_trips(codec: str) -> None:
    unit = "".join(TRADITIONAL_SNIPPETS.values()) + "\r\n" if codec == "big5" else GBK_REPORT
    text = unit * (100_000 // len(unit.encode(codec)) + 1)
    expected = {"gbk": "gb18030"}.get(codec, codec)
    assert decode(text.encode(codec)) == Decoded(text, expected)


# --------------------------------------------------------------------------
# any Unicode text survives UTF-8 and UTF-16 with a BOM

try:
    from hypothesis import given
    from hypothesis import strategies as st
except ImportError:  # the "test" extra is not installed
    given = None

if given is not None:
    _TEXT = st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
        | st.sampled_from("\r\n\t\u3000，。１"),
        min_size=1,
    )

    @given(_TEXT)
    def test_any_text_round_trips_through_utf8(text: str) -> None:
        assert decode(text.encode("utf-8")) == Decoded(text, "utf-8")
        assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == Decoded(text, "utf-8-sig")

    @given(_TEXT)
    def test_any_text_round_trips_through_utf16_with_bom(text: str) -> None:
        assert decode(_utf16_bom(text, "utf-16-le")) == Decoded(text, "utf-16-le")
        assert decode(_utf16_bom(text, "utf-16-be")) == Decoded(text, "utf-16-be")

else:

    @pytest.mark.skip(reason="hypothesis not installed")
    def test_any_text_round_trips() -> None:  # pragma: no cover
        pass


# --------------------------------------------------------------------------
# the shared corpus of real reports (absent in a fresh clone)

CORPUS = Path(__file__).parents[1] / "../shared/corpus"
CORPUS_FILES = sorted(CORPUS.glob("**/*.txt")) if CORPUS.is_dir() else []


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=str(p.relative_to(CORPUS))) for p in CORPUS_FILES]
    or [pytest.param(None, marks=pytest.mark.skip(reason="../shared/corpus not present"))],
)
def test_corpus_file(path: Path) -> None:
    raw = path.read_bytes()
    result = decode(raw, path=path)
    assert result.encoding == "utf-8"
    assert result.text == raw.decode("utf-8")
    again = decode(result.text.encode("gb18030"))
    assert again == Decoded(result.text, "gb18030")
