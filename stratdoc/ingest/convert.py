"""DOC, RTF and ODT → DOCX with LibreOffice headless, then the DOCX reader.

Offices still send Word 97-2003 files, RTF exports of old tools and OpenDocument texts. No
Python library reads all three with tables and merges intact; LibreOffice does, and its DOCX
keeps `w:gridSpan`/`w:vMerge`, heading styles and list numbering, so one reader serves all.

Each conversion runs in its own temporary folder with its own LibreOffice profile
(`-env:UserInstallation`): two soffice processes sharing a profile block each other, and
`ingest --jobs` runs several at once. The input is written there under a fixed name, never
the client's, which may hold anything a shell or LibreOffice would read as an option. The
whole process group is killed on timeout, since soffice leaves a child `soffice.bin` behind.

The Document keeps the original's identity: id from the original bytes, `format` the sniffed
original format, so a re-sent DOC is recognised and the export says what arrived.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from stratdoc.errors import InputTooLarge, ReadError
from stratdoc.ingest import docx, zipsafe
from stratdoc.ingest.builder import sha256_hex
from stratdoc.ingest.settings import ReadLimits
from stratdoc.ingest.sniff import sniff
from stratdoc.schema import Document, Format

# Executable names LibreOffice installs, in the order they are looked up on PATH.
SOFFICE_NAMES = ("soffice", "libreoffice")
INSTALL_HINT = "install libreoffice-writer-nogui"
TIMEOUT_S: float = 180  # a first start builds the profile (seconds); a big .doc takes a minute at most
SUFFIX = {Format.DOC: "doc", Format.RTF: "rtf", Format.ODT: "odt"}
# LibreOffice's import filter for each format: named, so that a broken file fails to load
# instead of being taken for plain text by the fallback filter.
IMPORT_FILTER = {Format.DOC: "MS Word 97", Format.RTF: "Rich Text Format", Format.ODT: "writer8"}
INPUT_STEM = "input"  # the name the input is written under; the client's name is never used


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def read_bytes(path: Path, data: bytes, limits: ReadLimits) -> Document:
    fmt = sniff(path, data)
    label = fmt.value.upper()
    if fmt not in SUFFIX:
        raise ReadError(path, f"{label}: not a format converted by LibreOffice")
    if fmt is Format.ODT:
        zipsafe.check(path, data, limits, label)
    converted = to_docx(path, data, fmt)
    if len(converted) > limits.max_file_bytes:
        raise InputTooLarge(path, f"{label}: converted DOCX is {len(converted):,} bytes, "
                                  f"over the {limits.max_file_bytes:,} limit")
    try:
        doc = docx.read_bytes(path, converted, limits)
    except ReadError as e:
        raise ReadError(path, f"{label}: {e.reason}") from e
    return doc.model_copy(update={"id": sha256_hex(data), "format": fmt})


def to_docx(path: Path, data: bytes, fmt: Format) -> bytes:
    """The DOCX bytes LibreOffice makes of `data`; any failure is a one-line ReadError."""
    label = fmt.value.upper()
    soffice = find_soffice()
    if soffice is None:
        raise ReadError(path, f"{label} needs LibreOffice: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="stratdoc-convert-") as tmp:
        work = Path(tmp)
        source = work / f"{INPUT_STEM}.{SUFFIX[fmt]}"
        source.write_bytes(data)
        out_dir = work / "out"
        out_dir.mkdir()
        cmd = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
               "--norestore", "--nolockcheck", f"--infilter={IMPORT_FILTER[fmt]}",
               "--convert-to", "docx", "--outdir", str(out_dir), str(source)]
        env = {**os.environ, "HOME": str(work)}  # nothing written to the caller's home
        returncode, output = run(cmd, env, path, label)
        target = out_dir / f"{INPUT_STEM}.docx"
        if not target.is_file() or target.stat().st_size == 0:
            reason = last_line(output) or f"exit code {returncode}"
            raise ReadError(path, f"{label}: LibreOffice could not convert it: {reason}")
        return target.read_bytes()


def run(cmd: list[str], env: dict[str, str], path: Path, label: str) -> tuple[int, str]:
    """Run soffice in its own process group; on timeout the whole group goes."""
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
    except OSError as e:
        raise ReadError(path, f"{label}: cannot start LibreOffice: {e.strerror or e}") from e
    try:
        out, _ = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as e:
        kill_group(proc)
        raise ReadError(path, f"{label}: LibreOffice conversion timed out after {TIMEOUT_S} s") from e
    except BaseException:
        kill_group(proc)
        raise
    return proc.returncode, out.decode("utf-8", "replace")


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


def last_line(output: str) -> str:
    """The last non-blank line soffice printed, which is where it says what went wrong."""
    lines = [" ".join(line.split()) for line in output.splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""
