"""Reddit threads: the first page at once, the held-back replies as stubs loaded on demand.

Modules: `addresses` (what a Reddit address is, API bases), `parse` (JSON to the model),
`pacing` (the rate budget), `auth` (optional installed-app token), `api` (paced requests),
`loader` (first page, one stub, everything), `site` (the registry's `Site`).

Empty on purpose: the command line imports `addresses` (the sort names) on every launch,
and importing a package runs its `__init__` first; httpx stays out of that path.
"""
