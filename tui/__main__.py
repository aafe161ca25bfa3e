"""`threadreader` entry point: parse the command line, then dump or open the reader."""

from __future__ import annotations

import os
import sys

from tui import collector
from tui.cli import (
    EXIT_FETCH_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    parse_options,
    target_problem,
    terminal_problem,
)


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 fetch/input error, 2 usage)."""
    options = parse_options(sys.argv[1:] if argv is None else argv)
    try:
        if options.dump:
            from tui.dump import run_dump

            return run_dump(options)
        problem = target_problem(options)  # before the full screen: one line, exit 1
        if problem is not None:
            print(f"threadreader: {problem}", file=sys.stderr)
            return EXIT_FETCH_ERROR
        problem = terminal_problem()
        if problem is not None:
            print(f"threadreader: {problem}", file=sys.stderr)
            return EXIT_USAGE
        collector.pause()  # until the first thread is on screen: see tui/collector.py
        prefetch = None
        if options.target is not None and not options.offline and not _is_article(options.target):
            from tui.forked_load import start_forked_load

            # The load runs while Textual imports, in a child forked before anything else
            # is imported (or, where that is not safe, in a thread); its steps settle the
            # thread on screen.
            child = start_forked_load(options.target, settle=True)
            from tui.prefetch import Prefetch

            prefetch = Prefetch(options.target, settle=True, child=child)
        from tui.app import create_app  # Textual is imported only when the reader opens

        app = create_app(options, prefetch=prefetch)
        app.run()
        return app.return_code or EXIT_OK  # Textual sets 1 when the app failed

    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`| head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except MemoryError:
        print("threadreader: out of memory.", file=sys.stderr)
        return EXIT_FETCH_ERROR


def _is_article(target: object) -> bool:
    """A web page opens in reader mode: nothing to prefetch as a thread."""
    from fetchers.targets import ArticleTarget

    return isinstance(target, ArticleTarget)


if __name__ == "__main__":
    sys.exit(main())
