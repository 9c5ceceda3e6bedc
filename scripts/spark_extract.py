#!/usr/bin/env python3
"""Extract RDF from a corpus on Apache Spark: every partition streams its articles through `newskg extract` and
writes one N-Quads shard, OUTPUT/part-NNNNN.nq. Extraction is a pure function of the article, so the shards
together hold exactly what one `newskg extract -f nquads` of the same inputs prints: sorted, their lines are the
same bytes (issue 18). Shard k holds the k-th run of articles in input order, so `cat OUTPUT/part-*.nq` is that
output unsorted too.

  python3 scripts/spark_extract.py --master 'local[2]' corpus.jsonl -o shards/          # this machine
  spark-submit --master spark://HOST:7077 scripts/spark_extract.py --ship \\
      --newskg target/release/newskg hdfs:///news/ -o /shared/shards/                      # a cluster

INPUT: files or folders, as `newskg extract` takes them (folders walked for .txt .md .jsonl .json .html, in path
order), on any file system Spark reads (a local path, hdfs://, s3a://, ...). A JSON Lines file is split into
lines and spread over the partitions (a 100 MB file is many partitions); a text or HTML file is one article.
Articles are numbered in input order and partition k gets the k-th of --partitions equal runs, so the shards are
the same for the same inputs and partition count, whatever the executors.

OUTPUT: a folder on a file system every executor mounts (local mode: any folder; a cluster: NFS, a mounted
bucket). Each task writes its shard there itself and renames it into place when done, so a retried task leaves no
partial shard; Virtuoso's bulk loader (`ld_dir`) reads shards from such a folder too.

A rejected article (bad JSON, no text, too long, ...) is reported on stderr with its file and line, as
`newskg extract` reports it, and left out; the rest goes on. Exit codes as newskg's: 0 every input extracted,
1 some inputs rejected (or missing), 2 a usage error or a failure (newskg or the Spark job failed: the shards are
then incomplete, though none is partly written).
"""
import argparse
import datetime
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote

REPO = Path(__file__).resolve().parent.parent
# The extensions newskg's folder walk takes (src/article.rs, InputFormat::from_path), by how they are split here:
# JSON Lines by line, the others whole.
JSONL = {".jsonl", ".json", ".ndjson"}
DOCUMENTS = {".txt", ".md", ".text", ".html", ".htm", ".xhtml"}
# At most this many documents on one newskg command line.
DOCUMENTS_PER_PROCESS = 500


