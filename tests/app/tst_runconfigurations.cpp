#include "CodeEditor.h"
#include "ConsoleWidget.h"
#include "EditorTabs.h"
#include "MainWindow.h"
#include "PythonRuntime.h"
#include "RunConfigurations.h"
#include "RunConfigurationsDialog.h"
#include "RunController.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

RunConfiguration configuration(const QString &name, const QString &target, const QString &arguments = {},
                               const QString &directory = {}, const QString &environment = {})
{
    RunConfiguration result;
    result.name = name;
    result.target = target;
    result.arguments = arguments;
    result.workingDirectory = directory;
    result.environment = environment;
    return result;
}

// Prints what a run configuration sets: arguments, working directory, one variable.
const QByteArray showProgram = "import os, sys\n"
                               "print('argv', sys.argv[1:])\n"
                               "print('cwd', os.path.basename(os.getcwd()))\n"
                               "print('env', os.environ.get('RELIVE_RC_GREETING'))\n";

} // namespace

Q_DECLARE_METATYPE(RunConfiguration)

// Run configurations: the model kept per folder, the dialog, and F5 running
// the chosen one in the real window with its arguments, directory and environment.
class tst_RunConfigurations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void kindOfTarget_data();
    void kindOfTarget();
    void environmentLines_data();
    void environmentLines();
    void savedPerFolder();
    void badConfigurationIsNamed_data();
    void badConfigurationIsNamed();
    void dialogEditsAndRefusesDuplicateNames();
    void f5RunsTheChosenConfiguration();
    void callableAndModuleTargets_data();
    void callableAndModuleTargets();
    void badConfigurationRunsNothing();
    void choiceFollowsTheFolder();
    void currentFileStaysTheDefault();

private:
    // A fresh project folder with show.py and a package of a name of its own
    // (m_package: a project's packages stay registered), opened in the window.
    QString openProject(QTemporaryDir &dir);
    bool consoleShowsInOrder(const QStringList &parts) const;
    // Runs F5 and waits for the program's end.
    bool pressF5();
    void runInConsole(const QString &code);

    MainWindow *m_window = nullptr;
    QString m_package;
    int m_projects = 0;
};

void tst_RunConfigurations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_runconfigurations"));
    QSettings().clear();
    qputenv("RELIVE_RC_KEPT", "before");
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QString error;
    QVERIFY2(m_window->startEngine(&error), qPrintable(error));
}

void tst_RunConfigurations::cleanupTestCase()
{
    if (m_window) {
        for (CodeEditor *editor : m_window->editors()->editors())
            editor->document()->setModified(false);
        delete m_window;
    }
    QSettings().clear();
}

void tst_RunConfigurations::kindOfTarget_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<RunConfiguration::Kind>("kind");
    QTest::newRow("file") << "main.py" << RunConfiguration::Kind::File;
    QTest::newRow("file in a folder") << "tools/run" << RunConfiguration::Kind::File;
    QTest::newRow("module") << "-m http.server" << RunConfiguration::Kind::Module;
    QTest::newRow("callable") << "app.main:run" << RunConfiguration::Kind::Callable;
    QTest::newRow("module's main") << "app.main" << RunConfiguration::Kind::Callable;
}

void tst_RunConfigurations::kindOfTarget()
{
    QFETCH(QString, target);
    QFETCH(RunConfiguration::Kind, kind);
    QCOMPARE(configuration(QStringLiteral("c"), target).kind(), kind);
}

void tst_RunConfigurations::environmentLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");   // NAME=VALUE
    QTest::addColumn<QString>("error");
    QTest::newRow("two") << "A=1\nB = two words\n" << QStringList{"A=1", "B= two words"} << QString();
    QTest::newRow("blank and comment") << "\n# note\nA=\n" << QStringList{"A="} << QString();
    QTest::newRow("value with =") << "URL=a=b" << QStringList{"URL=a=b"} << QString();
    QTest::newRow("no equals") << "A=1\nJUSTNAME" << QStringList() << "environment line 2 is not NAME=VALUE: JUSTNAME";
    QTest::newRow("bad name") << "1A=x" << QStringList() << "environment line 1 is not NAME=VALUE: 1A=x";
}

