"""The Python side of Relive's debugger.

The C++ tracer decides when a thread pauses and keeps it parked; this module
answers the questions that are Python at heart: which lines of a file hold
code, whether an exception leaving a frame will be caught further up, how a
value looks in the Variables panel, and how an expression runs in a frame.
"""

import builtins
import dis
import reprlib
import threading
import traceback

_CodeType = type(compile("", "<empty>", "exec"))
_repr = reprlib.Repr()
_repr.maxstring = 200
_repr.maxother = 200
_repr.maxlist = _repr.maxtuple = _repr.maxdict = _repr.maxset = 20


def code_lines(path):
    """The sorted lines of `path` that hold code (of any function or class)."""
    with open(path, "rb") as f:
        source = f.read()
    lines = set()
    stack = [compile(source, path, "exec", dont_inherit=True)]
    while stack:
        code = stack.pop()
        for _start, _end, line in code.co_lines():
            if line is not None and line > 0:
                lines.add(line)
        stack.extend(c for c in code.co_consts if isinstance(c, _CodeType))
    return sorted(lines)


def resolve_line(path, line):
    """The first line at or after `line` that holds code, or 0."""
    for candidate in code_lines(path):
        if candidate >= line:
            return candidate
    return 0


def own_lines(code):
    """The lines of `code` itself (not of the functions it defines)."""
    return {line for _s, _e, line in code.co_lines() if line is not None}


# ---------------------------------------------------------------- exceptions

def _stops_search(frame):
    # A program thread's exception reaches Thread._bootstrap_inner's bare
    # `except:`, which only reports it: for the user it is uncaught.
    code = frame.f_code
    return code.co_filename == threading.__file__ and code.co_name in ("run", "_bootstrap_inner")


def is_caught(frame, exc):
    """Whether a caller of `frame` has an except clause that will catch `exc`.

    Reads each caller's exception table at the call it is making; clauses
    whose type cannot be worked out count as catching, so a doubtful case
    never pauses the program.
    """
    f = frame.f_back
    while f is not None:
        if _stops_search(f):
            return False
        if _handler_catches(f, exc):
            return True
        f = f.f_back
    return False


def _handler_catches(frame, exc):
    lasti = frame.f_lasti
    for entry in dis._parse_exception_table(frame.f_code):
        if entry.start <= lasti < entry.end:
            return _clause_catches(frame, entry.target, exc)
    return False


def _clause_catches(frame, target, exc):
    instructions = list(dis.get_instructions(frame.f_code))
    index = {ins.offset: i for i, ins in enumerate(instructions)}
    i = index.get(target)
    if i is None or instructions[i].opname != "PUSH_EXC_INFO":
        return False  # a cleanup handler: the exception goes on up
    i += 1
    stack = []
    for _ in range(len(instructions)):
        if i >= len(instructions):
            return True
        ins = instructions[i]
        op = ins.opname
        if op == "POP_TOP" and not stack:
            return True  # bare `except:`
        if op in ("RERAISE", "WITH_EXCEPT_START", "COPY"):
            return False  # finally, with, or no clause matched
        if op == "CHECK_EXC_MATCH":
            if not stack:
                return True
            try:
                if isinstance(exc, stack.pop()):
                    return True
            except TypeError:
                return True
            jump = instructions[i + 1]
            i = index.get(jump.argval, len(instructions))
            stack = []
            continue
        try:
            if op == "LOAD_GLOBAL":
                name = ins.argval
                stack.append(frame.f_globals[name] if name in frame.f_globals else getattr(builtins, name))
            elif op == "LOAD_NAME":
                name = ins.argval
                scope = frame.f_locals
                stack.append(scope[name] if name in scope else
                             frame.f_globals[name] if name in frame.f_globals else getattr(builtins, name))
            elif op in ("LOAD_FAST", "LOAD_DEREF", "LOAD_CLASSDEREF"):
                stack.append(frame.f_locals[ins.argval])
            elif op == "LOAD_ATTR":
                stack.append(getattr(stack.pop(), ins.argval))
            elif op == "BUILD_TUPLE":
                n = ins.arg
                items = tuple(stack[len(stack) - n:])
                del stack[len(stack) - n:]
                stack.append(items)
            elif op != "NOP":
                # Finally-blocks run code here; anything else is too unusual
                # to guess: count it as a catch.
                return _finally_or_unknown(instructions, i)
        except (KeyError, AttributeError):
            return True
        i += 1
    return True


