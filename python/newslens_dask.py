"""newslens on Dask: analyse a news corpus on a Dask cluster with the native newslens CLI.

Each partition of the corpus goes through one `newslens analyze --jsonl|--csv --summary
--aggregate` process on a Dask worker. What comes back:

- ``summaries``: a Dask DataFrame, one row per article (id, title, date, source, words,
  sentences, primary theme, tone, theme shares, top actors), in corpus order;
- ``aggregate``: the corpus aggregate (``newslens/aggregate@1``), the partitions' partial
  aggregates merged by the CLI's own ``newslens aggregate``. Its sums are integers in units of
  1e-4 (docs/scale.md), so the text is byte-identical to one process's
  ``newslens analyze --jsonl --aggregate`` over the whole corpus, whatever the partitioning;
- ``errors``: one row per bad record (not JSON, no text, a malformed CSV row, a binary file),
  with its partition, file and line. A bad record never stops its partition.

Usage (a driver must be a file with a ``__main__`` guard: Dask's worker processes re-import it)::

    import sys; sys.path.insert(0, "python")     # or PYTHONPATH=python
    from distributed import Client, LocalCluster
    import newslens_dask as nd

    if __name__ == "__main__":
        with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster):
            corpus = nd.read_corpus(["news/2024-05-*.jsonl.gz", "big.jsonl"], blocksize="64MiB")
            result = nd.analyze(corpus, cli="build/newslens").compute()
            result.summaries          # pandas DataFrame, one row per article
            result.aggregate          # the aggregate's JSON text, as `newslens aggregate` writes it
            result.errors             # pandas DataFrame: partition, path, line, id, message

Partitions: a plain JSONL file is cut into byte ranges of ``blocksize`` on line boundaries (a
record belongs to the range its line starts in); a gzip file or a CSV file is one partition (gzip
cannot be cut without reading it, and a quoted CSV field may hold newlines). Every path must be
readable by the workers at the same name (a shared file system on a cluster), and so must the
CLI (ship it with ``client.upload_file`` or install it on every node; it is one static file with
its dictionaries embedded).

Fault tolerance is Dask's: a partition is a pure task keyed by its file, byte range and options.
If a worker dies, the scheduler runs the partitions it held again on another worker; results are
keyed, so no article is lost or counted twice (tests/python/test_dask.py kills a worker midway).

Run as a script, it is a command-line driver: ``python3 python/newslens_dask.py --help``.
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import json
import os
import re
import subprocess
import sys
from typing import List, Optional, Sequence

import dask
import pandas as pd
from dask import delayed

__all__ = ["Partition", "Options", "Analysis", "Result", "read_corpus", "analyze", "main"]

GZIP_MAGIC = b"\x1f\x8b"
DEFAULT_BLOCKSIZE = 64 * 2**20
# Partial aggregates merged by one `newslens aggregate` process: a tree of this fan-in keeps
# each merge's input small (a partial aggregate is a few KB to ~1 MB: one entry per actor).
MERGE_FAN_IN = 32
# The columns of `summaries`, in order, with their dtypes (the meta of the Dask DataFrame).
COLUMNS = {
    "partition": "int64",  # index of the partition the article came from
    "id": "object",  # the input's id as given (any JSON value; a string in CSV), or None
    "title": "object",
    "date": "object",  # as given in the input; pd.to_datetime(df.date) when it is a date
    "source": "object",
    "words": "int64",
    "sentences": "int64",
    "primary_theme": "object",  # top-level theme id with the highest score, or None
    "tone": "float64",  # document compound in [-1, 1]
    "tone_label": "object",  # positive / neutral / negative (thresholds +-0.05)
    "gdelt_tone": "float64",  # (positive - negative words) / words * 100
    "top_level": "object",  # {top-level theme id: share of the article's theme score}
    "themes": "object",  # {sub-theme id: share}
    "actors": "object",  # [{"name", "type", "code"?, "count"}], the most named first
}
ERROR_COLUMNS = {
    "partition": "int64",
    "path": "object",
    "line": "Int64",  # line in the file where the record starts (None: the partition as a whole)
    "partition_line": "Int64",  # the same line counted from the partition's first line
    "id": "object",
    "message": "object",
}
_LINE_ERROR = re.compile(r"line (\d+): (.*)", re.S)


@dataclasses.dataclass(frozen=True)
class Partition:
    """One unit of work: a whole file (start=0, end=None) or a byte range of a plain JSONL file."""

    index: int
    path: str
    format: str  # "jsonl" or "csv"
    start: int = 0
    end: Optional[int] = None  # None: to the end of the file

    @property
    def whole_file(self) -> bool:
        return self.start == 0 and self.end is None


@dataclasses.dataclass(frozen=True)
class Options:
    """How each partition is analysed.

    cli: path of the newslens executable on the workers.
    threads: --threads of each CLI process. Keep threads x Dask worker threads <= the cores of a
        node (LocalCluster(threads_per_worker=1) and threads=1 is one process per core).
    fields: --fields, the report parts to compute (e.g. "themes" or "tone,entities"; tone is
        always there); parts left out are empty in the summaries and cost nothing.
    tone: --tone lexicon ("news", "general", "finance"), or None for the default.
    dicts: --dict files (custom dictionaries), readable on the workers.
    dict_only: --dict-only.
    max_bytes: --max-bytes (e.g. "16M"), or None for the CLI's default.
    top_actors: how many actors to keep per article in `actors` (None: all).
    summaries: False to compute only the aggregate and the bad records. The summary lines
        are then not parsed in Python at all (the per-article cost of the DataFrame; see
        docs/scale.md), and `summaries` is an empty DataFrame.
    """

    cli: str = "build/newslens"
    threads: int = 1
    fields: Optional[str] = None
    tone: Optional[str] = None
    dicts: tuple = ()
    dict_only: bool = False
    max_bytes: Optional[str] = None
    top_actors: Optional[int] = 5
    summaries: bool = True

    def analyze_command(self, fmt: str) -> List[str]:
        cmd = [self.cli, "analyze", "--" + fmt, "--summary", "--aggregate",
               "--threads", str(self.threads)]
        if self.fields:
            cmd += ["--fields", self.fields]
        if self.tone:
            cmd += ["--tone", self.tone]
        for d in self.dicts:
            cmd += ["--dict", d]
        if self.dict_only:
            cmd.append("--dict-only")
        if self.max_bytes:
            cmd += ["--max-bytes", str(self.max_bytes)]
        return cmd


def _parse_size(size) -> Optional[int]:
    if size is None or isinstance(size, int):
        return size
    m = re.fullmatch(r"\s*(\d+)\s*([KMG]i?B?)?\s*", str(size), re.I)
    if not m:
        raise ValueError(f"blocksize: {size!r} is not a size like 64MiB")
    unit = (m.group(2) or "").upper()[:1]
    return int(m.group(1)) * {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}[unit]


def _is_gzip(path: str) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == GZIP_MAGIC


def _format_of(path: str, fmt: Optional[str]) -> str:
    if fmt:
        if fmt not in ("jsonl", "csv"):
            raise ValueError(f"format: {fmt!r}; use 'jsonl' or 'csv'")
        return fmt
    name = path[:-3] if path.endswith(".gz") else path
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    raise ValueError(f"{path}: cannot tell JSONL from CSV by its name; pass format='jsonl' or 'csv'")


def read_corpus(paths, format: Optional[str] = None, blocksize=DEFAULT_BLOCKSIZE) -> List[Partition]:
    """Lists the partitions of a corpus: paths or glob patterns of JSONL/CSV files, plain or gzip.

    A plain JSONL file larger than `blocksize` (bytes, or "64MiB"; None: never cut) becomes
    byte ranges of about that size; any other file is one partition. The format comes from the
    name (.jsonl/.ndjson/.json or .csv, optionally .gz) unless `format` says it. Files are read
    here only to tell gzip from plain text and to learn their size.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = []
    for p in paths:
        p = os.fspath(p)
        matches = sorted(glob.glob(p)) if glob.has_magic(p) else [p]
        if not matches:
            raise FileNotFoundError(f"{p}: no file matches")
        files += matches
    block = _parse_size(blocksize)
    if block is not None and block <= 0:
        raise ValueError("blocksize must be positive")
    parts: List[Partition] = []
    for path in files:
        if not os.path.isfile(path):
            raise FileNotFoundError(f"{path}: not a file")
        fmt = _format_of(path, format)
        size = os.path.getsize(path)
        if fmt == "jsonl" and block and size > block and not _is_gzip(path):
            for start in range(0, size, block):
                end = min(start + block, size)
                parts.append(Partition(len(parts), path, fmt, start, None if end == size else end))
        else:
            parts.append(Partition(len(parts), path, fmt))
    return parts


