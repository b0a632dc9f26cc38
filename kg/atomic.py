"""Write a file all at once: into a temporary file beside it, then rename, so nothing is ever half-written."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from kg.errors import OutputError


def ensure_dir(path: Path) -> Path:
    """Create an output folder (and its parents); OutputError when that is impossible."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError as e:
        raise OutputError(path, "exists and is not a directory") from e
    except OSError as e:
        raise OutputError(path, f"cannot create directory: {e.strerror or e}") from e
    if not os.access(path, os.W_OK):
        raise OutputError(path, "directory is not writable")
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_with(path: Path, writer: Callable[[IO[bytes]], None]) -> None:
    """Call `writer(file)` on a temporary file in `path`'s folder and move it into place when it succeeds."""
    ensure_dir(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OutputError(path, f"cannot write: {e.strerror or e}") from e
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the mode open() would
        with os.fdopen(fd, "wb") as f:
            writer(f)
        os.replace(tmp, path)
    except OSError as e:
        raise OutputError(path, f"cannot write: {e.strerror or e}") from e
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text(path: Path, text: str) -> None:
    write_with(path, lambda f: f.write(text.encode("utf-8")))
