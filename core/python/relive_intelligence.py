"""The editor's intelligence: jedi, taught Relive's namespaces.

Static tools cannot see a Relive namespace: `applib.services` is a directory
whose files' public names merge into one facade, and no file on sys.path is
called `applib`. Relive knows the mapping (core's Importer hands it over as
`index`, see set_index) and holds the running objects, so this module

- registers a jedi plugin that resolves every `applib...` import through the
  map: a directory namespace becomes a small module that imports each name
  from the file that defines it, so completion lists the merged names and
  go-to-definition follows them to the defining file and line;
- completes in Interpreter mode against the live module of a loaded file, with
  module-level variables taking their live values first, so attributes that
  exist only at run time complete too.

The checker (syntax errors, the namespace check and pyflakes) is
relive_checker. This module needs jedi: core's EditorIntelligence imports it
only when the interpreter has jedi.

Every public function takes plain values and returns plain tuples; core's
EditorIntelligence turns them into C++ value structs.
"""

import os
import sys
import sysconfig
import threading
from pathlib import Path

import jedi
from jedi import cache as _jedi_cache
from jedi.api import interpreter as _jedi_interpreter
from jedi.file_io import KnownContentFileIO
from jedi.inference.base_value import NO_VALUES, ValueSet
from jedi.inference.names import SubModuleName
from jedi.inference.value import ModuleValue
from jedi.plugins import plugin_manager
from parso import split_lines

# The namespace map, as core's Importer describes it:
#   roots: {"applib": "/abs/server"}
#   dirs:  {"applib.services": {"path": dir, "subs": [dotted...],
#            "files": {module: path}, "names": {name: (module, path, line)}}}
#   modules: {module: path} for every file module of every namespace
#   loaded: {path: module} for the files that run as modules now
_index = {"roots": {}, "dirs": {}, "modules": {}, "loaded": {}}
_FACADE_FILE = "__namespace__.py"  # never on disk: names the synthetic facade source

_READ_ONLY_PREFIXES = tuple(sorted({p for p in (
    sysconfig.get_paths().get("stdlib"), sysconfig.get_paths().get("platstdlib"),
    sysconfig.get_paths().get("purelib"), sysconfig.get_paths().get("platlib"),
    "/usr/lib/python3/dist-packages", sys.base_prefix + "/lib") if p}))


def set_index(index):
    global _index
    _index = index


# ------------------------------------------------------------------ jedi plugin

def _facade_source(dotted):
    """A directory namespace as Python source: each exported name imported
    from the file that defines it, each sub-namespace imported as a module."""
    info = _index["dirs"][dotted]
    lines = []
    for name, (module, _path, _line) in sorted(info["names"].items()):
        lines.append("from %s import %s" % (module, name))
    for sub in info["subs"]:
        lines.append("import %s as %s" % (sub, sub.rpartition(".")[2]))
    return "\n".join(lines) + "\n"


_facade_trees = {}  # facade path -> (source, parso's tree of it)


def _facade_tree(inference_state, code, path):
    """The facade's tree, parsed again only when its source changed: the
    root namespace of a large project imports hundreds of names, and every
    request (each with its own inference state) imports the root."""
    kept = _facade_trees.get(path)
    if kept is not None and kept[0] == code:
        try:
            # jedi reads a module's lines from parso's cache: reuse the tree
            # only while that cache still holds it.
            from parso.cache import parser_cache
            if parser_cache[inference_state.grammar._hashed][Path(path)].node is kept[1]:
                return kept[1]
        except (ImportError, AttributeError, KeyError):
            pass
    node = inference_state.parse(code=code, path=Path(path), cache=True, diff_cache=False)
    _facade_trees[path] = (code, node)
    return node


class _NamespaceValue(ModuleValue):
    """A directory namespace: its sub-modules are its sub-namespaces only (the
    file names are not part of the facade)."""

    def sub_modules_dict(self):
        info = _index["dirs"].get(".".join(self.string_names), {})
        context = self.as_context()
        return {sub.rpartition(".")[2]: SubModuleName(context, sub.rpartition(".")[2])
                for sub in info.get("subs", ())}

    def py__path__(self):
        info = _index["dirs"].get(".".join(self.string_names))
        return [info["path"]] if info else None


