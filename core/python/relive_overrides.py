"""Source text for overrides: the text of an override as it was typed (kept
when it is installed, for "Write to File"), a recompile of console-typed
code as a method so that zero-argument super() works, and the edit that
puts an override's text in place of the method in a file's buffer. The
object surgery stays in core/Overrides.cpp."""

import ast
import linecache
import sys
import textwrap

# Text run by the console or a script, by the file name it was compiled
# under ('<console>'), as the latest command had it; the editor's override
# action notes the buffer it compiled.
noted = {}


def note(filename, text):
    noted[filename] = text


def _definition(text, code):
    """The def node of `code` in `text` (by its first line, decorators
    included, and its name), or None."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == code.co_name:
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            if code.co_firstlineno in (start, node.lineno):
                return node
    return None


def _is_override_decorator(decorator):
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    text = ast.unparse(target)
    return text == 'override' or text.endswith('.override')


def function_source(fn):
    """(text, first line) of the def of `fn` as it was typed, without the
    relive.override decorator, dedented; None when the text is not known
    (a lambda, code built at run time)."""
    code = fn.__code__
    text = noted.get(code.co_filename)
    if text is None:
        text = ''.join(linecache.getlines(code.co_filename)) or None
    if text is None:
        return None
    node = _definition(text, code)
    if node is None:
        return None
    lines = text.splitlines()
    kept = [d for d in node.decorator_list if not _is_override_decorator(d)]
    first = min([node.lineno] + [d.lineno for d in kept])
    # Decorator lines kept, override decorators dropped (they may sit between others).
    dropped = set()
    for d in node.decorator_list:
        if d not in kept:
            dropped.update(range(d.lineno, d.end_lineno + 1))
    body = [lines[i - 1] for i in range(first, node.end_lineno + 1) if i not in dropped]
    return textwrap.dedent('\n'.join(body)) + '\n', first


def owner_class(fn):
    """The class a method belongs to, from its qualified name; None for a
    function or a class defined in a function."""
    parts = fn.__qualname__.split('.')
    if len(parts) < 2 or '<locals>' in parts:
        return None
    target = sys.modules.get(fn.__module__)
    for name in parts[:-1]:
        target = getattr(target, name, None)
    return target if isinstance(target, type) else None


def as_method(fn, source, filename):
    """`fn` compiled again from its source inside a stand-in class body, so
    that it has the __class__ cell zero-argument super() needs (a def typed
    at the console's top level has none). Same globals, defaults, line
    numbers. None when that cannot be done (no source, a closure)."""
    if source is None or fn.__code__.co_freevars:
        return None
    text, first = source
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    definition = tree.body[0]
    # Decorators other than the override's already ran when it was typed.
    definition.decorator_list = []
    ast.increment_lineno(definition, first - 1)
    stand_in = ast.ClassDef(name='_relive_override_', bases=[], keywords=[], body=[definition],
                            decorator_list=[], lineno=definition.lineno, col_offset=0,
                            end_lineno=definition.end_lineno, end_col_offset=0)
    module = ast.fix_missing_locations(ast.Module(body=[stand_in], type_ignores=[]))
    scope = {}
    exec(compile(module, filename, 'exec'), fn.__globals__, scope)
    method = scope['_relive_override_'].__dict__[definition.name]
    method = getattr(method, '__func__', method)
    method.__defaults__ = fn.__defaults__
    method.__kwdefaults__ = fn.__kwdefaults__
    return method


def replace_in_buffer(buffer, qualname, source):
    """Where the def `qualname` ("Service.handle") is in `buffer` and the
    override's `source` indented to sit there, named as the method it
    replaces: (first line, last line, text), 1-based, from the def line (its
    decorators stay) to its end."""
    tree = ast.parse(buffer)
    body = tree.body
    node = None
    parts = qualname.split('.')
    for i, name in enumerate(parts):
        last = i == len(parts) - 1
        kinds = (ast.FunctionDef, ast.AsyncFunctionDef) if last else (ast.ClassDef,)
        node = next((n for n in reversed(body) if isinstance(n, kinds) and n.name == name), None)
        if node is None:
            raise ValueError('%s is not defined in the file any more' % '.'.join(parts[:i + 1]))
        body = node.body
    lines = buffer.splitlines()
    line = lines[node.lineno - 1]
    indent = line[:len(line) - len(line.lstrip())]
    replacement = ast.parse(source).body[0]
    text_lines = source.rstrip('\n').splitlines()
    # The override's own decorators (not the file's) stay out: the def is
    # replaced from its def line, under the file's decorators.
    def_index = replacement.lineno - 1
    if replacement.decorator_list:
        text_lines = text_lines[def_index:]
    head = text_lines[0]
    keyword = 'async def ' if head.lstrip().startswith('async def ') else 'def '
    after = head.split(keyword, 1)[1]
    text_lines[0] = head.split(keyword, 1)[0] + keyword + node.name + after[len(replacement.name):]
    text = textwrap.indent('\n'.join(text_lines), indent, lambda l: l.strip() != '')
    return node.lineno, node.end_lineno, text
