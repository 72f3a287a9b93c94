#include "StatementScanner_p.h"

#include <cstring>

namespace {

bool isIdentifierByte(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

class Scan
{
public:
    explicit Scan(const QByteArray &source) : m_s(source.constData()), m_n(source.size()) {}

    std::vector<StatementScanner::Statement> run()
    {
        std::vector<StatementScanner::Statement> out;
        bool decoratorPending = false;
        while (m_i < m_n) {
            const int lineStart = m_i;
            // Indentation; a form feed resets the column, as in Python's tokenizer.
            int column = 0;
            while (m_i < m_n && (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\f')) {
                column = m_s[m_i] == '\f' ? 0 : column + 1;
                ++m_i;
            }
            if (m_i >= m_n)
                break;
            const char c = m_s[m_i];
            if (c == '\n' || c == '\r' || c == '#') {
                skipToLineEnd();
                continue;
            }
            const bool topLevel = column == 0;
            const bool startsNew = topLevel && !decoratorPending && !(out.size() && isClause());
            if (startsNew || out.empty())
                out.push_back({lineStart, lineStart, m_line, m_line});
            if (topLevel)
                decoratorPending = c == '@';
            logicalLine();
            out.back().end = m_lineEnd;
            out.back().lastLine = m_lastContentLine;
        }
        return out;
    }

private:
    // `else:`, `elif x:`, `except E:`, `finally:` at column 0 continue the
    // statement before them.
    bool isClause() const
    {
        for (const char *word : {"else", "elif", "except", "finally"}) {
            const int len = int(std::strlen(word));
            if (m_i + len <= m_n && std::memcmp(m_s + m_i, word, size_t(len)) == 0
                && (m_i + len == m_n || !isIdentifierByte(static_cast<unsigned char>(m_s[m_i + len]))))
                return true;
        }
        return false;
    }

    void skipToLineEnd()
    {
        while (m_i < m_n && m_s[m_i] != '\n')
            ++m_i;
        if (m_i < m_n) {
            ++m_i;
            ++m_line;
        }
    }

    // From the current position to the end of the logical line (past its
    // newline); m_lineEnd is where its text ends (before the newline).
    void logicalLine()
    {
        int depth = 0;
        while (m_i < m_n) {
            const char c = m_s[m_i];
            if (c == '\n') {
                m_lineEnd = m_i;
                m_lastContentLine = m_line;
                ++m_i;
                ++m_line;
                if (depth == 0)
                    return;
            } else if (c == '#') {
                while (m_i < m_n && m_s[m_i] != '\n')
                    ++m_i;
            } else if (c == '\\') {
                m_i += 1;
                if (m_i < m_n && m_s[m_i] == '\n') {
                    ++m_i;
                    ++m_line;
                } else if (m_i + 1 < m_n && m_s[m_i] == '\r' && m_s[m_i + 1] == '\n') {
                    m_i += 2;
                    ++m_line;
                }
            } else if (c == '(' || c == '[' || c == '{') {
                ++depth;
                ++m_i;
            } else if (c == ')' || c == ']' || c == '}') {
                depth = depth > 0 ? depth - 1 : 0;
                ++m_i;
            } else if (c == '"' || c == '\'') {
                string(false);
            } else if (isIdentifierByte(static_cast<unsigned char>(c))) {
                identifierOrPrefixedString();
            } else {
                ++m_i;
            }
        }
        // The end of the source inside a bracket or a string: the statement
        // (which does not parse) runs to the last line.
        const bool finalNewline = m_n > 0 && m_s[m_n - 1] == '\n';
        m_lineEnd = finalNewline ? m_n - 1 : m_n;
        m_lastContentLine = finalNewline ? m_line - 1 : m_line;
    }

    void identifierOrPrefixedString()
    {
        const int start = m_i;
        while (m_i < m_n && isIdentifierByte(static_cast<unsigned char>(m_s[m_i])))
            ++m_i;
        const int len = m_i - start;
        if (m_i < m_n && (m_s[m_i] == '"' || m_s[m_i] == '\'') && len <= 2) {
            // f: formatted; t: template (Python 3.14), whose replacement
            // fields are those of an f-string.
            bool prefix = true;
            bool formatted = false;
            for (int k = start; k < m_i; ++k) {
                const char p = m_s[k];
                prefix = prefix && std::strchr("rRbBuUfFtT", p) != nullptr;
                formatted = formatted || p == 'f' || p == 'F' || p == 't' || p == 'T';
            }
            if (prefix)
                string(formatted);
        }
    }

    // At an opening quote: past the closing one. Replacement fields of an
    // f-string or t-string are scanned as code, so that a quote inside one
    // (`f"{d["k"]}"`, allowed from Python 3.12) does not end the string.
    void string(bool formatted)
    {
        const char q = m_s[m_i];
        const bool triple = m_i + 2 < m_n && m_s[m_i + 1] == q && m_s[m_i + 2] == q;
        m_i += triple ? 3 : 1;
        while (m_i < m_n) {
            const char c = m_s[m_i];
            if (c == '\\') {
                if (m_i + 1 < m_n && m_s[m_i + 1] == '\n')
                    ++m_line;
                m_i += 2;
            } else if (c == q && (!triple || (m_i + 2 < m_n && m_s[m_i + 1] == q && m_s[m_i + 2] == q))) {
                m_i += triple ? 3 : 1;
                return;
            } else if (c == '\n') {
                if (!triple)
                    return;  // unterminated: the parser reports it
                ++m_line;
                ++m_i;
            } else if (formatted && c == '{') {
                if (m_i + 1 < m_n && m_s[m_i + 1] == '{')
                    m_i += 2;
                else
                    replacementField();
            } else {
                ++m_i;
            }
        }
    }

    // At the `{` of a replacement field: past its `}`. A format spec after
    // `:` at the field's own level is text with fields nested in it.
    void replacementField()
    {
        ++m_i;
        int depth = 0;
        while (m_i < m_n) {
            const char c = m_s[m_i];
            if (c == '}' && depth == 0) {
                ++m_i;
                return;
            }
            if (c == '\n')
                ++m_line;
            if (c == '(' || c == '[' || c == '{') {
                ++depth;
                ++m_i;
            } else if (c == ')' || c == ']' || c == '}') {
                --depth;
                ++m_i;
            } else if (c == '"' || c == '\'') {
                string(false);
            } else if (isIdentifierByte(static_cast<unsigned char>(c))) {
                identifierOrPrefixedString();
            } else if (c == ':' && depth == 0) {
                ++m_i;
                while (m_i < m_n && m_s[m_i] != '}' && m_s[m_i] != '\n') {
                    if (m_s[m_i] == '{')
                        replacementField();
                    else
                        ++m_i;
                }
            } else {
                ++m_i;
            }
        }
    }

    const char *m_s;
    int m_n;
    int m_i = 0;
    int m_line = 1;
    int m_lineEnd = 0;
    int m_lastContentLine = 1;
};

} // namespace

std::vector<StatementScanner::Statement> StatementScanner::scan(const QByteArray &source)
{
    return Scan(source).run();
}
