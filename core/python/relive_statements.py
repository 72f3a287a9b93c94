"""What a statement of a module or class body binds and reads, and the
parsing of one top-level statement cut from a file: the Python side of
Relive's reload planning (core/Reloader.cpp does the matching, the
transaction and the object surgery).

Loaded from the library's resources as the module `relive_statements`.
"""
import ast
import copy

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_TRY = (ast.Try, ast.TryStar) if hasattr(ast, "TryStar") else (ast.Try,)


def parse_statements(text, filename, first_line):
    """The statements of `text`, a piece of `filename` that starts at line
    `first_line` (column 0), with the positions they have in the file. A
    syntax error names the file's line."""
    try:
        tree = ast.parse(text, filename)
    except SyntaxError:
        error = _syntax_error(text, filename, first_line)
        # Reported as Python reports a file that does not compile: the
        # file's line and a caret, without the frames of the parse.
        raise error.with_traceback(None) from None
    if first_line > 1:
        ast.increment_lineno(tree, first_line - 1)
    return tree.body


def _syntax_error(text, filename, first_line):
    """The SyntaxError Python gives for `text` at line `first_line` of
    `filename`: parsed again where it stands (blank lines before it), so that
    the line numbers in the message are the file's too, and under another
    name, so that CPython takes the line it prints from this text rather than
    the line of the file that has the piece's line number."""
    try:
        ast.parse("\n" * (first_line - 1) + text, "<relive>")
    except SyntaxError as e:
        e.filename = filename
        return e
    return SyntaxError("invalid syntax", (filename, first_line, 1, text.partition("\n")[0]))


def module_of(statements):
    """A module made of these statements, to compile."""
    return ast.Module(body=list(statements), type_ignores=[])


def key(statements):
    """Compares statements by their syntax tree without positions, so that
    reformatting or a comment changes nothing."""
    return "\n".join(ast.dump(s, annotate_fields=False, include_attributes=False) for s in statements)


def is_future_import(stmt):
    return isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__"


def is_function(stmt):
    return isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))


def is_definition(stmt):
    return isinstance(stmt, _SCOPES)


def _targets(target, out):
    if isinstance(target, ast.Name):
        out.append(target.id)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for elt in target.elts:
            _targets(elt, out)
    elif isinstance(target, ast.Starred):
        _targets(target.value, out)


def bound_names(stmt, include_imports):
    """Names a top-level (or class-body) statement binds: def/class names,
    assignment targets, for/with targets, and, with `include_imports`, import
    aliases; nested blocks (if/try/with/for) count, nested scopes do not."""
    out = []
    _bound(stmt, include_imports, out)
    return out


def _bound(stmt, imports, out):
    def block(statements):
        for s in statements:
            _bound(s, imports, out)

    if isinstance(stmt, _SCOPES):
        out.append(stmt.name)
    elif isinstance(stmt, ast.Assign):
        for t in stmt.targets:
            _targets(t, out)
    elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
        _targets(stmt.target, out)
    elif isinstance(stmt, (ast.For, ast.AsyncFor)):
        _targets(stmt.target, out)
        block(stmt.body)
        block(stmt.orelse)
    elif isinstance(stmt, (ast.With, ast.AsyncWith)):
        for item in stmt.items:
            if item.optional_vars is not None:
                _targets(item.optional_vars, out)
        block(stmt.body)
    elif isinstance(stmt, (ast.If, ast.While)):
        block(stmt.body)
        block(stmt.orelse)
    elif isinstance(stmt, _TRY):
        block(stmt.body)
        for handler in stmt.handlers:
            if handler.name is not None:
                out.append(handler.name)
            block(handler.body)
        block(stmt.orelse)
        block(stmt.finalbody)
    elif imports and isinstance(stmt, (ast.Import, ast.ImportFrom)):
        for alias in stmt.names:
            if alias.name == "*":
                continue
            out.append(alias.asname if alias.asname is not None else alias.name.partition(".")[0])


def definition_reads(stmt):
    """Names a def or class statement reads when it runs (decorators,
    defaults, and for a class the statements of its body), not those read by
    the bodies of functions, nor a class's bases: a base edited in place needs
    no rerun, and rerunning a subclass would repeat __init_subclass__ side
    effects. Other statements: the empty set (they rerun only when they bind
    a changed name)."""
    names = set()

    def args(a):
        for d in a.defaults:
            visit(d)
        for d in a.kw_defaults:
            if d is not None:
                visit(d)

    def visit(node):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in node.decorator_list:
                visit(d)
            args(node.args)
            return
        if isinstance(node, ast.Lambda):
            args(node.args)
            return
        if isinstance(node, ast.ClassDef):
            for d in node.decorator_list:
                visit(d)
            for s in node.body:
                visit(s)
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            names.add(node.id)
        for child in ast.iter_child_nodes(node):
            visit(child)

    if isinstance(stmt, _SCOPES):
        visit(stmt)
    return names


def class_nodes(stmt, out):
    """Adds to `out` (name -> ClassDef) the class statements of a block, also
    inside if/try/with/for blocks (a class defined under `try:` or
    `if sys.version_info ...`), not inside functions."""
    if isinstance(stmt, ast.ClassDef):
        out[stmt.name] = stmt
        return
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return
    for field in ("body", "orelse", "finalbody"):
        for child in getattr(stmt, field, ()):
            class_nodes(child, out)
    for handler in getattr(stmt, "handlers", ()):
        for child in handler.body:
            class_nodes(child, out)


def decorators_key(stmt):
    """The decorator lines of a def, compared without positions, or None for
    a statement that is not a decorated def."""
    if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) or not stmt.decorator_list:
        return None
    return "\n".join(ast.dump(d, annotate_fields=False, include_attributes=False) for d in stmt.decorator_list)


