"""Randomised differential test of Relive's reload.

From a seed: generate a small package (2-4 files in 1-2 directories: classes
inheriting across files, decorators, properties, classmethods, closures,
dataclasses, Enums, nested classes, module state), import it through Relive,
keep references to its objects (instances, bound methods, functions, classes,
Enum members, module state), then apply a random sequence of edits, saving
and reloading after each step (relive.reload, in the order a user would save).

After every step, each surviving object must behave exactly as the same
object of a fresh import of the current sources (a plain package copy imported
by Python's own import system, not by Relive), identities must be kept,
untouched module state must keep its value, and a reload that failed (syntax
error, raising module body) must have changed nothing.

The model below is the truth: source is rendered from it, edits change it,
and probes are computed from it, for the live and the fresh objects alike.
"""

import copy
import dataclasses
import difflib
import importlib
import inspect
import os
import pickle
import random
import shutil
import sys
import traceback

import relive


class FuzzFailure(Exception):
    pass


# ---------------------------------------------------------------------------
# The model


@dataclasses.dataclass
class Method:
    name: str
    kind: str  # method, classmethod, staticmethod, property
    k: int
    deco: str = ''  # '', traced, lru
    calls_super: bool = False


@dataclasses.dataclass
class Klass:
    name: str
    kind: str  # plain, dataclass, enum
    base: str = ''  # a plain class of the package, or ''
    methods: list = dataclasses.field(default_factory=list)
    attrs: dict = dataclasses.field(default_factory=dict)
    fields: dict = dataclasses.field(default_factory=dict)  # dataclass: name -> default
    members: dict = dataclasses.field(default_factory=dict)  # enum: name -> value
    inner: int = -1  # plain: nested class Inner whose get() returns K + inner; -1: none


@dataclasses.dataclass
class Func:
    name: str
    k: int
    default: int
    deco: str = ''


@dataclasses.dataclass
class File:
    path: str  # relative, 'a.py' or 'sub/c.py'
    label: int  # K
    deco_k: int  # what traced adds
    items: list = dataclasses.field(default_factory=list)  # Klass / Func / int (a padding statement)
    blank: int = 2  # blank lines between definitions
    broken: str = ''  # '', syntax, raises


