#!/usr/bin/python3
"""Peer for the project-size benchmark: plain Python importing the package
tree that benchlib.project(..., package=True) generated. Run in a fresh
process with PYTHONDONTWRITEBYTECODE=1 and no __pycache__, as relive-bench's
own child is, so both compile every file from source.

    plain_import.py PARENT_DIR PACKAGE DIR_NAMES(comma-separated) > result.json
"""
import importlib
import json
import sys
import time

parent, package, dirs = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
sys.path.insert(0, parent)
t = time.perf_counter()
c = time.process_time()
importlib.import_module(package)
for d in dirs:
    importlib.import_module(f"{package}.{d}")
ms = (time.perf_counter() - t) * 1000
cpu_ms = (time.process_time() - c) * 1000
print(json.dumps({"import_ms": ms, "import_cpu_ms": cpu_ms, "modules": len([m for m in sys.modules if m.startswith(package)])}))
