"""`newsgraph export`: the exports of a graph.json written earlier, without building again.

A build writes GraphML, GEXF and the CSV tables beside graph.json already; this command is
for a graph.json kept from an older build, or edited, or moved: Gephi and Cytoscape users
get their files from it alone.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from graph.errors import InputError

#: graph.export_files.FORMATS's names, spelled out so that --help imports no networkx.
FORMAT_NAMES = ("graphml", "gexf", "csv", "neo4j")


def add_export_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The `export` sub-command and its options."""
    export = commands.add_parser(
        "export",
        help="write GraphML, GEXF, CSV tables and Neo4j import files from a graph.json",
        description="Write graph.graphml, graph.gexf, nodes.csv, edges.csv, evidence.csv, "
        "neo4j-nodes.csv and neo4j-relationships.csv from a graph.json (networkx node-link, "
        "as build writes it); --to chooses some of them.",
    )
    export.add_argument("graph", type=Path, help="a graph.json written by newsgraph build")
    export.add_argument(
        "-o", "--out", type=Path, default=None, help="folder to write into (default: beside it)"
    )
    export.add_argument(
        "--to",
        action="append",
        choices=FORMAT_NAMES,
        metavar="FORMAT",
        help="graphml, gexf, csv (nodes, edges, evidence) or neo4j (neo4j-admin import "
        "files); repeat it for several (default: all)",
    )
    export.add_argument("-q", "--quiet", action="store_true", help="warnings and errors only")
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Read the graph, write its exports, print where they are."""
    import networkx as nx

    from graph.export import read_graph_json
    from graph.export_files import write_exports

    path: Path = args.graph
    try:
        graph = read_graph_json(path)
    except OSError as error:
        raise InputError(str(path), f"cannot read it ({error.strerror or error})") from error
    except (ValueError, KeyError, TypeError, AttributeError, nx.NetworkXError) as error:
        kind = "not JSON" if isinstance(error, json.JSONDecodeError) else "not a graph.json"
        raise InputError(str(path), f"{kind} ({error})") from error
    outdir = args.out if args.out is not None else path.parent
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        written = write_exports(graph, outdir, to=args.to)
    except OSError as error:
        raise InputError(str(outdir), f"cannot write the exports ({error})") from error
    if not args.quiet:
        for file in written:
            print(f"export: {file}")
    return 0
