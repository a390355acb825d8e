"""The Python package: the same records as the CLI, batches, Arrow and pandas round trips."""

import datetime as dt
import json
import logging
import pathlib
import subprocess

import pytest

import dyad

ARTICLE = "Turkish pilots shot down a Russian warplane on Tuesday. Russia denied the charge."
ROOT = pathlib.Path(__file__).resolve().parents[2]
CONTRACT_FIELDS = [
    "id", "doc_id", "date", "date_text", "report_date", "actor", "recipient", "event", "mode",
    "context", "cameo", "event_text", "event_loc", "text", "text_info", "modality",
    "attribution", "coder", "rule",
]


def examples():
    """The project's example articles, as (id, text)."""
    paths = sorted((ROOT / "examples").glob("*.txt"))
    assert paths, "examples/*.txt"
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in paths]


def examples_jsonl(tmp_path):
    """The example articles, and a JSONL file of them for the CLI."""
    arts = examples()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    return arts, src


@pytest.fixture(scope="module")
def coder():
    return dyad.Coder()


@pytest.fixture(scope="module")
def cli():
    """The CLI that `cargo test` built, to compare against."""
    path = ROOT / "target" / "debug" / "dyad"
    if not path.exists():
        pytest.skip("target/debug/dyad not built")
    return path


def test_code_returns_plover_dicts(coder):
    events = coder.code(ARTICLE, date="2015-11-24", id="a1")
    assert len(events) == 2
    first = events[0]
    assert list(first) == CONTRACT_FIELDS
    assert first["event"] == ["ASSAULT"]
    assert first["actor"][0]["code"] == "TUR"
    assert first["recipient"][0]["code"] == "RUS"
    assert first["date"] == "2015-11-24"
    assert first["report_date"] == "2015-11-24"
    assert first["doc_id"] == "a1"
    assert first["coder"] == dyad.CODER
    assert events[1]["event"] == ["REJECT"]


def test_a_date_object_works_and_a_bad_date_raises(coder):
    assert coder.code(ARTICLE, date=dt.date(2015, 11, 24)) == coder.code(ARTICLE, date="2015-11-24")
    with pytest.raises(ValueError, match="not YYYY-MM-DD"):
        coder.code(ARTICLE, date="24/11/2015")


def test_same_records_as_the_cli(coder, cli, tmp_path):
    """The package and `dyad code` give identical JSON for the same JSONL input."""
    arts, src = examples_jsonl(tmp_path)
    out = subprocess.run(
        [str(cli), "code", "--date", "2031-03-04", str(src)], check=True, capture_output=True, text=True
    ).stdout
    from_cli = [json.loads(line) for line in out.splitlines()]
    from_py = [e for evs in coder.code_batch(arts, date="2031-03-04") for e in evs]
    assert len(from_py) > 10
    assert from_py == from_cli


def test_batch_keeps_order_whatever_the_threads(coder):
    arts = examples() * 3
    one = coder.code_batch(arts, date="2031-03-04", jobs=1)
    many = coder.code_batch(arts, date="2031-03-04", jobs=4)
    assert one == many
    assert [evs[0]["doc_id"] for evs in one if evs] == [a["id"] for a in arts]
    assert one[0] == coder.code(arts[0]["text"], date="2031-03-04", id=arts[0]["id"])


def test_bad_articles_are_logged_and_the_batch_goes_on(coder, caplog):
    caplog.set_level(logging.WARNING, logger="dyad")
    out = coder.code_batch(
        [ARTICLE, {"id": "empty", "text": "  "}, {"id": "d", "text": ARTICLE, "date": "soon"}],
        date="2015-11-24",
    )
    assert len(out[0]) == 2
    assert out[1] == []
    assert len(out[2]) == 2 and out[2][0]["report_date"] == "2015-11-24"
    messages = " | ".join(r.getMessage() for r in caplog.records)
    assert "empty: empty `text`" in messages
    assert 'd: `date` "soon" is not YYYY-MM-DD' in messages
    with pytest.raises(TypeError):
        coder.code_batch([42])


def test_arrow_round_trip_has_the_contract_columns(coder):
    pa = pytest.importorskip("pyarrow")
    arts = examples()
    table = pa.table({"id": [a["id"] for a in arts], "text": [a["text"] for a in arts]})
    events = coder.code_arrow(table, date="2031-03-04")
    assert events.column_names == CONTRACT_FIELDS
    assert events.schema.field("date").type == pa.date32()
    assert events.schema.field("report_date").type == pa.date32()
    # Row for row the same records as code_batch, dates as datetime.date.
    expected = [e for evs in coder.code_batch(arts, date="2031-03-04") for e in evs]
    rows = events.to_pylist()
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected):
        for key in ("date", "report_date"):
            got[key] = got[key].isoformat() if got[key] is not None else None
        assert got == want


def test_pandas_round_trip(coder):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {"id": ["a", "b"], "text": [ARTICLE, "Nothing happened here."], "date": [dt.date(2015, 11, 24), None]}
    )
    events = coder.code_pandas(frame)
    assert list(events.columns) == CONTRACT_FIELDS
    assert list(events["doc_id"]) == ["a", "a"]
    assert list(events["event"].map(list)) == [["ASSAULT"], ["REJECT"]]
    assert events["report_date"][0] == dt.date(2015, 11, 24)
    assert events["actor"][0][0]["code"] == "TUR"


def test_a_parquet_file_from_the_cli_reads_like_code_arrow(coder, cli, tmp_path):
    """`dyad code --format parquet` and `code_arrow` share one schema."""
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    arts, src = examples_jsonl(tmp_path)
    out = tmp_path / "events.parquet"
    subprocess.run([str(cli), "code", "--format", "parquet", "-o", str(out), str(src)], check=True, capture_output=True)
    from_cli = pq.read_table(out)
    from_py = coder.code_arrow(pa.table({"id": [a["id"] for a in arts], "text": [a["text"] for a in arts]}))
    assert from_cli.schema.remove_metadata() == from_py.schema.remove_metadata()
    assert from_cli.to_pylist() == from_py.to_pylist()


def test_type_hints_ship_with_the_package():
    pkg = pathlib.Path(dyad.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "_dyad.pyi").exists()
    assert dyad.Coder.code_batch.__doc__ and "GIL" in dyad.Coder.code_batch.__doc__


def test_read_text_takes_the_header_block_as_the_cli_does(coder, cli):
    """A `.txt` article read with `read_text` codes exactly as `dyad code FILE.txt`."""
    path = sorted((ROOT / "examples").glob("*.txt"))[0]
    article = dyad.read_text(path.read_text(encoding="utf-8"), id=path.stem)
    assert article["date"] is not None and not article["text"].startswith("Date:")
    out = subprocess.run([str(cli), "code", str(path)], check=True, capture_output=True, text=True).stdout
    from_cli = [json.loads(line) for line in out.splitlines()]
    assert len(from_cli) > 3
    assert coder.code_batch([article])[0] == from_cli


def test_read_text_without_a_header_keeps_the_text(caplog):
    article = dyad.read_text("Turkish pilots shot down a Russian warplane.")
    assert article == {
        "id": "article",
        "text": "Turkish pilots shot down a Russian warplane.",
        "date": None,
        "title": None,
        "url": None,
        "source": None,
    }
    with caplog.at_level(logging.WARNING, logger="dyad"):
        bad = dyad.read_text("Date: yesterday\n\nTurkish pilots shot down a Russian warplane.", id="x")
    assert bad["date"] is None and bad["text"].startswith("Turkish")
    assert "not YYYY-MM-DD" in caplog.text