def _finally_or_unknown(instructions, i):
    for ins in instructions[i:]:
        if ins.opname == "RERAISE":
            return False
        if ins.opname in ("CHECK_EXC_MATCH", "POP_EXCEPT"):
            return True
    return True


# ---------------------------------------------------------------- values

def describe(value):
    """(type name, short repr, whether it has children)."""
    try:
        text = _repr.repr(value)
    except BaseException as e:  # a __repr__ that raises must not stop the debugger
        text = "<repr failed: %s>" % type(e).__name__
    return type(value).__name__, text, _has_children(value)


def _has_children(value):
    if isinstance(value, (str, bytes, bytearray, int, float, complex, bool, type(None))):
        return False
    if isinstance(value, (dict, list, tuple, set, frozenset)):
        return len(value) > 0
    return bool(getattr(value, "__dict__", None)) or bool(getattr(type(value), "__slots__", None))


def _item_suffix(key):
    if isinstance(key, (str, int, bool, float, bytes)) or key is None:
        return "[%r]" % (key,)
    return ""


def children(value, start, count):
    """One page of a value's children: a list of (name, expression suffix, value)
    and the total number of children. An empty suffix cannot be expanded by
    expression."""
    if isinstance(value, dict):
        items = list(value.items())
        page = [(repr(k), _item_suffix(k), v) for k, v in items[start:start + count]]
        return page, len(items)
    if isinstance(value, (list, tuple)):
        return [("[%d]" % i, "[%d]" % i, value[i]) for i in range(start, min(len(value), start + count))], len(value)
    if isinstance(value, (set, frozenset)):
        items = list(value)
        return [("{%d}" % i, "", v) for i, v in enumerate(items[start:start + count], start)], len(items)
    names = []
    d = getattr(value, "__dict__", None)
    if isinstance(d, dict):
        names.extend(k for k in d if isinstance(k, str))
    for cls in type(value).__mro__:
        slots = cls.__dict__.get("__slots__", ())
        names.extend(s for s in ([slots] if isinstance(slots, str) else slots)
                     if s not in ("__dict__", "__weakref__") and s not in names)
    page = []
    for name in names[start:start + count]:
        try:
            page.append((name, "." + name, getattr(value, name)))
        except AttributeError:
            pass
    return page, len(names)


def describe_all(pairs):
    """[(name, suffix, value)] -> [(name, suffix, type, repr, has children)]."""
    return [(name, suffix) + describe(value) for name, suffix, value in pairs]


def scope_children(scope, start, count):
    items = sorted((k, v) for k, v in scope.items() if not (k.startswith("__") and k.endswith("__")))
    page = [(k, k, v) for k, v in items[start:start + count]]
    return describe_all(page), len(items)


def value_children(expression, globals, locals, start, count):
    value = eval(expression, globals, locals)
    page, total = children(value, start, count)
    return describe_all([(name, expression + suffix if suffix else "", v) for name, suffix, v in page]), total


# ---------------------------------------------------------------- evaluation

def run_in_frame(source, globals, locals):
    """Evaluates an expression (its repr is the result) or runs statements in
    a frame's scope. Returns (text, failed)."""
    try:
        code = compile(source, "<debugger>", "eval")
    except SyntaxError:
        code = None
    try:
        if code is not None:
            return describe(eval(code, globals, locals))[1], False
        exec(compile(source, "<debugger>", "exec"), globals, locals)
        return "", False
    except BaseException as e:  # reported to the user, never raised into the paused program
        return "".join(traceback.format_exception_only(type(e), e)).strip(), True


def check_condition(source, globals, locals):
    """(pause, error text): an expression that raises pauses, like pdb."""
    try:
        return bool(eval(source, globals, locals)), ""
    except BaseException as e:  # reported; the breakpoint then pauses
        return True, "".join(traceback.format_exception_only(type(e), e)).strip()


def format_exception(exc):
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()
