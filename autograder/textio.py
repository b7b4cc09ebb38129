"""Reading learners' and instructors' text files whatever their encoding, or saying clearly why not.

Call-centre exports are often not UTF-8: Simplified Chinese Windows saves GBK (GB18030 is its
superset), Taiwan and Hong Kong save Big5, English Windows saves cp1252, and Notepad may add a
byte-order mark or write UTF-16. `decode_text` takes a BOM at its word, then strict UTF-8, then
asks charset-normalizer to choose among those legacy encodings (short texts can be ambiguous:
the encoding used is reported, so a wrong guess is visible).
"""

from __future__ import annotations

import codecs

__all__ = ["UnreadableText", "decode_text", "read_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# the legacy encodings a collections team's files come in, most specific first
LEGACY = ("gb18030", "big5hkscs", "cp1252")


class UnreadableText(ValueError):
    """The bytes are not text in any encoding we read (binary, or damaged beyond decoding)."""


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding used) for `data`; `UnreadableText` with a bilingual reason otherwise."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise UnreadableText(
                    f"starts with a {encoding} byte-order mark but is not {encoding} / "
                    f"文件以 {encoding} 标记开头，但内容不是 {encoding}"
                ) from None
    if b"\x00" in data:
        raise UnreadableText("not a text file (it contains NUL bytes) / 不是文本文件")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY)).best()
    if best is None:
        raise UnreadableText(
            "not UTF-8, GB18030, Big5 or cp1252 text; save it as UTF-8 / "
            "无法识别编码，请另存为 UTF-8"
        )
    return str(best), best.encoding


def read_text(path) -> tuple[str, str]:
    """Read and decode a file: (text, encoding used)."""
    with open(path, "rb") as fh:
        return decode_text(fh.read())
