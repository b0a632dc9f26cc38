"""A read-only SPARQL 1.1 Protocol endpoint over a built graph: the Oxigraph server (PyPI `oxigraph`) on 127.0.0.1."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError, GraphError

LOAD_FORMATS = {".ttl": "ttl", ".nt": "nt", ".trig": "trig", ".nq": "nq", ".jsonld": "jsonld", ".json": "jsonld",
                ".rdf": "rdf", ".xml": "rdf", ".n3": "n3"}


@dataclass(frozen=True)
class Server:
    """A running endpoint: its process, its URLs and the temporary store folder it reads."""

    process: subprocess.Popen[bytes]
    host: str
    port: int
    store: Path

    @property
    def url(self) -> str:
        """The SPARQL query endpoint (GET ?query=… or POST)."""
        return f"http://{self.host}:{self.port}/query"

    @property
    def ui(self) -> str:
        """Oxigraph's built-in YASGUI page."""
        return f"http://{self.host}:{self.port}/"


def oxigraph_binary() -> Path:
    """The `oxigraph` server program: beside this Python, else on PATH; ConfigError naming the fix when absent."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = beside if beside.is_file() else (Path(p) if (p := shutil.which("oxigraph")) else None)
    if found is None:
        raise ConfigError("the oxigraph server is not installed; install it with: pip install 'regiokg[server]' "
                          "(or pip install oxigraph)")
    return found


def load(graph: Path, store: Path) -> None:
    """Load the RDF file `graph` into a new Oxigraph store folder `store` with `oxigraph load`."""
    if not graph.is_file():
        raise GraphError(f"{graph}: no such file")
    fmt = LOAD_FORMATS.get(graph.suffix.lower())
    if fmt is None:
        raise GraphError(f"{graph}: unknown RDF file extension; use one of {', '.join(sorted(LOAD_FORMATS))}")
    done = subprocess.run([str(oxigraph_binary()), "load", "--location", str(store), "--file", str(graph),
                           "--format", fmt], capture_output=True, text=True)
    if done.returncode != 0:
        detail = " ".join((done.stderr or done.stdout).split())[:200]
        raise GraphError(f"{graph}: oxigraph cannot load it: {detail}")


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex((host, port)) != 0


def wait_until_ready(server: Server, timeout: float = 15.0) -> None:
    """Return once the server accepts connections; GraphError if it exits or never listens."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            err = server.process.stderr.read().decode("utf-8", "replace") if server.process.stderr else ""
            raise GraphError(f"the oxigraph server stopped at start: {' '.join(err.split())[:200] or 'no message'}")
        if not port_is_free(server.host, server.port):
            return
        time.sleep(0.05)
    raise GraphError(f"the oxigraph server did not listen on {server.host}:{server.port} within {timeout:.0f} s")


def start(graph: Path, port: int = 7878, host: str = "127.0.0.1", workdir: Path | None = None) -> Server:
    """Load `graph` into a temporary store and start `oxigraph serve-read-only` on host:port (union default graph)."""
    if not port_is_free(host, port):
        raise GraphError(f"{host}:{port} is already in use; choose another --port")
    store = Path(tempfile.mkdtemp(prefix="kg-serve-", dir=workdir))
    try:
        load(graph, store)
        process = subprocess.Popen(
            [str(oxigraph_binary()), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
             "--union-default-graph", "--cors"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        server = Server(process, host, port, store)
        wait_until_ready(server)
    except BaseException:
        if "process" in locals():
            process.kill()
            process.wait()
        shutil.rmtree(store, ignore_errors=True)
        raise
    return server


def stop(server: Server) -> None:
    """Stop the server process and remove its temporary store."""
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    if server.process.stderr:
        server.process.stderr.close()
    shutil.rmtree(server.store, ignore_errors=True)


@contextmanager
def running(graph: Path, port: int = 7878, host: str = "127.0.0.1") -> Iterator[Server]:
    """`with running(graph, port) as server:` a started endpoint, stopped and cleaned up on exit."""
    server = start(graph, port, host)
    try:
        yield server
    finally:
        stop(server)


_TERMINATE = threading.Event()


def defer_sigterm() -> None:
    """From now on SIGTERM only asks `serve_forever` to stop, so a server that is still starting is
    cleaned up too (call before `start`)."""
    import signal

    signal.signal(signal.SIGTERM, lambda signum, frame: _TERMINATE.set())


def serve_forever(server: Server) -> int:
    """Block until the server exits, or this process is interrupted or terminated; then clean up."""
    try:
        while server.process.poll() is None:
            if _TERMINATE.wait(0.2):
                return 0
        return server.process.returncode
    except KeyboardInterrupt:
        return 0
    finally:
        stop(server)
