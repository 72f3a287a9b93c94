#pragma once

#include <QByteArray>

#include <string_view>
#include <vector>

// Splits Python source (UTF-8, newlines already "\n") into its top-level
// statements without parsing it: a scan that knows strings (every prefix,
// triple quotes, f-string replacement fields), brackets, comments and line
// continuations. A statement runs from its first line at column 0 (its first
// decorator, for a decorated def or class) to the end of its last logical
// line, with the indented lines, `else:`/`elif`/`except`/`finally` clauses
// and comment lines in between; comment and blank lines between statements
// belong to none. Text that is not valid Python still splits somewhere: the
// statement holding the error no longer matches its old text, so it is parsed
// and the parser reports the error.
class StatementScanner
{
public:
    struct Statement
    {
        int begin = 0;  // byte offsets into the source
        int end = 0;
        int firstLine = 0;  // 1-based
        int lastLine = 0;
    };

    static std::vector<Statement> scan(const QByteArray &source);
    static std::string_view text(const QByteArray &source, const Statement &s)
    {
        return std::string_view(source.constData() + s.begin, size_t(s.end - s.begin));
    }
};