void tst_RunConfigurations::environmentLines()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);
    QString problem;
    QStringList variables;
    for (const auto &[name, value] : RunConfiguration::parseEnvironment(text, &problem))
        variables << name + QLatin1Char('=') + value;
    QCOMPARE(variables, expected);
    QCOMPARE(problem, error);
}

void tst_RunConfigurations::savedPerFolder()
{
    QSettings().remove(QStringLiteral("runConfigurations"));
    RunConfigurations first;
    first.configurations << configuration(QStringLiteral("Serve"), QStringLiteral("serve.py"), QStringLiteral("--port 80"),
                                          QStringLiteral("data"), QStringLiteral("DEBUG=1"))
                         << configuration(QStringLiteral("Tool"), QStringLiteral("-m tool"));
    first.chosen = QStringLiteral("Tool");
    first.save(QStringLiteral("/projects/one"));
    RunConfigurations second;
    second.configurations << configuration(QStringLiteral("Other"), QStringLiteral("pkg:main"));
    second.save(QStringLiteral("/projects/two"));

    const RunConfigurations one = RunConfigurations::load(QStringLiteral("/projects/one"));
    QCOMPARE(one.configurations.size(), 2);
    QCOMPARE(one.chosen, QStringLiteral("Tool"));
    const RunConfiguration *serve = one.find(QStringLiteral("Serve"));
    QVERIFY(serve);
    QCOMPARE(serve->target, QStringLiteral("serve.py"));
    QCOMPARE(serve->arguments, QStringLiteral("--port 80"));
    QCOMPARE(serve->workingDirectory, QStringLiteral("data"));
    QCOMPARE(serve->environment, QStringLiteral("DEBUG=1"));
    const RunConfigurations two = RunConfigurations::load(QStringLiteral("/projects/two"));
    QCOMPARE(two.configurations.size(), 1);
    QCOMPARE(two.configurations.first().name, QStringLiteral("Other"));
    QVERIFY(two.chosen.isEmpty());
    QVERIFY(RunConfigurations::load(QStringLiteral("/projects/three")).configurations.isEmpty());

    // A choice whose configuration is gone is the current file again.
    RunConfigurations stale = one;
    stale.configurations.removeLast();
    stale.save(QStringLiteral("/projects/one"));
    QVERIFY(RunConfigurations::load(QStringLiteral("/projects/one")).chosen.isEmpty());
}

void tst_RunConfigurations::badConfigurationIsNamed_data()
{
    QTest::addColumn<RunConfiguration>("bad");
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing file") << configuration(QStringLiteral("Gone"), QStringLiteral("gone.py"))
                                  << "the file %1/gone.py does not exist";
    QTest::newRow("bad directory") << configuration(QStringLiteral("Nowhere"), QStringLiteral("show.py"), {},
                                                    QStringLiteral("missing"))
                                   << "the working directory %1/missing does not exist";
    QTest::newRow("directory is a file") << configuration(QStringLiteral("File dir"), QStringLiteral("show.py"), {},
                                                          QStringLiteral("show.py"))
                                         << "the working directory %1/show.py does not exist";
    QTest::newRow("bad environment") << configuration(QStringLiteral("Env"), QStringLiteral("show.py"), {}, {},
                                                      QStringLiteral("OK=1\nnot a variable"))
                                     << "environment line 2 is not NAME=VALUE: not a variable";
    QTest::newRow("nothing") << configuration(QStringLiteral("Empty"), QString()) << "it names nothing to run";
    QTest::newRow("bad target") << configuration(QStringLiteral("Odd"), QStringLiteral("pkg:main extra"))
                                << "\"pkg:main extra\" is neither a .py file, \"-m module\" nor package.module:callable";
    QTest::newRow("bad module") << configuration(QStringLiteral("Mod"), QStringLiteral("-m ../x"))
                                << "\"-m ../x\" is not \"-m\" followed by a module name";
}

