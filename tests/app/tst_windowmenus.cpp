#include "CodeEditor.h"
#include "ConsoleWidget.h"
#include "DocumentationViewer.h"
#include "EditorTabs.h"
#include "MainWindow.h"
#include "NamespaceModel.h"
#include "NamespaceView.h"
#include "ProjectTree.h"
#include "ReloadLogView.h"
#include "ReloadReport.h"
#include "namespacenodes.h"
#include "WindowLayout.h"
#include "Preferences.h"
#include "PreferencesDialog.h"
#include "ShortcutsDialog.h"
#include "Translations.h"
#include "WelcomePage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QStandardItemModel>
#include <QDockWidget>
#include <QHeaderView>
#include <QScreen>
#include <QTabBar>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QAction *action(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

QDockWidget *dock(const MainWindow &window, const char *name)
{
    return window.findChild<QDockWidget *>(QString::fromLatin1(name));
}

// Whether `widget` lies wholly inside the window.
bool onScreen(const QWidget *widget, const QWidget *window)
{
    const QRect rect(widget->mapTo(window, QPoint(0, 0)), widget->size());
    return widget->isVisible() && window->rect().contains(rect);
}

} // namespace

// The window's Help and Preferences menus, zoom, and its title.
class tst_WindowMenus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void shortcutListIsReadFromTheActions();
    void zoomChangesEditorAndConsole();
    void preferencesApplyToOpenAndNewEditors();
    void preferencesDialogFromTheMenu();
    void preferencesPersist();
    void languageChoiceSelectsLocale_data();
    void languageChoiceSelectsLocale();
    void welcomePageOnFirstStartOnly();
    void documentationShipsWithTheBuild();
    void documentationGuideFollowsTheLanguage_data();
    void documentationGuideFollowsTheLanguage();
    void titleNamesTheSecondFolder();
    void aboutNamesTheVersionsInUse();
    void firstStartTakesTheScreen();
    void layoutShowsNames_data();
    void layoutShowsNames();
    void viewListsEveryDock();
    void resetLayoutBringsDocksBack();
    void closedDockComesBackFromView();
    void newFileIsUntitled();
    void projectTreeKeepsEveryFolder();

private:
    QTemporaryDir m_dir;
};

void tst_WindowMenus::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("relive-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowmenus"));
    QVERIFY(m_dir.isValid());
}

void tst_WindowMenus::init()
{
    // Every test starts from no saved choices.
    QSettings().clear();
}

