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

The first load runs in a child process forked by the reader (tui/forked_load.py), which
ends once the thread has settled. While it lives, both are sampled every 20 ms and their
proportional set sizes added up (`Pss` in `/proc/PID/smaps_rollup`: pages the fork still
shares are counted once): the peak of the two together is printed too.

Run: python -m bench.bench_memory [--comments 2170]
Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
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


def proportional_memory(pid: int) -> float:
    """MB of memory the process uses, shared pages divided among their sharers."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise LookupError(f"no Pss for {pid}")


class FamilySampler:
    """The reader and its children (the forked load), sampled until stopped."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_together = 0.0
        """MB: the highest sum of the reader's and its children's proportional sets."""
        self.peak_child = 0.0
        """MB: the highest resident set a child reached (VmHWM)."""
        self.children_seen: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            try:
                children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
                together = proportional_memory(self.pid)
                for child in map(int, children):
                    together += proportional_memory(child)
                    self.peak_child = max(self.peak_child, process_memory(child)[1])
                    self.children_seen.add(child)
            except (OSError, LookupError, ValueError):  # a child ended between two reads
                continue
            self.peak_together = max(self.peak_together, together)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


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


def _when_started(session: str, timeout: float = 10) -> int:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            return pane_process(session, "threadreader")
        except (LookupError, OSError, ValueError):
            time.sleep(0.005)
    raise TimeoutError("threadreader did not start")


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
        pid = _when_started(session)
        sampler = FamilySampler(pid)
        wait_for(session, "hn_first")
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
        sampler.stop()
        print(f"threadreader peak resident: {peak:.0f} MB (target <= 80 MB)")
        print(
            f"the loading child ({len(sampler.children_seen)} seen): peak resident "
            f"{sampler.peak_child:.0f} MB; reader and child together, shared pages counted "
            f"once: peak {sampler.peak_together:.0f} MB"
        )
    finally:
        tmux("kill-server")
        process.terminate()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
