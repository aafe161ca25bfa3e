"""Launch time: `threadreader --sample` until its first frame is on a real terminal.

Starts the command in a detached tmux session at 80x24 and polls `capture-pane` every
5 ms until the first comment's header is drawn; an empty Textual app showing one word is
measured the same way. Median of several runs each.

Run: python -m bench.bench_launch [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

EMPTY_APP = (
    "from textual.app import App\nfrom textual.widgets import Static\n"
    "class Empty(App):\n    def compose(self):\n        yield Static('READY')\nEmpty().run()\n"
)


SOCKET = f"threadreader-bench-{uuid.uuid4().hex[:6]}"  # a tmux server of our own


def tmux(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=check
    )


def time_to_text(command: list[str], marker: str, timeout: float = 20.0) -> float:
    """Seconds from starting `command` in tmux until `marker` is on the screen."""
    name = f"launch-{uuid.uuid4().hex[:8]}"
    shell = " ".join(command) + "; sleep 2"
    start = time.perf_counter()
    tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", name, shell, check=True)
    try:
        while time.perf_counter() - start < timeout:
            screen = tmux("capture-pane", "-p", "-t", name).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(f"{marker!r} did not appear within {timeout} s")
    finally:
        tmux("kill-session", "-t", name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed: skipped")
        return
    script = Path("/tmp") / f"empty_app_{uuid.uuid4().hex[:6]}.py"
    script.write_text(EMPTY_APP)
    command = str(Path(sys.executable).with_name("threadreader"))
    # A session that outlives the measured ones keeps the server up between runs.
    tmux("new-session", "-d", "-s", "keepalive", "sleep 600", check=True)
    try:
        empty = [time_to_text([sys.executable, str(script)], "READY") for _ in range(args.runs)]
        ours = [time_to_text([command, "--sample"], "quietfrog") for _ in range(args.runs)]
    finally:
        tmux("kill-server")
        script.unlink()
    print(f"empty Textual app to first frame: median {statistics.median(empty):.2f} s")
    print(f"threadreader --sample to first frame: median {statistics.median(ours):.2f} s")


if __name__ == "__main__":
    main()