void tst_WindowMenus::shortcutListIsReadFromTheActions()
{
    MainWindow window;
    QList<ShortcutsDialog::Entry> entries = ShortcutsDialog::entries(window.menuBar());
    auto keysOf = [&entries](const QString &menu, const QString &text) {
        for (const auto &entry : std::as_const(entries)) {
            if (entry.menu == menu && entry.action == text)
                return entry.keys;
        }
        return QStringLiteral("<missing>");
    };
    const auto native = [](const QKeySequence &key) { return key.toString(QKeySequence::NativeText); };
    QCOMPARE(keysOf(QStringLiteral("File"), QStringLiteral("Save")), native(QKeySequence::Save));
    QCOMPARE(keysOf(QStringLiteral("Edit"), QStringLiteral("Redo")),
             native(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)) + QStringLiteral(", ")
                 + native(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QCOMPARE(keysOf(QStringLiteral("Edit"), QStringLiteral("Preferences")),
             native(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    QCOMPARE(keysOf(QStringLiteral("Run"), QStringLiteral("Run File")), native(QKeySequence(Qt::Key_F5)));
    QCOMPARE(keysOf(QStringLiteral("Run"), QStringLiteral("Run Callable")), native(QKeySequence(Qt::CTRL | Qt::Key_F5)));
    QCOMPARE(keysOf(QStringLiteral("Debug"), QStringLiteral("Toggle Breakpoint")), native(QKeySequence(Qt::Key_F9)));
    QCOMPARE(keysOf(QStringLiteral("Debug"), QStringLiteral("Step Over")), native(QKeySequence(Qt::Key_F10)));
    QCOMPARE(keysOf(QStringLiteral("Debug"), QStringLiteral("Step Out")), native(QKeySequence(Qt::SHIFT | Qt::Key_F11)));
    QCOMPARE(keysOf(QStringLiteral("View"), QStringLiteral("Reset Zoom")),
             native(QKeySequence(Qt::CTRL | Qt::Key_0)));

    // Every menu action with a shortcut is listed, and nothing else.
    int withShortcut = 0;
    const auto actions = window.menuBar()->findChildren<QAction *>();
    for (const QAction *a : actions) {
        if (!a->shortcuts().isEmpty() && !a->menu())
            ++withShortcut;
    }
    QCOMPARE(entries.size(), withShortcut);

    // A changed shortcut shows at once: the list is not written down anywhere.
    action(window, "runAction")->setShortcut(QKeySequence(Qt::Key_F8));
    entries = ShortcutsDialog::entries(window.menuBar());
    QCOMPARE(keysOf(QStringLiteral("Run"), QStringLiteral("Run Callable")), native(QKeySequence(Qt::Key_F8)));

    ShortcutsDialog dialog(window.menuBar());
    const auto rows = dialog.list()->findItems(native(QKeySequence(Qt::Key_F8)), Qt::MatchExactly, 1);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first()->text(0).trimmed(), QStringLiteral("Run Callable"));

    // Keys that are no menu action's are listed too.
    QStringList listed;
    for (int i = 0; i < dialog.list()->topLevelItemCount(); ++i)
        listed << dialog.list()->topLevelItem(i)->text(0).trimmed() + QLatin1Char('=') + dialog.list()->topLevelItem(i)->text(1);
    for (const QString &expected : {QStringLiteral("Continue=") + native(QKeySequence(Qt::Key_F5)),
                                    QStringLiteral("Complete=") + native(QKeySequence(Qt::CTRL | Qt::Key_Space)),
                                    QStringLiteral("Go to Definition=") + native(QKeySequence(Qt::Key_F12))})
        QVERIFY2(listed.contains(expected), qPrintable(expected));
}

void tst_WindowMenus::zoomChangesEditorAndConsole()
{
    const QString file = m_dir.filePath(QStringLiteral("zoom.py"));
    QVERIFY(writeFile(file, "x = 1\n"));
    MainWindow window;
    CodeEditor *editor = window.editors()->openFile(file);
    QVERIFY(editor);
    const int base = Preferences::load().baseFont().pointSize();
    QCOMPARE(editor->font().pointSize(), base);
    QCOMPARE(window.console()->outputView()->font().pointSize(), base);

    action(window, "zoomInAction")->trigger();
    action(window, "zoomInAction")->trigger();
    QCOMPARE(editor->font().pointSize(), base + 2);
    QCOMPARE(window.console()->outputView()->font().pointSize(), base + 2);
    QCOMPARE(window.console()->inputLine()->font().pointSize(), base + 2);
    QCOMPARE(Preferences::load().zoom, 2);

    action(window, "zoomOutAction")->trigger();
    QCOMPARE(editor->font().pointSize(), base + 1);
    // A file opened now gets the zoomed font too.
    const QString other = m_dir.filePath(QStringLiteral("zoom2.py"));
    QVERIFY(writeFile(other, "y = 2\n"));
    QCOMPARE(window.editors()->openFile(other)->font().pointSize(), base + 1);

    action(window, "resetZoomAction")->trigger();
    QCOMPARE(editor->font().pointSize(), base);
    QCOMPARE(window.console()->outputView()->font().pointSize(), base);
    QCOMPARE(Preferences::load().zoom, 0);

    // The zoom keeps the font within bounds.
    for (int i = 0; i < 200; ++i)
        action(window, "zoomOutAction")->trigger();
    QCOMPARE(editor->font().pointSize(), int(Preferences::MinimumPointSize));
}

void tst_WindowMenus::preferencesApplyToOpenAndNewEditors()
{
    const QString file = m_dir.filePath(QStringLiteral("prefs.py"));
    QVERIFY(writeFile(file, "x = 1\n"));
    MainWindow window;
    CodeEditor *editor = window.editors()->openFile(file);
    const QString theme = CodeEditor::availableThemes().constLast();
    Preferences chosen = window.preferences();
    chosen.fontSize = 17;
    chosen.theme = theme;
    window.setPreferences(chosen);
    QCOMPARE(editor->font().pointSize(), 17);
    QCOMPARE(editor->themeName(), theme);
    QCOMPARE(window.console()->outputView()->font().pointSize(), 17);

    const QString other = m_dir.filePath(QStringLiteral("prefs2.py"));
    QVERIFY(writeFile(other, "y = 2\n"));
    CodeEditor *later = window.editors()->openFile(other);
    QCOMPARE(later->font().pointSize(), 17);
    QCOMPARE(later->themeName(), theme);

    // A window started afterwards applies the saved choices.
    MainWindow next;
    CodeEditor *reopened = next.editors()->openFile(file);
    QCOMPARE(reopened->font().pointSize(), 17);
    QCOMPARE(reopened->themeName(), theme);
}

void tst_WindowMenus::preferencesDialogFromTheMenu()
{
    const QString file = m_dir.filePath(QStringLiteral("dialog.py"));
    QVERIFY(writeFile(file, "x = 1\n"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    CodeEditor *editor = window.editors()->openFile(file);
    const QString theme = CodeEditor::availableThemes().constFirst();
    bool answered = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->sizeBox()->setValue(21);
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(theme));
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("de")));
        answered = true;
        dialog->accept();
    });
    action(window, "preferencesAction")->trigger();
    QVERIFY(answered);
    QCOMPARE(editor->font().pointSize(), 21);
    QCOMPARE(editor->themeName(), theme);
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
}