class Model:
    def __init__(self, rng):
        self.rng = rng
        self.counter = 0
        layouts = [['a.py', 'b.py'], ['a.py', 'sub/c.py'], ['a.py', 'b.py', 'sub/c.py'],
                   ['a.py', 'sub/c.py', 'sub/d.py'], ['a.py', 'b.py', 'sub/c.py', 'sub/d.py']]
        self.files = [File(p, rng.randint(1, 9) * 100, rng.randint(1, 9)) for p in rng.choice(layouts)]

    def fresh_name(self, prefix):
        self.counter += 1
        return '%s%d' % (prefix, self.counter)

    # -- queries
    def classes(self):
        return [(f, c) for f in self.files for c in f.items if isinstance(c, Klass)]

    def functions(self):
        return [(f, fn) for f in self.files for fn in f.items if isinstance(fn, Func)]

    def find_class(self, name):
        for f, c in self.classes():
            if c.name == name:
                return f, c
        return None, None

    def file_index(self, f):
        return self.files.index(f)

    def subclasses(self, name):
        return [c for _, c in self.classes() if c.base == name]

    def descendants(self, name):
        out, todo = set(), [name]
        while todo:
            n = todo.pop()
            for c in self.subclasses(n):
                if c.name not in out:
                    out.add(c.name)
                    todo.append(c.name)
        return out

    def mro(self, cls):
        chain = [cls]
        while chain[-1].base:
            chain.append(self.find_class(chain[-1].base)[1])
        return chain

    def method_names(self, cls):
        """Methods an instance of cls has, nearest definition first."""
        seen = {}
        for c in self.mro(cls):
            for m in c.methods:
                seen.setdefault(m.name, m)
        return seen

    def possible_bases(self, f, cls):
        """Plain classes cls may derive from where it is: earlier in its file or in an earlier file."""
        out = []
        index = self.file_index(f)
        banned = self.descendants(cls.name) | {cls.name}
        for g in self.files[:index + 1]:
            for c in g.items:
                if not isinstance(c, Klass) or c.kind != 'plain' or c.name in banned:
                    continue
                if g is f and f.items.index(c) > f.items.index(cls):
                    continue
                out.append(c.name)
        return out

    def sort_classes(self, f):
        """A stable order in which every base in this file comes before its subclasses."""
        placed, out = set(), []
        pending = list(f.items)
        local = {c.name for c in f.items if isinstance(c, Klass)}
        while pending:
            for i, item in enumerate(pending):
                if not isinstance(item, Klass) or item.base not in local or item.base in placed:
                    out.append(item)
                    if isinstance(item, Klass):
                        placed.add(item.name)
                    del pending[i]
                    break
            else:
                raise FuzzFailure('generator: cyclic bases in %s' % f.path)
        f.items = out

    # -- rendering
    def module_of(self, f):
        return f.path[:-3].replace('/', '.')

    def relative(self, src, dst):
        """`from X import` text for file dst, imported from file src."""
        src_dir = os.path.dirname(src.path)
        dst_dir = os.path.dirname(dst.path)
        stem = os.path.basename(dst.path)[:-3]
        if src_dir == dst_dir:
            return '.' + stem
        if src_dir == '':
            return '.' + dst_dir + '.' + stem
        return '..' + (dst_dir + '.' if dst_dir else '') + stem

    def render(self, f):
        out = ['import functools', 'from dataclasses import dataclass', 'from enum import Enum']
        needed = {}
        for c in f.items:
            if isinstance(c, Klass) and c.base:
                g, _ = self.find_class(c.base)
                if g is not f:
                    needed.setdefault(self.relative(f, g), []).append(c.base)
        for source in sorted(needed):
            out.append('from %s import %s' % (source, ', '.join(sorted(set(needed[source])))))
        gap = [''] * f.blank
        out += [''] * f.blank
        out.append('K = %d' % f.label)
        out.append("STATE = {'hits': 0}")
        out += gap
        out += ['def hit():', "    STATE['hits'] += 1", "    return STATE['hits']"]
        out += gap
        out += ['def traced(fn):', '    @functools.wraps(fn)', '    def wrapper(*args, **kwargs):',
                '        return fn(*args, **kwargs) + %d' % f.deco_k, '    return wrapper']
        for item in f.items:
            out += gap
            if isinstance(item, int):
                out.append('PAD%d = %d' % (item, item))
            elif isinstance(item, Func):
                out += self.render_function(item)
            else:
                out += self.render_class(item)
        out += gap
        handlers = [fn.name for fn in f.items if isinstance(fn, Func)]
        out.append('HANDLERS = [%s]' % ', '.join(handlers))
        if f.broken == 'syntax':
            out.append('def broken(:')
        elif f.broken == 'raises':
            out.append("raise RuntimeError('boom in %s')" % f.path)
        return '\n'.join(out) + '\n'

    @staticmethod
    def decorator(deco, indent):
        if deco == 'traced':
            return [indent + '@traced']
        if deco == 'lru':
            return [indent + '@functools.lru_cache(maxsize=None)']
        return []

    def render_function(self, fn):
        return self.decorator(fn.deco, '') + [
            'def %s(x, d=%d):' % (fn.name, fn.default),
            '    return x * %d + d + K' % fn.k]

    def render_class(self, c):
        lines = []
        if c.kind == 'dataclass':
            lines.append('@dataclass')
        base = 'Enum' if c.kind == 'enum' else c.base
        lines.append('class %s%s:' % (c.name, '(%s)' % base if base else ''))
        body = []
        for name, value in c.members.items():
            body.append('    %s = %d' % (name, value))
        if c.kind == 'dataclass':
            body.append('    v: int = 0')
            for name, value in c.fields.items():
                body.append('    %s: int = %d' % (name, value))
        for name, value in c.attrs.items():
            body.append('    %s = %d' % (name, value))
        if c.inner >= 0:
            body += ['', '    class Inner:', '        def get(self):', '            return K + %d' % c.inner]
        if c.kind == 'plain' and not c.base:
            body += ['', '    def __init__(self, v):', '        self.v = v']
        value = 'self.value' if c.kind == 'enum' else 'self.v'
        for m in c.methods:
            body.append('')
            body += self.decorator(m.deco, '    ')
            parent = ' + super().%s(x)' % m.name if m.calls_super else ''
            if m.kind == 'method':
                body += ['    def %s(self, x):' % m.name,
                         '        return x * %d + %s + K%s' % (m.k, value, parent)]
            elif m.kind == 'property':
                body += ['    @property', '    def %s(self):' % m.name,
                         '        return %s * %d + K' % (value, m.k)]
            elif m.kind == 'classmethod':
                body += ['    @classmethod', '    def %s(cls, x):' % m.name,
                         '        return x * %d + len(cls.__name__) + K' % m.k]
            else:
                body += ['    @staticmethod', '    def %s(x):' % m.name, '        return x * %d + K' % m.k]
        if not body:
            body = ['    pass']
        return lines + body

    # -- generation
    def new_method(self, cls, kind=None):
        if kind is None:
            kind = self.rng.choice(['method', 'method', 'method', 'property', 'classmethod', 'staticmethod'])
        deco = ''
        if kind == 'method':
            deco = self.rng.choice(['', '', 'traced', 'lru'] if cls.kind != 'dataclass' else ['', '', 'traced'])
        return Method(self.fresh_name('m'), kind, self.rng.randint(1, 9), deco)

    def new_class(self, f, kind=None, base=''):
        kind = kind or self.rng.choice(['plain', 'plain', 'plain', 'dataclass', 'enum'])
        c = Klass(self.fresh_name('C'), kind, base if kind == 'plain' else '')
        if kind == 'enum':
            c.members = {self.fresh_name('M'): 1, self.fresh_name('M'): 2}
        if kind == 'plain' and self.rng.random() < 0.4:
            c.inner = self.rng.randint(0, 9)
        for _ in range(self.rng.randint(1, 3)):
            c.methods.append(self.new_method(c))
        if kind != 'enum' and self.rng.random() < 0.5:
            c.attrs[self.fresh_name('A')] = self.rng.randint(0, 50)
        return c

    def generate(self):
        for index, f in enumerate(self.files):
            for _ in range(self.rng.randint(1, 3)):
                f.items.append(Func(self.fresh_name('f'), self.rng.randint(1, 9), self.rng.randint(0, 9),
                                    self.rng.choice(['', '', 'traced', 'lru'])))
            for _ in range(self.rng.randint(1, 3)):
                bases = [c.name for g in self.files[:index + 1] for c in g.items
                         if isinstance(c, Klass) and c.kind == 'plain']
                base = self.rng.choice(bases) if bases and self.rng.random() < 0.6 else ''
                c = self.new_class(f, base=base)
                if c.base:
                    self.add_overrides(c)
                f.items.append(c)

    def add_overrides(self, c):
        """Some methods of a subclass override its base's, calling super()."""
        inherited = [m for m in self.method_names(self.find_class(c.base)[1]).values() if m.kind == 'method']
        for m in inherited[:1]:
            if self.rng.random() < 0.7:
                # Not lru_cache: its results would outlive an edit of the base.
                c.methods.append(Method(m.name, 'method', self.rng.randint(1, 9),
                                        self.rng.choice(['', 'traced']), True))

    def sources(self):
        return {f.path: self.render(f) for f in self.files}


