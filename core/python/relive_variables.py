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


def kind_of(value):
    if isinstance(value, types.ModuleType):
        return MODULE
    if isinstance(value, type):
        return CLASS
    if isinstance(value, _FUNCTIONS) or type(value).__name__ == 'cython_function_or_method':
        return FUNCTION
    return DATA


def size_of(value):
    """Spyder's "Size": the length of a container or a text, the shape of an
    array; empty where it means nothing. Only built-in lengths and an
    array's own shape are asked, so no user code runs."""
    klass = type(value)
    if klass in (str, bytes, bytearray) or inspector.is_container(value) and klass.__module__ == 'builtins':
        return str(len(value))
    if klass.__module__.partition('.')[0] in ('numpy', 'pandas'):
        shape = getattr(value, 'shape', None)
        if isinstance(shape, tuple):
            return '\u00d7'.join(str(n) for n in shape) if shape else '1'
    return ''


def live_class(value, namespaces):
    """The qualified name of the value's class when that class comes from a
    namespace (its code is the file's as last saved), else None."""
    klass = type(value)
    if isinstance(value, (type, types.ModuleType, types.FunctionType)):
        return None
    module = klass.__dict__.get('__module__')
    if not isinstance(module, str):
        return None
    for name in namespaces:
        if module == name or module.startswith(name + '.'):
            return '%s.%s' % (module, klass.__qualname__)
    return None


def describe(value, namespaces):
    """(type name, size, child count, kind, live class) of one value."""
    kind = kind_of(value)
    count = 0 if kind != DATA else inspector.child_count(value)
    if kind == CLASS or kind == MODULE:
        # Their attributes are many and rarely what a user looks for; the
        # Inspector opens them when wanted.
        count = 0
    return (inspector.type_name(value), size_of(value), count, kind, live_class(value, namespaces))


def current_namespaces():
    import relive
    return tuple(relive.namespaces())


def list_globals(namespaces):
    """(names, values, descriptions) of __main__'s globals, sorted by name
    (case-insensitively)."""
    main = sys.modules['__main__'].__dict__
    items = sorted(((k, v) for k, v in list(main.items()) if isinstance(k, str)),
                   key=lambda kv: (kv[0].lower(), kv[0]))
    names = [k for k, _ in items]
    values = [v for _, v in items]
    return names, values, [describe(v, namespaces) for v in values]


def set_global(name, expression):
    """Evaluates `expression` in __main__ and binds `name` there to it;
    returns the new value. Nothing is bound if it raises."""
    value = inspector.evaluate(expression)
    sys.modules['__main__'].__dict__[name] = value
    return value