void tst_WindowMenus::preferencesPersist()
{
    Preferences saved;
    saved.fontFamily = QStringLiteral("DejaVu Sans Mono");
    saved.fontSize = 13;
    saved.zoom = -2;
    saved.theme = CodeEditor::availableThemes().constFirst();
    saved.language = QStringLiteral("en");
    saved.save();
    const Preferences loaded = Preferences::load();
    QCOMPARE(loaded.fontFamily, saved.fontFamily);
    QCOMPARE(loaded.fontSize, 13);
    QCOMPARE(loaded.zoom, -2);
    QCOMPARE(loaded.theme, saved.theme);
    QCOMPARE(loaded.language, saved.language);
    QCOMPARE(loaded.zoomedFont().pointSize(), 11);

    // The dialog shows the saved choices and hands back what it shows.
    PreferencesDialog dialog(loaded);
    QCOMPARE(dialog.sizeBox()->value(), 13);
    QCOMPARE(dialog.themeBox()->currentData().toString(), saved.theme);
    QCOMPARE(dialog.languageBox()->currentData().toString(), QStringLiteral("en"));
    const Preferences shown = dialog.preferences();
    QCOMPARE(shown.fontSize, 13);
    QCOMPARE(shown.zoom, -2);
    QCOMPARE(shown.theme, saved.theme);
}

void tst_WindowMenus::languageChoiceSelectsLocale_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<int>("language");
    QTest::newRow("English") << QStringLiteral("en") << int(QLocale::English);
    QTest::newRow("Deutsch") << QStringLiteral("de") << int(QLocale::German);
    QTest::newRow("system") << QString() << int(QLocale().language());
}

void tst_WindowMenus::languageChoiceSelectsLocale()
{
    QFETCH(QString, choice);
    QFETCH(int, language);
    Preferences preferences;
    preferences.language = choice;
    preferences.save();
    QCOMPARE(int(interfaceLocale().language()), language);
}

