#pragma once

#include <QString>
#include <QStringList>

class PythonRuntime;

// A Python virtual environment: a folder with a pyvenv.cfg, as `python3 -m
// venv`, virtualenv and uv make it. Relive's interpreter cannot become the
// venv's python, but a venv made for the same Python version holds packages
// it can import: useVirtualEnvironment() puts them on its path.
struct VirtualEnvironment
{
    QString path;              // the venv's folder, absolute
    QString version;           // the Python it was made for ("3.12.1"); empty if pyvenv.cfg does not say
    QStringList sitePackages;  // its site-packages folders

    bool isValid() const { return !path.isEmpty(); }
    // "3.12" of "3.12.1".
    QString minorVersion() const;
    // Whether its packages fit an interpreter of `pythonVersion`: the same
    // major and minor version (compiled modules are built for one).
    bool fits(const QString &pythonVersion) const;
    // Why it does not fit an interpreter of `pythonVersion`, naming both
    // versions; empty if it fits.
    QString mismatch(const QString &pythonVersion) const;

    // Reads the venv in `folder`. Not a venv: an invalid one, with *error
    // saying why.
    static VirtualEnvironment read(const QString &folder, QString *error = nullptr);
    // The venv of a project in `folder`: .venv, venv or env, else another
    // child folder with a pyvenv.cfg; then .venv, venv or env in its parent
    // (a project opened one level down). Empty if there is none.
    static QString find(const QString &folder);
};

// Makes `venv`'s packages importable in `runtime`'s interpreter as if the
// venv's own python ran: its site-packages (and their .pth files) come before
// the system's on sys.path, and sys.prefix and $VIRTUAL_ENV name it. Queued on
// the console worker, so a command sent after this call sees it. An invalid
// `venv` takes back what the last call added. Modules imported already stay
// as they are. The caller checks fits() first.
void useVirtualEnvironment(PythonRuntime *runtime, const VirtualEnvironment &venv);
