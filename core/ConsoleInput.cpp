#include "ConsoleInput_p.h"

#include "PythonRuntime_p.h"

#include <algorithm>

namespace {

// While a read on Python's main thread waits, it looks this often for a
// signal: Ctrl+C sent by PythonRuntime::interrupt(), or one of the user's.
constexpr unsigned long SignalPollMs = 100;

ConsoleInput *currentInput()
{
    if (!PythonRuntimePrivate::current)
        throw py::value_error("the console is not running");
    return &PythonRuntimePrivate::current->input;
}

// relive._Input, installed as sys.stdin: a text stream whose lines come from
// the console. Keeps what a read(n) left of a line for the next read.
struct Input
{
    QString buffer;
    bool ended = false;

    // Makes sure the buffer holds a whole line, or whatever is left at EOF.
    void fill()
    {
        if (buffer.contains(QLatin1Char('\n')) || ended)
            return;
        const QString line = QString::fromStdString(currentInput()->readLine(false));
        if (line.isEmpty())
            ended = true;
        buffer += line;
    }
    QString take(qsizetype size)
    {
        const QString part = buffer.left(size);
        buffer.remove(0, part.size());
        return part;
    }
    QString readline(qsizetype size)
    {
        fill();
        ended = false;   // an EOF ends one read, as at a terminal
        qsizetype end = buffer.indexOf(QLatin1Char('\n'));
        end = end < 0 ? buffer.size() : end + 1;
        return take(size < 0 ? end : std::min(size, end));
    }
    QString read(qsizetype size)
    {
        while (!ended && (size < 0 || buffer.size() < size)) {
            const QString line = QString::fromStdString(currentInput()->readLine(false));
            if (line.isEmpty())
                ended = true;
            buffer += line;
        }
        ended = false;
        return take(size < 0 ? buffer.size() : size);
    }
};

[[noreturn]] void raiseUnsupported(const char *what)
{
    PyErr_SetString(py::module_::import("io").attr("UnsupportedOperation").ptr(), what);
    throw py::error_already_set();
}

} // namespace

std::string ConsoleInput::readLine(bool password)
{
    // The prompt is what was written last without a newline: input()'s
    // argument, or a print(..., end='') before sys.stdin.readline().
    const QString prompt = m_runtime->lastPartialLine();
    Request request;
    request.thread = PyThread_get_thread_ident();
    const bool mainThread = m_runtime->console && request.thread == m_runtime->console->pythonThreadId();
    PythonRuntime *q = m_runtime->q;

    PyThreadState *state = PyEval_SaveThread();
    {
        QMutexLocker lock(&m_mutex);
        m_requests.push_back(&request);
        bool asked = false;
        while (request.outcome == Outcome::Pending) {
            if (!asked && m_requests.front() == &request) {
                asked = true;
                m_runtime->emitOnOwnerThread([q, prompt, password] { Q_EMIT q->inputRequested(prompt, password); });
            }
            if (!mainThread) {
                m_changed.wait(&m_mutex);
                continue;
            }
            m_changed.wait(&m_mutex, SignalPollMs);
            if (request.outcome != Outcome::Pending)
                break;
            lock.unlock();
            PyEval_RestoreThread(state);
            const bool signalled = PyErr_CheckSignals() != 0;   // sets the exception
            state = PyEval_SaveThread();
            lock.relock();
            if (signalled && request.outcome == Outcome::Pending)
                request.outcome = Outcome::Interrupted;
        }
        // The console stops asking for a read that ended some other way than
        // by its answer; before the next read is asked, so the order holds.
        if (asked && request.outcome != Outcome::Line)
            m_runtime->emitOnOwnerThread([q] { Q_EMIT q->inputCancelled(); });
        m_requests.erase(std::find(m_requests.begin(), m_requests.end(), &request));
        m_changed.wakeAll();
    }
    PyEval_RestoreThread(state);

    switch (request.outcome) {
    case Outcome::Interrupted:
        if (!PyErr_Occurred())
            PyErr_SetNone(PyExc_KeyboardInterrupt);
        throw py::error_already_set();
    case Outcome::EndOfInput:
        return {};
    default:
        return (request.text + QLatin1Char('\n')).toStdString();
    }
}

void ConsoleInput::answerFirst(Outcome outcome, const QString &text)
{
    QMutexLocker lock(&m_mutex);
    if (m_requests.empty())
        return;   // the read was interrupted meanwhile; its answer has no taker
    m_requests.front()->outcome = outcome;
    m_requests.front()->text = text;
    m_changed.wakeAll();
}

