"""Output files of the command line, written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

from conflictkg.errors import InputError


def write_output(path: Path, data: bytes) -> None:
    """Write an output file whole or not at all: a regular file through a temporary one renamed over
    it (through a symlink to its target, keeping the old file's mode); a device or pipe
    (``/dev/stdout``) directly. An OS refusal is an InputError naming the file.
    """
    target = Path(os.path.realpath(path))
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        if target.exists() and not target.is_file():
            target.write_bytes(data)
            return
        tmp.write_bytes(data)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp.is_file():
            tmp.unlink()
        raise InputError(f"cannot write the output file: {exc.strerror or exc}", path=str(path),
                         hint="give -o a file in an existing, writable directory (or leave -o out for stdout)") from exc