# ---------------------------------------------------------------------------
# Edits: each changes the model; returns a description, or None when it does
# not apply to this model (another is drawn).


def pick(rng, seq):
    seq = list(seq)
    return rng.choice(seq) if seq else None


def edit_method_body(m, rng):
    f, c = pick(rng, [(f, c) for f, c in m.classes() if c.methods]) or (None, None)
    if not c:
        return None
    meth = rng.choice(c.methods)
    meth.k = rng.randint(10, 99) if meth.k < 10 else rng.randint(1, 9)
    return 'edit the body of %s.%s in %s' % (c.name, meth.name, f.path)


def edit_function_body(m, rng):
    f, fn = pick(rng, m.functions()) or (None, None)
    if not fn:
        return None
    fn.k += rng.randint(1, 5)
    return 'edit the body of %s in %s' % (fn.name, f.path)


def change_default(m, rng):
    f, fn = pick(rng, m.functions()) or (None, None)
    if not fn:
        return None
    fn.default += rng.randint(1, 5)
    return 'change the default of %s in %s' % (fn.name, f.path)


def add_method(m, rng):
    f, c = pick(rng, m.classes()) or (None, None)
    if not c:
        return None
    meth = m.new_method(c)
    c.methods.insert(rng.randint(0, len(c.methods)), meth)
    return 'add %s %s.%s (%s) in %s' % (meth.kind, c.name, meth.name, meth.deco or 'undecorated', f.path)


def remove_method(m, rng):
    f, c = pick(rng, [(f, c) for f, c in m.classes() if len(c.methods) > 1]) or (None, None)
    if not c:
        return None
    meth = rng.choice(c.methods)
    c.methods.remove(meth)
    return 'remove %s.%s from %s' % (c.name, meth.name, f.path)


def toggle_decorator(m, rng):
    choices = [(f, c, meth) for f, c in m.classes() for meth in c.methods if meth.kind == 'method']
    choices += [(f, None, fn) for f, fn in m.functions()]
    f, c, target = pick(rng, choices) or (None, None, None)
    if not target:
        return None
    if target.deco == 'lru':
        return None  # a function turned into an lru_cache wrapper is a new object (see docs)
    before = target.deco or 'no decorator'
    target.deco = 'traced' if target.deco == '' else ''
    return '%s: %s -> %s in %s' % ((c.name + '.' if c else '') + target.name, before,
                                   target.deco or 'no decorator', f.path)


