"""``accords extract`` from the command line: formats, bad input as one-line errors with documented exit codes."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accords.cli import app
from accords.errors import EXIT_CODES

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "accords" / "examples" / "istanbul-talks.html"
runner = CliRunner()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        try:
            if self.path == "/slow":
                time.sleep(3)
            self.send_response(404)
            self.send_header("Content-Length", "9")
            self.end_headers()
            self.wfile.write(b"not found")
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def run(*args: str, input: bytes | None = None):  # noqa: A002 - click's name
    return runner.invoke(app, ["extract", *args], input=input)


def one_line_error(result) -> str:
    err = result.stderr.strip()
    assert err.startswith("Error:"), err
    assert "\n" not in err and "Traceback" not in result.output + result.stderr
    return err


def test_extract_help_documents_exit_codes() -> None:
    result = run("--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for code, what in EXIT_CODES.items():
        assert f"{code}: {what}" in text


def test_extract_empty_file_exit_2(tmp_path) -> None:
    p = tmp_path / "empty.html"
    p.write_bytes(b"")
    result = run(str(p))
    assert result.exit_code == 2
    assert "is empty" in one_line_error(result)


def test_extract_binary_file_exit_2(tmp_path) -> None:
    p = tmp_path / "photo.html"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    result = run(str(p))
    assert result.exit_code == 2
    assert "PNG image" in one_line_error(result)


def test_extract_missing_file_exit_2(tmp_path) -> None:
    result = run(str(tmp_path / "nope.html"))
    assert result.exit_code == 2
    assert "no such file" in one_line_error(result)


def test_extract_too_large_exit_2(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ACCORDS_MAX_BYTES", "1000")
    p = tmp_path / "big.html"
    p.write_bytes(b"<html><body><p>" + b"word " * 1000 + b"</p></body></html>")
    result = run(str(p))
    assert result.exit_code == 2
    assert "over the limit of 1,000 bytes" in one_line_error(result)


def test_extract_url_404_exit_3(server) -> None:
    result = run(f"{server}/missing")
    assert result.exit_code == 3
    assert "HTTP 404" in one_line_error(result)


def test_extract_url_timeout_exit_3(server) -> None:
    result = run(f"{server}/slow", "--timeout", "0.5")
    assert result.exit_code == 3
    assert "no answer within 0.5 s" in one_line_error(result)


def test_extract_usage_errors_exit_2() -> None:
    assert run().exit_code == 2
    bad = run(str(EXAMPLE), "--format", "xml")
    assert bad.exit_code == 2 and "unknown format" in one_line_error(bad)
    assert run(str(EXAMPLE), "--timeout", "0").exit_code == 2


@pytest.mark.slow
def test_extract_example_json(expected) -> None:
    result = run("--example")
    assert result.exit_code == 0, result.stderr
    rec = json.loads(result.stdout)
    art = rec["article"]
    assert art["title"] == expected["article"]["title"]
    assert art["published"] == expected["article"]["published"]
    assert art["reactions"] == expected["article"]["page_reactions"]
    assert len(art["paragraphs"]) == expected["article"]["paragraphs"]
    assert rec["status"] == "ok"


@pytest.mark.slow
def test_extract_stdin_jsonl_and_non_english_warning(tmp_path) -> None:
    fr = tmp_path / "fr.html"
    fr.write_text(
        '<html lang="fr"><body><article>'
        + "<p>Les délégations se sont rencontrées à Istanbul et ont conclu un échange de prisonniers, "
        "mais pas de cessez-le-feu, selon les responsables des deux pays.</p>"
        * 3
        + "</article></body></html>",
        encoding="utf-8",
    )
    result = run("-", str(fr), "--format", "jsonl", input=EXAMPLE.read_bytes())
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["article"]["source"] for r in lines] == ["-", str(fr)]
    assert lines[1]["status"] == "warning"
    assert any(w.startswith("not English (fr)") for w in lines[1]["article"]["warnings"])


@pytest.mark.slow
def test_extract_several_sources_one_bad(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run(str(EXAMPLE), str(empty))
    assert result.exit_code == 2
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == 1
    assert "is empty" in one_line_error(result)