def decorator_reads(stmt):
    """Names the decorator expressions of a def read."""
    names = set()
    for d in getattr(stmt, "decorator_list", ()):
        for node in ast.walk(d):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                names.add(node.id)
    return names


def without_decorators(stmt):
    """The def with its decorators replaced by `@__relive_body_only__(name)`,
    for a save that changed only its body (a BodyOnly): running it makes the
    function the decorators received, and binds what they returned before,
    so that a statement that runs after it in the same save (a list of
    handlers) holds the decorated object. The decorators are not called
    again. Its code starts at the first decorator's line, as before."""
    first = min(stmt.decorator_list, key=lambda d: (d.lineno, d.col_offset))
    call = ast.Call(func=ast.Name(id="__relive_body_only__", ctx=ast.Load()),
                    args=[ast.Constant(stmt.name)], keywords=[])
    for node in (call, call.func, call.args[0]):
        ast.copy_location(node, first)
    bare = copy.copy(stmt)
    bare.decorator_list = [call]
    return bare


class BodyOnly:
    """`__relive_body_only__` while a save runs: `decorated` maps each def
    whose body alone changed to what its decorators returned; the function
    the def makes is kept in `bare`, and the name binds the decorated object."""

    def __init__(self, decorated):
        self.decorated = decorated
        self.bare = {}

    def __call__(self, name):
        def keep(function):
            self.bare[name] = function
            return self.decorated[name]
        return keep


def first_line(stmt):
    """The statement's first line: that of its first decorator, if any."""
    return min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", ())])


_LOOPS = (ast.While, ast.For, ast.AsyncFor, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
# Nodes whose `body` runs in a frame of its own.
_FRAMES = _SCOPES + (ast.Lambda,)


def _holds(node, line):
    first = getattr(node, "lineno", None)
    if first is None:
        return True  # arguments, comprehension, withitem...: their children say
    last = getattr(node, "end_lineno", None) or first
    return first <= line <= last


def loop_line(statements, line):
    """The first line of the innermost loop (while, for, comprehension) that
    holds `line` in the frame that runs it, or `line` when none does.

    Where code stopped from outside (a time limit) is between two bytecode
    instructions, and the line the interpreter gives a loop's backward jump
    changes between versions (3.14 gives `while True: pass` the line of
    `pass`, earlier versions that of `while`): the loop is what ran too long,
    and its line is the same on every version."""
    result = line

    def visit(node, outer):
        nonlocal result
        loop = node.lineno if isinstance(node, _LOOPS) else outer
        if getattr(node, "lineno", None) is not None:
            # Visited outside in: the last node holding the line is an innermost one.
            result = line if loop is None else loop
        for field, value in ast.iter_fields(node):
            if isinstance(node, _FRAMES) and field == "body":
                inner = None  # the loops around a def do not loop inside it
            elif field == "orelse" and isinstance(node, (ast.While, ast.For, ast.AsyncFor)):
                inner = outer  # runs once, after the loop
            else:
                inner = loop
            for child in value if isinstance(value, list) else (value,):
                if isinstance(child, ast.AST) and _holds(child, line):
                    visit(child, inner)

    for stmt in statements:
        if _holds(stmt, line):
            visit(stmt, None)
    return result


def _public(namespace):
    names = namespace.get("__all__")
    if names is not None:
        try:
            return {n: namespace[n] for n in names if isinstance(n, str) and n in namespace}
        except TypeError:
            pass
    return {n: v for n, v in namespace.items() if not n.startswith("_")}


def update_star_importers(module, before):
    """After a save of `module` applied: the modules of its namespace that did
    `from module import *` get the public names the save added and the new
    values of those it rebound, and lose those it removed, except names they
    bound themselves since. `before` is the module's namespace before the
    save. Returns [(importer name, what changed)] for the report.

    Only module dictionaries are read: an importer is a module of the same
    namespace that binds most of the old public names to the very objects, and
    whose source has the star import."""
    import re
    import sys

    old = _public(before)
    new = _public(vars(module))
    if old.keys() == new.keys() and all(new[n] is old[n] for n in old):
        return []
    name = module.__name__
    top = name.partition(".")[0]
    short = name.rpartition(".")[2]
    pattern = re.compile(r"^[ \t]*from[ \t]+[\w.]*\b%s[ \t]+import[ \t]+\*" % re.escape(short), re.M)
    done = []
    for other_name, other in list(sys.modules.items()):
        if other is module or not (other_name == top or other_name.startswith(top + ".")):
            continue
        namespace = getattr(other, "__dict__", None)
        if not isinstance(namespace, dict) or not old:
            continue
        same = sum(1 for n, v in old.items() if namespace.get(n, _MISSING) is v)
        if same * 2 < len(old):
            continue
        try:
            with open(other.__file__, encoding="utf-8") as f:
                if not pattern.search(f.read()):
                    continue
        except (OSError, TypeError, AttributeError, ValueError):
            continue
        added, removed, rebound = [], [], []
        for n, v in new.items():
            if n not in old:
                if n not in namespace:
                    namespace[n] = v
                    added.append(n)
            elif v is not old[n] and namespace.get(n, _MISSING) is old[n]:
                namespace[n] = v
                rebound.append(n)
        for n, v in old.items():
            if n not in new and namespace.get(n, _MISSING) is v:
                del namespace[n]
                removed.append(n)
        parts = []
        for label, names in (("added", added), ("rebound", rebound), ("removed", removed)):
            if names:
                parts.append("%s %s" % (label, ", ".join(sorted(names))))
        if parts:
            done.append((other_name, "from %s import *: %s" % (short, "; ".join(parts))))
    return done


_MISSING = object()