def day(text):
    """A YYYY-MM-DD date, checked here rather than by every task's newskg."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)")
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    return text


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="spark_extract.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders (JSONL, text, HTML)")
    ap.add_argument("-o", "--output", required=True, help="folder for the shards part-NNNNN.nq (created)")
    ap.add_argument(
        "--provenance", choices=["full", "compact", "facts"], default="full", help="as newskg extract --provenance"
    )
    ap.add_argument(
        "--date", type=day, help="as newskg extract --date: the publication date (YYYY-MM-DD) of undated articles"
    )
    ap.add_argument(
        "--partitions",
        type=int,
        help="number of partitions, and so of shards (default: twice Spark's default parallelism)",
    )
    ap.add_argument(
        "--newskg",
        help="the newskg binary: a path, or a name on PATH (default: newskg on PATH, else target/release/newskg); "
        "on a cluster it must be at this path on every executor, unless --ship",
    )
    ap.add_argument("--ship", action="store_true", help="send the binary to the executors with the job (sc.addFile)")
    ap.add_argument(
        "--threads", type=int, help="newskg -j for each partition (default: spark.task.cpus, 1 unless configured)"
    )
    ap.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's, else local[*])")
    ap.add_argument(
        "--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting; may be repeated"
    )
    ap.add_argument("--overwrite", action="store_true", help="remove shards an earlier run left in OUTPUT")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr (rejections are still reported)")
    args = ap.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        ap.error("--partitions must be at least 1")
    if "-" in args.inputs:
        ap.error("standard input cannot be spread over a cluster: give files or folders")
    for setting in args.conf:
        if "=" not in setting:
            ap.error(f"--conf {setting!r} is not KEY=VALUE")
    return args


def fail(message):
    """A failure: say it as newskg does and exit 2."""
    print(f"newskg spark: {message}", file=sys.stderr)
    sys.exit(2)


def find_binary(given):
    """The newskg binary as an absolute path when it is on this machine, else the name as given (a cluster path)."""
    for candidate in [given] if given else ["newskg", str(REPO / "target" / "release" / "newskg")]:
        found = shutil.which(candidate)  # a path with a slash is checked as it is, a bare name on PATH
        if found:
            return os.path.abspath(found)
    if given and "/" in given:
        return given  # not here: it has to be on the executors
    fail("no newskg binary: build it (cargo build --release) or give --newskg PATH")


def output_folder(output, overwrite):
    """The local folder for the shards, created; earlier shards removed with --overwrite, refused without."""
    if "://" in output or (":" in output.split("/")[0] and not output.startswith("file:")):
        fail(f"{output}: the shards are written by the executors themselves, so OUTPUT is a folder of a file system "
             "every executor mounts (a local path, NFS, a mounted bucket), not a URL")
    folder = Path(re.sub(r"^file:/*", "/", output))
    folder.mkdir(parents=True, exist_ok=True)
    old = sorted(folder.glob("part-*.nq")) + sorted(folder.glob(".part-*"))
    if old and not overwrite:
        fail(f"{folder} already holds shards ({old[0].name}, ...): remove them or pass --overwrite")
    for shard in old:
        shard.unlink()
    return folder


def path_key(uri):
    """One spelling of a file's URI, whether Hadoop's listing (file:/a b) or Spark's _metadata (file:///a%20b)
    wrote it."""
    return re.sub(r"^file:/+", "file:/", unquote(uri))


def kind_of(name):
    """How a file is split: "jsonl" by line, "document" whole."""
    return "jsonl" if Path(name).suffix.lower() in JSONL else "document"


def list_inputs(spark, inputs):
    """The input files in newskg's order, (uri, name as newskg would print it, kind) each, and a message for each
    input that cannot be read. Listed through Hadoop's FileSystem, so any file system Spark reads works."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files, unread = [], []
    for given in inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        path = fs.makeQualified(path)  # the URI Spark's readers name the file by
        if not fs.exists(path):
            unread.append(f"newskg: {given}: cannot read: no such file or directory")
            continue
        if not fs.getFileStatus(path).isDirectory():
            # A file named as an input is read whatever its extension (newskg tells its format from its start).
            files.append((path.toString(), given, kind_of(given)))
            continue
        # A folder's articles in path order, compared name by name (newskg sorts its walk so: src/article.rs),
        # each real local folder walked once (a link back up the tree is not followed again).
        found, seen, stack = [], set(), [(path, ())]
        while stack:
            folder, parts = stack.pop()
            uri = folder.toString()
            real = os.path.realpath(unquote(re.sub(r"^file:", "", uri))) if uri.startswith("file:") else uri
            if real in seen:
                continue
            seen.add(real)
            for child in fs.listStatus(folder):
                here = parts + (child.getPath().getName(),)
                if child.isDirectory():
                    stack.append((child.getPath(), here))
                elif Path(here[-1]).suffix.lower() in JSONL | DOCUMENTS:
                    found.append((here, child.getPath().toString()))
        for parts, uri in sorted(found):
            name = os.path.join(given, *parts)
            files.append((uri, name, kind_of(name)))
    # Spark's file sources leave out files named _* or .* (Hadoop's hidden files), even when named: said, not lost.
    hidden = [f for f in files if Path(f[1]).name.startswith(("_", "."))]
    for _, name, _ in hidden:
        unread.append(f"newskg: {name}: cannot read: Spark leaves out files whose name starts with _ or . (rename it)")
    return [f for f in files if f not in hidden], unread


