"""Writing output files safely."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> Path:
    """Write text to a temp file beside `path`, then rename it over `path`.

    A run killed mid-write leaves the previous file (or none), never a truncated one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temp_name, 0o666 & ~_current_umask())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path


def _current_umask() -> int:
    """The process umask (mkstemp creates files 0600; outputs should be readable as usual)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
