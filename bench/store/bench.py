"""Store benchmark driver (see run.sh): corpus, ingest, resume, database size, queries."""

import csv
import io
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NGEC = os.path.join(ROOT, "..", "shared", "data", "ngec", "train_classifiers", "gpt_synthetic_events_2023-10-19_19.csv.zip")


def corpus(path, n):
    """Write n articles as JSONL; returns a description of the source."""
    out = []
    if os.path.exists(NGEC):
        with zipfile.ZipFile(NGEC) as z:
            name = z.namelist()[0]
            with z.open(name) as f:
                for i, row in enumerate(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8"))):
                    if len(out) >= n:
                        break
                    out.append({"id": f"ngec-{i}", "date": "2023-10-19", "text": row["text"]})
        source = "NGEC synthetic stories (../shared, read at run time)"
    if len(out) < n:
        ex = os.path.join(ROOT, "examples")
        texts = []
        for f in sorted(os.listdir(ex)):
            if f.endswith(".txt"):
                body = open(os.path.join(ex, f), encoding="utf-8").read()
                m = re.match(r"((?:[A-Za-z]+:.*\n)+)\n", body)
                date = re.search(r"^Date:\s*(\S+)", body, re.M)
                texts.append((date.group(1) if date else None, body[m.end():] if m else body))
        i = 0
        while len(out) < n:
            d, t = texts[i % len(texts)]
            out.append({"id": f"example-{i}", "date": d, "text": t})
            i += 1
        source = source if os.path.exists(NGEC) else "the example articles, repeated with distinct ids"
    with open(path, "w", encoding="utf-8") as f:
        for a in out:
            f.write(json.dumps(a) + "\n")
    return source, sum(len(a["text"]) for a in out)


def timed(cmd, **kw):
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, **kw)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr.decode(errors='replace')}")
    return dt, r


def best_of(cmd, runs=5):
    times, last = [], None
    for _ in range(runs):
        dt, last = timed(cmd)
        times.append(dt)
    return statistics.median(times), last


def main():
    dyad, n = sys.argv[1], int(sys.argv[2])
    cores = os.cpu_count()
    with tempfile.TemporaryDirectory(prefix="dyad-store-bench-") as tmp:
        src = os.path.join(tmp, "corpus.jsonl")
        source, chars = corpus(src, n)
        print(f"corpus: {n} articles, {chars / 1e6:.1f} M characters: {source}")
        print(f"machine: {platform.processor() or platform.machine()}, {cores} logical cores; python {platform.python_version()}")
        print()

        jsonl = os.path.join(tmp, "coded.jsonl")
        t_code, _ = timed([dyad, "code", "-o", jsonl, src])
        events = sum(1 for _ in open(jsonl, encoding="utf-8"))
        rows = [("baseline: dyad code -> JSONL (one thread)", t_code, os.path.getsize(jsonl))]

        db1 = os.path.join(tmp, "one.db")
        t_ing1, _ = timed([dyad, "ingest", "-j", "1", "--db", db1, src])
        db = os.path.join(tmp, "all.db")
        t_ing, _ = timed([dyad, "ingest", "--db", db, src])
        t_again, r = timed([dyad, "ingest", "--db", db, src])
        assert f"{n} unchanged" in r.stderr.decode(), r.stderr.decode()
        size = sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))
        rows.append(("dyad ingest -j 1 -> SQLite", t_ing1, None))
        rows.append((f"dyad ingest -j {cores} -> SQLite", t_ing, size))
        rows.append(("dyad ingest again (all unchanged, skipped)", t_again, None))
        print("| pass | seconds | articles/s | output MB |")
        print("|---|---:|---:|---:|")
        for name, t, sz in rows:
            mb = f"{sz / 1e6:.1f}" if sz else ""
            print(f"| {name} | {t:.2f} | {n / t:,.0f} | {mb} |")
        print(f"\nevents: {events}; database {size / 1e6:.1f} MB for {n} articles "
              f"({size / max(events, 1) / 1e3:.1f} kB per event, with each article's text and every event's evidence)")

        # Queries: median of 5 runs of the whole `dyad query` process, beside grep over the JSONL.
        queries = [
            ("all events -> JSONL", [], None),
            ("--event PROTEST", ["--event", "PROTEST"], r'"event":\["PROTEST"\]'),
            ("--actor USA", ["--actor", "USA"], r'"actor":\[\{"code":"USA"'),
            ("--cameo 19 (root)", ["--cameo", "19"], r'"cameo":"19'),
            ("--text strike", ["--text", "strike"], None),
            ("--country RUS", ["--country", "RUS"], None),
            ("--near 33.5,36.3 --radius 300", ["--near", "33.5,36.3", "--radius", "300"], None),
            ("--from 2023-10-01 --to 2023-10-19 --limit 100", ["--from", "2023-10-01", "--to", "2023-10-19", "--limit", "100"], None),
        ]
        print("\n| query (whole process, median of 5) | events | dyad query ms | baseline: grep over the JSONL ms |")
        print("|---|---:|---:|---:|")
        for name, args, pattern in queries:
            t, r = best_of([dyad, "query", "--db", db, *args])
            count = r.stdout.count(b"\n")
            base = ""
            if pattern is not None:
                tb, rb = best_of(["grep", "-cE", pattern, jsonl])
                base = f"{tb * 1000:.0f} ({rb.stdout.decode().strip()} lines)"
            elif not args:
                tb, _ = best_of(["cat", jsonl])
                base = f"{tb * 1000:.0f} (cat)"
            print(f"| {name} | {count} | {t * 1000:.0f} | {base} |")


if __name__ == "__main__":
    main()
