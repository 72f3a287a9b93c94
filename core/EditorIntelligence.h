#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

class PythonRuntime;

// One completion: `prefixLength` characters before the cursor are replaced by `name`.
struct Completion
{
    QString name;
    QString kind;  // jedi's type: "function", "class", "module", "instance", "keyword", ...
    int prefixLength = 0;
};

// The signature of the call around the cursor.
struct CallTip
{
    QString signature;      // "handle(self, message)"
    int argumentIndex = -1; // the parameter the cursor is on, or -1
    QString documentation;
};

// Where a name is defined or used: 1-based line, 0-based column.
struct Definition
{
    QString file;
    int line = 0;
    int column = 0;
    QString name;
    QString lineText;
    bool readOnly = false;  // the standard library or an installed package
};

// A problem in a buffer: 1-based line, 0-based column.
struct Diagnostic
{
    enum class Severity { Error, Warning };
    int line = 0;
    int column = 0;
    QString message;
    Severity severity = Severity::Warning;
};

Q_DECLARE_METATYPE(Completion)
Q_DECLARE_METATYPE(CallTip)
Q_DECLARE_METATYPE(Definition)
Q_DECLARE_METATYPE(Diagnostic)

// Completion, call tips, documentation, go to definition, find usages and
// diagnostics for an editor buffer, with jedi and pyflakes running in the
// embedded interpreter (core/python/relive_intelligence.py and
// relive_checker.py), taught the namespace map and, for a file that runs as
// a module, its live objects.
//
// Work runs on the runtime's live worker, so it answers while the console or
// a program thread is busy. Every request returns its generation; a newer
// request of the same kind for the same file supersedes it: work not started
// yet is skipped, and the answer of a superseded request is never emitted.
//
// jedi and pyflakes are the distribution's packages; an interpreter may lack
// them (a pyenv build does). Requests then still answer, with less: see
// Feature and missingPackage().
class EditorIntelligence : public QObject
{
    Q_OBJECT
public:
    // What needs a Python package the interpreter may lack.
    enum class Feature {
        // Completion, call tips, help, definitions and usages need jedi;
        // without it they answer empty.
        Completion,
        // pyflakes' findings among the diagnostics; without it only the
        // syntax error and the namespace check are reported.
        Checker,
    };
    Q_ENUM(Feature)

    explicit EditorIntelligence(PythonRuntime *runtime, QObject *parent = nullptr);
    ~EditorIntelligence() override;

    // The Python package `feature` needs ("jedi", "pyflakes") if the
    // interpreter lacks it, else empty. Known once a request of that feature
    // has answered.
    QString missingPackage(Feature feature) const;

    // `line` is 1-based, `column` 0-based, both in `source` (the unsaved
    // buffer of `file`, which may be empty for a buffer without a file).
    int requestCompletions(const QString &file, const QString &source, int line, int column);
    int requestCallTips(const QString &file, const QString &source, int line, int column);
    int requestHelp(const QString &file, const QString &source, int line, int column);
    int requestDefinitions(const QString &file, const QString &source, int line, int column);
    int requestUsages(const QString &file, const QString &source, int line, int column);
    int requestDiagnostics(const QString &file, const QString &source);

Q_SIGNALS:
    void completionsReady(int generation, const QList<Completion> &completions);
    void callTipsReady(int generation, const QList<CallTip> &tips);
    // Empty `text` when the name has no documentation.
    void helpReady(int generation, const QString &title, const QString &text);
    void definitionsReady(int generation, const QList<Definition> &sites);
    void usagesReady(int generation, const QList<Definition> &sites);
    void diagnosticsReady(int generation, const QString &file, const QList<Diagnostic> &diagnostics);
    // The engine itself failed (a bug, not a problem of the buffer): the
    // request's answer is empty and this says why, with the Python traceback.
    void requestFailed(const QString &message);
    // missingPackage(feature) changed: a request found the interpreter lacks
    // `package`, or (`package` empty) that it has turned up. Emitted before
    // that request's answer.
    void missingPackageChanged(EditorIntelligence::Feature feature, const QString &package);

private:
    class Private;
    std::unique_ptr<Private> d;
};
