#pragma once

// Private to core; plain C++, no Python.
#include <QByteArray>
#include <QList>
#include <QString>

// The names a Python file binds at top level, read from its tokens instead of
// its syntax tree: the same names, in the same order, with the same lines as
// Reloader::boundNames() over the statements of ast.parse() (the rule of
// DESIGN.md, "Namespace mapping"), at a fraction of the cost of building the
// tree. It follows logical lines (strings, comments, brackets, continuations)
// and indentation; the bodies of def, class and match are skipped.
//
// It does not check the syntax: a caller that needs to know whether the file
// compiles compiles it. When it cannot follow the text (an unterminated string,
// unbalanced brackets, a coding other than UTF-8), `ok` is false and the caller
// falls back to the syntax tree.
class ExportScanner
{
public:
    enum class Kind { Function, Class, Value };
    struct Name
    {
        QString name;
        int line = 0;  // of the top-level statement that binds it
        Kind kind = Kind::Value;  // of that statement
    };
    struct Result
    {
        bool ok = false;
        // Every binding in order, private names and repeats included.
        QList<Name> bound;
        // The value expression of the last top-level statement that assigns
        // __all__ (for ast.literal_eval), and whether there is one.
        bool hasAll = false;
        QByteArray allValue;
    };

    static Result scan(const QByteArray &source);
    // True unless the source declares a coding other than UTF-8 (PEP 263).
    static bool isUtf8(const QByteArray &source);
};