void tst_WindowMenus::welcomePageOnFirstStartOnly()
{
    {
        MainWindow window;
        window.showWelcomeOnFirstStart();
        QVERIFY(window.welcomePage());
        QCOMPARE(window.editors()->tabWidget()->currentWidget(), window.welcomePage());
        const QString text = window.welcomePage()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("from applib.services import NetworkService")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("applib.services.NetworkService")));
        QVERIFY(text.contains(QStringLiteral("services/networking.py")));
        // The keys it names are the actions' own.
        QVERIFY(text.contains(action(window, "openFolderAction")->shortcut().toString(QKeySequence::NativeText)));
    }
    MainWindow second;
    second.showWelcomeOnFirstStart();
    QVERIFY(!second.welcomePage());
    action(second, "welcomeAction")->trigger();
    QVERIFY(second.welcomePage());
    QCOMPARE(second.editors()->tabWidget()->currentWidget(), second.welcomePage());
}

void tst_WindowMenus::documentationShipsWithTheBuild()
{
    const QString root = DocumentationViewer::documentationRoot();
    QVERIFY(!root.isEmpty());
    const QStringList pages = DocumentationViewer::pages(root);
    QVERIFY(pages.contains(QDir(root).filePath(QStringLiteral("README.md"))));
    QVERIFY(pages.contains(QDir(root).filePath(QStringLiteral("docs/ide.md"))));

    // English, whatever the system's language (the German guide has its own test).
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
    MainWindow window;
    action(window, "documentationAction")->trigger();
    auto *viewer = window.findChild<DocumentationViewer *>();
    QVERIFY(viewer);
    QVERIFY(viewer->isVisible());
    // The user guide comes first, rendered as Markdown: the heading's '#' is gone.
    QCOMPARE(pages.first(), QDir(root).filePath(QStringLiteral("docs/guide.md")));
    const QString guide = viewer->browser()->toPlainText();
    QVERIFY2(guide.startsWith(QStringLiteral("Relive user guide")), qPrintable(guide.left(80)));
    for (const char *topic : {"Live editing", "The console", "Running a program", "Debugging", "inspector", "Overrides", "Shortcuts"})
        QVERIFY2(guide.contains(QLatin1String(topic)), topic);
    viewer->showPage(QDir(root).filePath(QStringLiteral("README.md")));
    QVERIFY(viewer->browser()->toPlainText().startsWith(QStringLiteral("Relive")));
    viewer->showPage(QDir(root).filePath(QStringLiteral("docs/ide.md")));
    QVERIFY(viewer->browser()->toPlainText().startsWith(QStringLiteral("The IDE")));
}

void tst_WindowMenus::documentationGuideFollowsTheLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("guide");
    QTest::addColumn<QString>("heading");
    QTest::newRow("Deutsch") << QStringLiteral("de") << QStringLiteral("docs/guide.de.md")
                             << QStringLiteral("Relive-Benutzerhandbuch");
    QTest::newRow("Deutsch (Österreich)") << QStringLiteral("de_AT") << QStringLiteral("docs/guide.de.md")
                                          << QStringLiteral("Relive-Benutzerhandbuch");
    QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("docs/guide.md")
                             << QStringLiteral("Relive user guide");
}

void tst_WindowMenus::documentationGuideFollowsTheLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, guide);
    QFETCH(QString, heading);
    const QString root = DocumentationViewer::documentationRoot();
    QVERIFY(!root.isEmpty());
    const QString expected = QDir(root).filePath(guide);
    QCOMPARE(DocumentationViewer::guide(root, QLocale(language)), expected);

    // The interface language chosen in Preferences, as the translators use it.
    QSettings().setValue(QStringLiteral("ui/language"), language);
    MainWindow window;
    action(window, "documentationAction")->trigger();
    auto *viewer = window.findChild<DocumentationViewer *>();
    QVERIFY(viewer);
    QCOMPARE(viewer->browser()->source(), QUrl::fromLocalFile(expected));
    const QString text = viewer->browser()->toPlainText();
    QVERIFY2(text.startsWith(heading), qPrintable(text.left(80)));

    // One guide in the list, first, named as the guide; no language's guide
    // among the developer pages.
    QListWidget *list = viewer->pageList();
    QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), expected);
    QCOMPARE(list->item(0)->text(), QStringLiteral("User Guide"));
    for (int i = 1; i < list->count(); ++i) {
        const QString name = QFileInfo(list->item(i)->data(Qt::UserRole).toString()).fileName();
        QVERIFY2(!name.startsWith(QStringLiteral("guide.")), qPrintable(name));
    }
}