def _read_block(part: Partition) -> bytes:
    """The lines of `part.path` that start in [start, end): a line starting exactly at `end`
    belongs to the next partition, and a line crossing `end` to this one."""
    with open(part.path, "rb") as f:
        if part.start > 0:
            f.seek(part.start - 1)
            f.readline()  # the rest of the line that started before `start` (maybe just "\n")
        pos = f.tell()
        if part.end is None:
            return f.read()
        if pos >= part.end:
            return b""
        data = f.read(part.end - pos)
        if data and not data.endswith(b"\n"):
            data += f.readline()
        return data


def _first_line(part: Partition) -> int:
    """The file line (1-based) of the partition's first line: counts the newlines before it.
    Only called when the partition has bad records, so a clean run never reads a prefix."""
    if part.start == 0:
        return 1
    # _read_block starts after the first newline at or after start - 1: the partition's first
    # line is the one after (the newlines before start - 1) + 1 lines.
    count = 0
    with open(part.path, "rb") as f:
        remaining = part.start - 1
        while remaining > 0:
            chunk = f.read(min(remaining, 1 << 22))
            if not chunk:
                break
            count += chunk.count(b"\n")
            remaining -= len(chunk)
    return count + 2


def _summary_row(index: int, s: dict, top_actors: Optional[int]) -> tuple:
    tone = s.get("tone") or {}
    actors = s.get("entities") or []
    if top_actors is not None:
        actors = actors[:top_actors]
    return (index, s.get("id"), s.get("title"), s.get("date"), s.get("source"),
            s.get("words", 0), s.get("sentences", 0), s.get("primary_theme"),
            tone.get("compound", 0.0), tone.get("label"), tone.get("gdelt_tone", 0.0),
            {t["id"]: t["share"] for t in s.get("top_level") or []},
            {t["id"]: t["share"] for t in s.get("themes") or []},
            actors)


