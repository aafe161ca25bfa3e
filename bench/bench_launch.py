"""Launch time: the installed `threadreader` until its first comment is on a real terminal.

Starts the command in a detached tmux session at 80x24 and reads what the pane receives
(`pipe-pane`) until the first comment's header is drawn; an empty Textual app showing one
word is measured the same way, in the same run. Threads come from a local replay of both HN APIs
(`bench/hn_replay.py`: Algolia in date order, Firebase in HN's order): the 485-comment
fixture and a generated 2,000-comment thread. Prints medians and the ratio to the empty
app, and which comment came first (HN's first or Algolia's oldest).

Run: python -m bench.bench_launch [--runs 5] [--latency-ms 0] [--also-tree DIR]

`--also-tree DIR` measures another checkout of the project too (the same installed command
with `PYTHONPATH=DIR`), in the same run: before and after a change, under the same load.
For example `git archive COMMIT | tar -x -C /tmp/before`.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.hn_replay import (
    fixture_replay,
    generated_replay,
    replay_environment,
    serve_replay_in_process,
)
from bench.synthetic import generate_thread

EMPTY_APP = (
    "from textual.app import App\nfrom textual.widgets import Static\n"
    "class Empty(App):\n    def compose(self):\n        yield Static('READY')\nEmpty().run()\n"
)


SOCKET = f"threadreader-bench-{uuid.uuid4().hex[:6]}"  # a tmux server of our own


def tmux(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=check
    )


_ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)"
)


def time_to_text(
    command: list[str],
    markers: tuple[str, ...],
    env: dict[str, str] | None = None,
    timeout: float = 20.0,
) -> tuple[float, str]:
    """Seconds from starting `command` in tmux until one of `markers` is drawn, and which.

    The pane's output is piped (`tmux pipe-pane`) into a FIFO this process reads: the
    marker is seen as the terminal receives it, and no poller competes with the command
    for the CPU (a `capture-pane` every few ms is a process each time, on two cores).
    """
    name = f"launch-{uuid.uuid4().hex[:8]}"
    # A first visit with no config: a store of its own (never the user's), nothing remembered.
    home = tempfile.mkdtemp(prefix="threadreader-bench-")
    env = {
        "THREADREADER_DATA_DIR": home,
        "THREADREADER_CONFIG": f"{home}/config.toml",
        **(env or {}),
    }
    fifo = Path(home) / "pane"
    os.mkfifo(fifo)
    exports = " ".join(f"{key}={value}" for key, value in env.items())
    go = f"go-{name}"
    shell = f"tmux -L {SOCKET} wait-for {go}; env {exports} " + " ".join(command) + "; sleep 2"
    tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", name, shell, check=True)
    tmux("pipe-pane", "-O", "-t", name, f"cat > {fifo}", check=True)
    seen: list[tuple[float, str]] = []

    def watch() -> None:
        carry = b""  # the end of the previous chunk: a marker or escape may straddle two
        with open(fifo, "rb", buffering=0) as pane:
            while chunk := pane.read(65536):
                raw = carry + chunk
                plain = _ESCAPES.sub(b"", raw).decode("utf-8", "replace")
                for marker in markers:
                    if marker in plain:
                        seen.append((time.perf_counter(), marker))
                        return
                carry = raw[-512:]

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        start = time.perf_counter()
        tmux("wait-for", "-S", go, check=True)
        watcher.join(timeout)
        if not seen:
            raise TimeoutError(f"{markers!r} did not appear within {timeout} s")
        return seen[0][0] - start, seen[0][1]
    finally:
        tmux("kill-session", "-t", name)
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="per replayed request")
    parser.add_argument("--also-tree", metavar="DIR", help="measure this checkout too")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed: skipped")
        return
    # As installed (pip writes bytecode), not as a source tree never run before, or run
    # under PYTHONDONTWRITEBYTECODE: compiling ~150 modules at every launch costs ~0.1 s.
    trees_to_compile = [Path(__file__).resolve().parent.parent]
    if args.also_tree:
        trees_to_compile.append(Path(args.also_tree))
    for source in trees_to_compile:
        for package in ("threads", "fetchers", "store", "tui"):
            compileall.compile_dir(source / package, quiet=1)
    script = Path("/tmp") / f"empty_app_{uuid.uuid4().hex[:6]}.py"
    script.write_text(EMPTY_APP)
    command = str(Path(sys.executable).with_name("threadreader"))
    # A session that outlives the measured ones keeps the server up between runs.
    tmux("new-session", "-d", "-s", "keepalive", "sleep 600", check=True)
    latency = args.latency_ms / 1000
    replays = [  # (label, replay, story id, HN's first author, Algolia's oldest author)
        ("485-comment replay", fixture_replay(), "26312516", "atleta", "dragontamer"),
        (
            "2,000-comment replay",
            generated_replay(generate_thread(2000)),
            "1",
            "hn_first",
            "date_first",
        ),
    ]
    trees: list[tuple[str, dict[str, str]]] = [("", {})]
    if args.also_tree:
        trees.append((f" [{args.also_tree}]", {"PYTHONPATH": args.also_tree}))
    servers = [serve_replay_in_process(replay, latency) for _, replay, *_ in replays]
    # Every variant once per round, rounds repeated: a change in the machine's load (it is
    # shared) hits the empty app and every variant alike.
    variants: list[tuple[str, list[str], tuple[str, ...], dict[str, str], dict[str, str]]] = [
        ("empty Textual app", [sys.executable, str(script)], ("READY",), {}, {})
    ]
    for tree, env in trees:
        variants.append(
            (
                f"threadreader --sample{tree}",
                [command, "--sample"],
                ("quietfrog",),
                env,
                {"quietfrog": "sample"},
            )
        )
    for (label, _, story_id, hn_first, date_first), (_, base) in zip(replays, servers, strict=True):
        names = {hn_first: "first: HN's first", date_first: "first: Algolia's oldest"}
        for tree, env in trees:
            variants.append(
                (
                    f"threadreader {label}{tree}",
                    [command, story_id],
                    (hn_first, date_first),
                    {**replay_environment(base), **env},
                    names,
                )
            )
    found: list[list[tuple[float, str]]] = [[] for _ in variants]
    try:
        for _ in range(args.runs):
            for index, (_, argv, markers, env, _) in enumerate(variants):
                found[index].append(time_to_text(argv, markers, env))
    finally:
        tmux("kill-server")
        script.unlink()
        for process, _ in servers:
            process.terminate()
    medians = [statistics.median(seconds for seconds, _ in runs) for runs in found]
    empty = medians[0]
    print(f"empty Textual app to first frame: median {empty:.2f} s")
    rows = zip(variants[1:], medians[1:], found[1:], strict=True)
    for (label, _, _, _, names), seconds, runs in rows:
        seen = "/".join(sorted({names.get(marker, marker) for _, marker in runs}))
        print(f"{label} to first comment: median {seconds:.2f} s = {seconds / empty:.2f}x ({seen})")


if __name__ == "__main__":
    main()
