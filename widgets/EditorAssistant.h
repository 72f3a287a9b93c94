#pragma once

#include "EditorIntelligence.h"

#include <QObject>
#include <QPoint>
#include <QPointer>

class CodeEditor;
class CompletionPopup;
class QTimer;

// Gives one CodeEditor the engine's intelligence: completion after `.` and on
// Ctrl+Space, call tips when typing `(`, documentation and problems on hover,
// F12 / Ctrl+click (go to definition), Shift+F12 (find usages), the same in
// the context menu, and diagnostics 400 ms after the last edit, drawn as
// squiggles. Lives as a child of the editor; the editor itself only offers
// setAnnotationSelections().
//
// Answers are matched by generation: an answer for an older request, or one
// for a buffer that changed since, is dropped.
class EditorAssistant : public QObject
{
    Q_OBJECT
public:
    EditorAssistant(CodeEditor *editor, EditorIntelligence *intelligence);

    // The assistant of `editor`, if one is attached.
    static EditorAssistant *of(CodeEditor *editor);
    // What the user is told when `feature` lacks its Python `package`.
    static QString unavailableText(EditorIntelligence::Feature feature, const QString &package);

    CompletionPopup *completionPopup() const { return m_popup; }
    QList<Diagnostic> diagnostics() const { return m_diagnostics; }
    static constexpr int DiagnosticsDelayMs = 400;

    void requestCompletion();
    void requestCallTip();
    void goToDefinition();
    void findUsages();
    // Checks the buffer now instead of after the pause.
    void checkNow();

Q_SIGNALS:
    // The jump target of F12 / Ctrl+click; `readOnly` for library sources.
    void locationRequested(const QString &file, int line, int column, bool readOnly);
    void usagesFound(const QString &name, const QList<Definition> &sites);
    void diagnosticsChanged(const QString &file, const QList<Diagnostic> &diagnostics);
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onContentsChange(int position, int removed, int added);
    void onCompletions(int generation, const QList<Completion> &completions);
    void onCallTips(int generation, const QList<CallTip> &tips);
    void onHelp(int generation, const QString &title, const QString &text);
    void onDefinitions(int generation, const QList<Definition> &sites);
    void onUsages(int generation, const QList<Definition> &sites);
    void onDiagnostics(int generation, const QString &file, const QList<Diagnostic> &diagnostics);
    void insertCompletion(const QString &name);
    void showContextMenu(const QPoint &position, const QPoint &globalPosition);
    void showHover(const QPoint &position, const QPoint &globalPosition);
    void updateSquiggles();
    QString identifierBeforeCursor() const;
    QString wordUnderCursor() const;
    const Diagnostic *diagnosticAt(int line, int column) const;
    // 1-based line and 0-based column of the text cursor.
    void cursorPosition(int *line, int *column) const;
    // Says why an answer the user asked for is empty, if the cause is a
    // missing package; false when there is none.
    bool explainMissingPackage();

    QPointer<CodeEditor> m_editor;
    EditorIntelligence *m_intelligence;
    CompletionPopup *m_popup;
    QTimer *m_diagnosticsTimer;
    QList<Diagnostic> m_diagnostics;
    int m_completionGeneration = -1;
    int m_callTipGeneration = -1;
    int m_helpGeneration = -1;
    int m_definitionGeneration = -1;
    int m_usagesGeneration = -1;
    int m_diagnosticsGeneration = -1;
    int m_diagnosticsRevision = -1;
    int m_completionStart = -1;  // document position where the completed identifier starts
    QPoint m_hoverPosition;
    QString m_usagesName;
};
