"""newslens on a real Dask cluster (python/newslens_dask.py, docs/scale.md).

A LocalCluster with two worker processes analyses a generated corpus of ~2,700 articles in 13
partitions (a plain JSONL file cut into 10 byte ranges, a gzip JSONL file, a CSV and a gzip CSV)
while the test kills one worker in the middle of a partition. Then:
- the aggregate is byte-identical to one `newslens analyze --jsonl --aggregate` process;
- every article is in the summaries exactly once, with the CLI's own summary values;
- the killed worker cost a retry (its partition ran again elsewhere);
- the two bad records are reported with their partition and file line.

The kill is made deterministic with a gate in front of the CLI (Options.cli is any executable):
the first 4 analyze processes run freely; the next ones wait until the test releases them. When
two of them are waiting (one per worker, 4 partitions done), the test kills the worker that
started the first one, then opens the gate. Every wait is on a condition, with a generous limit.

Run: /usr/bin/python3 -m unittest discover -s tests/python -v   (make test-python)
"""

import collections
import csv
import gzip
import io
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import warnings

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "python"))

import newslens_dask as nd  # noqa: E402
import pandas as pd  # noqa: E402

# Tornado 6.2 under Dask 2022.12 warns about its own event loop calls; nothing to act on here.
warnings.filterwarnings("ignore", category=DeprecationWarning, module="tornado")

CLI = os.environ.get("NEWSLENS_CLI", os.path.join(ROOT, "build", "newslens"))
# Limits for the waits: far above what a loaded 2-core machine needs (seconds).
STEP_LIMIT = 120
OPEN_RUNS = 4  # analyze processes that pass the gate before it closes

GATE = """#!/bin/sh
# Test fixture: a ticket per analyze process; after the first {open} the process waits for
# {dir}/release. The ticket records the parent (the Dask worker) for the test to kill.
if [ "$1" = analyze ]; then
  i=1
  until mkdir "{dir}/run.$i" 2>/dev/null; do i=$((i + 1)); done
  echo $PPID > "{dir}/run.$i/ppid.tmp" && mv "{dir}/run.$i/ppid.tmp" "{dir}/run.$i/ppid"
  if [ "$i" -gt {open} ]; then
    until [ -e "{dir}/release" ]; do sleep 0.05; done
  fi
fi
exec "{cli}" "$@"
"""


def wait_for(condition, what, limit=STEP_LIMIT):
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {limit} s for {what}")
        time.sleep(0.05)


