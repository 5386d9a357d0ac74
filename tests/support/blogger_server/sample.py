"""The sample blog, from scripts/make-sample-blog.py, imported as a module.

The script holds the blog's data (posts, pages, comments, images) and the
Simple-template renderers that wrote fixtures/sample-blog/mirror/; the
server reuses both, so what it serves is what the mirror and feed.atom hold.

Its renderers read the module globals HOST and BASE. For a custom domain a
second, separate copy of the module is loaded with those two changed, so the
pages' canonical links, pagers and feeds name the custom domain while the
post bodies stay byte-identical to the export (they name blogspot, as a real
blog's old posts do).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / "scripts" / "make-sample-blog.py"
BLOGSPOT_HOST = "kettleandcrumb.blogspot.com"


def load(host: str = BLOGSPOT_HOST):
    """The script as a module; with another host, a copy whose pages name it."""
    name = "blogshift_sample_blog" if host == BLOGSPOT_HOST else "blogshift_sample_blog_" + host.replace(".", "_")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {SCRIPT}")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up by name while the script runs
    spec.loader.exec_module(mod)
    if mod.HOST != BLOGSPOT_HOST:
        raise RuntimeError(f"{SCRIPT} names {mod.HOST}, expected {BLOGSPOT_HOST}")
    if host != BLOGSPOT_HOST:
        mod.HOST = host
        mod.BASE = "https://" + host
    return mod
