#include "CodeManager.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>

namespace {

// The bundled example: installed beside the binary's prefix, or in the source
// tree when running from a build directory.
QString bundledExample()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        appDir + QStringLiteral("/../share/relive/examples/server"),
        QStringLiteral(RELIVE_INSTALLED_EXAMPLES "/server"),
        QStringLiteral(RELIVE_SOURCE_EXAMPLES "/server"),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    }
    return {};
}

// The command line, described once for both uses below.
void describe(QCommandLineParser &parser, const QCommandLineOption &namespaceOption)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Live-coding IDE for Python."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("DIR"),
        QCoreApplication::translate("main", "Folder to open: a project (its packages under their own names) or a folder imported as a namespace (default: the bundled example)."),
        QStringLiteral("[DIR]"));
    parser.addOption(namespaceOption);
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("relive"));
    QCoreApplication::setOrganizationName(QStringLiteral("relive"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELIVE_VERSION));
}

QCommandLineOption namespaceOption()
{
    return QCommandLineOption(
        {QStringLiteral("n"), QStringLiteral("namespace")},
        QCoreApplication::translate("main", "Name of the namespace the folder is imported as."),
        QCoreApplication::translate("main", "NAME"));
}

// --help and --version answer without a display (over ssh, say): QApplication
// would refuse to start before the parser could print anything.
bool answersWithoutWindow(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (answersWithoutWindow(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        installTranslators(&app, QLocale());
        QCommandLineParser parser;
        describe(parser, namespaceOption());
        parser.process(app);  // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Relive"));
    QApplication::setDesktopFileName(QStringLiteral("relive"));
    installTranslators(&app, interfaceLocale());

    QCommandLineParser parser;
    const QCommandLineOption namespaceOpt = namespaceOption();
    describe(parser, namespaceOpt);
    parser.process(app);

    QString folder;
    QString name = parser.value(namespaceOpt);
    if (!parser.positionalArguments().isEmpty()) {
        folder = parser.positionalArguments().constFirst();
        if (!QFileInfo(folder).isDir()) {
            qCritical("%s", qPrintable(QCoreApplication::translate("main", "Not a folder: %1").arg(folder)));
            return 2;
        }
    } else {
        folder = bundledExample();
        if (name.isEmpty())
            name = QStringLiteral("applib");
    }

    MainWindow window;
    window.show();

    QString error;
    if (!window.startEngine(&error)) {
        QMessageBox::critical(&window, QCoreApplication::translate("main", "Relive"),
                              QCoreApplication::translate("main", "Python could not start:\n%1").arg(error));
    } else if (!folder.isEmpty()) {
        // Without --namespace, a project folder opens with its packages' own
        // names (an empty name); any other folder under a name made from its own.
        if (name.isEmpty() && CodeManager::projectPackages(folder).isEmpty())
            name = CodeManager::proposeNamespaceName(QFileInfo(folder).fileName());
        window.openFolder(folder, name);
    }
    window.offerRecovery();
    window.showWelcomeOnFirstStart();
    return app.exec();
}