def edit_decorator(m, rng):
    f = rng.choice(m.files)
    f.deco_k += 1
    return 'edit the decorator traced in %s' % f.path


def class_attribute(m, rng):
    f, c = pick(rng, [(f, c) for f, c in m.classes() if c.kind != 'enum']) or (None, None)
    if not c:
        return None
    if c.attrs and rng.random() < 0.5:
        name = rng.choice(list(c.attrs))
        if rng.random() < 0.5:
            del c.attrs[name]
            return 'remove the attribute %s.%s in %s' % (c.name, name, f.path)
        c.attrs[name] += 1
        return 'change the attribute %s.%s in %s' % (c.name, name, f.path)
    name = m.fresh_name('A')
    c.attrs[name] = rng.randint(0, 50)
    return 'add the attribute %s.%s in %s' % (c.name, name, f.path)


def dataclass_field(m, rng):
    f, c = pick(rng, [(f, c) for f, c in m.classes() if c.kind == 'dataclass']) or (None, None)
    if not c:
        return None
    name = m.fresh_name('w')
    c.fields[name] = rng.randint(0, 9)
    return 'add the field %s.%s in %s' % (c.name, name, f.path)


def enum_member(m, rng):
    f, c = pick(rng, [(f, c) for f, c in m.classes() if c.kind == 'enum']) or (None, None)
    if not c:
        return None
    name = m.fresh_name('M')
    c.members[name] = max(c.members.values()) + 1
    return 'add the member %s.%s in %s' % (c.name, name, f.path)


def nested_class(m, rng):
    f, c = pick(rng, [(f, c) for f, c in m.classes() if c.kind == 'plain']) or (None, None)
    if not c:
        return None
    c.inner = rng.randint(0, 9) if c.inner < 0 or rng.random() < 0.8 else -1
    return 'edit the nested class %s.Inner in %s' % (c.name, f.path)


def rename_function(m, rng):
    f, fn = pick(rng, m.functions()) or (None, None)
    if not fn:
        return None
    old = fn.name
    fn.name = m.fresh_name('f')
    return 'rename %s to %s in %s' % (old, fn.name, f.path)


def add_function(m, rng):
    f = rng.choice(m.files)
    fn = Func(m.fresh_name('f'), rng.randint(1, 9), rng.randint(0, 9), rng.choice(['', 'traced', 'lru']))
    f.items.insert(rng.randint(0, len(f.items)), fn)
    return 'add the function %s to %s' % (fn.name, f.path)


def add_class(m, rng):
    """A new class, often deriving from one edited in the same save."""
    f = rng.choice(m.files)
    index = m.file_index(f)
    bases = [(g, c) for g in m.files[:index + 1] for c in g.items if isinstance(c, Klass) and c.kind == 'plain']
    c = m.new_class(f)
    extra = ''
    if c.kind == 'plain' and bases and rng.random() < 0.7:
        g, base = rng.choice(bases)
        c.base = base.name
        if base.methods and rng.random() < 0.6:
            meth = rng.choice(base.methods)
            meth.k = meth.k + 1
            extra = ' and edit %s.%s in %s' % (base.name, meth.name, g.path)
        m.add_overrides(c)
    f.items.append(c)
    m.sort_classes(f)
    return 'add the class %s(%s) to %s%s' % (c.name, c.base, f.path, extra)


def remove_class(m, rng):
    f, c = pick(rng, [(f, c) for f, c in m.classes() if not m.subclasses(c.name)]) or (None, None)
    if not c:
        return None
    f.items.remove(c)
    return 'remove the class %s from %s' % (c.name, f.path)


def change_base(m, rng):
    f, c = pick(rng, [(f, c) for f, c in m.classes() if c.kind == 'plain' and c.base]) or (None, None)
    if not c:
        return None
    options = [b for b in m.possible_bases(f, c) if b != c.base]
    if not options:
        return None
    old = c.base
    c.base = rng.choice(options)
    # super() calls must keep finding the method somewhere above.
    available = m.method_names(m.find_class(c.base)[1])
    for meth in c.methods:
        if meth.calls_super and meth.name not in available:
            meth.calls_super = False
    return 'change the base of %s from %s to %s in %s' % (c.name, old, c.base, f.path)


