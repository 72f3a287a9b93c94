#include "ExportScanner_p.h"

#include <QRegularExpression>

#include <cstring>
#include <vector>

namespace {

struct Token
{
    enum Type { Name, Op, Literal };
    Type type;
    int start;
    int end;
    int depth;  // bracket depth before the token, relative to the logical line
};

struct LogicalLine
{
    int indent = 0;
    int line = 0;
    std::vector<Token> tokens;
};

bool isNameStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool isNameChar(unsigned char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isStringPrefix(const char *p, int n)
{
    if (n > 2)
        return false;
    QByteArray prefix = QByteArray(p, n).toLower();
    return prefix == "r" || prefix == "u" || prefix == "b" || prefix == "f" || prefix == "br" || prefix == "rb"
        || prefix == "fr" || prefix == "rf" || prefix == "t" || prefix == "tr" || prefix == "rt";
}

const char *const Operators[] = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "@=", "**", "//", "<<", ">>",
};

const char *const AugmentedAssignments[] = {
    "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "^=", "|=", "@=",
};

const char *const Keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

// Reads the string literal whose opening quote is at `i`; leaves `i` after
// its closing quote. False if it is not closed.
bool readString(const char *s, int n, int &i, int &line)
{
    const char quote = s[i];
    const bool triple = i + 2 < n && s[i + 1] == quote && s[i + 2] == quote;
    i += triple ? 3 : 1;
    while (i < n) {
        if (s[i] == '\\') {
            // An escaped character, or an escaped line end (CRLF is one).
            if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n')
                ++i;
            if (i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r'))
                ++line;
            i += 2;
            continue;
        }
        if (s[i] == '\n' || s[i] == '\r') {
            if (!triple)
                return false;
            if (s[i] == '\n')
                ++line;
        }
        if (s[i] == quote && (!triple || (i + 2 < n && s[i + 1] == quote && s[i + 2] == quote))) {
            i += triple ? 3 : 1;
            return true;
        }
        ++i;
    }
    return false;
}

// Splits the source into logical lines of tokens. Returns false where the
// text cannot be Python (an unterminated string, a closing bracket too many).
bool tokenize(const QByteArray &bytes, std::vector<LogicalLine> &lines)
{
    const char *s = bytes.constData();
    const int n = bytes.size();
    int i = 0;
    if (n >= 3 && std::memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    int line = 1;
    int depth = 0;
    bool lineStart = true;
    LogicalLine current;
    auto endLine = [&] {
        if (!current.tokens.empty())
            lines.push_back(std::move(current));
        current = LogicalLine();
        lineStart = true;
    };
    while (i < n) {
        if (lineStart && depth == 0) {
            int column = 0;
            while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) {
                column = s[i] == '\t' ? (column / 8 + 1) * 8 : column + 1;
                ++i;
            }
            current.indent = column;
            current.line = line;
            lineStart = false;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\f') {
            ++i;
        } else if (c == '\\' && i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
            i += (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n') ? 3 : 2;
            ++line;
        } else if (c == '#') {
            while (i < n && s[i] != '\n' && s[i] != '\r')
                ++i;
        } else if (c == '\n' || c == '\r') {
            i += (c == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            ++line;
            if (depth == 0)
                endLine();
        } else if (isNameStart(c)) {
            const int start = i;
            while (i < n && isNameChar(static_cast<unsigned char>(s[i])))
                ++i;
            if (i < n && (s[i] == '\'' || s[i] == '"') && isStringPrefix(s + start, i - start)) {
                if (!readString(s, n, i, line))
                    return false;
                current.tokens.push_back({Token::Literal, start, i, depth});
            } else {
                current.tokens.push_back({Token::Name, start, i, depth});
            }
        } else if (c == '\'' || c == '"') {
            const int start = i;
            if (!readString(s, n, i, line))
                return false;
            current.tokens.push_back({Token::Literal, start, i, depth});
        } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')) {
            const int start = i;
            while (i < n) {
                const unsigned char d = static_cast<unsigned char>(s[i]);
                if (isNameChar(d) || d == '.')
                    ++i;
                else if ((d == '+' || d == '-') && (s[i - 1] == 'e' || s[i - 1] == 'E'))
                    ++i;
                else
                    break;
            }
            current.tokens.push_back({Token::Literal, start, i, depth});
        } else if (c == '(' || c == '[' || c == '{') {
            current.tokens.push_back({Token::Op, i, i + 1, depth});
            ++depth;
            ++i;
        } else if (c == ')' || c == ']' || c == '}') {
            if (--depth < 0)
                return false;
            current.tokens.push_back({Token::Op, i, i + 1, depth});
            ++i;
        } else {
            int length = 1;
            // Most operators are one character: look further only when the
            // next one can continue an operator.
            if (i + 1 < n && std::strchr("=*/<>.", s[i + 1]) && s[i + 1] != '\0') {
                for (const char *op : Operators) {
                    const int l = op[2] ? 3 : 2;
                    if (i + l <= n && std::memcmp(s + i, op, l) == 0) {
                        length = l;
                        break;
                    }
                }
            }
            current.tokens.push_back({Token::Op, i, i + length, depth});
            i += length;
        }
    }
    if (depth != 0)
        return false;
    endLine();
    return true;
}

class Scanner
{
public:
    explicit Scanner(const QByteArray &bytes) : m_bytes(bytes) {}

    ExportScanner::Result run()
    {
        std::vector<LogicalLine> lines;
        if (!tokenize(m_bytes, lines))
            return m_result;
        int skipAbove = -1;  // lines indented deeper than this are a skipped body
        for (const LogicalLine &l : lines) {
            if (skipAbove >= 0) {
                if (l.indent > skipAbove)
                    continue;
                skipAbove = -1;
            }
            m_tokens = &l.tokens;
            if (is(0, "@"))
                continue;  // a decorator: the statement starts at its def or class
            const bool topLevel = l.indent == 0;
            if (topLevel && !is(0, "else") && !is(0, "elif") && !is(0, "except") && !is(0, "finally")) {
                m_line = l.line;
                const int first = is(0, "async") ? 1 : 0;
                m_kind = is(first, "def") ? ExportScanner::Kind::Function
                         : is(first, "class") ? ExportScanner::Kind::Class
                                              : ExportScanner::Kind::Value;
            }
            if (statement(topLevel))
                skipAbove = l.indent;
        }
        m_result.ok = true;
        return m_result;
    }

private:
    int size() const { return int(m_tokens->size()); }
    QByteArray text(int i) const
    {
        const Token &t = m_tokens->at(i);
        return m_bytes.mid(t.start, t.end - t.start);
    }
    bool is(int i, const char *value) const
    {
        if (i < 0 || i >= size())
            return false;
        const Token &t = m_tokens->at(i);
        const int length = int(std::strlen(value));
        return t.end - t.start == length && std::memcmp(m_bytes.constData() + t.start, value, length) == 0;
    }
    bool isOneOf(int i, const char *const *values, int count) const
    {
        for (int k = 0; k < count; ++k) {
            if (is(i, values[k]))
                return true;
        }
        return false;
    }
    bool isKeyword(int i) const
    {
        return isOneOf(i, Keywords, int(sizeof Keywords / sizeof *Keywords));
    }
    bool isPlainName(int i) const
    {
        return i >= 0 && i < size() && m_tokens->at(i).type == Token::Name && !isKeyword(i);
    }
    int depthOf(int i) const { return m_tokens->at(i).depth; }

    // The colon that ends a compound statement's header from `from`: the first
    // one outside brackets that no lambda of the header claims.
    int headerColon(int from) const
    {
        int lambdas = 0;
        for (int i = from; i < size(); ++i) {
            if (depthOf(i) != 0)
                continue;
            if (is(i, "lambda"))
                ++lambdas;
            else if (is(i, ":") && lambdas-- == 0)
                return i;
        }
        return -1;
    }

    void bind(int i)
    {
        m_result.bound.append({QString::fromUtf8(text(i)), m_line, m_kind});
    }

    // The names bound by a target list [from, to): names, starred names and
    // tuples or lists of targets; attributes and subscripts bind none.
    void targets(int from, int to)
    {
        if (from >= to)
            return;
        const int base = depthOf(from);
        int start = from;
        for (int i = from; i <= to; ++i) {
            if (i < to && !(depthOf(i) == base && is(i, ",")))
                continue;
            int a = start;
            const int b = i;  // element [a, b)
            start = i + 1;
            if (a < b && is(a, "*"))
                ++a;
            if (b - a == 1 && isPlainName(a)) {
                bind(a);
            } else if (b - a >= 2 && (is(a, "(") || is(a, "[")) && matching(a) == b - 1) {
                targets(a + 1, b - 1);
            }
        }
    }

    int matching(int open) const
    {
        const int depth = depthOf(open);
        for (int i = open + 1; i < size(); ++i) {
            if (depthOf(i) == depth)
                return i;
        }
        return -1;
    }

    // One simple statement [from, to). `topLevel`: it is a statement of the
    // module itself, where an assignment of __all__ counts.
    void simple(int from, int to, bool topLevel)
    {
        if (from >= to || isKeyword(from))
            return;
        std::vector<int> equals;
        int colon = -1;
        int augmented = -1;
        for (int i = from; i < to; ++i) {
            if (depthOf(i) != 0)
                continue;
            if (is(i, "lambda"))
                break;  // its parameters' defaults are not assignments
            if (is(i, "=")) {
                equals.push_back(i);
            } else if (is(i, ":") && colon < 0 && equals.empty()) {
                colon = i;
            } else if (augmented < 0 && equals.empty() && colon < 0
                       && isOneOf(i, AugmentedAssignments,
                                  int(sizeof AugmentedAssignments / sizeof *AugmentedAssignments))) {
                augmented = i;
                break;
            }
        }
        int valueFrom = -1;
        const int before = m_result.bound.size();
        if (augmented >= 0) {
            targets(from, augmented);
            valueFrom = augmented + 1;
        } else if (colon >= 0) {
            targets(from, colon);  // an annotated name (a tuple is not allowed there)
            valueFrom = equals.empty() ? -1 : equals.front() + 1;
        } else if (!equals.empty()) {
            int start = from;
            for (int e : equals) {
                targets(start, e);
                start = e + 1;
            }
            valueFrom = equals.back() + 1;
        }
        if (!topLevel || valueFrom < 0 || valueFrom >= to)
            return;
        for (int k = before; k < m_result.bound.size(); ++k) {
            if (m_result.bound.at(k).name == QLatin1String("__all__")) {
                const int start = m_tokens->at(valueFrom).start;
                m_result.hasAll = true;
                m_result.allValue = m_bytes.mid(start, m_tokens->at(to - 1).end - start);
            }
        }
    }

    // A body on the header's line: simple statements separated by semicolons.
    void inlineBody(int from)
    {
        int start = from;
        for (int i = from; i <= size(); ++i) {
            if (i == size() || (depthOf(i) == 0 && is(i, ";"))) {
                simple(start, i, false);
                start = i + 1;
            }
        }
    }

    // Binds the names of the logical line's statement. Returns true when the
    // block below it is a body whose names are not the module's (def, class, match).
    bool statement(bool topLevel)
    {
        int i = 0;
        if (is(i, "async"))
            ++i;
        if (is(i, "def") || is(i, "class")) {
            if (isPlainName(i + 1))
                bind(i + 1);
            return is(size() - 1, ":");
        }
        if (is(i, "match") && size() > 2 && is(size() - 1, ":") && !is(i + 1, "=") && !is(i + 1, ":")
            && !is(i + 1, ".") && !is(i + 1, ",") && depthOf(size() - 1) == 0) {
            return true;  // a match statement: its case blocks bind nothing the index counts
        }
        if (is(i, "if") || is(i, "elif") || is(i, "while") || is(i, "else") || is(i, "try") || is(i, "finally")) {
            const int colon = headerColon(i + 1);
            if (colon >= 0)
                inlineBody(colon + 1);
            return false;
        }
        if (is(i, "for")) {
            int in = -1;
            for (int k = i + 1; k < size() && in < 0; ++k) {
                if (depthOf(k) == 0 && is(k, "in"))
                    in = k;
            }
            if (in >= 0)
                targets(i + 1, in);
            const int colon = headerColon(i + 1);
            if (colon >= 0)
                inlineBody(colon + 1);
            return false;
        }
        if (is(i, "with")) {
            const int colon = headerColon(i + 1);
            if (colon < 0)
                return false;
            int from = i + 1;
            int to = colon;
            // with (a as b, c as d): the items in parentheses.
            if (is(from, "(") && matching(from) == to - 1) {
                bool hasAs = false;
                for (int k = from + 1; k < to - 1; ++k)
                    hasAs = hasAs || (depthOf(k) == 1 && is(k, "as"));
                if (hasAs) {
                    ++from;
                    --to;
                }
            }
            const int base = depthOf(from);
            int as = -1;
            for (int k = from; k <= to; ++k) {
                if (k == to || (depthOf(k) == base && is(k, ","))) {
                    if (as >= 0)
                        targets(as + 1, k);
                    as = -1;
                } else if (depthOf(k) == base && is(k, "as")) {
                    as = k;
                }
            }
            inlineBody(colon + 1);
            return false;
        }
        if (is(i, "except")) {
            const int colon = headerColon(i + 1);
            for (int k = i + 1; k < colon; ++k) {
                if (depthOf(k) == 0 && is(k, "as") && isPlainName(k + 1))
                    bind(k + 1);
            }
            if (colon >= 0)
                inlineBody(colon + 1);
            return false;
        }
        int start = 0;
        for (int k = 0; k <= size(); ++k) {
            if (k == size() || (depthOf(k) == 0 && is(k, ";"))) {
                simple(start, k, topLevel);
                start = k + 1;
            }
        }
        return false;
    }

    const QByteArray &m_bytes;
    const std::vector<Token> *m_tokens = nullptr;
    int m_line = 0;
    ExportScanner::Kind m_kind = ExportScanner::Kind::Value;
    ExportScanner::Result m_result;
};

// PEP 263: a coding declaration in the first two lines.
bool declaresOtherCoding(const QByteArray &bytes)
{
    int end = bytes.indexOf('\n');
    if (end >= 0)
        end = bytes.indexOf('\n', end + 1);
    const QByteArray head = end < 0 ? bytes : bytes.left(end);
    if (!head.contains("coding"))
        return false;
    static const QRegularExpression cookie(QStringLiteral("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)"),
                                           QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = cookie.match(QString::fromLatin1(head));
    if (!match.hasMatch())
        return false;
    const QString coding = match.captured(1).toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    return coding != QLatin1String("utf-8") && coding != QLatin1String("utf8")
        && !coding.startsWith(QLatin1String("utf-8-"));
}

} // namespace

bool ExportScanner::isUtf8(const QByteArray &source)
{
    return !declaresOtherCoding(source);
}

ExportScanner::Result ExportScanner::scan(const QByteArray &source)
{
    if (declaresOtherCoding(source))
        return Result();
    return Scanner(source).run();
}
