#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

class PythonRuntime;

// `relive-run DIR --pytest [ARGS]`: the project's pytest suite run in
// relive-run's interpreter, with DIR mapped, as `python3 -m pytest ARGS` run
// in DIR would: pytest's own report on stdout, its exit status as relive-run's.
namespace PytestCommand {

// Everything after "--pytest" is pytest's: removes it (and the option) from
// argv before relive-run's own parser sees it. True when the option is there.
bool takeArguments(int &argc, char **argv, QStringList *pytestArguments);
// For --help only: the option never reaches the parser.
QCommandLineOption helpOption();
// Runs the suite and returns pytest's exit status.
int run(PythonRuntime &runtime, const QString &folder, const QStringList &arguments);

} // namespace PytestCommand