def number_records(spark, files):
    """Every article record (a JSON line, or a whole document) as (ordinal, (kind, name, line, bytes)), numbered
    in input order, and their number. JSON Lines are read by Spark's text source split only at \\n (as newskg
    splits them) and as raw bytes (invalid UTF-8 reaches newskg, which rejects it); a line's number comes from
    the lines of the blocks before its own, counted first."""
    from pyspark.sql import functions as F

    sc = spark.sparkContext
    jsonl = [(uri, name) for uri, name, kind in files if kind == "jsonl"]
    documents = [(uri, name) for uri, name, kind in files if kind == "document"]
    # Each file is read once; a file named twice (as newskg reads it twice) gives its records twice.
    first = {}  # (file key, block start) -> [(name, first line number, first ordinal)] one per time it is named
    ordinal_of_document = {}  # file key -> [(name, ordinal)]
    lines = None
    block_lines = {}
    if jsonl:
        lines = spark.read.option("lineSep", "\n").text(list(dict.fromkeys(uri for uri, _ in jsonl))).select(
            F.col("_metadata.file_path").alias("file"),
            F.col("_metadata.file_block_start").alias("start"),
            F.col("value").cast("binary").alias("bytes"),
        )
        for row in lines.groupBy("file", "start").count().collect():
            block_lines.setdefault(path_key(row["file"]), []).append((row["start"], row["count"]))
    total = 0
    for uri, name, kind in files:
        key = path_key(uri)
        if kind == "document":
            ordinal_of_document.setdefault(key, []).append((name, total))
            total += 1
            continue
        line = 1
        for start, count in sorted(block_lines.get(key, [])):
            first.setdefault((key, start), []).append((name, line, total))
            line += count
            total += count
    parts = []
    if lines is not None:
        first_b = sc.broadcast(first)

        def number_lines(rows):
            # Rows come block by block in file order: each block's lines are numbered from the block's first.
            block, offset = None, 0
            for row in rows:
                here = (path_key(row["file"]), row["start"])
                if here != block:
                    block, offset = here, 0
                for name, line, ordinal in first_b.value[here]:
                    yield ordinal + offset, ("jsonl", name, line + offset, bytes(row["bytes"]))
                offset += 1

        parts.append(lines.rdd.mapPartitions(number_lines))
    if documents:
        ordinals_b = sc.broadcast(ordinal_of_document)
        docs = spark.read.format("binaryFile").load(list(dict.fromkeys(uri for uri, _ in documents)))
        docs = docs.select(F.col("_metadata.file_path").alias("file"), F.col("content"))

        def number_document(row):
            for name, ordinal in ordinals_b.value[path_key(row["file"])]:
                yield ordinal, ("document", name, 0, bytes(row["content"]))

        parts.append(docs.rdd.flatMap(number_document))
    records = sc.union(parts) if len(parts) > 1 else (parts[0] if parts else sc.parallelize([]))
    return records, total