void ConsoleInput::provide(const QString &line)
{
    answerFirst(Outcome::Line, line);
}

void ConsoleInput::close()
{
    answerFirst(Outcome::EndOfInput, {});
}

void ConsoleInput::interrupt()
{
    answerFirst(Outcome::Interrupted, {});
}

bool ConsoleInput::interruptThread(unsigned long pythonThreadId)
{
    QMutexLocker lock(&m_mutex);
    for (Request *request : m_requests) {
        if (request->thread == pythonThreadId) {
            request->outcome = Outcome::Interrupted;
            m_changed.wakeAll();
            return true;
        }
    }
    return false;
}

void ConsoleInput::wake()
{
    QMutexLocker lock(&m_mutex);
    m_changed.wakeAll();
}

void ConsoleInput::install(bool enabled)
{
    py::module_ sys = py::module_::import("sys");
    py::module_ relive = py::module_::import("relive");
    py::module_ getpass = py::module_::import("getpass");
    // getpass would otherwise open /dev/tty, the terminal the IDE was started from.
    if (!py::hasattr(relive, "_getpass_of_python"))
        relive.attr("_getpass_of_python") = getpass.attr("getpass");
    sys.attr("stdin") = enabled ? relive.attr("_Input")() : sys.attr("__stdin__");
    getpass.attr("getpass") = relive.attr(enabled ? "_getpass" : "_getpass_of_python");
}

void ConsoleInput::addTypes(py::module_ &relive)
{
    py::class_<Input>(relive, "_Input")
        .def(py::init<>())
        .def("readline", [](Input &in, qsizetype size) { return in.readline(size).toStdString(); },
             py::arg("size") = -1)
        .def("read", [](Input &in, py::object size) {
            return in.read(size.is_none() ? -1 : size.cast<qsizetype>()).toStdString();
        }, py::arg("size") = -1)
        .def("readlines", [](Input &in, qsizetype) {
            py::list lines;
            for (QString line = in.readline(-1); !line.isEmpty(); line = in.readline(-1))
                lines.append(line.toStdString());
            return lines;
        }, py::arg("hint") = -1)
        .def("__iter__", [](py::object self) { return self; })
        .def("__next__", [](Input &in) {
            const QString line = in.readline(-1);
            if (line.isEmpty())
                throw py::stop_iteration();
            return line.toStdString();
        })
        .def("fileno", [](Input &) -> int { raiseUnsupported("fileno"); })
        .def("isatty", [](Input &) { return false; })
        .def("readable", [](Input &) { return true; })
        .def("writable", [](Input &) { return false; })
        .def("seekable", [](Input &) { return false; })
        .def("close", [](Input &) {})
        .def_property_readonly("name", [](Input &) { return "<stdin>"; })
        .def_property_readonly("mode", [](Input &) { return "r"; })
        .def_property_readonly("encoding", [](Input &) { return "utf-8"; })
        .def_property_readonly("errors", [](Input &) { return "strict"; })
        .def_property_readonly("closed", [](Input &) { return false; });

    relive.def("_getpass", [](py::object prompt, py::object stream) {
        py::object out = stream.is_none() ? py::module_::import("sys").attr("stdout") : stream;
        out.attr("write")(prompt);
        out.attr("flush")();
        const std::string line = currentInput()->readLine(true);
        if (line.empty()) {
            PyErr_SetNone(PyExc_EOFError);
            throw py::error_already_set();
        }
        return line.substr(0, line.size() - 1);
    }, py::arg("prompt") = "Password: ", py::arg("stream") = py::none(),
       "getpass.getpass() in the IDE: reads from the console without showing what is typed.");
}

// ------------------------------------- PythonRuntime's side of console input

QString PythonRuntimePrivate::lastPartialLine()
{
    QMutexLocker lock(&outputMutex);
    return outputTail;
}

void PythonRuntime::setConsoleInputEnabled(bool enabled)
{
    if (d->consoleInputEnabled.exchange(enabled) == enabled)
        return;
    // Before start() the interpreter installs it as it starts.
    if (isRunning())
        d->console->post([enabled] { ConsoleInput::install(enabled); });
}

void PythonRuntime::provideInput(const QString &line)
{
    d->input.provide(line);
}

void PythonRuntime::closeInput()
{
    d->input.close();
}

void PythonRuntime::interruptInput()
{
    d->input.interrupt();
}

bool PythonRuntime::isConsoleBlockOpen() const
{
    return d->consoleBlockOpen;
}
