#!/usr/bin/python3
"""Peer for the heap-independence benchmark: IPython's autoreload.

Same module (50 classes, benchlib.module_source(500)), same heap, same edit as
relive-bench, but applied with IPython.extensions.autoreload.superreload, which
is what `%autoreload 2` calls for a changed module. Also measures the floor
(compile + exec of the same source) in this interpreter.

    ipython_autoreload.py WORKDIR SIZES REPS_LIST > result.json
SIZES and REPS_LIST are comma-separated, e.g. 10,10000 20,20.
"""
import gc
import importlib
import json
import os
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

try:
    import IPython
    from IPython.extensions.autoreload import superreload
except ImportError as e:  # reported, not hidden
    print(json.dumps({"error": f"IPython not available: {e}"}))
    sys.exit(0)


def main():
    work, sizes, reps = sys.argv[1], sys.argv[2], sys.argv[3]
    sizes = [int(float(s)) for s in sizes.split(",")]
    reps = [int(r) for r in reps.split(",")]
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "ipy_heapmod.py")
    source = benchlib.module_source(500)
    benchlib.write(path, source)
    sys.path.insert(0, work)
    importlib.invalidate_caches()
    mod = importlib.import_module("ipy_heapmod")

    floor = []
    for k in range(20):
        text = benchlib.edited(source, k + 1)
        t = time.perf_counter()
        exec(compile(text, path, "exec"), {"__name__": "floor"})
        floor.append((time.perf_counter() - t) * 1000)

    result = {"tool": "IPython autoreload (superreload)", "ipython": IPython.__version__,
              "python": sys.version.split()[0], "floor_ms": benchlib.stats(floor), "sizes": {}}
    edit = 0
    for size, rep in zip(sizes, reps):
        # Built from the classes the module holds now, as a running program would.
        classes = [getattr(mod, n) for n in benchlib.class_names(500)]
        objs = benchlib.heap(classes, size)
        gc.collect()
        times = []
        ok = True
        for _ in range(rep):
            edit += 1
            benchlib.write(path, benchlib.edited(source, edit))
            t = time.perf_counter()
            superreload(mod)
            times.append((time.perf_counter() - t) * 1000)
            # The edit is live in an existing instance: checked, not assumed.
            ok = ok and objs[0].get(0) == objs[0].x + edit
        result["sizes"][str(size)] = dict(benchlib.stats(times), applied=ok)
        del objs
        gc.collect()
    print(json.dumps(result))


main()
