"""The ``rasad evaluate`` command: each subcommand on small fixtures, JSON output, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.cli import main

GOLD = Path(__file__).resolve().parent / "gold"
CONLL = """زار O
الرئيس O
دونالد B-PERS
ترامب I-PERS
السعودية B-LOC
. O

"""


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("convention", ["rasad", "anercorp"])
def test_ner_on_a_small_conll_file(tmp_path, capsys, convention):
    path = tmp_path / "tiny.conll"
    path.write_text(CONLL, encoding="utf-8")
    code, out, _ = run(["evaluate", "ner", str(path), "--json", "--convention", convention], capsys)
    result = json.loads(out)
    assert code == 0
    assert result["micro"]["f1"] == 1.0


def test_gold_json_and_errors(capsys):
    files = [str(p) for p in sorted(GOLD.glob("*.gold.json"))[:1]]
    code, out, _ = run(["evaluate", "gold", *files, "--json"], capsys)
    result = json.loads(out)
    assert code == 0 and result["articles"] == 1
    assert "misses" not in result
    assert set(result["layers"]) >= {"mentions", "events", "quotes", "dates"}
    code, out, _ = run(["evaluate", "gold", *files, "--json", "--errors"], capsys)
    assert "misses" in json.loads(out)


def test_gold_table_output(capsys):
    files = [str(p) for p in sorted(GOLD.glob("*.gold.json"))[:1]]
    code, out, _ = run(["evaluate", "gold", *files], capsys)
    assert code == 0 and "mentions" in out and "f1=" in out


@pytest.mark.parametrize("what", ["ner", "dates", "events", "gold"])
def test_missing_file_is_a_usage_error(what, capsys):
    code, _, err = run(["evaluate", what, "/no/such/file"], capsys)
    assert code == 2 and "/no/such/file" in err


def test_not_a_gold_file(tmp_path, capsys):
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}')
    code, _, err = run(["evaluate", "gold", str(path)], capsys)
    assert code == 2 and "not a gold file" in err


def test_bad_tag_map(tmp_path, capsys):
    path = tmp_path / "tiny.conll"
    path.write_text(CONLL, encoding="utf-8")
    code, _, err = run(["evaluate", "ner", str(path), "--tag-map", "nonsense"], capsys)
    assert code == 2 and "--tag-map" in err
