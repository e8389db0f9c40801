"""Check stance-bank annotation files against the corpus texts (standard library only).

    python3 training/check_bank.py training/stance_bank/annotations/h1.jsonl

Prints every line whose relation names an actor absent from the article, quotes evidence
the article does not contain, or breaks the format (training/stance_bank/GUIDELINES.md).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BANK = Path(__file__).resolve().parent.parent / "graph" / "relations" / "stance" / "bank.py"

if __name__ == "__main__":
    spec = importlib.util.spec_from_file_location("bank", BANK)
    assert spec and spec.loader
    bank = importlib.util.module_from_spec(spec)
    sys.modules["bank"] = bank
    spec.loader.exec_module(bank)
    sys.exit(bank.main(sys.argv[1:]))
