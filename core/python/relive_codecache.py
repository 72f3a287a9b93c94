"""Compiled code of namespace files, cached the way Python caches bytecode.

A namespace file is compiled exactly as importlib compiles a module
(``compile(source, path, 'exec', dont_inherit=True)``) and the code object is
stored in Python's own pyc format, as a *checked hash-based* pyc (PEP 552): the
header holds the hash of the source it was compiled from, and a cached file is
used only when the source read now has that hash. Same size and same mtime do
not make a changed file look unchanged, so stale code is never served.

The cache lives in Relive's cache directory, laid out like Python's
``sys.pycache_prefix`` tree (``<directory>/<absolute source dir>/<name>.<tag>.pyc``),
not in ``__pycache__`` beside the source: writing there would show up as a
change in the watched project directories.

Every failure of the cache (no directory set, unwritable, a corrupt or foreign
file) only costs a compile from source.
"""

import _imp
import marshal
import os
import sys
import types
from importlib.util import MAGIC_NUMBER, source_hash

# Set by Relive when it loads this module; None disables the cache.
directory = None

_CHECKED_HASH_FLAGS = 0b11  # hash-based, check the source (PEP 552)


def cache_file(path):
    """The cache file of the source file ``path`` (absolute), or None."""
    if not directory:
        return None
    head, name = os.path.split(path)
    stem = os.path.splitext(name)[0]
    tag = sys.implementation.cache_tag
    if tag is None:
        return None
    return os.path.join(directory, head.lstrip(os.sep), f"{stem}.{tag}.pyc")


def load(cache, source):
    """The code object cached in ``cache`` for ``source`` (bytes), or None."""
    try:
        with open(cache, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if (len(data) < 16 or data[:4] != MAGIC_NUMBER
            or int.from_bytes(data[4:8], "little") != _CHECKED_HASH_FLAGS
            or data[8:16] != source_hash(source)):
        return None
    try:
        code = marshal.loads(memoryview(data)[16:])
    except (EOFError, ValueError, TypeError):
        return None  # truncated or corrupt: compiled again and rewritten
    return code if isinstance(code, types.CodeType) else None


def store(cache, source, code):
    """Writes ``code`` compiled from ``source`` to ``cache``, atomically."""
    if sys.dont_write_bytecode:
        return
    data = bytearray(MAGIC_NUMBER)
    data += _CHECKED_HASH_FLAGS.to_bytes(4, "little")
    data += source_hash(source)
    data += marshal.dumps(code)
    temporary = f"{cache}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        # A reader sees the old file or the whole new one, never half of it.
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, cache)
    except OSError:
        # An unwritable cache is no error: the next start compiles again.
        try:
            os.unlink(temporary)
        except OSError:
            pass


def compile_file(path, source):
    """The code object of the file ``path`` whose content is ``source``
    (bytes): from the cache when it holds this very source, else compiled
    (raising SyntaxError like an import would) and cached."""
    cache = cache_file(path)
    code = load(cache, source) if cache else None
    if code is not None:
        # As importlib does: the code names the file it is loaded for.
        _imp._fix_co_filename(code, path)
        return code
    code = compile(source, path, "exec", dont_inherit=True)
    if cache:
        store(cache, source, code)
    return code