void tst_WindowMenus::titleNamesTheSecondFolder()
{
    const QString first = m_dir.filePath(QStringLiteral("first"));
    const QString second = m_dir.filePath(QStringLiteral("second"));
    const QString third = m_dir.filePath(QStringLiteral("third"));
    for (const QString &folder : {first, second, third})
        QVERIFY(QDir().mkpath(folder));
    QVERIFY(writeFile(first + QStringLiteral("/main.py"), "def run():\n    pass\n"));
    QVERIFY(writeFile(second + QStringLiteral("/main.py"), "def run():\n    pass\n"));
    QVERIFY(writeFile(third + QStringLiteral("/tools.py"), "def helper():\n    pass\n"));

    MainWindow window;
    QString error;
    QVERIFY2(window.startEngine(&error), qPrintable(error));
    QVERIFY2(window.openFolder(first, QStringLiteral("firstlib"), &error, false), qPrintable(error));
    QCOMPARE(window.windowTitle(), QStringLiteral("main.py[*] \u2014 firstlib \u2014 Relive"));

    // The second folder's own main.py is shown, not the first's.
    QVERIFY2(window.openFolder(second, QStringLiteral("secondlib"), &error, false), qPrintable(error));
    QCOMPARE(window.editors()->currentEditor()->filePath(),
             EditorTabs::normalizedPath(second + QStringLiteral("/main.py")));
    QCOMPARE(window.windowTitle(), QStringLiteral("main.py[*] \u2014 secondlib \u2014 Relive"));

    // A folder with no file to show: the title says where the open file is.
    QVERIFY2(window.openFolder(third, QStringLiteral("thirdlib"), &error, false), qPrintable(error));
    const QString title = window.windowTitle();
    QVERIFY2(title.endsWith(QStringLiteral(" \u2014 thirdlib \u2014 Relive")), qPrintable(title));
    QVERIFY2(title.contains(QDir::toNativeSeparators(QFileInfo(EditorTabs::normalizedPath(second)).absoluteFilePath())),
             qPrintable(title));
}

void tst_WindowMenus::aboutNamesTheVersionsInUse()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString text;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        text = box->text();
        box->accept();
    });
    action(window, "aboutAction")->trigger();
    QVERIFY2(text.contains(QStringLiteral("Python " RELIVE_PYTHON_MAJOR_MINOR ".")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))), qPrintable(text));
    QVERIFY2(text.contains(CodeEditor::highlighterVersion()), qPrintable(text));
}

void tst_WindowMenus::firstStartTakesTheScreen()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The frame, where there is one, is inside the available area too.
    QTRY_COMPARE(window.frameGeometry(), window.screen()->availableGeometry());
}

void tst_WindowMenus::layoutShowsNames_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1400x900") << QSize(1400, 900);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("3840x2160") << QSize(3840, 2160);
}

