"""Memory: the installed `threadreader` reading a 2,170-comment thread, as the OS counts it.

Starts the command in tmux at 80x24 against a local replay of both HN APIs (a generated
2,170-comment thread, the size of the thread this product was conceived from), waits for
the first comment, for the settling to finish (the status bar stops saying "ordering"),
then reads the thread the way a reader does: `G` to the end, a search and its hits, `C`
and `E`, the outline. After each step it reads the process's resident memory
(`/proc/PID/status`: VmRSS now, VmHWM the peak). An empty Textual app is measured the same
way in the same run (the baseline: what Textual costs before any thread). The resident set
does not shrink when Python frees objects (its allocator keeps its arenas), so each figure
is close to the peak so far.

Run: python -m bench.bench_memory [--comments 2170]
Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench.bench_launch import EMPTY_APP, tmux
from bench.hn_replay import generated_replay, replay_environment, serve_replay_in_process
from bench.synthetic import generate_thread
from tui import collector


def process_memory(pid: int) -> tuple[float, float]:
    """(resident MB now, peak resident MB) of one process."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def pane_process(session: str, name: str) -> int:
    """The pid of the Python process running `name` in the session's pane (the pane's
    shell, when it exec'd the command, or a descendant)."""

    def is_it(pid: int) -> bool:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        return b"python" in argv[0].rsplit(b"/", 1)[-1] and any(
            arg.endswith(name.encode()) for arg in argv[1:]
        )

    shell = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").stdout)
    pending = [shell]
    while pending:
        pid = pending.pop()
        if is_it(pid):
            return pid
        children = Path(f"/proc/{pid}/task/{pid}/children")
        pending.extend(int(child) for child in children.read_text().split())
    raise LookupError(f"no {name} process in {session}")


def wait_for(session: str, ready: str, gone: str | None = None, timeout: float = 60) -> None:
    """Until `ready` is on the pane (and `gone` is not)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        screen = tmux("capture-pane", "-p", "-t", session).stdout
        if ready in screen and (gone is None or gone not in screen):
            return
        time.sleep(0.1)
    raise TimeoutError(f"{ready!r} (without {gone!r}) not on screen within {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=2170)
    args = parser.parse_args()
    if shutil.which("tmux") is None or not Path("/proc/self/status").exists():
        print("needs tmux and /proc: skipped")
        return
    home = tempfile.mkdtemp(prefix="threadreader-bench-")
    process, base = serve_replay_in_process(generated_replay(generate_thread(args.comments)))
    env = {
        **replay_environment(base),
        "THREADREADER_DATA_DIR": home,
        "THREADREADER_CONFIG": f"{home}/config.toml",
    }
    exports = " ".join(f"{key}={value}" for key, value in env.items())
    script = Path(home) / "empty_app.py"
    script.write_text(EMPTY_APP)
    command = str(Path(sys.executable).with_name("threadreader"))
    tmux("new-session", "-d", "-s", "keepalive", "sleep 600", check=True)
    try:
        empty = f"empty-{uuid.uuid4().hex[:6]}"
        tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", empty, f"{sys.executable} {script}")
        wait_for(empty, "READY")
        time.sleep(0.5)
        now, peak = process_memory(pane_process(empty, script.name))
        print(f"empty Textual app: {now:.0f} MB resident (peak {peak:.0f} MB)")

        session = f"reader-{uuid.uuid4().hex[:6]}"
        shell = f"env {exports} {command} 1; sleep 600"
        tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", session, shell)
        wait_for(session, "hn_first")
        pid = pane_process(session, "threadreader")
        steps: list[tuple[str, list[str], str | None]] = [
            ("first comment on screen", [], None),
            ("settled (HN's order)", [], "ordering"),
            ("G: the last comment", ["G"], None),
            ("a search and its hits", ["/", "c", "o", "m", "p", "i", "l", "e", "r", "Enter"], None),
            ("C then E", ["Escape", "C", "E"], None),
            ("the outline", ["i"], None),
        ]
        for label, keys, gone in steps:
            for key in keys:
                tmux("send-keys", "-t", session, key)
            if gone is not None:
                wait_for(session, "hn_first", gone=gone)
            # Past the collection the reader makes once a thread is in (FREEZE_AFTER).
            time.sleep(collector.FREEZE_AFTER + 0.5)
            now, peak = process_memory(pid)
            print(f"threadreader, {args.comments:,} comments, {label}: {now:.0f} MB resident")
        print(f"threadreader peak resident: {peak:.0f} MB (target <= 80 MB)")
    finally:
        tmux("kill-server")
        process.terminate()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
