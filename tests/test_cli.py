"""The ``rasad analyze`` and ``demo`` commands: formats, exit codes, order, stdin."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from rasad.cli import main

ARTICLE = "عنوان الخبر\n\nقال وزير الخارجية إن المحادثات مستمرة."


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_single_file_gives_one_json_object(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    code, out, _ = run(["analyze", str(path), "--published", "2021-03-02", "--outlet", "X"], capsys)
    record = json.loads(out)
    assert code == 0
    assert record["schema"] == "rasad/1"
    assert record["title"] == "عنوان الخبر"
    assert record["published"] == "2021-03-02"
    assert record["source"]["outlet"] == "X"


def test_bad_record_in_batch_keeps_count_and_exit_1(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "نص أول"}\n{oops\n{"text": "English only"}\n{"text": "نص رابع"}\n')
    code, out, err = run(["analyze", str(path)], capsys)
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 1
    assert len(lines) == 4
    assert [("error" in x) for x in lines] == [False, True, True, False]
    assert lines[1]["error"]["kind"] == "bad_json"
    assert lines[1]["error"]["where"].endswith("a.jsonl:2")
    assert lines[2]["error"]["kind"] == "not_arabic"
    assert "a.jsonl:2" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze", "x.txt", "--stages", "nonsense"],
        ["analyze", "x.txt", "--published", "not a date"],
        ["analyze", "x.txt", "--workers", "0"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "rasad: error:" in err


def test_no_command_exits_2(capsys):
    assert run([], capsys)[0] == 2


def test_missing_file_is_reported(capsys):
    code, out, err = run(["analyze", "/no/such.txt"], capsys)
    assert code == 1
    assert json.loads(out)["error"]["kind"] == "missing"
    assert "/no/such.txt" in err


def test_workers_keep_input_order(tmp_path, capsys):
    texts = [f"خبر رقم {i} عن المحادثات" for i in range(40)]
    path = tmp_path / "many.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"text": t, "id": i} if i != 7 else {"nope": 1}) + "\n")
    code, out, _ = run(["analyze", str(path), "--workers", "2"], capsys)
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 1
    assert len(lines) == 40
    assert "error" in lines[7]
    assert [x["text"] for i, x in enumerate(lines) if i != 7] == [
        t for i, t in enumerate(texts) if i != 7
    ]


def test_output_file_and_formats(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    dest = tmp_path / "out.jsonl"
    assert run(["analyze", str(src), "-o", str(dest), "--format", "jsonl"], capsys)[0] == 0
    assert json.loads(dest.read_text().strip())["title"] == "عنوان الخبر"
    code, out, _ = run(["analyze", str(src), str(src), "--format", "json"], capsys)
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run(["analyze", str(src), "--format", "pretty"], capsys)
    assert code == 0 and "عنوان الخبر" in out


def test_stdin_and_console_script():
    proc = subprocess.run(
        [sys.executable, "-m", "rasad.cli", "analyze", "-"],
        input=ARTICLE.encode(),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["title"] == "عنوان الخبر"


def test_help_texts_have_examples(capsys):
    from rasad.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert "example" in (p.epilog or "").lower(), f"'rasad {name} --help' has no example"


def test_demo_runs(capsys):
    code, out, _ = run(["demo", "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["published"] == "2021-03-02"
