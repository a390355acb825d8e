"""Code a corpus of news articles into PLOVER/CAMEO events with PySpark and dyad.

    spark-submit examples/spark/code_articles.py INPUT OUTPUT [--date YYYY-MM-DD] [--partitions N]

INPUT is a Parquet table of articles (a ``text`` column, optional ``id``, ``date``, ``title``,
``url``, ``source``), or a folder of ``.jsonl`` files (one article per line, same fields) or of
``.txt`` files (one article per file; the file name is its id). OUTPUT gets Parquet event
records with the output contract's columns, partitioned by the event's date
(``OUTPUT/date=2015-11-24/part-....parquet``; undated events under
``date=__HIVE_DEFAULT_PARTITION__``).

Each partition of articles is coded by one ``dyad.Coder`` in ``mapPartitions``, on the
executor's own core; Spark spreads the partitions over the cluster. See README.md here for
how the ``dyad`` wheel reaches the executors.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional

#: Articles coded per call inside a partition (bounds the memory a task holds).
CHUNK = 256


def code_partition(rows: Iterable[Any], date: Optional[str]) -> Iterator[Dict[str, Any]]:
    """Code one partition of articles: one Coder, articles in chunks, events out as dicts
    (dates as ``datetime.date``, nested fields as dicts and lists)."""
    import pyarrow as pa

    import dyad

    coder = dyad.Coder(jobs=1)  # one task uses one core; Spark runs tasks side by side
    chunk: List[Dict[str, Any]] = []

    def flush() -> Iterator[Dict[str, Any]]:
        table = pa.Table.from_pylist(chunk)
        yield from coder.code_arrow(table, date=date, jobs=1).to_pylist()
        chunk.clear()

    for row in rows:
        article = row.asDict() if hasattr(row, "asDict") else dict(row)
        # Every row with every key (None where missing): pyarrow takes the columns from row 0.
        chunk.append({k: article.get(k) for k in dyad.ARTICLE_COLUMNS})
        if len(chunk) >= CHUNK:
            yield from flush()
    if chunk:
        yield from flush()


def event_schema():
    """The contract's columns as a Spark schema, taken from the package's Arrow schema."""
    import pyarrow as pa
    from pyspark.sql.pandas.types import from_arrow_schema

    import dyad

    empty = dyad.Coder(jobs=1).code_arrow(pa.table({"text": pa.array([], pa.string())}))
    return from_arrow_schema(empty.schema)


def read_articles(spark, path: str):
    """A DataFrame of articles from a Parquet table, or a folder of JSONL or text files."""
    from pyspark.sql.types import StringType, StructField, StructType

    if path.endswith(".parquet") or (os.path.isdir(path) and any(n.endswith(".parquet") for n in os.listdir(path))):
        return spark.read.parquet(path)
    names = os.listdir(path) if os.path.isdir(path) else [path]
    if any(n.endswith((".jsonl", ".json", ".ndjson")) for n in names):
        return spark.read.json(os.path.join(path, "*.jsonl") if os.path.isdir(path) else path)
    # One article per text file; the file name (without .txt) is its id, and a header block
    # (Date:, Title:, ...) sets those fields as it does for `dyad code`.
    import dyad

    files = spark.sparkContext.wholeTextFiles(os.path.join(path, "*.txt") if os.path.isdir(path) else path)

    def article(item):
        path, text = item
        name = os.path.basename(path)
        a = dyad.read_text(text, id=name[: -len(".txt")] if name.endswith(".txt") else name)
        return (a["id"], a["text"], a["date"], a["title"], a["url"], a["source"])

    schema = StructType([StructField(c, StringType()) for c in ("id", "text", "date", "title", "url", "source")])
    return spark.createDataFrame(files.map(article), schema)


def run(spark, input_path: str, output_path: str, date: Optional[str] = None, partitions: Optional[int] = None):
    """Code INPUT into OUTPUT; returns the number of events written."""
    # Ship this file to the executors so they can import `code_partition`.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    articles = read_articles(spark, input_path)
    keep = [c for c in ("id", "text", "date", "title", "url", "source") if c in articles.columns]
    if "date" in keep:
        articles = articles.withColumn("date", articles["date"].cast("string"))
    rdd = articles.select(*keep).rdd
    if partitions:
        rdd = rdd.repartition(partitions)
    events = spark.createDataFrame(rdd.mapPartitions(lambda rows: code_partition(rows, date)), event_schema())
    events.write.mode("overwrite").partitionBy("date").parquet(output_path)
    return spark.read.parquet(output_path).count()


def main(argv: Optional[List[str]] = None) -> None:
    from pyspark.sql import SparkSession

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="Parquet table, or folder of .jsonl or .txt articles")
    p.add_argument("output", help="folder for Parquet events, partitioned by date")
    p.add_argument("--date", help="report date (YYYY-MM-DD) for articles without one")
    p.add_argument("--partitions", type=int, help="repartition the articles into N partitions first")
    args = p.parse_args(argv)
    spark = SparkSession.builder.appName("dyad-code").getOrCreate()
    n = run(spark, args.input, args.output, args.date, args.partitions)
    print(f"dyad: {n} events written to {args.output}")
    spark.stop()


if __name__ == "__main__":
    main()