void tst_RunConfigurations::badConfigurationIsNamed()
{
    QFETCH(RunConfiguration, bad);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const QString folder = QDir::cleanPath(dir.path());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("show.py")), showProgram));
    QString error;
    bad.setup(folder, &error);
    QCOMPARE(error, QStringLiteral("The run configuration \"%1\" cannot run: %2")
                        .arg(bad.name, problem.contains(QStringLiteral("%1")) ? problem.arg(QDir::toNativeSeparators(folder)) : problem));

    // A good one resolves its paths and splits its arguments as a shell would.
    RunConfiguration good = configuration(QStringLiteral("Good"), QStringLiteral("show.py"),
                                          QStringLiteral("one \"two three\" 'four'"), QStringLiteral("."),
                                          QStringLiteral("A=1"));
    const ProgramSetup setup = good.setup(folder, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(setup.arguments, (QStringList{"one", "two three", "'four'"}));
    QCOMPARE(setup.workingDirectory, folder);
    QCOMPARE(setup.environment.size(), 1);
}

void tst_RunConfigurations::dialogEditsAndRefusesDuplicateNames()
{
    RunConfigurationsDialog dialog({configuration(QStringLiteral("First"), QStringLiteral("a.py"))},
                                   QStringLiteral("/project"), QStringLiteral("First"), QStringLiteral("b.py"), nullptr);
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *target = dialog.findChild<QLineEdit *>(QStringLiteral("targetEdit"));
    auto *arguments = dialog.findChild<QLineEdit *>(QStringLiteral("argumentsEdit"));
    auto *environment = dialog.findChild<QPlainTextEdit *>(QStringLiteral("environmentEdit"));
    QVERIFY(name && target && arguments && environment);
    QCOMPARE(name->text(), QStringLiteral("First"));
    dialog.addConfiguration();
    // A new configuration runs the current file at first.
    QCOMPARE(target->text(), QStringLiteral("b.py"));
    name->setText(QStringLiteral("First"));
    arguments->setText(QStringLiteral("-v"));
    environment->setPlainText(QStringLiteral("X=1"));

    QString warning;
    QTimer::singleShot(0, this, [&warning] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box) {
            warning = box->text();
            box->accept();
        }
    });
    dialog.accept();
    QCOMPARE(warning, QStringLiteral("Two configurations are named \"First\"."));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    name->setText(QStringLiteral("Second"));
    // Edits live through a visit to another configuration.
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("configurationList"));
    QVERIFY(list);
    QCOMPARE(list->item(1)->text(), QStringLiteral("Second"));
    list->setCurrentRow(0);
    QCOMPARE(arguments->text(), QString());
    QCOMPARE(target->text(), QStringLiteral("a.py"));
    list->setCurrentRow(1);
    QCOMPARE(arguments->text(), QStringLiteral("-v"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QList<RunConfiguration> result = dialog.configurations();
    QCOMPARE(result.size(), 2);
    QCOMPARE(result.at(0).target, QStringLiteral("a.py"));
    QCOMPARE(result.at(1).name, QStringLiteral("Second"));
    QCOMPARE(result.at(1).arguments, QStringLiteral("-v"));
    QCOMPARE(result.at(1).environment, QStringLiteral("X=1"));
    QCOMPARE(dialog.currentName(), QStringLiteral("Second"));

    dialog.removeCurrent();
    QCOMPARE(dialog.configurations().size(), 1);
    QCOMPARE(dialog.currentName(), QStringLiteral("First"));
    QCOMPARE(name->text(), QStringLiteral("First"));
}

QString tst_RunConfigurations::openProject(QTemporaryDir &dir)
{
    const QString folder = QDir::cleanPath(dir.path());
    writeFile(folder + QStringLiteral("/show.py"), showProgram);
    writeFile(folder + QStringLiteral("/data/readme.txt"), "data\n");
    m_package = QStringLiteral("rcpkg%1").arg(++m_projects);
    writeFile(folder + QLatin1Char('/') + m_package + QStringLiteral("/__init__.py"), "");
    writeFile(folder + QLatin1Char('/') + m_package + QStringLiteral("/tool.py"),
              "import os, sys\n"
              "def main():\n"
              "    print('tool', sys.argv, os.environ.get('RELIVE_RC_GREETING'))\n"
              "if __name__ == '__main__':\n"
              "    print('module', sys.argv[1:], os.environ.get('RELIVE_RC_GREETING'))\n");
    writeFile(folder + QLatin1Char('/') + m_package + QStringLiteral("/__main__.py"),
              "import sys\nprint('package main', sys.argv[1:], __package__)\n");
    QString error;
    if (!m_window->openFolder(folder, QString(), &error, false))
        qWarning("could not open the project: %s", qPrintable(error));
    return folder;
}

bool tst_RunConfigurations::consoleShowsInOrder(const QStringList &parts) const
{
    const QString text = m_window->console()->outputText();
    qsizetype from = 0;
    for (const QString &part : parts) {
        const qsizetype at = text.indexOf(part, from);
        if (at < 0)
            return false;
        from = at + part.size();
    }
    return true;
}

bool tst_RunConfigurations::pressF5()
{
    QSignalSpy ended(m_window->runtime(), &PythonRuntime::programEnded);
    auto *runFile = m_window->findChild<QAction *>(QStringLiteral("runFileAction"));
    if (!runFile || runFile->shortcut() != QKeySequence(Qt::Key_F5))
        return false;
    runFile->trigger();
    return ended.wait(20000) || !ended.isEmpty();
}

void tst_RunConfigurations::runInConsole(const QString &code)
{
    QSignalSpy finished(m_window->runtime(), &PythonRuntime::commandFinished);
    m_window->runtime()->runSource(code, QStringLiteral("<test>"));
    QVERIFY(finished.wait(20000) || !finished.isEmpty());
}

void tst_RunConfigurations::f5RunsTheChosenConfiguration()
{
    QTemporaryDir dir;
    const QString folder = openProject(dir);
    RunController *runs = m_window->runController();
    runs->setConfigurations({configuration(QStringLiteral("Show"), QStringLiteral("show.py"),
                                           QStringLiteral("one \"two three\""), QStringLiteral("data"),
                                           QStringLiteral("RELIVE_RC_GREETING=hello there\nRELIVE_RC_KEPT=during"))});
    // Chosen in the toolbar's combo, as the user does.
    QComboBox *combo = runs->comboBox();
    QVERIFY(combo && combo->isEnabled());
    QCOMPARE(combo->itemText(0), QStringLiteral("Current File"));
    const int index = combo->findText(QStringLiteral("Show"));
    QVERIFY(index > 0);
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
    QCOMPARE(runs->chosen(), QStringLiteral("Show"));
    QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("runFileAction"))->toolTip(),
             QStringLiteral("Run the configuration Show"));

    runInConsole(QStringLiteral("import os\n_before = os.getcwd()\n"));
    m_window->console()->clear();
    QVERIFY(pressF5());
    QTRY_VERIFY2(consoleShowsInOrder({QStringLiteral("Running show.py one \"two three\""),
                                      QStringLiteral("argv ['one', 'two three']"), QStringLiteral("cwd data"),
                                      QStringLiteral("env hello there"), QStringLiteral("show.py finished")}),
                 qPrintable(m_window->console()->outputText()));

    // Afterwards the console has its own directory and environment again.
    m_window->console()->clear();
    runInConsole(QStringLiteral("print('after', os.getcwd() == _before, os.environ.get('RELIVE_RC_GREETING'), "
                                "os.environ.get('RELIVE_RC_KEPT'))\n"));
    QTRY_VERIFY2(m_window->console()->outputText().contains(QStringLiteral("after True None before")),
                 qPrintable(m_window->console()->outputText()));
    QCOMPARE(qgetenv("RELIVE_RC_GREETING"), QByteArray());
    Q_UNUSED(folder);
}

