"""Launch from the store: the installed `threadreader` until its first comment is on screen
when the thread is already stored, next to an empty Textual app in the same run.

Fills a private store (`THREADREADER_DATA_DIR` in a temporary directory) with the
485-comment fixture by one `--dump json` from a local replay, then measures in tmux at
80x24 (`bench/bench_launch.py`'s approach): the empty app, `--offline` (the store only)
and an online open whose replay answers after `--latency-ms` (the stored copy is what
shows first; the fresh one replaces it later), rounds repeated.

Run: python -m bench.bench_store_launch [--runs 5] [--latency-ms 500]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import bench_launch
from bench.bench_launch import EMPTY_APP, time_to_text, tmux
from bench.hn_replay import fixture_replay, replay_environment, serve_replay_in_process

STORY, MARKERS = "26312516", ("atleta", "dragontamer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency-ms", type=float, default=500.0, help="per replayed request")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed: skipped")
        return
    command = str(Path(sys.executable).with_name("threadreader"))
    data = tempfile.mkdtemp(prefix="threadreader-bench-store-")
    script = Path(data) / "empty_app.py"
    script.write_text(EMPTY_APP)
    fast, fast_base = serve_replay_in_process(fixture_replay(), 0.0)
    slow, slow_base = serve_replay_in_process(fixture_replay(), args.latency_ms / 1000)
    store_env = {"THREADREADER_DATA_DIR": data}
    try:
        subprocess.run(
            [command, STORY, "--dump", "json"],
            env={**os.environ, **replay_environment(fast_base), **store_env},
            stdout=subprocess.DEVNULL,
            check=True,
        )
        tmux("new-session", "-d", "-s", "keepalive", "sleep 600", check=True)
        variants: list[tuple[str, list[str], tuple[str, ...], dict[str, str]]] = [
            ("empty Textual app to first frame", [sys.executable, str(script)], ("READY",), {}),
            (
                "threadreader --offline (stored) to first comment",
                [command, STORY, "--offline"],
                MARKERS,
                store_env,
            ),
            (
                f"threadreader stored, network {args.latency_ms:.0f} ms, to first comment",
                [command, STORY],
                MARKERS,
                {**replay_environment(slow_base), **store_env},
            ),
            (
                f"threadreader not stored, network {args.latency_ms:.0f} ms, to first comment",
                [command, STORY, "--no-history"],
                MARKERS,
                replay_environment(slow_base),
            ),
        ]
        found: list[list[float]] = [[] for _ in variants]
        for _ in range(args.runs):
            for index, (_, argv, markers, env) in enumerate(variants):
                found[index].append(time_to_text(argv, markers, env)[0])
    finally:
        tmux("kill-server")
        for process in (fast, slow):
            process.terminate()
        shutil.rmtree(data, ignore_errors=True)
    medians = [statistics.median(runs) for runs in found]
    empty = medians[0]
    print(f"tmux socket {bench_launch.SOCKET}, {args.runs} rounds")
    for (label, *_), seconds in zip(variants, medians, strict=True):
        print(f"{label}: median {seconds:.2f} s = {seconds / empty:.2f}x the empty app")


if __name__ == "__main__":
    main()