def reorder(m, rng):
    f = rng.choice(m.files)
    choice = rng.random()
    if choice < 0.4:
        pad = m.counter = m.counter + 1
        f.items.insert(rng.randint(0, len(f.items)), pad)
        return 'insert a statement (PAD%d) in %s' % (pad, f.path)
    if choice < 0.6:
        pads = [i for i in f.items if isinstance(i, int)]
        if pads:
            f.items.remove(rng.choice(pads))
            return 'delete a statement in %s' % f.path
    if choice < 0.8:
        f.blank = rng.choice([1, 2, 3, 4])
        return 'change the blank lines between definitions in %s (%d)' % (f.path, f.blank)
    rng.shuffle(f.items)
    m.sort_classes(f)
    return 'reorder the definitions of %s' % f.path


def move_class(m, rng):
    """Cut a plain class from its file and paste it into another."""
    choices = []
    for f, c in m.classes():
        if c.kind != 'plain':
            continue
        lowest = m.file_index(m.find_class(c.base)[0]) if c.base else 0
        subs = [m.file_index(m.find_class(s)[0]) for s in m.descendants(c.name)]
        for j, g in enumerate(m.files):
            if g is not f and j >= lowest and all(j <= s for s in subs):
                choices.append((f, c, g))
    if not choices:
        return None
    f, c, g = rng.choice(choices)
    f.items.remove(c)
    g.items.insert(rng.randint(0, len(g.items)), c)
    m.sort_classes(g)
    return 'move the class %s from %s to %s' % (c.name, f.path, g.path)


EDITS = [(edit_method_body, 6), (edit_function_body, 4), (change_default, 2), (add_method, 3),
         (remove_method, 2), (toggle_decorator, 3), (edit_decorator, 1), (class_attribute, 2),
         (dataclass_field, 1), (enum_member, 1), (nested_class, 1), (rename_function, 1),
         (add_function, 1), (add_class, 2), (remove_class, 1), (change_base, 2), (reorder, 3),
         (move_class, 2)]


# ---------------------------------------------------------------------------
# Probes: what the objects of a namespace do, computed from the model


def outcome(call):
    try:
        value = call()
    except Exception as e:  # compared by type: both sides must raise alike
        return 'raises ' + type(e).__name__
    if isinstance(value, (int, str, bool, tuple, list)) or value is None:
        return value
    return repr(value)


def unwrap_code(fn):
    return inspect.unwrap(fn).__code__.co_firstlineno


class Side:
    """The objects of one import of the package: the live one or a fresh copy."""

    def __init__(self, model, modules, held):
        self.model = model
        self.modules = modules  # file path -> module
        self.held = held  # references kept since they were made (live), or made now (fresh)

    def cls(self, name):
        f, _ = self.model.find_class(name)
        return getattr(self.modules[f.path], name)


def make_instance(cls, c):
    if c.kind == 'enum':
        return list(cls)[0]
    return cls(5) if c.kind == 'plain' or c.base else cls(v=5)