def _frame(rows: Sequence[tuple], columns: dict) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=list(columns)) if rows else \
        pd.DataFrame({c: pd.Series([], dtype="object") for c in columns})
    return frame.astype(columns)


@dataclasses.dataclass
class PartitionResult:
    """What one partition gives: its summaries, its partial aggregate (the CLI's text, or None
    when the CLI refused the partition as a whole) and its bad records."""

    summaries: pd.DataFrame
    aggregate: Optional[str]
    errors: pd.DataFrame


def analyze_partition(part: Partition, options: Options) -> PartitionResult:
    """Runs one CLI process over one partition (on a worker). Exit status 0 or 1 (some records
    bad, reported in-band) is a result; anything else (a crash, a usage error) raises."""
    cmd = options.analyze_command(part.format)
    if part.whole_file:
        cmd.append(part.path)  # the CLI reads the file itself, gzip included
        stdin_data = None
    else:
        stdin_data = _read_block(part)
    try:
        proc = subprocess.run(cmd, input=stdin_data, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=None if stdin_data is not None
                              else subprocess.DEVNULL)
    except FileNotFoundError as e:
        raise FileNotFoundError(f"newslens CLI not found at {options.cli!r} on this worker "
                                f"(Options(cli=...))") from e
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"partition {part.index} ({part.path}): {' '.join(cmd[:2])} exited "
                           f"with status {proc.returncode}: {stderr[-2000:]}")
    # split("\n"), not splitlines(): a title may hold U+2028 or U+0085, which JSON leaves as is.
    lines = proc.stdout.decode("utf-8").split("\n")
    if lines and not lines[-1]:
        lines.pop()
    aggregate = None
    if lines and lines[-1].startswith('{"schema":"newslens/aggregate@'):
        aggregate = lines.pop() + "\n"
    rows, errors, analysed = [], [], 0
    for line in lines:
        # A summary line has no "error" key; inside a JSON string the quotes would be escaped.
        if not options.summaries and '"error":' not in line:
            analysed += 1
            continue
        s = json.loads(line)
        if "error" in s and "words" not in s:
            m = _LINE_ERROR.fullmatch(s["error"])
            errors.append([part.index, part.path, int(m.group(1)) if m else None,
                           int(m.group(1)) if m else None, s.get("id"),
                           m.group(2) if m else s["error"]])
        else:
            analysed += 1
            if options.summaries:
                rows.append(_summary_row(part.index, s, options.top_actors))
    if aggregate is None:
        # The CLI refused the partition as a whole (e.g. binary data): it said why on stderr.
        errors.append([part.index, part.path, None, None, None,
                       stderr or f"no aggregate from newslens (status {proc.returncode})"])
    elif proc.returncode == 1 and not errors:
        # Status 1 without a bad record in-band: the input could not be read to the end.
        errors.append([part.index, part.path, None, None, None, stderr or "input not read to the end"])
    if errors and not part.whole_file:
        offset = _first_line(part) - 1
        for e in errors:
            if e[2] is not None:
                e[2] += offset
    if aggregate is not None:
        # The CLI's aggregate counts what it wrote: a cheap check that nothing was lost here.
        head = json.loads(aggregate)
        in_band = sum(e[3] is not None for e in errors)
        if head["articles"] != analysed or head["failed"] < in_band:
            raise RuntimeError(f"partition {part.index}: {analysed} summaries and {in_band} "
                               f"errors, but the aggregate counts {head['articles']} and "
                               f"{head['failed']}")
    return PartitionResult(_frame(rows, COLUMNS), aggregate, _frame(errors, ERROR_COLUMNS))


