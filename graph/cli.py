"""Command line: argument parsing and progress display only; the work is in graph.pipeline.

Exit codes of `build`: 0 every input was processed; 3 the outputs were written but some
inputs were skipped (listed with their reasons in manifest.json, the report and on stderr);
1 nothing could be processed (the outputs are still written, saying why) or the run failed
(e.g. the output folder cannot be written); 2 bad command-line usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from graph import __version__
from graph.cli_export import add_export_command
from graph.errors import NewsgraphError
from graph.relations.cooccurrence import WINDOWS

if TYPE_CHECKING:
    from graph.pipeline import BuildOptions, BuildResult

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
#: Where a build keeps its store unless told otherwise (graph.store.DEFAULT_STORE_NAME,
#: spelled out here so that --help need not import DuckDB).
DEFAULT_STORE_NAME = "newsgraph.duckdb"
log = logging.getLogger("newsgraph")
#: Characters a file name or a reason may carry that would drive the terminal (escape
#: sequences, line breaks) or reorder what it shows (bidirectional overrides).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `newsgraph` and `python -m graph`."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(levelname)s %(message)s",
    )
    try:
        return int(args.run(args))
    except NewsgraphError as error:
        log.error("%s", error)
        return EXIT_FAILED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph", description="News articles → who appears with whom, with evidence."
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="build graph.json, manifest.json and report.html")
    b.add_argument(
        "inputs", nargs="+", type=_existing, help="files or folders: .txt .html .jsonl .csv"
    )
    b.add_argument("-o", "--out", required=True, help="output folder")
    b.add_argument("--window", choices=WINDOWS, default="sentence", help="co-mention window")
    b.add_argument(
        "--model",
        action="append",
        type=_model_choice,
        default=[],
        metavar="LANG=NAME",
        help="spaCy pipeline (package or folder) for a language, e.g. fr=fr_core_news_lg",
    )
    b.add_argument(
        "--max-evidence",
        type=_count,
        default=5,
        metavar="N",
        help="evidence sentences kept per edge",
    )
    b.add_argument(
        "--max-drawn-nodes", type=_count, default=300, metavar="N", help="entities drawn at most"
    )
    b.add_argument("--title", default="newsgraph report", help="report title")
    b.add_argument("-q", "--quiet", action="store_true", help="warnings and errors only")
    b.add_argument("--aliases", metavar="FILE", help="alias file (TOML): merge, keep apart, rename")
    b.add_argument(
        "--places-only",
        action="store_true",
        help="keep capitals as places (by default 'Moscou a rejeté' means Russia)",
    )
    _add_stance_options(b)
    _add_scale_options(b)
    b.set_defaults(run=_run_build)
    e = commands.add_parser("eval", help="score extraction against hand annotations")
    e.add_argument("inputs", nargs="+", help="the annotated articles (files or folders)")
    e.add_argument("--gold", action="append", default=[], help="gold JSONL file(s)")
    e.add_argument(
        "--bank",
        metavar="FOLDER",
        help="score the stance model and the rules on a stance bank (training/stance_bank): "
        "INPUTS is then the corpus export its ids come from",
    )
    e.add_argument(
        "--min-confidence", type=_probability, default=None, metavar="P", help="as for build"
    )
    e.add_argument("--rules-only", action="store_true", help="as for build")
    e.add_argument("--details", type=int, default=15, help="errors listed per category")
    e.add_argument("--json", dest="json_out", help="also write the figures to this JSON file")
    e.add_argument("--aliases", metavar="FILE", help="alias file (TOML), as for build")
    e.add_argument("-q", "--quiet", action="store_true", help="warnings and errors only")
    e.set_defaults(run=_run_eval)
    _add_store_commands(commands.add_parser("store", help="look after a store"))
    add_export_command(commands)
    return parser


def _add_store_commands(store: argparse.ArgumentParser) -> None:
    commands = store.add_subparsers(dest="store_command", required=True)
    prune = commands.add_parser(
        "prune",
        help="remove the results of pipeline versions a build would no longer use",
        description="Remove, language by language, the stored results of every pipeline "
        "version but the one this installation uses now (with the same --model and "
        "--places-only as your builds). Languages with no model installed are left alone.",
    )
    prune.add_argument("path", help=f"the store (e.g. OUTDIR/{DEFAULT_STORE_NAME})")
    prune.add_argument(
        "--model",
        action="append",
        type=_model_choice,
        default=[],
        metavar="LANG=NAME",
        help="as for build",
    )
    prune.add_argument("--places-only", action="store_true", help="as for build")
    prune.add_argument("--dry-run", action="store_true", help="count, remove nothing")
    prune.add_argument("-q", "--quiet", action="store_true", help="warnings and errors only")
    prune.set_defaults(run=_run_prune)


def _add_stance_options(b: argparse.ArgumentParser) -> None:
    b.add_argument(
        "--min-confidence",
        type=_probability,
        default=None,
        metavar="P",
        help="leave out stances the model is less sure of than P, 0 to 1 (default: the "
        "threshold shipped with the model, chosen on the stance bank's train split)",
    )
    b.add_argument(
        "--rules-only",
        action="store_true",
        help="read stances with the hand-written rules alone, not the trained model",
    )


def _probability(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}")
    return number


def _add_scale_options(b: argparse.ArgumentParser) -> None:
    store = b.add_mutually_exclusive_group()
    store.add_argument(
        "--store",
        nargs="?",
        const="",
        default="",
        metavar="PATH",
        help="the DuckDB file that keeps extraction results for reuse: a rebuild parses only "
        f"new or changed articles (default: OUTDIR/{DEFAULT_STORE_NAME})",
    )
    store.add_argument(
        "--no-store", dest="store", action="store_const", const=None, help="keep no store"
    )
    b.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="local processes that parse"
    )
    b.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="parse on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786) "
        "instead of local processes",
    )
    b.add_argument(
        "--batch-size",
        type=_positive,
        default=32,
        metavar="N",
        help="articles parsed together, and stored in one transaction",
    )


def _positive(value: str) -> int:
    return _whole_number(value, at_least=1)


def _count(value: str) -> int:
    """A count that may be 0 (no evidence kept, no entity drawn) but never negative."""
    return _whole_number(value, at_least=0)


def _whole_number(value: str, *, at_least: int) -> int:
    """argparse type: an int of at least `at_least`, refused before any work (exit 2)."""
    try:
        number = int(value)
    except ValueError:
        number = at_least - 1
    if number < at_least:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of at least {at_least}, got {value!r}"
        )
    return number


def _model_choice(value: str) -> tuple[str, str]:
    """argparse type of --model: LANG=NAME_OR_PATH, as a (language, model) pair."""
    lang, sep, name = value.partition("=")
    if not sep or not lang.strip() or not name.strip():
        raise argparse.ArgumentTypeError(
            f"expected LANG=NAME (e.g. fr=fr_core_news_lg or fr=path/to/model), got {value!r}"
        )
    return lang.strip(), name.strip()


def _existing(value: str) -> str:
    """argparse type of an input: a path that exists, or a usage error before any work
    (a mistyped path would otherwise give an empty report and a success line)."""
    if not Path(value).exists():
        raise argparse.ArgumentTypeError(f"no such file or folder: {value!r}")
    return value


def _store_path(args: argparse.Namespace) -> Path | None:
    if args.store is None:
        return None
    return Path(args.store) if args.store else Path(args.out) / DEFAULT_STORE_NAME


def build(
    inputs: Iterable[str], out: str, options: BuildOptions, **progress: Callable[[int], None]
) -> BuildResult:
    """graph.pipeline.build, imported only when a build runs: --help, --version and usage
    errors never import spaCy, DuckDB or the renderer."""
    from graph.pipeline import build as build_outputs

    return build_outputs(inputs, out, options, **progress)


def _run_build(args: argparse.Namespace) -> int:
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    from graph.pipeline import BuildOptions

    options = BuildOptions(
        window=args.window,
        max_evidence=args.max_evidence,
        models=dict(args.model),
        title=args.title,
        max_drawn_nodes=args.max_drawn_nodes,
        capitals_as_governments=not args.places_only,
        aliases=args.aliases,
        store=_store_path(args),
        workers=args.workers,
        scheduler=args.scheduler,
        batch_size=args.batch_size,
        min_confidence=args.min_confidence,
        rules_only=args.rules_only,
    )
    with logging_redirect_tqdm(), tqdm(unit="article", disable=args.quiet) as bar:

        def on_total(total: int) -> None:
            bar.reset(total=total)

        try:
            result = build(args.inputs, args.out, options, on_total=on_total, progress=bar.update)
        except OSError as error:  # inputs never raise (they are skipped): this is the output
            where = _printable(str(error.filename or args.out))
            log.error("cannot write %s: %s", where, error.strerror or error)
            return EXIT_FAILED
    _print_outcome(result)
    return _build_exit_code(result)


def _run_prune(args: argparse.Namespace) -> int:
    from graph.extract import ExtractOptions
    from graph.store_prune import prune_store

    options = ExtractOptions(capitals_as_governments=not args.places_only)
    pruned = prune_store(
        Path(args.path),
        models=dict(args.model),
        options=options,
        dry_run=args.dry_run,
    )
    verb = "would remove" if pruned.dry_run else "removed"
    languages = ", ".join(f"{lang or 'unknown'} {n}" for lang, n in sorted(pruned.removed.items()))
    print(
        f"{verb} {pruned.total} results of older pipeline versions"
        f"{f' ({languages})' if languages else ''}; {pruned.kept} kept",
        file=sys.stderr,
    )
    return EXIT_OK


def _build_exit_code(result: BuildResult) -> int:
    """0 all processed, 3 some inputs skipped, 1 none processed: scripts can tell them apart."""
    if not result.summary.processed:
        return EXIT_FAILED
    return EXIT_SKIPPED if result.summary.skipped else EXIT_OK


def _run_eval(args: argparse.Namespace) -> int:
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    from graph.evaluate import format_report, read_gold
    from graph.pipeline import BuildOptions, run_evaluation

    if args.bank:
        return _run_bank_eval(args)
    if not args.gold:
        raise SystemExit("newsgraph eval: give --gold FILE (entities and relations) or --bank")
    gold = [article for path in args.gold for article in read_gold(path)]
    with logging_redirect_tqdm(), tqdm(unit="article", disable=args.quiet) as bar:
        results = run_evaluation(
            args.inputs,
            gold,
            BuildOptions(
                aliases=args.aliases,
                min_confidence=args.min_confidence,
                rules_only=args.rules_only,
            ),
            on_total=lambda n: bar.reset(total=n),
            progress=bar.update,
        )
    for name, evaluation in results.items():
        print(format_report(name, evaluation, args.details if name == "newsgraph" else 0))
    if args.json_out:
        figures = {
            name: {
                "entities": ev.entities.as_dict(),
                "nodes_per_gold_entity": round(ev.nodes_per_gold_entity, 3),
                "relations": ev.relations.as_dict(),
            }
            for name, ev in results.items()
        }
        Path(args.json_out).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return EXIT_OK


def _run_bank_eval(args: argparse.Namespace) -> int:
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    from graph.nlp import Pipelines
    from graph.relations.stance.dataset import label_bank, load_bank
    from graph.relations.stance.evaluation import bank_figures, format_bank_figures
    from graph.relations.stance.model import default_min_confidence, load_model
    from graph.relations.stance.train import CACHE

    if len(args.inputs) != 1:
        raise SystemExit("newsgraph eval --bank: give the one corpus export the bank draws from")
    items = load_bank(Path(args.bank), Path(args.inputs[0]))
    with logging_redirect_tqdm(), tqdm(total=len(items), unit="article", disable=args.quiet) as bar:
        cache = CACHE if CACHE.parent.is_dir() else None
        articles = label_bank(items, Pipelines(), cache, progress=bar.update)
    threshold = args.min_confidence if args.min_confidence is not None else default_min_confidence()
    figures = bank_figures(load_model(), articles, threshold)
    print(format_bank_figures(figures))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return EXIT_OK


def _print_outcome(result: BuildResult) -> None:
    summary = result.summary
    graph = result.graph
    print(
        f"{len(summary.processed)} articles processed, {len(summary.skipped)} inputs skipped; "
        f"{graph.number_of_nodes()} entities, {graph.number_of_edges()} edges",
        file=sys.stderr,
    )
    if result.reused:
        print(
            f"  {result.reused} articles taken from the store, {result.extracted} parsed",
            file=sys.stderr,
        )
    for item in summary.skipped:
        print(f"  skipped {_printable(item.source)}: {_printable(item.reason)}", file=sys.stderr)
    if not summary.processed:
        why = "every input was skipped (see above)" if summary.skipped else "no input found"
        print(f"nothing could be processed: {why}", file=sys.stderr)
    print(f"report: {result.report}\ngraph:  {result.graph_json}\nmanifest: {result.manifest}")


def _printable(text: str) -> str:
    r"""Text from the inputs made safe for a terminal: control characters shown as escapes.

    >>> _printable("evil\x1b[2J.txt")
    'evil\\x1b[2J.txt'
    """
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
