"""The pipeline version: code that extraction runs is in it, code that runs after is not."""

from __future__ import annotations

import json
import subprocess
import sys

from graph.fingerprint import _DOWNSTREAM_CODE


def test_no_code_left_out_of_the_fingerprint_is_run_by_extraction() -> None:
    """A module extraction imports but the fingerprint leaves out would change what a store
    holds without making it stale (graph.acronyms once was such a module)."""
    script = (
        "import json, sys, graph.extract, graph.relations.stance.model;"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('graph'))))"
    )
    imported = json.loads(
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout
    )
    downstream = {
        "graph." + name.removesuffix(".py") for name in _DOWNSTREAM_CODE if name != "__init__.py"
    }
    run_by_extraction = {
        module
        for module in imported
        if module in downstream or any(module.startswith(d + ".") for d in downstream)
    }
    assert run_by_extraction == set()
