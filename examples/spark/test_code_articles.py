"""The Spark job in local mode: a folder of text files and a Parquet table of articles give
the same events as the Python package, written as Parquet partitioned by date."""

import os
import pathlib
import sys

import pytest

pyspark = pytest.importorskip("pyspark")
pq = pytest.importorskip("pyarrow.parquet")

import dyad  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import code_articles  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dyad-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def articles():
    return [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "examples").glob("*.txt"))
    ]


def expected_events(date):
    return [e for evs in dyad.Coder().code_batch(articles(), date=date) for e in evs]


def written(out: pathlib.Path):
    """Events read back from the partitioned output, sorted by id, with the date partition."""
    dirs = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert dirs and all(d.startswith("date=") for d in dirs), dirs
    rows = []
    for d in dirs:
        for f in (out / d).glob("*.parquet"):
            for r in pq.read_table(f).to_pylist():
                r["date"] = d.split("=", 1)[1]
                rows.append(r)
    return sorted(rows, key=lambda r: r["id"])


def check(rows, expected):
    want = sorted(expected, key=lambda r: r["id"])
    assert len(rows) == len(want) > 10
    for got, exp in zip(rows, want):
        assert got["id"] == exp["id"]
        assert got["date"] == (exp["date"] or "__HIVE_DEFAULT_PARTITION__")
        assert got["event"] == exp["event"]
        assert got["cameo"] == exp["cameo"]
        assert [a["code"] for a in got["actor"]] == [a["code"] for a in exp["actor"]]
        assert got["text_info"] == exp["text_info"]
        assert str(got["report_date"]) == exp["report_date"]


def test_a_parquet_table_of_articles(spark, tmp_path):
    import pyarrow as pa

    src = tmp_path / "articles.parquet"
    arts = articles()
    pq.write_table(pa.Table.from_pylist(arts), src)
    out = tmp_path / "events"
    n = code_articles.run(spark, str(src), str(out), date="2031-03-04", partitions=3)
    rows = written(out)
    assert n == len(rows)
    check(rows, expected_events("2031-03-04"))


def test_a_folder_of_text_files(spark, tmp_path):
    """Text files are read as `dyad code` reads them: the header block sets the report date."""
    folder = tmp_path / "txt"
    folder.mkdir()
    for a in articles():
        (folder / f"{a['id']}.txt").write_text(a["text"], encoding="utf-8")
    out = tmp_path / "events"
    code_articles.run(spark, str(folder), str(out), date="2031-03-04")
    read = [dyad.read_text(a["text"], id=a["id"]) for a in articles()]
    expected = [e for evs in dyad.Coder().code_batch(read, date="2031-03-04") for e in evs]
    # The examples carry their own dates in their headers, not the default.
    assert {e["report_date"] for e in expected} != {"2031-03-04"}
    check(written(out), expected)