def probe(side, model):
    """Everything the current model says can be asked of the objects."""
    out = {}
    for f, c in model.classes():
        cls = side.cls(c.name)
        inst = side.held['instances'].get(c.name)
        if inst is None:
            inst = make_instance(cls, c)
        p = c.name + '.'
        out[p + 'mro'] = [k.__name__ for k in cls.__mro__]
        out[p + 'module'] = cls.__module__.split('.', 1)[1]
        for _, other in model.classes():
            out[p + 'issubclass ' + other.name] = issubclass(cls, side.cls(other.name))
        out[p + 'isinstance'] = isinstance(inst, cls)
        for name, meth in model.method_names(c).items():
            q = p + name
            if meth.kind == 'property':
                out[q] = outcome(lambda: getattr(inst, name))
            elif meth.kind == 'classmethod':
                out[q] = outcome(lambda: getattr(cls, name)(3))
                out[q + ' via instance'] = outcome(lambda: getattr(inst, name)(3))
            elif meth.kind == 'staticmethod':
                out[q] = outcome(lambda: getattr(cls, name)(3))
            else:
                out[q] = outcome(lambda: getattr(inst, name)(3))
                bound = side.held['bound'].get((c.name, name))
                if bound is not None and any(m.name == name for m in c.methods):
                    out[q + ' stored bound method'] = outcome(lambda: bound(3))
        for meth in c.methods:
            raw = cls.__dict__.get(meth.name)
            fn = raw.fget if isinstance(raw, property) else getattr(raw, '__func__', raw)
            out[p + meth.name + ' line'] = outcome(lambda: unwrap_code(fn))
            out[p + meth.name + ' wrapper line'] = outcome(lambda: fn.__code__.co_firstlineno)
            out[p + meth.name + ' signature'] = outcome(lambda: str(inspect.signature(fn)))
        for name in c.attrs:
            out[p + name] = outcome(lambda: getattr(inst, name))
        if c.inner >= 0:
            out[p + 'Inner'] = outcome(lambda: cls.Inner().get())
            out[p + 'Inner module'] = cls.Inner.__module__.split('.', 1)[1]
            out[p + 'Inner line'] = outcome(lambda: cls.Inner.get.__code__.co_firstlineno)
            out[p + 'Inner pickled'] = outcome(lambda: pickle.loads(pickle.dumps(cls.Inner())).get())
        if c.kind == 'dataclass':
            out[p + 'fields'] = [fl.name for fl in dataclasses.fields(cls)]
            out[p + 'repr'] = repr(inst).split('(', 1)[1]
            out[p + 'eq'] = outcome(lambda: inst == cls(v=5))
        if c.kind == 'enum':
            out[p + 'members'] = [(e.name, e.value) for e in cls]
            out[p + 'by value'] = outcome(lambda: cls(1) is inst)
        if c.kind != 'enum':
            def pickled():
                back = pickle.loads(pickle.dumps(inst))
                return type(back) is cls and getattr(back, 'v', None)
            out[p + 'pickled'] = outcome(pickled)
    for f, fn in model.functions():
        obj = getattr(side.modules[f.path], fn.name)
        p = fn.name + '.'
        out[p + 'call'] = outcome(lambda: obj(3))
        out[p + 'call d'] = outcome(lambda: obj(3, 1))
        out[p + 'signature'] = outcome(lambda: str(inspect.signature(obj)))
        out[p + 'unwrapped'] = outcome(lambda: inspect.unwrap(obj)(3))
        out[p + 'wrapped'] = hasattr(obj, '__wrapped__')
        out[p + 'line'] = outcome(lambda: unwrap_code(obj))
        out[p + 'wrapper line'] = outcome(lambda: getattr(obj, '__code__', None) and obj.__code__.co_firstlineno)
        out[p + 'name'] = obj.__name__
        held = side.held['functions'].get(fn.name)
        if held is not None:
            out[p + 'stored'] = outcome(lambda: held(3))
    for f in model.files:
        out[f.path + ' HANDLERS'] = [outcome(lambda: h(2)) for h in side.modules[f.path].HANDLERS]
    return out


# ---------------------------------------------------------------------------
# Running a seed


