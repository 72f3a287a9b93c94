#pragma once

#include "ProgramSetup.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// One named way to run the folder's program: what runs, with which arguments,
// in which directory and with which environment variables.
struct RunConfiguration
{
    Q_DECLARE_TR_FUNCTIONS(RunConfiguration)

public:
    enum class Kind {
        File,       // a .py file, relative to the folder or absolute
        Module,     // "-m package.module", as `python -m` runs it
        Callable,   // "package.module:callable", as Run ▸ Run Target… takes it
    };

    QString name;
    QString target;
    QString arguments;          // as typed: shell-like quoting, split on run
    QString workingDirectory;   // relative to the folder, or absolute; empty: unchanged
    QString environment;        // NAME=VALUE lines

    Kind kind() const;
    // The module of a Module target, without "-m".
    QString moduleName() const;
    // The file of a File target, made absolute against `folder`.
    QString filePath(const QString &folder) const;

    // What the run needs, resolved against `folder`; empty *error when the
    // configuration can run, else a message that names it and what is wrong
    // (a missing file, a working directory that is not one, a bad environment
    // line with its number).
    ProgramSetup setup(const QString &folder, QString *error) const;
    // Only the environment lines; *error names the first bad line.
    static QList<std::pair<QString, QString>> parseEnvironment(const QString &text, QString *error);
};

// The folder's run configurations and the one F5 runs, kept with the folder's
// session (open files, watches) in QSettings under "runConfigurations".
class RunConfigurations
{
public:
    QList<RunConfiguration> configurations;
    QString chosen;   // a configuration's name; empty: the current file

    const RunConfiguration *find(const QString &name) const;

    static RunConfigurations load(const QString &folder);
    void save(const QString &folder) const;
};
