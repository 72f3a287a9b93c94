"""The editor's checker: a buffer's syntax error, imports from Relive's
namespaces checked against the names the directories really export, and
pyflakes' findings.

pyflakes is the one optional part. An interpreter without it (a pyenv or
virtualenv build sees none of the distribution's python3-pyflakes) still gets
the syntax error and the namespace check; core's EditorIntelligence decides
whether pyflakes runs and tells the editor when it cannot.

Every public function takes plain values and returns plain tuples; core's
EditorIntelligence turns them into C++ value structs.
"""

import ast

# The namespace map, as core's Importer describes it (relive_intelligence
# documents its shape); only roots, dirs and modules are read here.
_index = {"roots": {}, "dirs": {}, "modules": {}, "loaded": {}}


def set_index(index):
    global _index
    _index = index


_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


def _import_statements(tree):
    """Every import statement, at any depth, visiting statements only (a
    full ast.walk of a 5,000-line file costs as much as pyflakes itself)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
            continue
        for field in _BLOCK_FIELDS:
            children = getattr(node, field, None)
            if children:
                stack.extend(children)


def _namespace_problems(source, tree):
    """Imports from mapped namespaces checked against the map:
    (line, column, message, star names)."""
    problems, star_names = [], set()
    if not any(root in source for root in _index["roots"]):
        return problems, star_names
    for node in _import_statements(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            root = node.module.split(".")[0]
            if root not in _index["roots"]:
                continue
            info = _index["dirs"].get(node.module)
            if info is None:
                if node.module not in _index["modules"]:
                    parent, _, last = node.module.rpartition(".")
                    problems.append((node.lineno, node.col_offset,
                                     "%s has no name '%s'" % (parent or node.module, last)))
                continue
            known = set(info["names"]) | {s.rpartition(".")[2] for s in info["subs"]} | \
                {m.rpartition(".")[2] for m in info["files"]}
            for alias in node.names:
                if alias.name == "*":
                    star_names.update(info["names"])
                elif alias.name not in known:
                    problems.append((getattr(alias, "lineno", node.lineno),
                                     getattr(alias, "col_offset", node.col_offset),
                                     "%s has no name '%s'" % (node.module, alias.name)))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                dotted = alias.name
                if dotted.split(".")[0] in _index["roots"] and dotted not in _index["dirs"] \
                        and dotted not in _index["modules"]:
                    parent, _, last = dotted.rpartition(".")
                    problems.append((getattr(alias, "lineno", node.lineno),
                                     getattr(alias, "col_offset", node.col_offset),
                                     "%s has no name '%s'" % (parent, last)))
    return problems, star_names


def _pyflakes_problems(tree, filename, star_names):
    """pyflakes' findings: (line, column, message, is_error)."""
    # Imported on first use, not with this module, which must load without it.
    import pyflakes.checker
    import pyflakes.messages as m
    errors = (m.UndefinedName, m.UndefinedLocal, m.UndefinedExport, m.DuplicateArgument,
              m.ReturnOutsideFunction, m.YieldOutsideFunction, m.ContinueOutsideLoop, m.BreakOutsideLoop)
    star = (m.ImportStarUsed, m.ImportStarUsage)
    checker = pyflakes.checker.Checker(tree, filename=filename, builtins=star_names)
    for message in sorted(checker.messages, key=lambda message: (message.lineno, message.col)):
        if star_names and isinstance(message, star):
            continue
        yield (message.lineno, message.col, message.message % message.message_args, isinstance(message, errors))


def diagnostics(source, path, with_pyflakes=True):
    """[(line, column, message, is_error)] for the buffer: its syntax error,
    imports of names a mapped namespace lacks and, `with_pyflakes`, pyflakes'
    findings."""
    filename = path or "<buffer>"
    try:
        tree = ast.parse(source, filename)
    except SyntaxError as e:
        return [(e.lineno or 1, max((e.offset or 1) - 1, 0), "SyntaxError: %s" % e.msg, True)]
    except ValueError as e:  # a NUL byte in the buffer
        return [(1, 0, str(e), True)]
    problems, star_names = _namespace_problems(source, tree)
    result = [(line, column, message, True) for line, column, message in problems]
    if with_pyflakes:
        result.extend(_pyflakes_problems(tree, filename, star_names))
    return result
