"""`filmpark breakdown` as a user runs it (a subprocess of the console script)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# The command alone on a Typer app, exactly as `filmpark` wires it (register + run_app),
# so these tests do not depend on the other command modules.
RUNNER = """
import sys, typer
from filmpark.cli.common import run_app
from filmpark.cli import breakdown
app = typer.Typer(pretty_exceptions_enable=False)
@app.callback()
def root() -> None: ...
breakdown.register(app)
sys.exit(run_app(app))
"""

SCRIPT = """Title: Night Market

EXT. NIGHT MARKET - NIGHT

LAN (30) sells paper lanterns from a stall. A dozen SHOPPERS drift past.

LAN
Two for one!

INT. GARAGE - DAY

MINH (40) fixes a motorbike. A radio plays on the workbench.
"""


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUNNER, "breakdown", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=120,
        env=env,
    )


def a_script(tmp_path: Path) -> Path:
    path = tmp_path / "market.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def test_the_summary_lists_each_scene_with_its_cast_and_counts(tmp_path: Path) -> None:
    result = run(str(a_script(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "1.LAN" in result.stdout
    assert "2 scenes" in result.stdout


def test_json_is_exactly_breakdown_1_with_one_entry_per_parsed_scene(tmp_path: Path) -> None:
    result = run(str(a_script(tmp_path)), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == "Breakdown.1"
    assert [s["number"] for s in document["scenes"]] == ["1", "2"]
    extras = document["scenes"][0]["elements"]["extras"]
    assert extras[0]["name"] == "shopper"
    assert extras[0]["quantity"] == 12
    assert extras[0]["evidence"] == {"line": 5, "text": "SHOPPERS"}


def test_decisions_are_applied_and_the_ones_that_do_not_fit_are_reported(tmp_path: Path) -> None:
    decisions = tmp_path / "decisions.json"
    decisions.write_text(
        json.dumps(
            {
                "schema": "Decisions.1",
                "decisions": [
                    {
                        "action": "reject",
                        "scene": "2",
                        "category": "set_dressing",
                        "name": "radio",
                        "scene_heading": "INT. GARAGE - DAY",
                        "author": "an",
                    },
                    {
                        "action": "accept",
                        "scene": "9",
                        "category": "props",
                        "name": "sword",
                        "scene_heading": "INT. CASTLE - NIGHT",
                        "author": "an",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    result = run(str(a_script(tmp_path)), "--json", "--decisions", str(decisions))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    dressing = [item["name"] for item in document["scenes"][1]["elements"]["set_dressing"]]
    assert "radio" not in dressing
    assert "workbench" in dressing
    assert "1 decision could not be re-applied" in result.stderr
    assert "sword" in result.stderr
    assert json.loads(decisions.read_text(encoding="utf-8"))["decisions"][1]["name"] == "sword"


def test_sheets_are_written_as_html_pdf_and_csv(tmp_path: Path) -> None:
    out = tmp_path / "sheets"
    result = run(str(a_script(tmp_path)), "--sheets", str(out), "--lang", "vi")
    assert result.returncode == 0, result.stderr
    assert "Phiếu phân tích cảnh" in (out / "breakdown_sheets.html").read_text(encoding="utf-8")
    assert (out / "breakdown_sheets.pdf").read_bytes().startswith(b"%PDF")
    assert "shopper" in (out / "breakdown.csv").read_text(encoding="utf-8-sig")


def test_llm_without_an_endpoint_says_what_to_set(tmp_path: Path) -> None:
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("FILMPARK_LLM")}
    result = run(str(a_script(tmp_path)), "--llm", env=env)
    assert result.returncode == 2
    assert "FILMPARK_LLM_BASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_decisions_file_is_one_line_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run(str(a_script(tmp_path)), "--decisions", str(bad))
    assert result.returncode == 2
    assert "bad.json:1: not JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_llm_proposals_from_a_local_endpoint_are_labelled_with_the_model(tmp_path: Path) -> None:
    import os
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    answer = {
        "elements": [
            {"category": "props", "name": "paper lantern stand", "line": 5, "text": "stall"}
        ]
    }

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            body = json.dumps({"choices": [{"message": {"content": json.dumps(answer)}}]})
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = {
            **os.environ,
            "FILMPARK_LLM_BASE_URL": f"http://127.0.0.1:{server.server_address[1]}/v1",
            "FILMPARK_LLM_MODEL": "tiny",
        }
        result = run(str(a_script(tmp_path)), "--json", "--llm", env=env)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    props = json.loads(result.stdout)["scenes"][0]["elements"]["props"]
    proposed = [p for p in props if p["source"] == "llm:tiny"]
    assert proposed[0]["name"] == "paper lantern stand"
    assert proposed[0]["evidence"] == {"line": 5, "text": "stall"}
    assert "llm:tiny: 1 proposal added" in result.stderr
