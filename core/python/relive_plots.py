"""Relive's matplotlib backend: figures shown by user code go to the Plots pane.

Inside the window, install() puts a one-shot finder on sys.meta_path; when user
code first imports matplotlib, the finder lets the import run as usual and then
selects this module as the backend (``module://relive_plots``), unless the
environment names one in MPLBACKEND. Nothing here imports matplotlib before the
user does: importing it costs a start-up noticeable time.

A figure is rendered with Agg on the thread that showed it (the console, a run,
a program's own thread), and only the PNG bytes leave Python, through the sink
that PlotSink (C++) passed to install(). The GUI thread never touches a figure.
A figure shown again under the same number replaces its image in the pane.
"""

import importlib.util
import io
import os
import sys
import threading

BACKEND = "module://relive_plots"

# The C++ sink: sink(number, title, png_bytes). None outside the window.
_sink = None
# Figures delivered, by number: the one whose image the pane shows (for SVG).
_shown = {}
_local = threading.local()


class _BackendChooser:
    """Selects Relive's backend once user code has imported matplotlib."""

    def __init__(self):
        self._finding = False

    def find_spec(self, name, path=None, target=None):
        if name != "matplotlib" or self._finding:
            return None
        self._finding = True
        try:
            spec = importlib.util.find_spec(name)
        finally:
            self._finding = False
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _ChoosingLoader(spec.loader)
        return spec


class _ChoosingLoader:
    """Runs matplotlib's own loader, then chooses the backend."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        # The module speaks of its real loader, as if this one never was.
        module.__loader__ = self._loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        self._loader.exec_module(module)
        _remove_chooser()
        _choose(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


def _remove_chooser():
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _BackendChooser)]


def _choose(matplotlib):
    _define_backend()
    if os.environ.get("MPLBACKEND"):
        return
    matplotlib.use(BACKEND)


def install(sink):
    """Makes Relive's backend the default one; `sink` receives the figures."""
    global _sink
    _sink = sink
    matplotlib = sys.modules.get("matplotlib")
    if matplotlib is not None:
        if "matplotlib.pyplot" not in sys.modules:
            _choose(matplotlib)
        return
    if not any(isinstance(f, _BackendChooser) for f in sys.meta_path):
        sys.meta_path.insert(0, _BackendChooser())


def available():
    """Whether matplotlib can be imported, asked without importing it."""
    try:
        return importlib.util.find_spec("matplotlib") is not None
    except (ImportError, ValueError):
        # ValueError: sys.modules holds None (or a module without a spec) for it.
        return False


def svg(number):
    """The SVG of the figure delivered last under `number`, as bytes."""
    figure = _shown.get(number)
    if figure is None:
        raise LookupError(f"Figure {number} is no longer kept")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg")
    return buffer.getvalue()


def forget(number):
    """The pane removed the figure's image: its figure need not be kept."""
    _shown.pop(number, None)


def forget_all():
    _shown.clear()


def _deliver(manager):
    """Renders the manager's figure to PNG on this thread and hands it on."""
    if getattr(_local, "delivering", False):
        return
    figure = manager.canvas.figure
    _local.delivering = True
    try:
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi="figure")
        # Saving marks the figure stale (its dpi and colours are put back);
        # what the pane shows is now up to date.
        figure.stale = False
    finally:
        _local.delivering = False
    _shown[manager.num] = figure
    if _sink is not None:
        # plt.figure("Prices") labels a figure; without a label the window
        # names it by its number, in its own language.
        _sink(int(manager.num), figure.get_label() or "", buffer.getvalue())


def _needs_delivery(manager):
    figure = manager.canvas.figure
    return figure.stale or _shown.get(manager.num) is not figure


def _define_backend():
    """Defines the backend's classes, once matplotlib is imported (by the user)."""
    if "FigureCanvas" in globals():
        return
    from matplotlib import is_interactive
    from matplotlib._pylab_helpers import Gcf
    from matplotlib.backend_bases import FigureManagerBase, _Backend
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    class FigureManagerRelive(FigureManagerBase):
        def show(self):
            _deliver(self)

    class FigureCanvasRelive(FigureCanvasAgg):
        manager_class = FigureManagerRelive

        def draw_idle(self, *args, **kwargs):
            # plt.draw() and interactive mode: a figure already in the pane
            # is shown again; others wait for show().
            manager = self.manager
            if manager is not None and _shown.get(manager.num) is self.figure:
                _deliver(manager)

    # export() sets the module's new_figure_manager, draw_if_interactive, show.
    @_Backend.export
    class _BackendRelive(_Backend):
        backend_version = "1"
        FigureCanvas = FigureCanvasRelive
        FigureManager = FigureManagerRelive

        @classmethod
        def draw_if_interactive(cls):
            if is_interactive():
                manager = Gcf.get_active()
                if manager is not None:
                    _deliver(manager)

        @classmethod
        def show(cls, *, block=None):
            # Never blocks: the pane keeps the figures. A figure unchanged
            # since it was delivered is not rendered again.
            for manager in Gcf.get_all_fig_managers():
                if _needs_delivery(manager):
                    manager.show()