void tst_RunConfigurations::callableAndModuleTargets_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");
    QTest::newRow("callable") << "%1.tool:main" << "tool ['%1.tool:main', 'a b', 'c'] hi";
    QTest::newRow("module") << "-m %1.tool" << "module ['a b', 'c'] hi";
    QTest::newRow("package") << "-m %1" << "package main ['a b', 'c'] %1";
}

void tst_RunConfigurations::callableAndModuleTargets()
{
    QFETCH(QString, target);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    openProject(dir);
    target = target.arg(m_package);
    if (expected.contains(QStringLiteral("%1")))
        expected = expected.arg(m_package);
    RunController *runs = m_window->runController();
    runs->setConfigurations({configuration(QStringLiteral("Target"), target, QStringLiteral("\"a b\" c"), {},
                                           QStringLiteral("RELIVE_RC_GREETING=hi"))});
    runs->choose(QStringLiteral("Target"));
    m_window->console()->clear();
    QVERIFY(pressF5());
    QTRY_VERIFY2(m_window->console()->outputText().contains(expected), qPrintable(m_window->console()->outputText()));
    QVERIFY2(m_window->console()->outputText().contains(QStringLiteral(" finished")),
             qPrintable(m_window->console()->outputText()));
    QCOMPARE(qgetenv("RELIVE_RC_GREETING"), QByteArray());
}

