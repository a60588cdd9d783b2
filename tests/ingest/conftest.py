"""A local HTTP server for the fetch tests: pages, a slow one, a 404, redirects, an endless body."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "accords" / "examples" / "istanbul-talks.html"
RUSSIAN = (
    "<html><head><title>Переговоры в Стамбуле</title></head><body><article><h1>Переговоры в Стамбуле</h1>"
    + "<p>Российская и украинская делегации впервые за три года встретились лицом к лицу в Стамбуле. "
    "Стороны договорились об обмене пленными, но не о прекращении огня. Переговоры продолжатся.</p>"
    * 4
    + "</article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the timeout test)
            pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path.split("?")[0]
        if path == "/seed.html":
            self._send(200, EXAMPLE.read_bytes())
        elif path == "/slow":
            time.sleep(3)
            self._send(200, b"<html><body><p>too late</p></body></html>")
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/seed.html")
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/cp1251":
            # The charset is only in the HTTP header, not in the page.
            self._send(200, RUSSIAN.encode("cp1251"), "text/html; charset=windows-1251")
        elif path == "/endless":
            # No Content-Length: the size limit must hold while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                self.wfile.write(b"<html><body>")
                for _ in range(2000):
                    self.wfile.write(b"<p>" + b"word " * 200 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/plain.txt":
            self._send(
                200, b"Ceasefire talks end\n\nThe talks ended without a deal on Friday. " * 1, "text/plain"
            )
        else:
            self._send(404, b"<html><body><h1>Not found</h1></body></html>")


@pytest.fixture(scope="session")
def http_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