def build_corpus(work):
    """Writes the corpus files; returns (paths, reference JSONL path, good ids, bad lines)."""
    generated = os.path.join(work, "generated.jsonl")
    subprocess.run(["node", os.path.join(ROOT, "bench", "corpus.mjs"), "--mb", "5", "--seed",
                    "21", "--out", generated], check=True)
    with open(generated, encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    for i, a in enumerate(articles):
        a["date"] = f"2024-05-{i % 28 + 1:02d}"
        a["source"] = ["wire-a", "wire-b", "daily"][i % 3]
    n = len(articles)
    cut1, cut2, cut3 = n * 6 // 10, n * 8 // 10, n * 9 // 10
    lines = [json.dumps(a, ensure_ascii=False) for a in articles[:cut1]]
    # Two bad records, at file lines 400 and 1201: not JSON, and an object without text.
    bad = {400: "this line is not JSON {", 1201: json.dumps({"id": "no-text", "date": "2024-05-01"})}
    for line_no in sorted(bad):
        lines.insert(line_no - 1, bad[line_no])
    paths = {name: os.path.join(work, name) for name in
             ("big.jsonl", "wire.jsonl.gz", "feed.csv", "feed.csv.gz")}
    with open(paths["big.jsonl"], "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    wire = [json.dumps(a, ensure_ascii=False) for a in articles[cut1:cut2]]
    with gzip.open(paths["wire.jsonl.gz"], "wt", encoding="utf-8") as f:
        f.write("\n".join(wire) + "\n")
    for name, rows in (("feed.csv", articles[cut2:cut3]), ("feed.csv.gz", articles[cut3:])):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["id", "date", "source", "text"])
        for a in rows:
            writer.writerow([a["id"], a["date"], a["source"], a["text"]])
        opener = gzip.open if name.endswith(".gz") else open
        with opener(paths[name], "wt", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
    reference = os.path.join(work, "reference.jsonl")
    with open(reference, "w", encoding="utf-8") as f:
        f.write("\n".join(lines + wire) + "\n")
        for a in articles[cut2:]:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return paths, reference, [a["id"] for a in articles], bad, lines


class DaskClusterRun(unittest.TestCase):
    """One run on a LocalCluster with a worker killed midway; each test checks one property."""

    @classmethod
    def setUpClass(cls):
        if not os.access(CLI, os.X_OK):
            raise AssertionError(f"{CLI} is not built (make native)")
        from distributed import Client, LocalCluster

        logging.getLogger("distributed").setLevel(logging.CRITICAL)  # the kill is expected
        cls._tmp = tempfile.TemporaryDirectory(prefix="newslens-dask-test-")
        work = cls.work = cls._tmp.name
        cls.paths, reference, cls.ids, cls.bad, cls.big_lines = build_corpus(work)
        big_size = os.path.getsize(cls.paths["big.jsonl"])
        cls.partitions = nd.read_corpus(list(cls.paths.values()), blocksize=-(-big_size // 10))
        # The reference: one process over the whole corpus (status 1: the two bad records).
        ref = subprocess.run([CLI, "analyze", "--jsonl", "--aggregate", "--threads", "2", reference],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert ref.returncode == 1, ref.stderr
        cls.reference_aggregate = ref.stdout
        with open(reference, encoding="utf-8") as f:
            head = "".join(line for line, _ in zip(f, range(60)))
        cls.reference_summaries = [json.loads(s) for s in subprocess.run(
            [CLI, "analyze", "--jsonl", "--summary", "--threads", "1"], input=head,
            stdout=subprocess.PIPE, text=True).stdout.splitlines()]

        gate_dir = os.path.join(work, "gate")
        os.mkdir(gate_dir)
        gate = os.path.join(work, "newslens-gate")
        with open(gate, "w") as f:
            f.write(GATE.format(open=OPEN_RUNS, dir=gate_dir, cli=CLI))
        os.chmod(gate, 0o755)
        cls.gate_dir = gate_dir

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.CRITICAL)
        client = Client(cluster)
        try:
            client.wait_for_workers(2, timeout=STEP_LIMIT)
            worker_pids = client.run(os.getpid)
            analysis = nd.analyze(cls.partitions, cli=gate, threads=1)
            outcome = {}

            def run():
                try:
                    outcome["result"] = analysis.compute()
                except BaseException as e:  # noqa: BLE001 - reported by the test
                    outcome["error"] = e

            runner = threading.Thread(target=run, daemon=True)
            runner.start()
            ticket = lambda i: os.path.join(gate_dir, f"run.{i}", "ppid")  # noqa: E731
            wait_for(lambda: os.path.exists(ticket(OPEN_RUNS + 1))
                     and os.path.exists(ticket(OPEN_RUNS + 2)),
                     "both workers to start a partition after the first 4")
            with open(ticket(OPEN_RUNS + 1)) as f:
                cls.killed_pid = int(f.read())
            with open(ticket(OPEN_RUNS + 2)) as f:
                cls.other_pid = int(f.read())
            cls.worker_pids = set(worker_pids.values())
            cls.killed_address = next((a for a, p in worker_pids.items() if p == cls.killed_pid),
                                      None)
            os.kill(cls.killed_pid, signal.SIGKILL)
            wait_for(lambda: cls.killed_address not in client.scheduler_info()["workers"],
                     "the scheduler to see the killed worker leave")
            open(os.path.join(gate_dir, "release"), "w").close()
            runner.join(timeout=STEP_LIMIT * 2)
            if runner.is_alive():
                raise AssertionError("the analysis did not finish after the kill")
            if "error" in outcome:
                raise outcome["error"]
            cls.result = outcome["result"]
            cls.runs = len([d for d in os.listdir(gate_dir) if d.startswith("run.")])
        finally:
            client.close()
            cluster.close()

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def test_corpus_is_a_few_thousand_articles_in_at_least_8_partitions(self):
        self.assertGreaterEqual(len(self.ids), 2000)
        self.assertGreaterEqual(len(self.partitions), 8)
        self.assertEqual(sum(p.path.endswith("big.jsonl") for p in self.partitions), 10)

    def test_aggregate_is_byte_identical_to_one_process(self):
        self.assertEqual(self.result.aggregate, self.reference_aggregate)
        aggregate = json.loads(self.result.aggregate)
        self.assertEqual(aggregate["articles"], len(self.ids))
        self.assertEqual(aggregate["failed"], 2)

    def test_every_article_appears_exactly_once(self):
        counts = collections.Counter(self.result.summaries["id"])
        self.assertEqual(len(self.result.summaries), len(self.ids))
        self.assertEqual(counts, collections.Counter(self.ids))
        # In corpus order: partition by partition, each in input order.
        self.assertEqual(list(self.result.summaries["id"]), self.ids)
        self.assertTrue(self.result.summaries["partition"].is_monotonic_increasing)

    def test_killed_worker_cost_a_retry(self):
        self.assertIn(self.killed_pid, self.worker_pids)
        self.assertIn(self.other_pid, self.worker_pids)
        self.assertNotEqual(self.killed_pid, self.other_pid)
        with self.assertRaises(ProcessLookupError):
            os.kill(self.killed_pid, 0)
        # One analyze process per partition, plus at least the one that died with its worker.
        self.assertGreaterEqual(self.runs, len(self.partitions) + 1)

    def test_bad_records_are_reported_with_partition_and_line(self):
        errors = self.result.errors.sort_values("line").reset_index(drop=True)
        self.assertEqual(len(errors), 2)
        big = self.paths["big.jsonl"]
        # The partition of each bad line, from its byte offset (independent of the module).
        offset, offsets = 0, {}
        for number, line in enumerate(self.big_lines, start=1):
            offsets[number] = offset
            offset += len(line.encode("utf-8")) + 1
        for row, (line_no, text) in zip(errors.itertuples(), sorted(self.bad.items())):
            part = next(p for p in self.partitions if p.path == big and p.start <= offsets[line_no]
                        and (p.end is None or offsets[line_no] < p.end))
            self.assertEqual((row.partition, row.path, row.line), (part.index, big, line_no))
            first = min(n for n, o in offsets.items() if o >= part.start)
            self.assertEqual(row.partition_line, line_no - first + 1)
        self.assertEqual(errors.loc[0, "message"], "not valid JSON")
        self.assertIsNone(errors.loc[0, "id"])
        self.assertEqual(errors.loc[1, "id"], "no-text")
        self.assertIn("text", errors.loc[1, "message"])

    def test_rows_carry_the_cli_summary(self):
        by_id = self.result.summaries.set_index("id")
        checked = 0
        for s in self.reference_summaries:
            if "error" in s:
                continue
            row = by_id.loc[s["id"]]
            self.assertEqual(row["words"], s["words"])
            self.assertEqual(row["date"], s["date"])
            self.assertEqual(row["source"], s["source"])
            self.assertEqual(row["primary_theme"], s["primary_theme"])
            self.assertEqual(row["tone"], s["tone"]["compound"])
            self.assertEqual(row["tone_label"], s["tone"]["label"])
            self.assertEqual(row["top_level"], {t["id"]: t["share"] for t in s["top_level"]})
            self.assertEqual(row["actors"], s["entities"][:5])
            checked += 1
        self.assertGreater(checked, 50)
        csv_rows = self.result.summaries[self.result.summaries["partition"] >= 11]
        self.assertTrue(csv_rows["date"].str.startswith("2024-05-").all())


class PartitionsWithoutACluster(unittest.TestCase):
    """The partitioning and the options, on Dask's synchronous scheduler (no cluster needed)."""

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="newslens-dask-test-")
        cls.corpus = os.path.join(cls._tmp.name, "corpus.jsonl")
        subprocess.run(["node", os.path.join(ROOT, "bench", "corpus.mjs"), "--mb", "0.3",
                        "--seed", "5", "--out", cls.corpus], check=True)
        with open(cls.corpus, encoding="utf-8") as f:
            cls.lines = f.read().splitlines()
        # CRLF line ends, a blank line and a line without its final newline: cut points must
        # still fall between records.
        with open(cls.corpus, "w", encoding="utf-8", newline="") as f:
            f.write("\r\n".join(cls.lines[:40]) + "\r\n\r\n" + "\n".join(cls.lines[40:]))
        cls.reference = subprocess.run([CLI, "analyze", "--jsonl", "--aggregate", cls.corpus],
                                       stdout=subprocess.PIPE, check=True, text=True).stdout

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def test_any_blocksize_gives_the_same_articles_and_aggregate(self):
        ids = [json.loads(line)["id"] for line in self.lines]
        size = os.path.getsize(self.corpus)
        for blocksize, threads in ((None, 1), (size // 3, 2), (size // 7 + 1, 1)):
            with self.subTest(blocksize=blocksize, threads=threads):
                parts = nd.read_corpus(self.corpus, blocksize=blocksize)
                result = nd.analyze(parts, cli=CLI, threads=threads).compute(scheduler="sync")
                self.assertEqual(list(result.summaries["id"]), ids)
                self.assertEqual(result.aggregate, self.reference)
                self.assertEqual(len(result.errors), 0)

    def test_byte_ranges_hold_every_line_once(self):
        # Short lines of every length from 0, CRLF ends, no final newline: ~1.5 KB, so that
        # even one-byte ranges are cheap.
        data = b"".join(b"x" * (i % 9) + (b"\r\n" if i % 4 == 0 else b"\n") for i in range(160))
        data += b"last line"
        small = os.path.join(self._tmp.name, "small.jsonl")
        with open(small, "wb") as f:
            f.write(data)
        for blocksize in (1, 2, 3, 17, 100, len(data) - 1, len(data)):
            with self.subTest(blocksize=blocksize):
                parts = nd.read_corpus(small, blocksize=blocksize)
                self.assertEqual(b"".join(nd._read_block(p) for p in parts), data)
                for p in parts:
                    block = nd._read_block(p)
                    if block:  # starts a line: at the file start or after a newline
                        first = nd._first_line(p)
                        self.assertEqual(data[:p.start].count(b"\n") + 1 if p.start == 0 or
                                         data[p.start - 1:p.start] == b"\n" else
                                         data[:p.start].count(b"\n") + 2, first)
                        self.assertEqual(data.split(b"\n")[first - 1] + b"\n",
                                         block.split(b"\n")[0] + b"\n")

    def test_fields_and_top_actors_are_passed_on(self):
        parts = nd.read_corpus(self.corpus, blocksize=None)
        result = nd.analyze(parts, cli=CLI, fields="tone,entities", top_actors=2).compute(
            scheduler="sync")
        self.assertTrue((result.summaries["top_level"].map(len) == 0).all())
        self.assertTrue(result.summaries["primary_theme"].isna().all())
        self.assertTrue((result.summaries["actors"].map(len) <= 2).all())
        self.assertGreater(result.summaries["actors"].map(len).sum(), 0)
        tone_only = subprocess.run([CLI, "analyze", "--jsonl", "--aggregate", "--fields",
                                    "tone,entities", self.corpus], stdout=subprocess.PIPE,
                                   check=True, text=True).stdout
        self.assertEqual(result.aggregate, tone_only)

    def test_aggregate_only_skips_the_summaries(self):
        bad = os.path.join(self._tmp.name, "with-bad.jsonl")
        with open(bad, "w", encoding="utf-8") as f:
            # A title that holds "error": must not pass for a bad record.
            f.write(json.dumps({"id": "e", "title": '"error": in a title', "text": "Stocks rose."})
                    + "\n" + json.dumps({"id": "t", "title": '"error": no text'}) + "\n")
        parts = nd.read_corpus([self.corpus, bad], blocksize=None)
        result = nd.analyze(parts, cli=CLI, summaries=False).compute(scheduler="sync")
        self.assertEqual(len(result.summaries), 0)
        self.assertEqual(list(result.summaries.columns), list(nd.COLUMNS))
        self.assertEqual(json.loads(result.aggregate)["articles"], len(self.lines) + 1)
        self.assertEqual(len(result.errors), 1)
        self.assertEqual((result.errors.loc[0, "id"], result.errors.loc[0, "line"]), ("t", 2))

    def test_persist_analyses_each_partition_once(self):
        calls = os.path.join(self._tmp.name, "calls")
        counting = os.path.join(self._tmp.name, "counting-newslens")
        with open(counting, "w") as f:
            f.write(f'#!/bin/sh\n[ "$1" = analyze ] && echo x >> "{calls}"\nexec "{CLI}" "$@"\n')
        os.chmod(counting, 0o755)
        parts = nd.read_corpus(self.corpus, blocksize=os.path.getsize(self.corpus) // 3 + 1)
        analysis = nd.analyze(parts, cli=counting).persist(scheduler="sync")
        summaries = analysis.summaries.compute(scheduler="sync")
        aggregate = analysis.aggregate.compute(scheduler="sync")
        analysis.errors.compute(scheduler="sync")
        with open(calls) as f:
            self.assertEqual(len(f.readlines()), len(parts))
        self.assertEqual(len(summaries), len(self.lines))
        self.assertEqual(aggregate, self.reference)

    def test_titles_keep_unicode_line_separators(self):
        path = os.path.join(self._tmp.name, "separators.jsonl")
        title = "Talks\u2028resume\x85in Geneva\u2029today"
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": 1, "title": title, "text": "Diplomats met again."},
                               ensure_ascii=False) + "\n")
        result = nd.analyze(nd.read_corpus(path), cli=CLI).compute(scheduler="sync")
        self.assertEqual(list(result.summaries["title"]), [title])

    def test_command_line_driver(self):
        bad = os.path.join(self._tmp.name, "one-bad.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('id,text\nc1,"Rain delayed the match."\nc2,"an "unbalanced" quote"\n')
        out = os.path.join(self._tmp.name, "cli-out")
        os.mkdir(out)
        run = subprocess.run(
            [sys.executable, os.path.join(ROOT, "python", "newslens_dask.py"), "--workers", "1",
             "--cli", CLI, "--blocksize", "100KiB", "--aggregate", os.path.join(out, "agg.json"),
             "--summaries", os.path.join(out, "rows.csv"), self.corpus, bad],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=STEP_LIMIT * 2)
        self.assertEqual(run.returncode, 1, run.stderr)
        self.assertRegex(run.stderr, r"partition \d+, .*one-bad\.csv line 3: ")
        rows = pd.read_csv(os.path.join(out, "rows.csv"))
        self.assertEqual(len(rows), len(self.lines) + 1)
        self.assertIsInstance(json.loads(rows.loc[0, "top_level"]), dict)
        with open(os.path.join(out, "agg.json"), encoding="utf-8") as f:
            aggregate = json.load(f)
        self.assertEqual((aggregate["articles"], aggregate["failed"]), (len(self.lines) + 1, 1))

    def test_a_file_that_is_not_text_is_reported_and_the_rest_analysed(self):
        png = os.path.join(self._tmp.name, "picture.jsonl")
        with open(png, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        result = nd.analyze(nd.read_corpus([png, self.corpus]), cli=CLI).compute(scheduler="sync")
        self.assertEqual(result.aggregate, self.reference)
        self.assertEqual(len(result.errors), 1)
        self.assertEqual((result.errors.loc[0, "partition"], result.errors.loc[0, "path"]), (0, png))
        self.assertTrue(pd.isna(result.errors.loc[0, "line"]))
        self.assertIn("PNG", result.errors.loc[0, "message"])

    def test_a_crashing_or_missing_cli_fails_the_partition_loudly(self):
        crash = os.path.join(self._tmp.name, "crash")
        with open(crash, "w") as f:
            f.write("#!/bin/sh\necho 'simulated crash' >&2\nkill -SEGV $$\n")
        os.chmod(crash, 0o755)
        parts = nd.read_corpus(self.corpus, blocksize=None)
        with self.assertRaisesRegex(RuntimeError, "partition 0 .*status -11.*simulated crash"):
            nd.analyze(parts, cli=crash).compute(scheduler="sync")
        with self.assertRaisesRegex(FileNotFoundError, "not found"):
            nd.analyze(parts, cli=os.path.join(self._tmp.name, "nowhere")).compute(
                scheduler="sync")



if __name__ == "__main__":
    unittest.main()
