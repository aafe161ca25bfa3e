"""threadreader's version, the one place it is written (pyproject.toml reads it from here).

Known without reading the installed package's metadata, which costs 5-15 ms wherever it is
asked for: the User-Agent of every request needs it, and the launch's load is timed.
"""

VERSION = "0.1.0"
