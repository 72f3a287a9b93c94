#include "PytestCommand.h"

#include "PythonRuntime.h"
#include "TestRunner.h"

#include <QEventLoop>
#include <QFileInfo>

#include <cstdio>
#include <cstring>

namespace PytestCommand {

bool takeArguments(int &argc, char **argv, QStringList *pytestArguments)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pytest") != 0)
            continue;
        for (int j = i + 1; j < argc; ++j)
            pytestArguments->append(QString::fromLocal8Bit(argv[j]));
        argv[i] = nullptr;
        argc = i;
        return true;
    }
    return false;
}

QCommandLineOption helpOption()
{
    return QCommandLineOption(QStringLiteral("pytest"),
                              QStringLiteral("Run the project's pytest suite in this interpreter with DIR mapped, "
                                             "DIR as the working directory; every argument after --pytest is "
                                             "pytest's. Exits with pytest's status."));
}

int run(PythonRuntime &runtime, const QString &folder, const QStringList &arguments)
{
    TestRunner runner(&runtime);
    runner.setProjectDirectory(QFileInfo(folder).absoluteFilePath());
    runner.setFramework(TestRunner::Framework::Pytest);
    runner.setArguments(arguments);
    runner.setPrintReport(true);
    QEventLoop loop;
    int status = 0;
    QObject::connect(&runner, &TestRunner::finished, &loop, [&](const TestRunSummary &summary) {
        status = summary.exitStatus;
        if (!summary.error.isEmpty()) {
            const QByteArray text = (QStringLiteral("relive-run: the tests could not run:\n") + summary.error).toUtf8();
            std::fwrite(text.constData(), 1, text.size(), stderr);
        }
        loop.quit();
    });
    runner.run();
    loop.exec();
    runtime.flushOutput();
    return status;
}

} // namespace PytestCommand