void tst_WindowMenus::layoutShowsNames()
{
    QFETCH(QSize, size);
    MainWindow window;
    window.setWindowState(Qt::WindowNoState);
    window.resize(size);
    const QString networking = m_dir.filePath(QStringLiteral("services/networking.py"));
    window.namespaceView()->setRoots(
        {node(QStringLiteral("applib"), NamespaceNode::Kind::Namespace, {}, 0,
              {node(QStringLiteral("applib.services"), NamespaceNode::Kind::Namespace, {}, 0,
                    {node(QStringLiteral("applib.services.NetworkService"), NamespaceNode::Kind::Class,
                          networking, 5)})})});
    ReloadReport report;
    report.file = networking;
    report.time = QDateTime::currentDateTime();
    report.ms = 12.5;
    window.reloadLog()->addReport(report);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), size);

    // The project tree holds a file name, two folders deep.
    const QFontMetrics metrics(window.font());
    QVERIFY2(dock(window, "projectDock")->width()
                 >= metrics.horizontalAdvance(QStringLiteral("networking.py")) + 3 * window.style()->pixelMetric(QStyle::PM_TreeViewIndentation),
             qPrintable(QString::number(dock(window, "projectDock")->width())));

    // The namespace view's names are whole and in sight.
    NamespaceView *view = window.namespaceView();
    view->expandAll();
    const QModelIndexList found = view->model()->match(view->model()->index(0, 0), Qt::DisplayRole,
                                                       QStringLiteral("NetworkService"), 1,
                                                       Qt::MatchRecursive | Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    const QRect nameRect = view->visualRect(found.first());
    const int nameWidth = metrics.horizontalAdvance(QStringLiteral("NetworkService"));
    QVERIFY2(nameRect.width() >= nameWidth, qPrintable(QStringLiteral("%1 < %2").arg(nameRect.width()).arg(nameWidth)));
    QVERIFY(nameRect.right() <= view->viewport()->width());
    const QString location = found.first().siblingAtColumn(NamespaceModel::LocationColumn).data().toString();
    QVERIFY(view->columnWidth(NamespaceModel::LocationColumn) >= metrics.horizontalAdvance(location));

    // The reload log's outcome column is on screen, with room for its title.
    QHeaderView *header = window.reloadLog()->header();
    const int outcome = header->sectionViewportPosition(ReloadLogView::OutcomeColumn);
    QVERIFY2(outcome + metrics.horizontalAdvance(QStringLiteral("Outcome")) < header->viewport()->width(),
             qPrintable(QStringLiteral("%1 in %2").arg(outcome).arg(header->viewport()->width())));
    QVERIFY(onScreen(window.reloadLog(), &window));

    // No dock tab title is cut.
    const auto bars = window.findChildren<QTabBar *>(QString(), Qt::FindDirectChildrenOnly);
    QStringList titles;
    for (const QTabBar *bar : bars) {
        if (!bar->isVisible())
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            titles << bar->tabText(i);
            const QRect tab = bar->tabRect(i);
            QVERIFY2(bar->rect().contains(tab), qPrintable(bar->tabText(i)));
            QVERIFY2(tab.width() >= bar->fontMetrics().horizontalAdvance(bar->tabText(i)), qPrintable(bar->tabText(i)));
        }
    }
    QVERIFY2(titles.contains(QStringLiteral("Reload Log")), qPrintable(titles.join(QLatin1Char(','))));
    QVERIFY(titles.contains(QStringLiteral("Call Stack")));

    // The console's input line is in the window.
    QVERIFY(onScreen(window.console()->inputLine(), &window));
    // The editors keep the larger part of the width.
    QVERIFY(window.centralWidget()->width() >= size.width() * 2 / 5);
}

void tst_WindowMenus::viewListsEveryDock()
{
    MainWindow window;
    auto *view = window.findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(view);
    const auto docks = window.findChildren<QDockWidget *>();
    QVERIFY(docks.size() >= 12);
    QStringList titles;
    for (const QDockWidget *dock : docks) {
        QVERIFY2(view->actions().contains(dock->toggleViewAction()), qPrintable(dock->windowTitle()));
        titles << dock->toggleViewAction()->text();
    }
    for (const char *title : {"Problems", "Usages", "Console", "Project", "Namespace", "Reload Log", "Call Stack"})
        QVERIFY2(titles.contains(QString::fromLatin1(title)), title);
    QVERIFY(view->actions().contains(action(window, "resetLayoutAction")));
}

void tst_WindowMenus::resetLayoutBringsDocksBack()
{
    MainWindow window;
    window.setWindowState(Qt::WindowNoState);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int projectWidth = dock(window, "projectDock")->width();
    QVERIFY(dock(window, "consoleDock")->isVisible());

    dock(window, "consoleDock")->close();
    dock(window, "problemsDock")->close();
    dock(window, "namespaceDock")->setFloating(true);
    window.resizeDocks({dock(window, "projectDock")}, {60}, Qt::Horizontal);
    QTRY_VERIFY(dock(window, "projectDock")->width() < projectWidth);
    QVERIFY(!dock(window, "consoleDock")->isVisible());

    action(window, "resetLayoutAction")->trigger();
    QTRY_VERIFY(dock(window, "consoleDock")->isVisible());
    QVERIFY(!dock(window, "problemsDock")->isHidden());
    QVERIFY(!dock(window, "namespaceDock")->isFloating());
    QCOMPARE(window.dockWidgetArea(dock(window, "namespaceDock")), Qt::RightDockWidgetArea);
    QTRY_VERIFY2(qAbs(dock(window, "projectDock")->width() - projectWidth) <= 4,
                 qPrintable(QStringLiteral("%1 vs %2").arg(dock(window, "projectDock")->width()).arg(projectWidth)));
    QVERIFY(onScreen(window.console()->inputLine(), &window));
}

