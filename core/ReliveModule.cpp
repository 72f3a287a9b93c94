// The `relive` Python module, built into the embedded interpreter: the API
// user code and scripts see (add_directory, reload, on_reload, ...) and the
// objects the runtime installs (output writers, the import finder).
#include <pybind11/embed.h>
#include <pybind11/stl.h>

#include <QDir>
#include <QFileInfo>
#include <QStringDecoder>

#include "DebuggerEngine_p.h"
#include "Importer_p.h"
#include "ObjectInspector_p.h"
#include "Overrides_p.h"
#include "PythonRuntime_p.h"
#include "Reloader_p.h"

namespace {

[[noreturn]] void raiseUnsupported(const char *what)
{
    PyErr_SetString(py::module_::import("io").attr("UnsupportedOperation").ptr(), what);
    throw py::error_already_set();
}

void sendOutput(int stream, const QString &text, const char *utf8, size_t size)
{
    if (PythonRuntimePrivate::current)
        PythonRuntimePrivate::current->appendOutput(
            stream == 1 ? PythonRuntime::Stream::Stderr : PythonRuntime::Stream::Stdout, text);
    else
        fwrite(utf8, 1, size, stream == 1 ? stderr : stdout);
}

// sys.stdout.buffer / sys.stderr.buffer in the window: bytes are decoded as
// UTF-8 (a sequence split between two writes too) and join the text.
struct OutputBuffer
{
    int stream = 0;
    QStringDecoder decoder{QStringDecoder::Utf8};

    size_t write(py::buffer data)
    {
        const py::buffer_info info = data.request();
        const size_t size = size_t(info.size * info.itemsize);
        const char *bytes = static_cast<const char *>(info.ptr);
        const QString text = decoder.decode(QByteArrayView(bytes, qsizetype(size)));
        if (!text.isEmpty()) {
            const QByteArray utf8 = text.toUtf8();
            sendOutput(stream, text, utf8.constData(), size_t(utf8.size()));
        }
        return size;
    }
};

// Replaces sys.stdout / sys.stderr in the window: a text stream (registered
// as an io.TextIOBase) whose text goes to the runtime's output queue, which
// delivers it to the console in batches. It has no file descriptor: fileno()
// raises io.UnsupportedOperation, as in other consoles that are not a
// terminal.
struct Output
{
    explicit Output(int s) : stream(s) { buffer.stream = s; }

    int stream;
    OutputBuffer buffer;

    Py_ssize_t write(py::handle text)
    {
        if (!PyUnicode_Check(text.ptr()))
            throw py::type_error(std::string("write() argument must be str, not ") + Py_TYPE(text.ptr())->tp_name);
        Py_ssize_t size = 0;
        const char *utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
        if (utf8) {
            sendOutput(stream, QString::fromUtf8(utf8, size), utf8, size_t(size));
        } else if (stream == 1) {
            // Lone surrogates: stderr shows them escaped, as python3's does.
            PyErr_Clear();
            py::bytes escaped = py::reinterpret_steal<py::bytes>(
                PyUnicode_AsEncodedString(text.ptr(), "utf-8", "backslashreplace"));
            if (!escaped)
                throw py::error_already_set();
            const std::string bytes = escaped;
            sendOutput(stream, QString::fromStdString(bytes), bytes.data(), bytes.size());
        } else {
            throw py::error_already_set();
        }
        return PyUnicode_GET_LENGTH(text.ptr());
    }
};

struct Finder
{
};

} // namespace