void tst_RunConfigurations::badConfigurationRunsNothing()
{
    QTemporaryDir dir;
    const QString folder = openProject(dir);
    RunController *runs = m_window->runController();
    runs->setConfigurations({configuration(QStringLiteral("Broken"), QStringLiteral("show.py"), {},
                                           QStringLiteral("no/such/dir"))});
    runs->choose(QStringLiteral("Broken"));
    m_window->console()->clear();
    QSignalSpy started(m_window->runtime(), &PythonRuntime::programStarted);
    m_window->findChild<QAction *>(QStringLiteral("runFileAction"))->trigger();
    const QString expected = QStringLiteral("The run configuration \"Broken\" cannot run: the working directory %1 does not exist")
                                 .arg(QDir::toNativeSeparators(folder + QStringLiteral("/no/such/dir")));
    QTRY_VERIFY2(m_window->console()->outputText().contains(expected), qPrintable(m_window->console()->outputText()));
    // Whatever was queued has run by now: nothing started.
    runInConsole(QStringLiteral("pass\n"));
    QVERIFY(started.isEmpty());
}

void tst_RunConfigurations::choiceFollowsTheFolder()
{
    QTemporaryDir first;
    const QString firstFolder = openProject(first);
    RunController *runs = m_window->runController();
    runs->setConfigurations({configuration(QStringLiteral("Mine"), QStringLiteral("show.py"))});
    runs->choose(QStringLiteral("Mine"));
    QTemporaryDir second;
    openProject(second);
    // Another folder: its own (no) configurations, F5 on the current file.
    QVERIFY(runs->configurations().configurations.isEmpty());
    QCOMPARE(runs->comboBox()->currentText(), QStringLiteral("Current File"));
    // Back to the first (its packages are registered already, so the session
    // is what changes): its configurations and choice, as saved.
    runs->setFolder(firstFolder);
    QCOMPARE(runs->chosen(), QStringLiteral("Mine"));
    QCOMPARE(runs->comboBox()->currentText(), QStringLiteral("Mine"));
    // The combo's last entry opens the dialog, not a choice.
    QCOMPARE(runs->comboBox()->itemText(runs->comboBox()->count() - 1), QStringLiteral("Edit Configurations…"));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("editRunConfigurationsAction")));
}

void tst_RunConfigurations::currentFileStaysTheDefault()
{
    QTemporaryDir dir;
    openProject(dir);
    RunController *runs = m_window->runController();
    runs->setConfigurations({configuration(QStringLiteral("Other"), m_package + QStringLiteral("/tool.py"), QStringLiteral("x"))});
    runs->choose(QString());
    CodeEditor *editor = m_window->editors()->openFile(dir.filePath(QStringLiteral("show.py")));
    QVERIFY(editor);
    m_window->console()->clear();
    QVERIFY(pressF5());
    QTRY_VERIFY2(consoleShowsInOrder({QStringLiteral("Running show.py"), QStringLiteral("argv []"),
                                      QStringLiteral("env None"), QStringLiteral("show.py finished")}),
                 qPrintable(m_window->console()->outputText()));
    m_window->editors()->closeEditor(editor);
}

QTEST_MAIN(tst_RunConfigurations)
#include "tst_runconfigurations.moc"
