"""The object inspector's view of Python objects: what an object's children
are (attributes, or the elements of a container, a page at a time) and how
to assign one of them. The C++ side (core/ObjectInspector.cpp) keeps the
handles, bounds every repr in time and length, and runs this on the live
worker."""

import collections
import itertools

# How a child is reached from its parent, for an edit.
ATTRIBUTE, INDEX, KEY, ELEMENT = range(4)

SCALARS = (bool, int, float, complex, str, bytes, type(None))

SEQUENCES = (list, tuple, collections.deque, range)
SETS = (set, frozenset)


def is_scalar(value):
    return type(value) in SCALARS


def is_container(obj):
    return isinstance(obj, SEQUENCES + SETS + (dict,))


def assignable(parent, kind):
    """Whether a child reached by `kind` can be given a new value."""
    if kind == ATTRIBUTE:
        return True
    if kind == INDEX:
        return isinstance(parent, (list, collections.deque))
    return kind == KEY


def attribute_names(obj):
    """The attributes the object holds itself: its __dict__ (in insertion
    order), then its slots. Never what it inherits from its class."""
    names = []
    d = getattr(obj, '__dict__', None)
    if isinstance(d, dict):
        names.extend(k for k in list(d) if isinstance(k, str))
    seen = set(names)
    for klass in type(obj).__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__') or name in seen:
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_' + klass.__name__.lstrip('_') + name
            seen.add(name)
            names.append(name)
    return names


def child_count(obj):
    """How many children the object has, without listing them."""
    if is_container(obj):
        return len(obj)
    if is_scalar(obj):
        return 0
    return len(attribute_names(obj))


def children(obj, offset, limit):
    """(total, [(kind, label, key, value)]) for children offset .. offset+limit.
    A slot without a value (never assigned) is left out of the page."""
    if isinstance(obj, SEQUENCES):
        total = len(obj)
        end = min(total, offset + limit)
        return total, [(INDEX, '[%d]' % i, i, obj[i]) for i in range(offset, end)]
    if isinstance(obj, dict):
        # islice over the live view runs in C without releasing the GIL, so
        # a program thread cannot change the dict in the middle of the page.
        page = list(itertools.islice(obj.items(), offset, offset + limit))
        return len(obj), [(KEY, '[%s]' % short_key(k), k, v) for k, v in page]
    if isinstance(obj, SETS):
        page = list(itertools.islice(obj, offset, offset + limit))
        return len(obj), [(ELEMENT, '{%d}' % (offset + i), None, v) for i, v in enumerate(page)]
    if is_scalar(obj):
        return 0, []
    names = attribute_names(obj)
    result = []
    for name in names[offset:offset + limit]:
        try:
            value = object.__getattribute__(obj, name)
        except AttributeError:
            continue
        result.append((ATTRIBUTE, name, name, value))
    return len(names), result


def short_key(key):
    text = repr(key) if is_scalar(key) else '<%s>' % type(key).__name__
    return text if len(text) <= 60 else text[:59] + '\u2026'


def assign(obj, kind, key, value):
    if kind == ATTRIBUTE:
        setattr(obj, key, value)
    elif kind in (INDEX, KEY):
        obj[key] = value
    else:
        raise TypeError('an element of a %s cannot be assigned' % type(obj).__name__)


def evaluate(expression):
    """The new value of an edit: an expression evaluated in the program's
    context (__main__'s namespace, as the console sees it)."""
    import sys
    code = compile(expression, '<inspector>', 'eval')
    return eval(code, sys.modules['__main__'].__dict__)


def type_name(obj):
    klass = type(obj)
    module = klass.__module__
    return klass.__qualname__ if module in ('builtins', None) else '%s.%s' % (module, klass.__qualname__)