PYBIND11_EMBEDDED_MODULE(relive, m)
{
    m.doc() = "Relive: live reload of registered directories, in place.";

    py::class_<OutputBuffer>(m, "_OutputBuffer")
        .def("write", &OutputBuffer::write)
        .def("flush", [](OutputBuffer &) {})
        .def("isatty", [](OutputBuffer &) { return false; })
        .def("writable", [](OutputBuffer &) { return true; })
        .def("readable", [](OutputBuffer &) { return false; })
        .def("seekable", [](OutputBuffer &) { return false; })
        .def("fileno", [](OutputBuffer &) -> int { raiseUnsupported("fileno"); })
        .def("close", [](OutputBuffer &) {})
        .def_property_readonly("name", [](OutputBuffer &b) { return b.stream == 1 ? "<stderr>" : "<stdout>"; })
        .def_property_readonly("mode", [](OutputBuffer &) { return "wb"; })
        .def_property_readonly("closed", [](OutputBuffer &) { return false; });

    py::class_<Output>(m, "_Output")
        .def(py::init([](int stream) { return std::make_unique<Output>(stream); }))
        .def("write", &Output::write)
        .def("writelines", [](Output &o, py::iterable lines) {
            for (py::handle line : lines)
                o.write(line);
        })
        .def("flush", [](Output &) {})
        .def("isatty", [](Output &) { return false; })
        .def("writable", [](Output &) { return true; })
        .def("readable", [](Output &) { return false; })
        .def("seekable", [](Output &) { return false; })
        .def("fileno", [](Output &) -> int { raiseUnsupported("fileno"); })
        .def("read", [](Output &, py::args) -> py::object { raiseUnsupported("not readable"); })
        .def("readline", [](Output &, py::args) -> py::object { raiseUnsupported("not readable"); })
        .def("close", [](Output &) {})
        // Libraries ask for UTF-8 or line buffering: the console is both already.
        .def("reconfigure", [](Output &, py::kwargs) {})
        .def_property_readonly("buffer", [](Output &o) { return &o.buffer; }, py::return_value_policy::reference_internal)
        .def_property_readonly("encoding", [](Output &) { return "utf-8"; })
        .def_property_readonly("errors", [](Output &o) { return o.stream == 1 ? "backslashreplace" : "strict"; })
        .def_property_readonly("name", [](Output &o) { return o.stream == 1 ? "<stderr>" : "<stdout>"; })
        .def_property_readonly("mode", [](Output &) { return "w"; })
        .def_property_readonly("newlines", [](Output &) { return py::none(); })
        .def_property_readonly("line_buffering", [](Output &) { return true; })
        .def_property_readonly("closed", [](Output &) { return false; });
    // isinstance(sys.stdout, io.TextIOBase) holds, as for python3's own stream.
    py::module_ io = py::module_::import("io");
    io.attr("TextIOBase").attr("register")(m.attr("_Output"));
    io.attr("BufferedIOBase").attr("register")(m.attr("_OutputBuffer"));

    ConsoleInput::addTypes(m);

    py::class_<Finder>(m, "_Finder")
        .def(py::init<>())
        .def("find_spec", [](Finder &, const std::string &fullname, py::object, py::object) {
            return Importer::instance().findSpec(fullname);
        }, py::arg("fullname"), py::arg("path") = py::none(), py::arg("target") = py::none())
        .def("create_module", [](Finder &, py::object spec) { return Importer::instance().createModule(spec); })
        .def("exec_module", [](Finder &, py::object module) { Importer::instance().execModule(module); })
        .def("invalidate_caches", [](Finder &) {})
        .def("__repr__", [](Finder &) { return "<relive namespace finder>"; });

    m.attr("ReloadTimeout") = Reloader::timeoutError();

    m.def("add_directory", [](const std::string &path, const std::string &name, bool force) {
        QString error;
        if (!Importer::instance().addDirectory(QString::fromStdString(path), QString::fromStdString(name), force,
                                               &error))
            throw py::value_error(error.toStdString());
    }, py::arg("path"), py::arg("namespace"), py::arg("force") = false,
       "Registers directory `path` as the importable namespace `namespace`.");

    // What a file not run yet exports, by the scanner or (full_tree) by the
    // syntax tree: for tests that check the two agree.
    m.def("_static_exports", [](py::bytes source, const std::string &path, bool fullTree) {
        const std::string bytes = source;
        const Importer::StaticExports e = Importer::staticExportsOf(QByteArray::fromStdString(bytes),
                                                                    QString::fromStdString(path), fullTree);
        py::list exports;
        for (const QString &n : e.exports)
            exports.append(n.toStdString());
        py::dict lines;
        for (auto it = e.lines.begin(); it != e.lines.end(); ++it)
            lines[py::str(it.key().toStdString())] = it.value();
        return py::make_tuple(exports, lines);
    }, py::arg("source"), py::arg("path"), py::arg("full_tree") = false);
    m.def("namespaces", [] {
        py::dict result;
        const auto all = Importer::instance().namespaces();
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            result[py::str(it.key().toStdString())] = it.value().toStdString();
        return result;
    }, "The registered namespaces: {name: directory}.");

    m.def("reload", [](const std::string &path) -> py::object {
        auto report = Importer::instance().reloadFile(QString::fromStdString(path), true);
        if (!report)
            throw py::value_error(path + " is not a loaded module of a registered namespace");
        return Importer::toDict(*report);
    }, py::arg("path"),
       "Reloads the file now, on this thread, and returns the report as a dict "
       "(file, module, ms, actions, warnings, error, traceback, line).");

    m.def("rescan", [](const std::string &path) {
        py::list result;
        for (const ReloadReport &r : Importer::instance().rescan(QString::fromStdString(path)))
            result.append(Importer::toDict(r));
        return result;
    }, py::arg("path"),
       "Re-reads the namespace tree containing `path`: names of deleted files leave the "
       "namespace, added files are imported. Returns their reports.");

    m.def("last_reports", [] {
        py::list result;
        for (const ReloadReport &r : Importer::instance().lastReports())
            result.append(Importer::toDict(r));
        return result;
    }, "The most recent reload reports, oldest first.");

    m.def("on_reload", [](py::object callback) {
        Importer::instance().addReloadCallback(callback);
        return callback;
    }, py::arg("callback"), "Calls callback(report) after every reload; usable as a decorator.");

    m.def("set_breakpoint", [](const std::string &file, int line, const std::string &condition, bool temporary) {
        Breakpoint bp;
        bp.file = QDir::cleanPath(QFileInfo(QString::fromStdString(file)).absoluteFilePath());
        QString error;
        const int resolved = DebuggerEngine::instance().resolveLine(bp.file, line, &error);
        if (!error.isEmpty())
            throw py::value_error(error.toStdString());
        if (resolved == 0)
            throw py::value_error(file + ": no code on or after line " + std::to_string(line));
        bp.requestedLine = line;
        bp.line = resolved;
        bp.verified = true;
        bp.condition = QString::fromStdString(condition);
        bp.temporary = temporary;
        const int id = DebuggerEngine::instance().addBreakpoint(bp);
        DebuggerEngine::instance().traceRunningFrames();
        py::dict result;
        result["id"] = id;
        result["file"] = bp.file.toStdString();
        result["line"] = resolved;
        return result;
    }, py::arg("file"), py::arg("line"), py::arg("condition") = "", py::arg("temporary") = false,
       "Sets a breakpoint; a line without code moves to the next one that has some. Returns "
       "{id, file, line}. Threads pause at it while the debugger is on.");
    m.def("clear_breakpoint", [](int id) { return DebuggerEngine::instance().removeBreakpoint(id); },
          py::arg("id"), "Removes a breakpoint; returns whether it existed.");
    m.def("breakpoints", [] {
        py::list result;
        for (const Breakpoint &bp : DebuggerEngine::instance().breakpoints()) {
            py::dict d;
            d["id"] = bp.id;
            d["file"] = bp.file.toStdString();
            d["line"] = bp.line;
            d["condition"] = bp.condition.toStdString();
            d["hits"] = bp.hits;
            result.append(d);
        }
        return result;
    }, "The breakpoints: a list of {id, file, line, condition, hits}.");

    m.def("set_reload_time_limit", [](double seconds) { Reloader::setTimeLimit(seconds); },
          py::arg("seconds"), "Time a module body may run during a reload before it is stopped.");
    m.def("reload_time_limit", [] { return Reloader::timeLimit(); },
          "The current reload time limit, in seconds.");

    Overrides::registerApi(m);
    registerInspectorApi(m);
}

void registerReliveModule()
{
    // Referenced from PythonRuntime so the linker keeps this translation unit
    // (and with it the module's registration) in the static library.
}