class Run:
    def __init__(self, seed, work, steps=None):
        self.seed = seed
        self.rng = random.Random(seed)
        self.model = Model(self.rng)
        self.model.generate()
        self.steps = steps if steps is not None else self.rng.randint(10, 30)
        self.ns = 'fuzz_%d_%s' % (seed, os.urandom(3).hex())
        self.work = work
        self.root = os.path.join(work, self.ns)
        self.held = {'instances': {}, 'bound': {}, 'functions': {}, 'classes': {}, 'members': {}}
        self.state = {}  # file -> (STATE dict, hits)
        self.log = []
        self.fresh_count = 0

    def path(self, rel):
        return os.path.join(self.root, rel)

    def write(self, sources, only=None):
        for rel, text in sources.items():
            if only is not None and rel not in only:
                continue
            os.makedirs(os.path.dirname(self.path(rel)), exist_ok=True)
            with open(self.path(rel), 'w', encoding='utf-8') as f:
                f.write(text)

    def live_modules(self):
        return {f.path: sys.modules[self.ns + '.' + self.model.module_of(f)] for f in self.model.files}

    def fresh_modules(self, sources):
        """The current sources imported by Python itself, as a plain package."""
        self.fresh_count += 1
        name = '%s_fresh%d' % (self.ns, self.fresh_count)
        base = os.path.join(self.work, 'fresh')
        root = os.path.join(base, name)
        for rel, text in sources.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), 'w', encoding='utf-8') as f:
                f.write(text)
        for directory in {os.path.dirname(rel) for rel in sources} | {''}:
            open(os.path.join(root, directory, '__init__.py'), 'w').close()
        sys.path.insert(0, base)
        try:
            importlib.invalidate_caches()
            return {f.path: importlib.import_module(name + '.' + self.model.module_of(f)) for f in self.model.files}
        finally:
            sys.path.remove(base)

    def forget_fresh(self):
        for key in [k for k in sys.modules if k.startswith(self.ns + '_fresh')]:
            del sys.modules[key]

    def hold(self, modules):
        """Keeps references to what exists now and was not held yet."""
        side = Side(self.model, modules, self.held)
        for f, c in self.model.classes():
            cls = side.cls(c.name)
            self.held['classes'].setdefault(c.name, cls)
            if c.name not in self.held['instances']:
                self.held['instances'][c.name] = make_instance(cls, c)
            inst = self.held['instances'][c.name]
            for meth in c.methods:
                if meth.kind == 'method' and (c.name, meth.name) not in self.held['bound']:
                    self.held['bound'][(c.name, meth.name)] = getattr(inst, meth.name)
        for f, fn in self.model.functions():
            self.held['functions'].setdefault(fn.name, getattr(modules[f.path], fn.name))

    def check_identity(self, modules):
        side = Side(self.model, modules, self.held)
        problems = []
        for f, c in self.model.classes():
            cls = side.cls(c.name)
            if self.held['classes'].get(c.name) is not cls:
                problems.append('%s is not the class object that existed' % c.name)
            facade = sys.modules[(self.ns + '.' + os.path.dirname(f.path).replace('/', '.')).rstrip('.')]
            if getattr(facade, c.name, None) is not cls:
                problems.append('the namespace does not show %s of %s' % (c.name, f.path))
            inst = self.held['instances'].get(c.name)
            if not isinstance(inst, cls):
                problems.append('an instance of %s made earlier is not an instance of it' % c.name)
        for f, fn in self.model.functions():
            if self.held['functions'].get(fn.name) is not getattr(modules[f.path], fn.name):
                problems.append('%s is not the function object that existed' % fn.name)
        for f in self.model.files:
            state, hits = self.state[f.path]
            if modules[f.path].STATE is not state or state['hits'] != hits:
                problems.append('the module state of %s was replaced or reset' % f.path)
        return problems

    def fail(self, step, what, before, after, detail):
        lines = ['seed %d, step %d: %s' % (self.seed, step, what), detail, '', 'edits so far:']
        lines += ['  %d: %s' % (i, e) for i, e in enumerate(self.log)]
        for rel in sorted(set(before) | set(after)):
            if before.get(rel) != after.get(rel):
                lines.append('')
                lines.append('--- %s before step %d' % (rel, step))
                lines.append(before.get(rel, ''))
                lines.append('--- %s after step %d (diff)' % (rel, step))
                lines += difflib.unified_diff(before.get(rel, '').splitlines(), after.get(rel, '').splitlines(),
                                              lineterm='', n=2)
        lines.append('')
        lines.append('reproduce: scripts/fuzz --seed %d' % self.seed)
        raise FuzzFailure('\n'.join(lines))

    def reload(self, rels):
        reports = []
        for rel in rels:
            reports.append((rel, relive.reload(self.path(rel))))
        return reports

    def run(self):
        sources = self.model.sources()
        os.makedirs(self.root)
        self.write(sources)
        relive.add_directory(self.root, self.ns)
        for f in self.model.files:
            importlib.import_module(self.ns + '.' + self.model.module_of(f))
        live = self.live_modules()
        for f in self.model.files:
            live[f.path].hit()
            self.state[f.path] = (live[f.path].STATE, 1)
        self.hold(live)
        self.compare(0, 'import', sources, sources, live)
        good = sources
        disk = dict(sources)
        pending = None  # edits applied to a file whose save failed, fixed next step
        for step in range(1, self.steps + 1):
            before = dict(good)
            if pending:
                for f in self.model.files:
                    f.broken = ''
                what = 'fix ' + pending
                pending = None
            elif self.rng.random() < 0.12:
                f = self.rng.choice(self.model.files)
                f.broken = self.rng.choice(['syntax', 'raises'])
                extra = self.random_edit(only_file=f)
                what = ('a syntax error' if f.broken == 'syntax' else 'a raising module body') + \
                    ' in %s, with %s' % (f.path, extra)
                pending = what
            else:
                what = '; '.join(self.random_edit() for _ in range(self.rng.choice([1, 1, 1, 2, 3])))
            self.log.append(what)
            after = self.model.sources()
            changed = [rel for rel in after if after[rel] != disk.get(rel)]
            disk = dict(after)
            order = self.save_order(changed, before, after)
            broken = [f for f in self.model.files if f.broken]
            if broken:
                snapshot = {rel: dict(vars(mod)) for rel, mod in live.items()}
                expected = probe(Side(self.model_before, live, self.held), self.model_before)
                self.write(after)
                reports = self.reload(order)
                failed = [rel for rel, r in reports if r['error']]
                if failed != [broken[0].path]:
                    self.fail(step, what, before, after, 'expected only %s to fail, reports: %r'
                              % (broken[0].path, [(rel, r['error'], r['warnings']) for rel, r in reports]))
                for rel, mod in live.items():
                    now = vars(mod)
                    if rel == broken[0].path and (set(now) != set(snapshot[rel])
                                                  or any(now[k] is not v for k, v in snapshot[rel].items())):
                        self.fail(step, what, before, after, 'a failed reload changed the module %s' % rel)
                got = probe(Side(self.model_before, live, self.held), self.model_before)
                if got != expected:
                    self.fail(step, what, before, after, 'a failed reload changed behaviour:\n' +
                              self.differences(got, expected))
                # the model stays at the edit: it is what the fix applies
                continue
            self.write(after)
            reports = self.reload(order)
            for rel, report in reports:
                if report['error'] or report['warnings']:
                    self.fail(step, what, before, after, 'the reload of %s reported %s%s' % (
                        rel, report['error'] or report['warnings'], '\n' + (report['traceback'] or '')))
            good = after
            self.compare(step, what, before, after, live)
        self.forget_fresh()

    def random_edit(self, only_file=None):
        self.model_before = copy.deepcopy(self.model)
        self.model_before.rng = self.rng
        for _ in range(50):
            edit = self.rng.choices([e for e, _ in EDITS], [w for _, w in EDITS])[0]
            if only_file is not None and edit in (move_class, add_class, change_base):
                continue
            trial = copy.deepcopy(self.model)
            trial.rng = self.rng
            text = edit(trial, self.rng)
            if text is None:
                continue
            if only_file is not None:
                changed = [f.path for f, g in zip(self.model.files, trial.files) if self.model.render(f) != trial.render(g)]
                if changed and changed != [only_file.path]:
                    continue
                trial.files[self.model.files.index(only_file)].broken = only_file.broken
            self.model.files = trial.files
            self.model.counter = trial.counter
            return text
        return 'nothing'

    def save_order(self, changed, before, after):
        """Files in an order a user can save them in: a class that moved is
        pasted first or cut first (at random), and a file that imports from
        another is saved after it."""
        rng = self.rng
        order = sorted(changed)
        rng.shuffle(order)
        # dependencies: a file importing a name from another changed file comes later
        def deps(rel):
            f = next(f for f in self.model.files if f.path == rel)
            out = set()
            for c in f.items:
                if isinstance(c, Klass) and c.base:
                    g, _ = self.model.find_class(c.base)
                    if g is not f and g.path in changed:
                        out.add(g.path)
            return out
        result = []
        pending = list(order)
        while pending:
            for rel in pending:
                if deps(rel) <= set(result):
                    result.append(rel)
                    pending.remove(rel)
                    break
            else:
                result += pending
                break
        return result

    @staticmethod
    def differences(got, expected):
        lines = []
        for key in sorted(set(got) | set(expected)):
            if got.get(key, '<missing>') != expected.get(key, '<missing>'):
                lines.append('  %s: live %r, fresh %r' % (key, got.get(key, '<missing>'),
                                                         expected.get(key, '<missing>')))
        return '\n'.join(lines)

    def compare(self, step, what, before, after, live):
        try:
            fresh = self.fresh_modules(after)
        except Exception:
            self.fail(step, what, before, after, 'generator: the fresh import failed:\n' + traceback.format_exc())
        self.hold(live)
        problems = self.check_identity(live)
        if problems:
            self.fail(step, what, before, after, 'identity: ' + '; '.join(problems))
        fresh_held = {'instances': {}, 'bound': {}, 'functions': {}}
        got = probe(Side(self.model, live, self.held), self.model)
        expected = probe(Side(self.model, fresh, fresh_held), self.model)
        # A stored bound method of the fresh side is the method itself.
        for key in list(got):
            if key.endswith(' stored bound method'):
                expected[key] = expected[key[:-len(' stored bound method')]]
            if key.endswith('.stored'):
                expected[key] = expected[key[:-len('stored')] + 'call']
        if got != expected:
            self.fail(step, what, before, after, 'the live objects differ from a fresh import:\n' +
                      self.differences(got, expected))
        self.forget_fresh()


def run_seed(seed, work, steps=None):
    """Runs one seed; returns '' or the failure with its reproduction."""
    try:
        Run(seed, work, steps).run()
    except FuzzFailure as e:
        return str(e)
    except BaseException:
        return 'seed %d: the fuzzer itself raised:\n%s' % (seed, traceback.format_exc())
    return ''


def run_seeds(seeds, work, result_path):
    failures = []
    for seed in seeds:
        message = run_seed(seed, work)
        if message:
            failures.append(message)
    with open(result_path, 'w', encoding='utf-8') as f:
        f.write(('\n\n' + '=' * 70 + '\n').join(failures))