class Shard:
    """What one task needs to extract its partition: the newskg command line and the output folder."""

    def __init__(self, binary, shipped, threads, provenance, date, folder):
        self.binary, self.shipped, self.folder = binary, shipped, str(folder)
        self.options = ["extract", "-q", "-f", "nquads", "-j", str(threads), "--provenance", provenance]
        if date:
            self.options += ["--date", date]

    def command(self):
        binary = self.binary
        if self.shipped:
            from pyspark import SparkFiles

            binary = SparkFiles.get(os.path.basename(self.binary))
            os.chmod(binary, 0o755)
        return [binary] + self.options

    def __call__(self, index, records):
        """Extract partition `index` into its shard; yield one summary: (index, articles, rejections, bytes,
        seconds newskg ran)."""
        from pyspark import TaskContext

        attempt = TaskContext.get().attemptNumber() if TaskContext.get() else 0
        final = os.path.join(self.folder, f"part-{index:05d}.nq")
        partial = os.path.join(self.folder, f".part-{index:05d}.nq.{attempt}")
        command = self.command()
        articles, rejections, seconds = 0, [], 0.0
        try:
            with open(partial, "wb") as out, tempfile.TemporaryDirectory(prefix="newskg-spark-") as tmp:
                # Consecutive records of one kind go through one newskg process, in order, each writing to the
                # shard.
                for kind, run in itertools.groupby((record for _, record in records), key=lambda r: r[0]):
                    batches = [run] if kind == "jsonl" else batched(list(run), DOCUMENTS_PER_PROCESS)
                    extract = self.extract_lines if kind == "jsonl" else self.extract_documents
                    for batch in batches:
                        began = time.monotonic()
                        n, rejected = extract(command, batch, out, tmp)
                        seconds += time.monotonic() - began
                        articles += n
                        rejections += rejected
        except BaseException:
            os.unlink(partial)  # a failed task leaves no partial shard
            raise
        os.replace(partial, final)
        yield index, articles, rejections, os.path.getsize(final), seconds

    def extract_lines(self, command, run, out, tmp):
        """JSON lines through one `newskg extract -` (it reads them as they come); a rejection's line number in
        the stream becomes the line of its file."""
        origins = []
        with open(os.path.join(tmp, "stderr"), "w+b") as err:
            process = subprocess.Popen(command + ["--input-format", "jsonl", "-"], stdin=subprocess.PIPE, stdout=out,
                                       stderr=err)
            try:
                for _, name, line, data in run:
                    origins.append((name, line, bool(data.strip())))
                    process.stdin.write(data + b"\n")
                process.stdin.close()
            except BrokenPipeError:
                pass  # newskg stopped: its exit code and message say why
            messages = self.finish(process, err, command)

        def where(m):
            name, line, _ = origins[int(m.group(1)) - 1]
            return f"{name} line {line}"

        rejected = [re.sub(r"<stdin> line (\d+)", where, m, count=1) for m in messages]
        return sum(1 for o in origins if o[2]) - len(rejected), rejected

    def extract_documents(self, command, run, out, tmp):
        """Text and HTML documents through one `newskg extract FILE...`, each under its own file name (the
        article's id is the name without extension), in a folder of its own."""
        paths, names = [], {}
        for k, (_, name, _, data) in enumerate(run):
            folder = os.path.join(tmp, f"{k:08d}")
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, os.path.basename(name))
            with open(path, "wb") as f:
                f.write(data)
            paths.append(path)
            names[path] = name
        with open(os.path.join(tmp, "stderr"), "w+b") as err:
            process = subprocess.Popen(command + paths, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
            messages = self.finish(process, err, command)
        for path in paths:
            os.unlink(path)
        pattern = re.compile("|".join(re.escape(p) for p in sorted(paths, key=len, reverse=True)))
        rejected = [pattern.sub(lambda m: names[m.group(0)], m) for m in messages]
        return len(run) - len(rejected), rejected

    @staticmethod
    def finish(process, err, command):
        """Wait for newskg: its rejection messages when it exits 0 or 1; a failure of the task otherwise."""
        code = process.wait()
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        if code not in (0, 1):
            raise RuntimeError(f"newskg exited with {code} ({command[0]}): {text.strip()[-2000:]}")
        return [line for line in text.splitlines() if line.strip()]


def batched(items, size):
    """`items` in lists of at most `size`."""
    return [items[k : k + size] for k in range(0, len(items), size)]


def spark_session(args):
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Started by python, not spark-submit: local workers run this same Python.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    # No progress bars over the rejection messages on stderr, unless asked for.
    builder = SparkSession.builder.appName("newskg extract").config("spark.ui.showConsoleProgress", "false")
    # The one aggregation (lines per block) is small: a few shuffle partitions, not Spark's 200.
    builder = builder.config("spark.sql.shuffle.partitions", "4")
    if args.master:
        builder = builder.master(args.master)
    for setting in args.conf:
        key, value = setting.split("=", 1)
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def failure(error):
    """The line that says why a Spark job failed (a task's RuntimeError), not the whole Java trace."""
    text = str(error)
    for line in text.splitlines():
        if "RuntimeError: " in line:
            return line.split("RuntimeError: ", 1)[1]
    return text.strip().splitlines()[0] if text.strip() else repr(error)


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    binary = find_binary(args.newskg)
    if os.path.exists(binary):
        check = subprocess.run([binary, "--version"], capture_output=True)
        if check.returncode != 0:
            fail(f"{binary} --version failed: {check.stderr.decode(errors='replace').strip()}")
    elif args.ship:
        fail(f"--ship: {binary} is not on this machine")
    folder = output_folder(args.output, args.overwrite)
    spark = spark_session(args)
    spark_started = time.monotonic() - started
    sc = spark.sparkContext
    try:
        if args.ship:
            sc.addFile(binary)
        files, unread = list_inputs(spark, args.inputs)
        for message in unread:
            print(message, file=sys.stderr)
        records, total = number_records(spark, files)
        partitions = args.partitions or 2 * sc.defaultParallelism
        threads = args.threads or int(sc.getConf().get("spark.task.cpus", "1"))
        shard = Shard(binary, args.ship, threads, args.provenance, args.date, folder)
        # Range-partitioned by ordinal: partition k holds the k-th run of articles, in input order.
        shards = records.repartitionAndSortWithinPartitions(
            partitions, partitionFunc=lambda ordinal: ordinal * partitions // max(total, 1)
        )
        summaries = shards.mapPartitionsWithIndex(shard).collect()
    except Exception as error:  # any failure of the job is exit 2, with its reason
        spark.stop()
        fail(f"the extraction failed: {failure(error)}")
    spark.stop()
    summaries.sort()
    rejected = [m for _, _, messages, _, _ in summaries for m in messages]
    for message in rejected:
        print(message, file=sys.stderr)
    if not args.quiet:
        articles = sum(s[1] for s in summaries)
        size = sum(s[3] for s in summaries)
        # What Spark itself costs: its start, and the run's time beyond newskg's (summed over the tasks).
        print(
            f"newskg spark: {articles} articles into {len(summaries)} shards ({size / 1e6:.1f} MB) in {folder} in "
            f"{time.monotonic() - started:.1f} s (Spark started in {spark_started:.1f} s; newskg ran "
            f"{sum(s[4] for s in summaries):.1f} s summed over the tasks)"
            + (f"; {len(rejected) + len(unread)} inputs rejected" if rejected or unread else ""),
            file=sys.stderr,
        )
    return 1 if rejected or unread else 0


if __name__ == "__main__":
    sys.exit(main())
