"""Source generators shared by relive-bench (inside its embedded interpreter)
and the peer scripts (in /usr/bin/python3), so that both measure the same code.

Every generated class is ten lines. The one edit the benchmarks make is to the
constant in the first method of the first class: edit k turns
`return self.x + v + 0` into `return self.x + v + k`, which changes one method
and nothing else.
"""
import os

CLASS_LINES = 10


def class_source(name):
    return (
        f"class {name}:\n"
        f"    \"\"\"Generated class {name}.\"\"\"\n"
        f"    def __init__(self, x=0):\n"
        f"        self.x = x\n"
        f"        self.y = [x]\n"
        f"    def get(self, v):\n"
        f"        return self.x + v + 0\n"
        f"    def scale(self, v):\n"
        f"        return self.y[0] * v\n"
        f"\n"
    )


def module_source(lines, prefix="C"):
    """A module of about `lines` lines: lines // 10 classes (at least 1)."""
    count = max(1, lines // CLASS_LINES)
    head = f"# generated: {count} classes\nLIMIT = {count}\n\n"
    return head + "".join(class_source(f"{prefix}{i}") for i in range(count))


def class_names(lines, prefix="C"):
    return [f"{prefix}{i}" for i in range(max(1, lines // CLASS_LINES))]


def edited(source, k):
    """`source` with the first method edit number k applied."""
    return source.replace("return self.x + v + 0\n", f"return self.x + v + {k}\n", 1)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def project(root, files, package=False, per_dir=10):
    """A tree of `files` files of about 100 lines, `per_dir` files per
    directory d0, d1, ...; with `package`, each directory gets an __init__.py
    importing its files' names, as a plain package would. Returns the dotted
    names of the directories (relative to the root) and the first file."""
    os.makedirs(root, exist_ok=True)
    if package:
        write(os.path.join(root, "__init__.py"), "")
    dirs = []
    for d in range((files + per_dir - 1) // per_dir):
        sub = os.path.join(root, f"d{d}")
        os.makedirs(sub, exist_ok=True)
        names = []
        for f in range(min(per_dir, files - d * per_dir)):
            write(os.path.join(sub, f"f{f}.py"), module_source(100, prefix=f"F{f}C"))
            names.append(f"f{f}")
        if package:
            write(os.path.join(sub, "__init__.py"),
                  "".join(f"from .{n} import *\n" for n in names))
        dirs.append(f"d{d}")
    return dirs, os.path.join(root, "d0", "f0.py")


def heap(classes, n):
    """n live objects: half instances of `classes`, half unrelated containers."""
    objs = []
    half = n // 2
    count = len(classes)
    for i in range(half):
        objs.append(classes[i % count](i))
    for i in range(n - half):
        r = i % 3
        objs.append([i] if r == 0 else ({"k": i} if r == 1 else (i, i)))
    return objs


def percentile(values, p):
    s = sorted(values)
    if not s:
        return None
    k = (len(s) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def stats(values):
    return {"p50": percentile(values, 50), "p99": percentile(values, 99), "n": len(values),
            "min": min(values) if values else None, "max": max(values) if values else None}


def sized_source(functions, k=0):
    """A module of `functions` two-line functions and a class (the file-size
    series: 2,500 functions make 5,003 lines; 170,000 make a 6 MB module).
    Edit k changes the class's one method: `return v + k`."""
    parts = [f"def f{i}(x):\n    return x + {i}\n" for i in range(functions)]
    parts.append(f"class C:\n    def get(self, v):\n        return v + {k}\n")
    return "".join(parts)