def _mapped_module(inference_state, import_names):
    dotted = ".".join(import_names)
    if dotted in _index["dirs"]:
        info = _index["dirs"][dotted]
        code = _facade_source(dotted)
        path = os.path.join(info["path"], _FACADE_FILE)
        file_io = KnownContentFileIO(path, code)
        node = _facade_tree(inference_state, code, path)
        return _NamespaceValue(inference_state, node, file_io=file_io, string_names=tuple(import_names),
                               code_lines=split_lines(code, keepends=True), is_package=True)
    path = _index["modules"].get(dotted)
    if path is not None:
        from jedi.file_io import FileIO
        from jedi.inference.imports import _load_python_module
        return _load_python_module(inference_state, FileIO(path), import_names=tuple(import_names),
                                   is_package=os.path.basename(path) == "__init__.py")
    return None


class _RelivePlugin:
    """jedi's plugin protocol: a module-like object whose attributes wrap
    jedi's own functions by name."""

    @staticmethod
    def import_module(callback):
        def wrapper(inference_state, import_names, parent_module_value, *args, **kwargs):
            if import_names and import_names[0] in _index["roots"]:
                cached = inference_state.module_cache.get(tuple(import_names))
                if cached is not None:
                    return cached
                module = _mapped_module(inference_state, import_names)
                values = ValueSet([module]) if module is not None else NO_VALUES
                inference_state.module_cache.add(tuple(import_names), values)
                return values
            return callback(inference_state, import_names, parent_module_value, *args, **kwargs)
        return wrapper


plugin_manager.register(_RelivePlugin)


# ------------------------------------------------- names of an edited buffer

