"""The project's virtual environment inside Relive's interpreter.

activate() makes a venv's packages importable as if the venv's own python ran:
its site-packages (with their .pth files) come before the system's on
sys.path, and sys.prefix, sys.exec_prefix and VIRTUAL_ENV name the venv.
deactivate() takes back exactly what activate() added. Modules already
imported from the venv stay imported until the interpreter restarts.
"""

import importlib
import os
import site
import sys

_active = None   # what activate() changed, for deactivate()


def _first_system_entry(path):
    """The index in `path` of the first system site-packages folder."""
    system = set(site.getsitepackages())
    for index, entry in enumerate(path):
        if entry in system or entry.endswith(("site-packages", "dist-packages")):
            return index
    return len(path)


def activate(prefix, site_dirs):
    """Puts the venv at `prefix` with its `site_dirs` in use; returns the
    sys.path entries it added."""
    deactivate()
    before = list(sys.path)
    for folder in site_dirs:
        site.addsitedir(folder)
    added = [entry for entry in sys.path if entry not in before]
    rest = [entry for entry in sys.path if entry not in added]
    at = _first_system_entry(rest)
    sys.path[:] = rest[:at] + added + rest[at:]
    global _active
    _active = {
        "added": added,
        "prefix": sys.prefix,
        "exec_prefix": sys.exec_prefix,
        "VIRTUAL_ENV": os.environ.get("VIRTUAL_ENV"),
    }
    sys.prefix = sys.exec_prefix = prefix
    os.environ["VIRTUAL_ENV"] = prefix
    importlib.invalidate_caches()
    return added


def deactivate():
    """Undoes the last activate(), if any."""
    global _active
    if _active is None:
        return
    state, _active = _active, None
    sys.path[:] = [entry for entry in sys.path if entry not in state["added"]]
    sys.prefix = state["prefix"]
    sys.exec_prefix = state["exec_prefix"]
    if state["VIRTUAL_ENV"] is None:
        os.environ.pop("VIRTUAL_ENV", None)
    else:
        os.environ["VIRTUAL_ENV"] = state["VIRTUAL_ENV"]
    importlib.invalidate_caches()
