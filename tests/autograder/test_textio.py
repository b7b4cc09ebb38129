"""Decoding text files from call centres: BOMs, UTF-8, GB18030/GBK, Big5, cp1252, or a clear no."""

import codecs

import pytest

from autograder.textio import UnreadableText, decode_text

ZH_HANS = "催收员：您好，我是XX资产管理公司的小李，工号1024。您的信用卡已经逾期十五天，请问今天还是明天方便处理？\n客户：明天下午还两千五。\n"
ZH_HANT = "催收員：您好，請問是王先生本人嗎？我是資產管理公司的小陳。您的帳戶已經逾期，請問禮拜五可以處理嗎？\n客戶：禮拜五還兩千五百元。\n"
EN = "Agent: Your balance is €450 – can you pay “today” or tomorrow?\nDebtor: Tomorrow.\n"


@pytest.mark.parametrize(
    "text,encoding,expected",
    [
        (ZH_HANS, "utf-8", "utf-8"),
        (ZH_HANS, "gbk", "gb18030"),
        (ZH_HANS, "gb18030", "gb18030"),
        (ZH_HANT, "big5", "big5hkscs"),
        (ZH_HANT, "utf-8", "utf-8"),
        (EN, "cp1252", "cp1252"),
    ],
    ids=["utf8-hans", "gbk", "gb18030", "big5", "utf8-hant", "cp1252"],
)
def test_legacy_encodings_are_read(text, encoding, expected):
    assert decode_text(text.encode(encoding)) == (text, expected)


@pytest.mark.parametrize(
    "bom,encoding",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_marks_are_taken_at_their_word(bom, encoding):
    text, _ = decode_text(bom + ZH_HANT.encode(encoding))
    assert text == ZH_HANT


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"PK\x03\x04\x00\x00binary", "NUL"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "byte-order mark"),
        (bytes(range(0x80, 0x100)) * 3, "UTF-8"),
    ],
    ids=["binary", "broken-bom", "noise"],
)
def test_what_is_not_text_gets_a_clear_bilingual_reason(data, reason):
    with pytest.raises(UnreadableText, match=reason) as err:
        decode_text(data)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(err.value))