class _IncrementalNames:
    """The names of a module kept per top-level statement across keystrokes.

    After each edit parso's diff parser reuses the unchanged part of the
    buffer's tree but forgets the module's used names, and jedi then walks all
    of a 5,000-line file again (about 200,000 nodes), tests every name for
    being a definition, and for each class or function it looks into tests
    every definition of the module for lying in it. Here each top-level
    statement keeps its names, their definitions and the scope around each
    for as long as the diff parser hands that very node back untouched: the
    parser rebuilds the children of every node it changes
    (`_NodesTreeNode.finish`), and a statement holding such a node, or one
    that is new, is walked again. A scope inside a top-level statement finds
    its names in that statement alone. The answers stay jedi's own: the same
    names in the same order. A parso or jedi without the internals this
    relies on gets jedi's own full walk.
    """

    LIMIT = 64  # modules followed at once, the least recently asked for leave first

    def __init__(self):
        self.modules = {}      # id(module) -> [module, {id(child): entry} or None, dirty ids]
        # Per thread, per running diff parse: the nodes it rebuilt (a program
        # may use jedi on a thread of its own).
        self.recording = threading.local()
        self.enabled = False   # installed
        self.wanted = True     # see keep_names

    def install(self):
        try:
            import inspect
            from parso.python import diff as parso_diff
            from parso.python import tree as parso_tree
            from jedi import parser_utils as jedi_parser_utils
            from jedi.inference import filters as jedi_filters
            from jedi.inference.value import instance as jedi_instance
            from jedi.inference.value import klass as jedi_klass
            diff_parser, nodes_tree_node = parso_diff.DiffParser, parso_diff._NodesTreeNode
            module_class, mapping_class = parso_tree.Module, parso_tree.UsedNamesMapping
            original_update, original_finish = diff_parser.update, nodes_tree_node.finish
            original_used_names = module_class.get_used_names
            original_definitions = jedi_filters._get_definition_names
            original_parent_scope = jedi_parser_utils.get_cached_parent_scope
            parent_scope = jedi_parser_utils.get_parent_scope
            used_names_filter, tree_filter = jedi_filters._AbstractUsedNamesFilter, jedi_filters.ParserTreeFilter
            original_values = used_names_filter.values
            # The filters whose every answer lies inside their scope: the
            # names defined right in it (jedi's reachability test), or the
            # `self.` attributes between its first and last line.
            scoped_filters = {tree_filter._filter, jedi_klass.ClassFilter._filter,
                              jedi_instance.SelfAttributeFilter._filter}
            reachable = tree_filter._is_name_reachable
            if (list(inspect.signature(original_definitions).parameters)
                    != ["parso_cache_node", "used_names", "name_key"]
                    or jedi_filters.get_cached_parent_scope is not original_parent_scope
                    or jedi_klass.get_cached_parent_scope is not original_parent_scope):
                return
        except (ImportError, AttributeError, TypeError, ValueError):
            return
        names = self

        class Mapping(mapping_class):
            """parso's read-only mapping, also answering jedi's question
            which of a name's occurrences define it."""

            def __init__(self, dct, owners, state):
                super().__init__(dct)
                self._relive_owners = owners
                self._relive_definitions = {}
                self._relive_state = state

            def relive_definitions(self, key):
                found = self._relive_definitions.get(key)
                if found is None:
                    found = []
                    for entry in self._relive_owners.get(key, ()):
                        found.extend(self.relive_definitions_in(key, entry))
                    found = self._relive_definitions[key] = tuple(found)
                return found

            def relive_definitions_in(self, key, entry):
                """The definitions of `key` in one top-level statement."""
                per_child = entry[2].get(key)
                if per_child is None:
                    per_child = entry[2][key] = tuple(
                        n for n in entry[1].get(key, ()) if n.is_definition(include_setitem=True))
                    leaves = self._relive_state[3]
                    for n in per_child:
                        leaves[id(n)] = (n, entry)
                return per_child

            def relive_entry_of(self, scope):
                """The kept top-level statement holding `scope`, or None for
                the module itself."""
                module = self._relive_state[0]
                node = scope
                while node is not None and node.parent is not module:
                    node = node.parent
                if node is None or scope is module:
                    return None
                entry = self._relive_state[1].get(id(node))
                return entry if entry is not None and entry[0] is node else None

            def relive_parent_scope(self, node):
                """The scope around a definition (or around the class or
                function it names), kept with its statement's names."""
                leaf = node
                if node.type in ("classdef", "funcdef"):
                    leaf = node.children[1]
                    if leaf.parent is not node:
                        return None
                elif node.type != "name":
                    return None
                state = self._relive_state
                known = state[3].get(id(leaf))
                if known is None or known[0] is not leaf:
                    return None
                entry = known[1]
                if state[1].get(id(entry[0])) is not entry:
                    return None  # the statement was walked again since
                scopes = entry[3]
                found = scopes.get(id(node))
                if found is None or found[0] is not node:
                    found = scopes[id(node)] = (node, parent_scope(node))
                return found[1]

        def update(parser, *args, **kwargs):
            rebuilt = []
            running = names.recording.__dict__.setdefault("stack", [])
            running.append(rebuilt)
            try:
                result = original_update(parser, *args, **kwargs)
            except BaseException:
                module = getattr(parser, "_module", None)
                names.modules.pop(id(module), None)
                raise
            finally:
                running.pop()
            names.note_rebuilt(result, rebuilt)
            return result

        def finish(node, *args, **kwargs):
            running = getattr(names.recording, "stack", None)
            if running:
                running[-1].append(node.tree_node)
            return original_finish(node, *args, **kwargs)

        def get_used_names(module):
            if module._used_names is None and names.wanted:
                names.follow(module)
                if names.follows(module):
                    module._used_names = names.compute(module, Mapping)
            return original_used_names(module)

        def definition_names(parso_cache_node, used_names, name_key):
            if isinstance(used_names, Mapping):
                return used_names.relive_definitions(name_key)
            return original_definitions(parso_cache_node, used_names, name_key)

        def values(used_filter):
            # What a scope inside a top-level statement defines is found in
            # that statement: test only its names, not the whole module's.
            used_names = used_filter._used_names
            if (isinstance(used_names, Mapping) and type(used_filter)._filter in scoped_filters
                    and type(used_filter)._is_name_reachable is reachable):
                entry = used_names.relive_entry_of(used_filter._parser_scope)
                if entry is not None:
                    own = entry[1]
                    return used_filter._convert_names(
                        name
                        for name_key in used_names if name_key in own
                        for name in used_filter._filter(used_names.relive_definitions_in(name_key, entry))
                    )
            return original_values(used_filter)

        def cached_parent_scope(parso_cache_node, node, include_flows=False):
            if parso_cache_node is not None and not include_flows:
                used_names = getattr(getattr(parso_cache_node, "node", None), "_used_names", None)
                if isinstance(used_names, Mapping):
                    found = used_names.relive_parent_scope(node)
                    if found is not None:
                        return found
            return original_parent_scope(parso_cache_node, node, include_flows)

        diff_parser.update = update
        nodes_tree_node.finish = finish
        module_class.get_used_names = get_used_names
        jedi_filters._get_definition_names = definition_names
        jedi_filters.get_cached_parent_scope = cached_parent_scope
        jedi_klass.get_cached_parent_scope = cached_parent_scope
        used_names_filter.values = values
        self.enabled = True

    def follows(self, module):
        state = self.modules.get(id(module))
        if state is not None and state[0] is not module:
            del self.modules[id(module)]  # a module of the same id, gone
            return False
        return state is not None

    def follow(self, module):
        """Keeps `module`'s names per statement from now on."""
        if not (self.enabled and self.wanted) or module is None:
            return
        if self.follows(module):
            self.modules[id(module)] = self.modules.pop(id(module))
            return
        while len(self.modules) >= self.LIMIT:
            del self.modules[next(iter(self.modules))]
        # [module, {id(child): (child, names, definitions, parent scopes)},
        #  ids of rebuilt children, {id(definition leaf): (leaf, its entry)}]
        self.modules[id(module)] = [module, None, set(), {}]
        module._used_names = None

    def note_rebuilt(self, module, rebuilt):
        if not self.follows(module):
            return
        state = self.modules[id(module)]
        for node in rebuilt:
            if node is module:
                continue
            while node is not None and node.parent is not module:
                node = node.parent
            if node is None:
                # Not part of the module after all: trust nothing kept.
                state[1] = None
                return
            state[2].add(id(node))

    def compute(self, module, mapping_class):
        state = self.modules[id(module)]
        kept, dirty = state[1] or {}, state[2]
        entries = {}
        merged, owners = {}, {}
        walked = 0
        for child in module.children:
            entry = kept.get(id(child))
            if entry is None or entry[0] is not child or id(child) in dirty:
                entry = (child, _names_of(child), {}, {})
                walked += 1
            entries[id(child)] = entry
            for key, found in entry[1].items():
                if key in merged:
                    merged[key].extend(found)
                    owners[key].append(entry)
                else:
                    merged[key] = list(found)
                    owners[key] = [entry]
        state[1], state[2] = entries, set()
        if walked * 4 > len(entries) or len(state[3]) > 100000:
            # Much was walked again: forget the definitions of statements gone.
            state[3] = {}
        return mapping_class(merged, owners, state)


