"""Corpus throughput of dyad: the CLI on one core and on every core, the Python package, and
the Spark job in local mode, on the same corpus, printed as one Markdown table.

    bench/throughput/run.sh            (builds the release CLI and the venv, then runs this)

The corpus is the NGEC synthetic news stories (4,500 articles), read from
../shared/data/ngec/ at run time into a temporary JSONL file that is deleted afterwards.
The baseline is the CLI on one core (`--jobs 1`), measured in the same run.

Timing: wall clock of the whole `dyad code` process for CLI rows (knowledge load included);
for the Python rows, `Coder.code_batch` from inside the process (interpreter start and
import excluded); for Spark, the job from reading to the written Parquet (JVM and session
start excluded, given separately). Peak memory is the resident memory of the measured
process tree (the process and its children: for Spark, driver, JVM and Python workers),
sampled every 100 ms.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data" / "ngec" / "train_classifiers" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
REPORT_DATE = "2023-10-19"


def load_corpus(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        with z.open(name) as f:
            rows = list(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8")))
    out = []
    for i, r in enumerate(rows):
        text = (r.get("text") or "").strip()
        if text:
            out.append({"id": f"ngec-{i:05d}", "title": r.get("title") or None, "text": text})
    return out


def _tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants (KiB), from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", encoding="utf-8") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parent[int(d)] = int(fields[1])
            rss[int(d)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for c, pp in parent.items():
            if pp == p and c not in tree:
                tree.add(c)
                frontier.append(c)
    return sum(rss.get(p, 0) for p in tree)


def run_measured(cmd: list[str], env: dict | None = None, stdout_path: Path | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak resident memory of the process tree (KiB, sampled every 100 ms),
    and stdout (unless it went to `stdout_path`)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        sink = open(stdout_path, "wb") if stdout_path else out
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=sink, stderr=err, env=env)
        peak = 0
        while p.poll() is None:
            peak = max(peak, _tree_rss_kib(p.pid))
            time.sleep(0.1)
        wall = time.perf_counter() - start
        if stdout_path:
            sink.close()
        if p.returncode != 0:
            err.seek(0)
            sys.stderr.write(err.read().decode(errors="replace")[-3000:])
            raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}")
        out.seek(0)
        return wall, peak, out.read().decode()


PY_CHILD = r"""
import json, sys, time
import dyad
arts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
coder = dyad.Coder(jobs=int(sys.argv[2]))
t = time.perf_counter()
out = coder.code_batch(arts, date=sys.argv[3])
secs = time.perf_counter() - t
print(json.dumps({"secs": secs, "events": sum(map(len, out))}))
"""

SPARK_CHILD = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[4])
t0 = time.perf_counter()
from pyspark.sql import SparkSession
import code_articles
spark = (SparkSession.builder.master(f"local[{sys.argv[3]}]").appName("dyad-bench")
         .config("spark.ui.enabled", "false").getOrCreate())
t1 = time.perf_counter()
n = code_articles.run(spark, sys.argv[1], sys.argv[2], date=os.environ["REPORT_DATE"],
                      partitions=int(sys.argv[3]) * 4)
t2 = time.perf_counter()
spark.stop()
print(json.dumps({"startup": t1 - t0, "secs": t2 - t1, "events": n}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=str(ROOT / "target" / "release" / "dyad"))
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        raise SystemExit(f"{DATA} not found (the benchmark reads the NGEC stories from ../shared)")
    cores = os.cpu_count() or 1
    corpus = load_corpus(DATA)
    if args.limit:
        corpus = corpus[: args.limit]
    tmp = Path(tempfile.mkdtemp(prefix="dyad-bench-"))
    try:
        src = tmp / "articles" / "corpus.jsonl"
        src.parent.mkdir()
        with open(src, "w", encoding="utf-8") as f:
            for a in corpus:
                f.write(json.dumps(a) + "\n")
        big = tmp / "corpus4.jsonl"
        with open(big, "w", encoding="utf-8") as f:
            for k in range(4):
                for a in corpus:
                    f.write(json.dumps({**a, "id": f"{a['id']}-{k}"}) + "\n")
        n_art = len(corpus)
        mb = src.stat().st_size / 1e6

        # Sentences in the corpus, counted once by the coder itself (table format headers).
        table = subprocess.run(
            [args.cli, "code", "--format", "table", "--date", REPORT_DATE, str(src)],
            check=True, capture_output=True, text=True,
        ).stdout
        n_sent = sum(int(m) for m in re.findall(r"^# .* events in (\d+) sentences$", table, re.M))

        rows = []

        def add(name, secs, rss_kib, articles, events, note=""):
            rows.append((name, articles / secs, articles * n_sent / n_art / secs, secs, rss_kib / 1024, events, note))

        def cli(jobs, path, articles):
            out = tmp / "out.jsonl"
            wall, rss, _ = run_measured(
                [args.cli, "code", "--jobs", str(jobs), "--date", REPORT_DATE, str(path)], stdout_path=out
            )
            events = sum(1 for _ in open(out, encoding="utf-8"))
            return wall, rss, events

        wall, rss, ev1 = cli(1, src, n_art)
        add("baseline: `dyad code --jobs 1` (one core)", wall, rss, n_art, ev1)
        wall, rss, ev = cli(cores, src, n_art)
        add(f"`dyad code` (all {cores} cores)", wall, rss, n_art, ev)
        rss1 = rss
        wall, rss, ev4 = cli(cores, big, 4 * n_art)
        add(f"`dyad code` (all {cores} cores), corpus x4", wall, rss, 4 * n_art, ev4,
            f"peak memory {rss / max(rss1, 1):.2f}x the 1x corpus")
        pq = tmp / "out.parquet"
        wall, rss, _ = run_measured(
            [args.cli, "code", "--jobs", str(cores), "--format", "parquet", "-o", str(pq), "--date", REPORT_DATE, str(src)]
        )
        add(f"`dyad code --format parquet` (all {cores} cores)", wall, rss, n_art, ev)

        for jobs in (1, cores):
            _, rss, out = run_measured([sys.executable, "-c", PY_CHILD, str(src), str(jobs), REPORT_DATE])
            r = json.loads(out.strip().splitlines()[-1])
            add(f"Python `Coder.code_batch` (jobs={jobs})", r["secs"], rss, n_art, r["events"])

        if not args.no_spark:
            env = dict(os.environ)
            env.setdefault("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
            env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            env["PYSPARK_PYTHON"] = sys.executable
            env["REPORT_DATE"] = REPORT_DATE
            _, rss, out = run_measured(
                [sys.executable, "-c", SPARK_CHILD, str(src.parent), str(tmp / "spark-out"), str(cores),
                 str(ROOT / "examples" / "spark")],
                env=env,
            )
            r = json.loads(out.strip().splitlines()[-1])
            add(f"Spark local[{cores}], `mapPartitions` job", r["secs"], rss, n_art, r["events"],
                f"+{r['startup']:.1f} s JVM/session start")

        print(f"Corpus: NGEC synthetic stories, {n_art} articles, {n_sent} sentences, {mb:.1f} MB JSONL; "
              f"report date {REPORT_DATE}")
        print(f"Machine: {platform.machine()}, {cores} logical CPUs, {_cpu_model()}, {_mem_gib():.0f} GiB; "
              f"load average before the run {os.getloadavg()[0]:.2f}")
        print()
        print("| run | articles/s | sentences/s | seconds | peak MiB | events | note |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for name, aps, sps, secs, mib, events, note in rows:
            print(f"| {name} | {aps:,.0f} | {sps:,.0f} | {secs:.1f} | {mib:,.0f} | {events:,} | {note} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _mem_gib() -> float:
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


if __name__ == "__main__":
    main()
