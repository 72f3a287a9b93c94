"""The Variables panel's view of the program's globals: what __main__ holds,
sorted by name, with each value's kind, type, size and whether its class is
a namespace class (one that live reload updates). The C++ side
(core/GlobalsBrowser.cpp) keeps the handles, bounds every repr in time and
length, and runs this on the live worker. Children and edits use the
inspector's helpers (relive_inspector)."""

import sys
import types

import relive_inspector as inspector

# What a global is; the panel hides the last three (and __dunder__ names)
# unless asked, so the user's data stands out.
DATA, MODULE, FUNCTION, CLASS = range(4)

_FUNCTIONS = (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
              types.BuiltinMethodType, types.MethodWrapperType, types.WrapperDescriptorType,
              types.MethodDescriptorType, types.ClassMethodDescriptorType)


def _kind_of_type(klass):
    if issubclass(klass, types.ModuleType):
        return MODULE
    if issubclass(klass, type):
        return CLASS
    if issubclass(klass, _FUNCTIONS) or klass.__name__ == 'cython_function_or_method':
        return FUNCTION
    return DATA


_CONTAINERS = inspector.SEQUENCES + inspector.SETS + (dict,)
_TEXTS = (str, bytes, bytearray)
# How the size and the children of a value are found, by its type.
_SCALAR, _CONTAINER, _TEXT, _ARRAY, _OBJECT = range(5)


def _type_info(klass, namespaces):
    """(type name, kind, live class or None, how, slot count) of a type; the
    same for all its values, so a listing asks once per type."""
    kind = _kind_of_type(klass)
    module = getattr(klass, '__module__', None)
    name = klass.__qualname__ if module in ('builtins', None) else '%s.%s' % (module, klass.__qualname__)
    live = None
    if kind == DATA and isinstance(module, str):
        for ns in namespaces:
            if module == ns or module.startswith(ns + '.'):
                live = name
                break
    if klass in inspector.SCALARS:
        how = _SCALAR
    elif issubclass(klass, _TEXTS):
        how = _TEXT
    elif issubclass(klass, _CONTAINERS):
        how = _CONTAINER
    elif str(module).partition('.')[0] in ('numpy', 'pandas'):
        how = _ARRAY
    else:
        how = _OBJECT
    slots = 0
    if how == _OBJECT and kind == DATA:
        for base in klass.__mro__:
            declared = base.__dict__.get('__slots__', ())
            slots += 1 if isinstance(declared, str) else len([n for n in declared
                                                              if n not in ('__dict__', '__weakref__')])
    return name, kind, live, how, slots


def _size_and_count(value, how, slots, kind):
    """Spyder's "Size" (the length of a container or a text, the shape of an
    array; empty where it means nothing) and how many children a row has."""
    if kind != DATA:
        # The attributes of modules, classes and functions are many and
        # rarely what a user looks for; the Inspector opens them.
        return '', 0
    if how == _SCALAR:
        return (str(len(value)) if isinstance(value, (str, bytes)) else ''), 0
    if how == _TEXT:
        return str(len(value)), 0
    if how == _CONTAINER:
        n = len(value)
        return str(n), n
    if how == _ARRAY:
        shape = getattr(value, 'shape', None)
        size = ('\u00d7'.join(str(n) for n in shape) if shape else '1') if isinstance(shape, tuple) else ''
        return size, 0
    d = getattr(value, '__dict__', None)
    return '', (len(d) if type(d) is dict else 0) + slots


def describe(value, namespaces):
    """(type name, size, child count, kind, live class) of one value."""
    name, kind, live, how, slots = _type_info(type(value), namespaces)
    size, count = _size_and_count(value, how, slots, kind)
    return name, size, count, kind, live


def current_namespaces():
    import relive
    return tuple(relive.namespaces())


def list_globals(namespaces):
    """__main__'s globals sorted by name (case-insensitively): the lists
    (names, values, type names, sizes, child counts, kinds, live classes).
    Type-wide facts are worked out once per type: ten thousand globals of a
    few types cost one pass."""
    main = sys.modules['__main__'].__dict__
    names = [k for k in list(main) if type(k) is str]
    names.sort()
    names.sort(key=str.lower)
    get = main.get
    values = [get(k) for k in names]
    infos = {}
    type_names, sizes, counts, kinds, lives = [], [], [], [], []
    for value in values:
        klass = type(value)
        info = infos.get(klass)
        if info is None:
            info = infos[klass] = _type_info(klass, namespaces)
        name, kind, live, how, slots = info
        size, count = _size_and_count(value, how, slots, kind)
        type_names.append(name)
        sizes.append(size)
        counts.append(count)
        kinds.append(kind)
        lives.append(live)
    return names, values, type_names, sizes, counts, kinds, lives


def evaluate(expression, target):
    """The new value of an edit of `target` (its name, for messages): an
    expression evaluated in __main__'s namespace, as the console sees it."""
    code = compile(expression, '<new value of %s>' % target, 'eval')
    return eval(code, sys.modules['__main__'].__dict__)


def set_global(name, expression):
    """Evaluates `expression` in __main__ and binds `name` there to it;
    returns the new value. Nothing is bound if it raises."""
    value = evaluate(expression, name)
    sys.modules['__main__'].__dict__[name] = value
    return value