void tst_WindowMenus::closedDockComesBackFromView()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        dock(window, "usagesDock")->close();
        dock(window, "consoleDock")->close();
        window.close();
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The session's choice is kept, and View undoes it.
    QVERIFY(!dock(window, "consoleDock")->isVisible());
    QAction *toggle = dock(window, "consoleDock")->toggleViewAction();
    QVERIFY(!toggle->isChecked());
    toggle->trigger();
    QTRY_VERIFY(dock(window, "consoleDock")->isVisible());
    dock(window, "usagesDock")->toggleViewAction()->trigger();
    QTRY_VERIFY(!dock(window, "usagesDock")->isHidden());
}

void tst_WindowMenus::newFileIsUntitled()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Any dialog would be modal: none may open.
    bool dialog = false;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&dialog] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            dialog = true;
            modal->close();
        }
    });
    watch.start(20);
    QAction *newFile = action(window, "newFileAction");
    QVERIFY(newFile);
    QCOMPARE(newFile->shortcut(), QKeySequence(QKeySequence::New));
    newFile->trigger();
    CodeEditor *editor = window.editors()->currentEditor();
    QVERIFY(editor);
    QVERIFY(editor->filePath().isEmpty());
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("Untitled 1")), qPrintable(window.windowTitle()));
    QTest::qWait(100);
    QVERIFY(!dialog);
}

void tst_WindowMenus::projectTreeKeepsEveryFolder()
{
    const QString first = m_dir.filePath(QStringLiteral("treeone"));
    const QString second = m_dir.filePath(QStringLiteral("treetwo"));
    QVERIFY(QDir().mkpath(first + QStringLiteral("/services")));
    QVERIFY(QDir().mkpath(second));
    QVERIFY(writeFile(first + QStringLiteral("/services/networking.py"), "X = 1\n"));
    QVERIFY(writeFile(second + QStringLiteral("/tools.py"), "Y = 2\n"));

    // What MainWindow::openFolder() does with the tree, without an engine.
    ProjectTree view;
    ProjectTree *tree = &view;
    tree->addRoot(first, QStringLiteral("onelib"));
    tree->addRoot(second, QStringLiteral("twolib"));
    QCOMPARE(tree->rootPaths(), (QStringList{QDir::cleanPath(first), QDir::cleanPath(second)}));
    QStandardItemModel *model = tree->treeModel();
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(model->item(0)->text().startsWith(QStringLiteral("onelib")));
    QVERIFY(model->item(1)->text().startsWith(QStringLiteral("twolib")));
    auto has = [model](const QString &path) {
        return !model->match(model->index(0, 0), ProjectTree::PathRole, QDir::cleanPath(path), 1,
                             Qt::MatchRecursive | Qt::MatchExactly).isEmpty();
    };
    QVERIFY(has(first + QStringLiteral("/services/networking.py")));
    QVERIFY(has(second + QStringLiteral("/tools.py")));

    // Opening the first again shows it, without a second root.
    tree->addRoot(first, QStringLiteral("onelib"));
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(tree->rootPath(), QDir::cleanPath(first));

    // A file added on disk shows in its folder's tree.
    QVERIFY(writeFile(first + QStringLiteral("/added.py"), "Z = 3\n"));
    QTRY_VERIFY(has(first + QStringLiteral("/added.py")));
    QCOMPARE(model->rowCount(), 2);
}

QTEST_MAIN(tst_WindowMenus)
#include "tst_windowmenus.moc"
