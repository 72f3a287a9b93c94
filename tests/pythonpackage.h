#pragma once

// Some tests need a Python package that only the distribution's Python has
// (jedi, pyflakes, from python3-jedi and python3-pyflakes); a pyenv or
// virtualenv interpreter lacks them. Such a test asks the embedded
// interpreter, and skips what needs the package when it is missing.

#include "PythonRuntime.h"

#include <QByteArray>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTest>

// Runs `code` in __main__ and waits for it; true when it succeeded.
inline bool runPackageCode(PythonRuntime &runtime, const QString &code)
{
    QSignalSpy finished(&runtime, &PythonRuntime::commandFinished);
    runtime.runSource(code, QStringLiteral("<package check>"));
    return finished.wait(30000) && finished.first().first().toInt() == 0;
}

// Whether the interpreter of `runtime` can import the top-level package
// `name`, asked on the console worker without importing it.
inline bool hasPythonPackage(PythonRuntime &runtime, const QString &name)
{
    return runPackageCode(runtime, QStringLiteral("import importlib.util\n"
                                                  "raise SystemExit(0 if importlib.util.find_spec('%1') else 3)\n")
                                       .arg(name));
}

// The message of a test skipped for want of the package `name`.
inline QByteArray missingPackageMessage(const QString &name)
{
    return QStringLiteral("needs the Python package %1 (python3-%1), which this interpreter lacks")
        .arg(name)
        .toUtf8();
}

// Skips the rest of the test function when `has` is false.
#define SKIP_WITHOUT_PYTHON_PACKAGE(has, name)                                                        \
    do {                                                                                              \
        if (!(has))                                                                                   \
            QSKIP(missingPackageMessage(QStringLiteral(name)).constData());                           \
    } while (false)

// While it lives, the packages `names` cannot be imported (None in
// sys.modules), whether the interpreter has them or not: for the tests of
// how the product does without them.
class HiddenPythonPackages
{
public:
    HiddenPythonPackages(PythonRuntime &runtime, const QStringList &names)
        : m_runtime(runtime)
    {
        m_hidden = runPackageCode(runtime, QStringLiteral("import sys\n"
                                                          "sys._relive_hidden_packages = {n: sys.modules.get(n) for n in %1}\n"
                                                          "sys.modules.update(dict.fromkeys(sys._relive_hidden_packages))\n")
                                               .arg(QLatin1String("['") + names.join(QLatin1String("', '")) + QLatin1String("']")));
    }
    ~HiddenPythonPackages()
    {
        runPackageCode(m_runtime, QStringLiteral("import sys\n"
                                                 "for n, m in sys._relive_hidden_packages.items():\n"
                                                 "    if m is None:\n"
                                                 "        del sys.modules[n]\n"
                                                 "    else:\n"
                                                 "        sys.modules[n] = m\n"
                                                 "del sys._relive_hidden_packages\n"));
    }
    bool isHidden() const { return m_hidden; }

private:
    PythonRuntime &m_runtime;
    bool m_hidden = false;
};