def _names_of(node):
    """{name: [Name leaves]} under `node`, in the order of the source."""
    found = {}
    stack = [node]
    pop, push = stack.pop, stack.extend
    while stack:
        n = pop()
        children = getattr(n, "children", None)
        if children is None:
            if n.type == "name":
                found.setdefault(n.value, []).append(n)
        else:
            push(reversed(children))
    return found


_names = _IncrementalNames()
_names.install()


def keep_names(on):
    """Whether buffers' names are kept across keystrokes (the default); off,
    every completion walks its buffer as jedi alone does, which
    relive-intel-bench measures for comparison. True if they are kept."""
    _names.wanted = bool(on)
    if not on:
        for module, *_ in list(_names.modules.values()):
            module._used_names = None
        _names.modules.clear()
    return _names.enabled and _names.wanted


# ------------------------------------------------------ live-first interpreter

class _LiveFirstTreeName(_jedi_interpreter.MixedTreeName):
    """A module-level variable of a loaded file infers to its live value
    first: `service = None` at the top of a file that later assigned a
    NetworkService completes like the NetworkService it holds now. Classes and
    functions keep the buffer's version, which is newer than the running one
    while the user types."""

    def infer(self):
        definition = self.tree_name.get_definition()
        if definition is not None and definition.type not in ("classdef", "funcdef"):
            for compiled_value in self.parent_context.mixed_values:
                for f in compiled_value.get_filters():
                    values = ValueSet.from_sets(n.infer() for n in f.get(self.string_name))
                    if values:
                        return values
        return super().infer()


class _LiveFirstFilter(_jedi_interpreter.MixedParserTreeFilter):
    name_class = _LiveFirstTreeName


