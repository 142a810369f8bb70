"""Every input format, encoding, gzip, directories and each bad-input case."""

from __future__ import annotations

import gzip
import json

import pytest

from rasad.ingest.readers import iter_records, read_text
from rasad.ingest.records import InputError, Record

ARTICLE = "عنوان الخبر\n\nقال وزير الخارجية إن المحادثات مستمرة.\nوأضاف أن الوفد سيعود غدا."
HTML = """<html><head><title>عنوان الصفحة</title>
<meta property="og:site_name" content="الميادين"><meta name="date" content="2021-03-02"></head>
<body><nav>الرئيسية | أخبار</nav><article><h1>عنوان الصفحة</h1>
<p>ذكر موقع إخباري أن وزير الأمن التقى العاهل الأردني في عمان الأسبوع الماضي في اجتماع سري تناول قضايا أمنية.</p>
<p>وقال مسؤولون إن الاجتماع تناول قضايا أمنية إقليمية تهم البلدين وسط التوتر المتصاعد في المنطقة.</p>
</article></body></html>"""


def records(tmp_path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    return list(iter_records([str(path)]))


def test_txt_first_line_is_title(tmp_path):
    [rec] = records(tmp_path, "a.txt", ARTICLE.encode())
    assert rec.title == "عنوان الخبر"
    assert rec.text.strip().startswith("قال وزير")
    assert rec.where.endswith("a.txt")


def test_html_main_text_and_metadata(tmp_path):
    [rec] = records(tmp_path, "a.html", HTML.encode())
    assert isinstance(rec, Record)
    assert rec.title == "عنوان الصفحة"
    assert "اجتماع سري" in rec.text and "الرئيسية" not in rec.text
    assert rec.published == "2021-03-02"
    assert rec.outlet == "الميادين"


def test_htm_extension(tmp_path):
    [rec] = records(tmp_path, "a.htm", HTML.encode())
    assert isinstance(rec, Record)


def test_json_object_and_list(tmp_path):
    [one] = records(tmp_path, "one.json", json.dumps({"text": "نص", "title": "ع"}).encode())
    assert one.text == "نص"
    many = records(
        tmp_path, "many.json", json.dumps([{"text": "أ"}, {"content": "ب"}, {"x": 1}]).encode()
    )
    assert [type(r) for r in many] == [Record, Record, InputError]
    assert many[2].where.endswith("many.json[2]")


def test_jsonl_streams_with_line_numbers(tmp_path):
    data = '{"text": "أ"}\n\n{"text": "ب"}\n{bad json\n{"title": "no text"}\n'
    out = records(tmp_path, "a.jsonl", data.encode())
    assert [getattr(r, "kind", "ok") for r in out] == ["ok", "ok", "bad_json", "no_text"]
    assert out[2].where.endswith("a.jsonl:4")
    assert out[3].where.endswith("a.jsonl:5")


@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz", "a.json.gz", "a.html.gz"])
def test_gzip_inputs(tmp_path, name):
    payload = {
        "a.txt.gz": ARTICLE,
        "a.jsonl.gz": '{"text": "أ"}\n{"text": "ب"}\n',
        "a.json.gz": '[{"text": "أ"}]',
        "a.html.gz": HTML,
    }[name]
    out = records(tmp_path, name, gzip.compress(payload.encode()))
    assert out and all(isinstance(r, Record) for r in out)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "iso8859_6"]
)
def test_encodings(tmp_path, encoding):
    [rec] = records(tmp_path, "a.txt", ARTICLE.encode(encoding))
    assert rec.title == "عنوان الخبر"


def test_directory_recursive_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("عنوان ب\n\nنص ب")
    (tmp_path / "sub" / "a.jsonl").write_text('{"text": "نص أ"}\n')
    (tmp_path / "ignored.csv").write_text("x,y")
    out = list(iter_records([str(tmp_path)]))
    assert [r.text.strip() for r in out] == ["نص ب", "نص أ"]


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("bin.txt", bytes(range(256)) * 20, "binary"),
        ("bad.json", b'{"text": ', "bad_json"),
        ("latin.txt", b"caf\xe9 cr\xe8me br\xfbl\xe9e", "undecodable"),
    ],
)
def test_bad_files(tmp_path, name, data, kind):
    [err] = records(tmp_path, name, data)
    assert isinstance(err, InputError)
    assert err.kind == kind
    assert name in err.where


def test_missing_file():
    [err] = list(iter_records(["/no/such/file.txt"]))
    assert err.kind == "missing" and "/no/such/file.txt" in str(err)


def test_corrupt_gzip(tmp_path):
    [err] = records(tmp_path, "a.jsonl.gz", gzip.compress(b'{"text": "x"}\n' * 100)[:40])
    assert err.kind == "unreadable"


@pytest.mark.parametrize(
    "data, n",
    [
        (b'{"text": "\xd8\xa3"}\n{"text": "\xd8\xa8"}\n', 2),  # jsonl sniffed
        (b'[{"text": "\xd8\xa3"}]', 1),  # json list sniffed
        ("عنوان\n\nنص".encode(), 1),  # text
    ],
)
def test_sniffing_in_memory_input(data, n):
    assert len(read_text(data)) == n
