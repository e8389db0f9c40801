"""Writing output files safely: whole or not at all, and only where we were told to."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

#: Exclusive creation: fails on anything already there, a planted symlink included.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_ATTEMPTS = 100


def write_text_atomic(path: Path, text: str) -> Path:
    """Write text to a temp file beside `path`, flush it to disk, then rename it over `path`.

    A run killed mid-write leaves the previous file (or none), never a truncated one: the
    rename is atomic. The temp file is created exclusively, with the usual permissions
    (0666 less the umask), and the rename replaces a symlink at `path` instead of writing
    through it. Only a run killed outright can leave a `.NAME.*.tmp` file beside `path`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = _new_temp_file(path)
    try:
        # errors="replace": a lone surrogate from a badly decoded input must not lose a file.
        with os.fdopen(handle, "w", encoding="utf-8", errors="replace", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


def _new_temp_file(path: Path) -> tuple[int, Path]:
    """A new, exclusively created temp file beside `path`: its descriptor and its path."""
    for _ in range(_ATTEMPTS):
        temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temp, _NEW_FILE, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