class _LiveModuleContext(_jedi_interpreter.MixedModuleContext):
    def get_filters(self, until_position=None, origin_scope=None):
        from jedi.inference.filters import MergedFilter
        yield MergedFilter(
            _LiveFirstFilter(parent_context=self, until_position=until_position, origin_scope=origin_scope),
            self.get_global_filter(),
        )
        for mixed_object in self.mixed_values:
            yield from mixed_object.get_filters(until_position, origin_scope)


class _LiveInterpreter(jedi.Interpreter):
    """jedi's Interpreter on the buffer of a loaded file, with that module's
    live namespace, under the module's real dotted name."""

    def __init__(self, code, namespaces, module_name, **kwds):
        self._relive_module_name = module_name
        super().__init__(code, namespaces, **kwds)

    @_jedi_cache.memoize_method
    def _get_module_context(self):
        file_io = None if self.path is None else KnownContentFileIO(self.path, self._code)
        tree_module_value = ModuleValue(
            self._inference_state, self._module_node, file_io=file_io,
            string_names=tuple(self._relive_module_name.split(".")), code_lines=self._code_lines)
        return _LiveModuleContext(tree_module_value, self.namespaces)


def _project_for(path):
    for root in _index["roots"].values():
        if path and (path == root or path.startswith(root + os.sep)):
            return jedi.Project(root, smart_sys_path=False, load_unsafe_extensions=False)
    base = os.path.dirname(path) if path else os.getcwd()
    return jedi.Project(base, smart_sys_path=False, load_unsafe_extensions=False)


def _script(source, path):
    path = path or None
    module_name = _index["loaded"].get(path) if path else None
    module = sys.modules.get(module_name) if module_name else None
    environment = jedi.InterpreterEnvironment()
    project = _project_for(path)
    if module is not None:
        # Interpreter always runs in this process (passing environment= to it
        # trips jedi 0.18 over its own keyword).
        script = _LiveInterpreter(source, [module.__dict__], module_name, path=path, project=project)
    else:
        script = jedi.Script(source, path=path, project=project, environment=environment)
    if path:
        # A file's buffer is parsed again at every keystroke: keep its names.
        _names.follow(getattr(script, "_module_node", None))
    return script


# -------------------------------------------------------------------- requests

MAX_COMPLETIONS = 400


def complete(source, path, line, column):
    """[(name, kind, prefix_length)] at 1-based `line`, 0-based `column`."""
    result = []
    for c in _script(source, path).complete(line, column):
        if len(result) >= MAX_COMPLETIONS:
            break
        typed = c.get_completion_prefix_length()
        # Dunders only when asked for: `from applib.services import ` should
        # list the namespace's names, not __doc__ and __file__.
        if c.name.startswith("__") and not c.name[:typed].startswith("_"):
            continue
        result.append((c.name, c.type, typed))
    return result


def signatures(source, path, line, column):
    """[(text, argument index, doc)] for the call around the cursor."""
    result = []
    for s in _script(source, path).get_signatures(line, column):
        index = s.index if s.index is not None else -1
        result.append((s.to_string(), index, s.docstring(raw=True)))
    return result


def help(source, path, line, column):
    """(title, doc) for the name under the cursor, or None."""
    for name in _script(source, path).help(line, column):
        doc = name.docstring()
        if doc:
            return (name.full_name or name.name, doc)
    return None


def _site(name):
    module_path = name.module_path
    if module_path is None or name.line is None:
        return None
    path = str(module_path)
    if os.path.basename(path) == _FACADE_FILE:
        return None
    code = name.get_line_code() if hasattr(name, "get_line_code") else ""
    return (path, name.line, name.column, name.name, code.rstrip("\n"),
            path.startswith(_READ_ONLY_PREFIXES))


def definitions(source, path, line, column):
    """[(file, line, column, name, line text, read-only)]: where the name
    under the cursor is defined, following imports (and the namespace map)."""
    script = _script(source, path)
    sites = []
    for name in script.goto(line, column, follow_imports=True):
        site = _site(name)
        if site is not None and site not in sites:
            sites.append(site)
    if not sites:
        for name in script.infer(line, column):
            site = _site(name)
            if site is not None and site not in sites:
                sites.append(site)
    return sites


def usages(source, path, line, column):
    """Every use of the name under the cursor in the buffer and in the files
    of its namespace, as definitions() returns them."""
    sites = []
    for name in _script(source, path).get_references(line, column, scope="project"):
        site = _site(name)
        if site is not None and site not in sites:
            sites.append(site)
    return sites
