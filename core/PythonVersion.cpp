#include "PythonVersion.h"

#include <Python.h>

QString pythonVersion()
{
    // Py_GetVersion() is "3.11.2 (main, ...) [GCC ...]": the version is its first word.
    const QString full = QString::fromUtf8(Py_GetVersion());
    return full.section(QLatin1Char(' '), 0, 0);
}
