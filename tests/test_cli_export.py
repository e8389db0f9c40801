"""`newsgraph export`: a graph.json kept from a build gives the same exports again, and a
file that is not one is refused with its name and the reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.cli import main
from graph.cli_export import FORMAT_NAMES
from graph.export import write_graph_json
from graph.export_files import FORMATS, write_exports

from .test_export_files import _graph


def test_export_writes_every_file_from_a_graph_json_alone(tmp_path: Path) -> None:
    graph = _graph()
    write_graph_json(graph, tmp_path / "graph.json")
    assert main(["export", str(tmp_path / "graph.json"), "-o", str(tmp_path / "out"), "-q"]) == 0
    write_exports(graph, tmp_path / "direct")  # what a build writes beside graph.json
    for name in ("nodes.csv", "edges.csv", "evidence.csv"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes()
    for name, reader in (("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)):
        again, direct = reader(tmp_path / "out" / name), reader(tmp_path / "direct" / name)
        assert sorted(again.nodes(data=True)) == sorted(direct.nodes(data=True))
        assert again.number_of_edges() == direct.number_of_edges() == graph.number_of_edges()


def test_export_writes_beside_the_graph_by_default(tmp_path: Path) -> None:
    write_graph_json(_graph(), tmp_path / "graph.json")
    assert main(["export", str(tmp_path / "graph.json"), "-q"]) == 0
    assert (tmp_path / "edges.csv").is_file()


def test_a_file_that_is_no_graph_json_is_refused_with_its_name(tmp_path: Path) -> None:
    for name, text in (("notes.json", "not json at all"), ("list.json", "[1, 2]")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "graph", "export", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1
        assert name in done.stderr and "Traceback" not in done.stderr
        assert not (tmp_path / "graph.graphml").exists()


def test_a_missing_graph_json_is_refused_with_its_name(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "graph.json"
    assert main(["export", str(missing), "-q"]) == 1


def test_to_chooses_the_formats_and_repeats(tmp_path: Path) -> None:
    write_graph_json(_graph(), tmp_path / "graph.json")
    out = tmp_path / "out"
    args = ["export", str(tmp_path / "graph.json"), "-o", str(out), "-q"]
    assert main([*args, "--to", "neo4j", "--to", "csv"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "edges.csv", "evidence.csv", "neo4j-nodes.csv", "neo4j-relationships.csv", "nodes.csv",
    ]  # fmt: skip


def test_an_unknown_format_is_refused_by_name(tmp_path: Path) -> None:
    write_graph_json(_graph(), tmp_path / "graph.json")
    done = subprocess.run(
        [sys.executable, "-m", "graph", "export", str(tmp_path / "graph.json"), "--to", "dot"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "dot" in done.stderr and "neo4j" in done.stderr
    assert list(tmp_path.iterdir()) == [tmp_path / "graph.json"]


def test_the_command_offers_the_formats_the_library_writes() -> None:
    assert tuple(FORMATS) == FORMAT_NAMES


def test_the_api_refuses_an_unknown_format_naming_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"dot.*graphml, gexf, csv, neo4j"):
        write_exports(_graph(), tmp_path, to=["dot"])
