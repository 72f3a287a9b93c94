"""Debugger overhead: the same two workloads timed plain and with five
breakpoints in code they never reach.

As a module (Relive's section imports it from the namespace it writes) it
provides the workloads; run with a Python (`python3 debug_overhead.py DIR REPS`)
it times them plain and under bdb, Python's own debugger core (what pdb
runs on), and prints one JSON line.
"""

import json
import sys
import time

WORKLOAD = '''
def add(a, b):
    return a + b


def calls(n):
    total = 0
    for i in range(n):
        total = add(total, i)
    return total


def loop(n):
    total = 0
    for i in range(n):
        total += i * 2 % 7
    return total


def never(x):
    a = x + 1
    b = a * 2
    c = b - 3
    d = c // 2
    return d


def stepper(n):
    x = 0
    for i in range(n):
        x += i
    return x
'''

# The five lines of never()'s body, in WORKLOAD's numbering.
NEVER_LINES = [21, 22, 23, 24, 25]
STEP_LINE = 31  # `x += i` in stepper()
SIZES = {"calls": 200000, "loop": 500000}


def best_of(function, n, reps):
    best = None
    for _ in range(reps):
        t = time.perf_counter()
        function(n)
        elapsed = time.perf_counter() - t
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    import bdb
    import importlib.util
    import os

    directory, reps = sys.argv[1], int(sys.argv[2])
    path = os.path.join(directory, "workload_bdb.py")
    with open(path, "w") as f:
        f.write(WORKLOAD)
    spec = importlib.util.spec_from_file_location("workload_bdb", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    result = {}
    for kind, n in SIZES.items():
        plain = best_of(getattr(module, kind), n, reps)

        class Quiet(bdb.Bdb):
            def user_line(self, frame):
                self.set_continue()

        debugger = Quiet()
        for line in NEVER_LINES:
            debugger.set_break(path, line)
        debugged = None
        for _ in range(reps):
            t = time.perf_counter()
            debugger.runcall(getattr(module, kind), n)
            elapsed = time.perf_counter() - t
            debugged = elapsed if debugged is None else min(debugged, elapsed)
        result[kind] = {"plain_s": plain, "debugged_s": debugged, "ratio": debugged / plain}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
