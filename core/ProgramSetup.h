#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// What a run configuration sets for one run of a program thread: sys.argv[1:],
// the working directory and environment variables. They are set as the
// thread starts and put back when it ends, so the console and later runs
// see the values they had before.
struct ProgramSetup
{
    QStringList arguments;
    QString workingDirectory;                           // empty: left as it is
    QList<std::pair<QString, QString>> environment;     // name, value
};
