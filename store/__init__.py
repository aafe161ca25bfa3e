"""The local store: threads kept for offline reading, visits, reading places, bookmarks.

SQLite (stdlib `sqlite3`) in the platform's data directory. It reads and writes `threads`
objects only; it never imports `fetchers` or `tui`. `store.memory.Memory` is the API.
"""