def merge_aggregates(partials: Sequence[Optional[str]], cli: str) -> str:
    """Merges aggregate texts with `newslens aggregate` (the same integer-sum rule, by the same
    code): the result is byte-identical to one process over all the partitions' records."""
    text = "".join(p for p in partials if p)
    proc = subprocess.run([cli, "aggregate"], input=text.encode("utf-8"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError(f"newslens aggregate exited with status {proc.returncode}: "
                           f"{proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc.stdout.decode("utf-8")


def _summaries_of(r: PartitionResult) -> pd.DataFrame:
    return r.summaries


def _errors_of(r: PartitionResult) -> pd.DataFrame:
    return r.errors


def _concat_errors(frames: List[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return _frame([], ERROR_COLUMNS)
    return pd.concat(frames, ignore_index=True)


def _aggregate_of(r: PartitionResult) -> Optional[str]:
    return r.aggregate


@dataclasses.dataclass
class Result:
    summaries: pd.DataFrame
    aggregate: str
    errors: pd.DataFrame


class Analysis:
    """The lazy analysis of a corpus. `summaries` (a Dask DataFrame), `aggregate` and `errors`
    (Dask Delayed) share the per-partition tasks: compute them together (`compute()`), or
    `persist()` first, or each one analyses the corpus again."""

    def __init__(self, partitions: Sequence[Partition], options: Options, results=None):
        self.partitions = list(partitions)
        self.options = options
        if results is None:
            results = [delayed(analyze_partition, pure=True)(
                p, options, dask_key_name=f"newslens-partition-{p.index}-"
                f"{dask.base.tokenize(p, options)}") for p in self.partitions]
        self._results = results
        import dask.dataframe as dd  # imported here: a worker only needs pandas
        meta = _frame([], COLUMNS)
        self.summaries = dd.from_delayed([delayed(_summaries_of, pure=True)(r) for r in results],
                                         meta=meta, verify_meta=False)
        aggs = [delayed(_aggregate_of, pure=True)(r) for r in results]
        while len(aggs) > MERGE_FAN_IN:
            aggs = [delayed(merge_aggregates, pure=True)(aggs[i:i + MERGE_FAN_IN], options.cli)
                    for i in range(0, len(aggs), MERGE_FAN_IN)]
        self.aggregate = delayed(merge_aggregates, pure=True)(aggs, options.cli)
        # Each partition's errors (and aggregate) are taken out where the partition ran: only
        # these small pieces travel to the task that joins them, never the summaries.
        self.errors = delayed(_concat_errors, pure=True)(
            [delayed(_errors_of, pure=True)(r) for r in results])

    def compute(self, **kwargs) -> Result:
        """Analyses the corpus once and returns pandas objects (kwargs go to dask.compute)."""
        summaries, aggregate, errors = dask.compute(self.summaries, self.aggregate, self.errors,
                                                    **kwargs)
        return Result(summaries.reset_index(drop=True), aggregate, errors)

    def persist(self, **kwargs) -> "Analysis":
        """Keeps every partition's result in the cluster's memory: the three outputs then reuse
        them instead of analysing again."""
        (results,) = dask.persist(self._results, **kwargs)
        return Analysis(self.partitions, self.options, results)


def analyze(corpus, options: Optional[Options] = None, **option_kwargs) -> Analysis:
    """The analysis of a corpus: partitions from read_corpus(), or paths/globs read with the
    default blocksize. Options as an Options or as its fields (cli=..., threads=..., fields=...)."""
    if options is None:
        options = Options(**{k: (tuple(v) if k == "dicts" else v) for k, v in option_kwargs.items()})
    elif option_kwargs:
        options = dataclasses.replace(options, **option_kwargs)
    if not (isinstance(corpus, list) and all(isinstance(p, Partition) for p in corpus)):
        corpus = read_corpus(corpus)
    if not corpus:
        raise ValueError("the corpus has no partitions (no files given)")
    return Analysis(corpus, options)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The command-line driver: analyse files on a LocalCluster (or a running scheduler) and
    write the aggregate, the summaries and the bad records."""
    ap = argparse.ArgumentParser(
        prog="newslens_dask.py",
        description="Analyse a JSONL/CSV news corpus (plain or gzip) with newslens on Dask.")
    ap.add_argument("paths", nargs="+", help="files or glob patterns")
    ap.add_argument("--scheduler", help="address of a running dask-scheduler "
                    "(default: a LocalCluster on this machine)")
    ap.add_argument("--workers", type=int, default=os.cpu_count(),
                    help="LocalCluster worker processes (default: the cores)")
    ap.add_argument("--cli", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "..", "build", "newslens"))
    ap.add_argument("--threads", type=int, default=1, help="--threads of each CLI process")
    ap.add_argument("--fields", help="--fields of the CLI (e.g. tone,themes)")
    ap.add_argument("--tone", help="--tone of the CLI (news, general, finance)")
    ap.add_argument("--dict", action="append", default=[], help="--dict of the CLI (repeat)")
    ap.add_argument("--format", choices=["jsonl", "csv"], help="default: from the file names")
    ap.add_argument("--blocksize", default="64MiB", help="cut plain JSONL files into ranges of "
                    "this size (default 64MiB)")
    ap.add_argument("--aggregate", default="-", help="where to write the aggregate (default stdout)")
    ap.add_argument("--summaries", help="write the per-article table here (.csv or .jsonl)")
    args = ap.parse_args(argv)

    from distributed import Client, LocalCluster

    parts = read_corpus(args.paths, format=args.format, blocksize=args.blocksize)
    analysis = analyze(parts, cli=os.path.abspath(args.cli), threads=args.threads,
                       fields=args.fields, tone=args.tone, dicts=[os.path.abspath(d) for d in args.dict])
    if args.scheduler:
        client, cluster = Client(args.scheduler), None
        # Workers started by dask-worker do not have this module on their path: send it.
        client.upload_file(os.path.abspath(__file__))
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    try:
        result = analysis.compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if args.aggregate == "-":
        sys.stdout.write(result.aggregate)
    else:
        with open(args.aggregate, "w", encoding="utf-8") as f:
            f.write(result.aggregate)
    if args.summaries:
        if args.summaries.endswith(".csv"):
            table = result.summaries.copy()
            for column in ("top_level", "themes", "actors"):  # JSON in a cell, not Python's repr
                table[column] = table[column].map(lambda v: json.dumps(v, ensure_ascii=False))
            table.to_csv(args.summaries, index=False)
        else:
            result.summaries.to_json(args.summaries, orient="records", lines=True, force_ascii=False)
    for e in result.errors.itertuples():
        where = f"line {e.line}" if pd.notna(e.line) else "as a whole"
        print(f"newslens_dask: partition {e.partition}, {e.path} {where}: {e.message}",
              file=sys.stderr)
    print(f"newslens_dask: {len(result.summaries)} articles in {len(parts)} partitions, "
          f"{len(result.errors)} bad records", file=sys.stderr)
    return 1 if len(result.errors) else 0


if __name__ == "__main__":
    # Run as a script, this file is __main__; import it by name so that the tasks refer to
    # newslens_dask.* (importable on the workers), not to __main__.
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import newslens_dask

    sys.exit(newslens_dask.main())
