#include "CodeEditor.h"
#include "CodeManager.h"
#include "CompletionPopup.h"
#include "EditorAssistant.h"
#include "EditorIntelligence.h"
#include "ProblemsPanel.h"
#include "PythonRuntime.h"
#include "pythonpackage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

// EditorAssistant on a real CodeEditor with the real engine: the completion
// popup, squiggles, F12 and Ctrl+click, the context menu, what the user is
// told without jedi; and ProblemsPanel. What needs jedi is skipped where the
// interpreter lacks it.
class tst_EditorAssistant : public QObject
{
    Q_OBJECT

    PythonRuntime m_runtime;
    CodeManager *m_manager = nullptr;
    EditorIntelligence *m_intelligence = nullptr;
    bool m_hasJedi = false;

    static QString exampleFile(const QString &relative)
    {
        return QDir::cleanPath(QStringLiteral(RELIVE_EXAMPLES "/server/") + relative);
    }

    // An editor on the example's main.py holding `text`, cursor at the end, shown.
    std::unique_ptr<CodeEditor> editorWith(const QString &text)
    {
        auto editor = std::make_unique<CodeEditor>();
        editor->load(exampleFile(QStringLiteral("main.py")));
        editor->setPlainText(text);
        editor->moveCursor(QTextCursor::End);
        editor->resize(700, 400);
        editor->show();
        editor->activateWindow();
        editor->setFocus();
        new EditorAssistant(editor.get(), m_intelligence);
        return editor;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_runtime.start(&error), qPrintable(error));
        m_hasJedi = hasPythonPackage(m_runtime, QStringLiteral("jedi"));
        m_manager = new CodeManager(&m_runtime, this);
        QVERIFY2(m_manager->addDirectory(exampleFile(QString()), QStringLiteral("applib"), &error),
                 qPrintable(error));
        m_intelligence = new EditorIntelligence(&m_runtime, this);
    }

    void cleanupTestCase()
    {
        delete m_intelligence;
        delete m_manager;
    }

    void popupAfterDotAndReturnInserts()
    {
        auto editor = editorWith(QStringLiteral("from applib.services import NetworkService\n"));
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
        QTest::keyClicks(editor.get(), QStringLiteral("NetworkService(\"a\")."));
        CompletionPopup *popup = EditorAssistant::of(editor.get())->completionPopup();
        QTRY_VERIFY_WITH_TIMEOUT(popup->isShown(), 30000);
        const QStringList entries = popup->entries();
        QVERIFY2(entries.contains(QStringLiteral("handle")) && entries.contains(QStringLiteral("status")),
                 qPrintable(entries.join(QLatin1Char(' '))));
        // Typing narrows the list locally.
        QTest::keyClicks(editor.get(), QStringLiteral("st"));
        QTRY_COMPARE(popup->entries().value(0), QStringLiteral("status"));
        QTest::keyClick(popup->popup(), Qt::Key_Return);
        QVERIFY(!popup->isShown());
        QCOMPARE(editor->textCursor().block().text(), QStringLiteral("NetworkService(\"a\").status"));
    }

    void typingPastTheNameClosesPopup()
    {
        auto editor = editorWith(QStringLiteral("from applib.services import NetworkService\n"));
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
        QTest::keyClicks(editor.get(), QStringLiteral("NetworkService(\"a\").ha"));
        CompletionPopup *popup = EditorAssistant::of(editor.get())->completionPopup();
        QTRY_VERIFY_WITH_TIMEOUT(popup->isShown(), 30000);
        editor->textCursor().insertText(QStringLiteral("ndle("));
        QVERIFY(!popup->isShown());
    }

    void ctrlSpaceCompletesNamespaceNames()
    {
        auto editor = editorWith(QStringLiteral("from applib.services import Net"));
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
        QTest::keyClick(editor.get(), Qt::Key_Space, Qt::ControlModifier);
        CompletionPopup *popup = EditorAssistant::of(editor.get())->completionPopup();
        QTRY_VERIFY_WITH_TIMEOUT(popup->isShown(), 30000);
        QTest::keyClick(popup->popup(), Qt::Key_Tab);
        QCOMPARE(editor->toPlainText(), QStringLiteral("from applib.services import NetworkService"));
    }

    void squiggleUnderMissingName()
    {
        auto editor = editorWith(QStringLiteral("from applib.services import NetworkService, Nope\nNetworkService()\n"));
        EditorAssistant *assistant = EditorAssistant::of(editor.get());
        QSignalSpy changed(assistant, &EditorAssistant::diagnosticsChanged);
        QVERIFY(changed.wait(30000));
        QStringList underlined;
        for (const QTextEdit::ExtraSelection &s : editor->annotationSelections()) {
            QCOMPARE(s.format.underlineStyle(), QTextCharFormat::WaveUnderline);
            underlined << s.cursor.selectedText() + QLatin1Char(':') + s.format.toolTip();
        }
        QVERIFY2(underlined.contains(QStringLiteral("Nope:applib.services has no name 'Nope'")),
                 qPrintable(underlined.join(QLatin1Char('\n'))));
        // Fixing the line clears it after the pause.
        QTextCursor cursor(editor->document()->findBlockByNumber(0));
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, 6);
        cursor.removeSelectedText();
        QVERIFY(changed.wait(30000));
        for (const QTextEdit::ExtraSelection &s : editor->annotationSelections())
            QVERIFY2(!s.format.toolTip().contains(QLatin1String("Nope")), qPrintable(s.format.toolTip()));
    }

    void f12JumpsToDefiningFile()
    {
        auto editor = editorWith(QStringLiteral("from applib.services import NetworkService\nNetworkService()\n"));
        QTextCursor cursor(editor->document()->findBlockByNumber(1));
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 3);
        editor->setTextCursor(cursor);
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
        QSignalSpy jump(EditorAssistant::of(editor.get()), &EditorAssistant::locationRequested);
        QTest::keyClick(editor.get(), Qt::Key_F12);
        QVERIFY(jump.wait(30000));
        QCOMPARE(jump.first().at(0).toString(), exampleFile(QStringLiteral("services/networking.py")));
        QCOMPARE(jump.first().at(1).toInt(), 5);
        QCOMPARE(jump.first().at(3).toBool(), false);
    }

    void ctrlClickJumps()
    {
        auto editor = editorWith(QStringLiteral("from applib.objects import Session\nSession('x')\n"));
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        QTextCursor cursor(editor->document()->findBlockByNumber(1));
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 2);
        const QPoint where = editor->cursorRect(cursor).center();
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
        QSignalSpy jump(EditorAssistant::of(editor.get()), &EditorAssistant::locationRequested);
        QTest::mouseClick(editor->viewport(), Qt::LeftButton, Qt::ControlModifier, where);
        QVERIFY(jump.wait(30000));
        QCOMPARE(jump.first().at(0).toString(), exampleFile(QStringLiteral("objects/session.py")));
        QCOMPARE(jump.first().at(1).toInt(), 6);
    }

    void hoverShowsDocumentation()
    {
        auto editor = editorWith(QStringLiteral("import time\ntime.sleep(1)\n"));
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        QTextCursor cursor(editor->document()->findBlockByNumber(1));
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 7);
        const QPoint where = editor->cursorRect(cursor).center();
        QCursor::setPos(editor->viewport()->mapToGlobal(where));
        SKIP_WITHOUT_PYTHON_PACKAGE(m_hasJedi, "jedi");
        QHelpEvent event(QEvent::ToolTip, where, editor->viewport()->mapToGlobal(where));
        QApplication::sendEvent(editor->viewport(), &event);
        QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 30000);
        QVERIFY2(QToolTip::text().contains(QLatin1String("Delay execution")), qPrintable(QToolTip::text()));
        QToolTip::hideText();
    }

    void contextMenuOffersNavigation()
    {
        auto editor = editorWith(QStringLiteral("import json\njson.dumps\n"));
        QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
        QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(10, 10), editor->viewport()->mapToGlobal(QPoint(10, 10)));
        QApplication::sendEvent(editor->viewport(), &event);
        QMenu *menu = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *m = qobject_cast<QMenu *>(w); m && m->isVisible())
                menu = m;
        }
        QVERIFY(menu);
        QStringList texts;
        for (QAction *a : menu->actions())
            texts << a->text();
        QVERIFY2(texts.contains(QStringLiteral("Go to Definition")) && texts.contains(QStringLiteral("Find Usages")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        // Toggle Comment acts on the editor's lines.
        const auto actions = menu->actions();
        const auto comment = std::find_if(actions.begin(), actions.end(),
                                          [](QAction *a) { return a->text() == QLatin1String("Toggle Comment"); });
        QVERIFY(comment != actions.end());
        (*comment)->trigger();
        QCOMPARE(editor->toPlainText(), QStringLiteral("# import json\njson.dumps\n"));
        menu->close();
    }

    void missingJediIsExplained()
    {
        HiddenPythonPackages hidden(m_runtime, {QStringLiteral("jedi")});
        QVERIFY(hidden.isHidden());
        EditorIntelligence intelligence(&m_runtime);
        CodeEditor editor;
        editor.load(exampleFile(QStringLiteral("main.py")));
        editor.setPlainText(QStringLiteral("import json\njson.du"));
        editor.moveCursor(QTextCursor::End);
        auto *assistant = new EditorAssistant(&editor, &intelligence);
        QSignalSpy message(assistant, &EditorAssistant::message);
        const QString expected = EditorAssistant::unavailableText(EditorIntelligence::Feature::Completion,
                                                                  QStringLiteral("jedi"));
        QVERIFY(expected.contains(QLatin1String("jedi")));

        assistant->requestCompletion();
        QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty(), 30000);
        QCOMPARE(message.last().at(0).toString(), expected);
        QVERIFY(!assistant->completionPopup()->isShown());

        QSignalSpy jump(assistant, &EditorAssistant::locationRequested);
        assistant->goToDefinition();
        QTRY_COMPARE_WITH_TIMEOUT(message.size(), 2, 30000);
        QCOMPARE(message.last().at(0).toString(), expected);
        QSignalSpy usages(assistant, &EditorAssistant::usagesFound);
        assistant->findUsages();
        QTRY_COMPARE_WITH_TIMEOUT(message.size(), 3, 30000);
        QCOMPARE(message.last().at(0).toString(), expected);
        QVERIFY(jump.isEmpty());
        QVERIFY(usages.isEmpty());
    }

    void problemsPanelNotice()
    {
        ProblemsPanel panel;
        QSignalSpy activated(&panel, &ProblemsPanel::locationActivated);
        Diagnostic warning;
        warning.line = 3;
        warning.message = QStringLiteral("'os' imported but unused");
        panel.setProblems(QStringLiteral("/p/a.py"), ProblemsPanel::Origin::Check, {warning});
        panel.setNotice(QStringLiteral("the checker needs pyflakes"));
        // Above the problems, not one of them, and going nowhere.
        QCOMPARE(panel.topLevelItemCount(), 2);
        QCOMPARE(panel.topLevelItem(0)->text(0), QStringLiteral("the checker needs pyflakes"));
        QCOMPARE(panel.problemCount(), 1);
        Q_EMIT panel.itemActivated(panel.topLevelItem(0), 0);
        QVERIFY(activated.isEmpty());
        panel.setProblems(QStringLiteral("/p/a.py"), ProblemsPanel::Origin::Check, {});
        QCOMPARE(panel.problemCount(), 0);
        QCOMPARE(panel.topLevelItemCount(), 1);
        panel.setNotice(QString());
        QCOMPARE(panel.topLevelItemCount(), 0);
    }

    void problemsPanelMergesOrigins()
    {
        ProblemsPanel panel;
        QSignalSpy counts(&panel, &ProblemsPanel::countsChanged);
        Diagnostic warning;
        warning.line = 3;
        warning.message = QStringLiteral("'os' imported but unused");
        Diagnostic error;
        error.line = 7;
        error.message = QStringLiteral("ZeroDivisionError: division by zero");
        error.severity = Diagnostic::Severity::Error;
        panel.setProblems(QStringLiteral("/p/a.py"), ProblemsPanel::Origin::Check, {warning});
        panel.setProblems(QStringLiteral("/p/a.py"), ProblemsPanel::Origin::Reload, {error});
        QCOMPARE(panel.problemCount(), 2);
        QCOMPARE(panel.errorCount(), 1);
        QVERIFY(panel.topLevelItem(0)->text(0).contains(QLatin1String("ZeroDivisionError")));
        QSignalSpy activated(&panel, &ProblemsPanel::locationActivated);
        Q_EMIT panel.itemActivated(panel.topLevelItem(0), 0);
        QCOMPARE(activated.first().at(1).toInt(), 7);
        panel.setProblems(QStringLiteral("/p/a.py"), ProblemsPanel::Origin::Reload, {});
        QCOMPARE(panel.problemCount(), 1);
        QCOMPARE(counts.last().at(0).toInt(), 0);
    }
};

QTEST_MAIN(tst_EditorAssistant)
#include "tst_editorassistant.moc"
