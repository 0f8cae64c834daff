"""Shared fixtures: sites built once per test session, and a local static server."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import ROOT, build, fixture_project


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@functools.cache
def _serve(path: Path, port: int) -> None:
    handler = functools.partial(QuietHandler, directory=str(path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()


def _built(config: Path, out: Path) -> BuiltSite:
    # Instant navigation only follows links under site_url, so build for the port we serve on.
    port = free_port()
    result = build(config, out, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(out, port)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _built(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    where = tmp_path_factory.mktemp("fixture")
    return _built(fixture_project(where), where / "site")


@pytest.fixture(scope="session")
def served_real_site(real_site: BuiltSite) -> Iterator[BuiltSite]:
    _serve(real_site.path, real_site.port)
    yield real_site


@pytest.fixture(scope="session")
def served_fixture_site(fixture_site: BuiltSite) -> Iterator[BuiltSite]:
    _serve(fixture_site.path, fixture_site.port)
    yield fixture_site
