#include "PythonHighlighter.h"

#include "PythonKeywords.h"

#include <QStringList>

#include <utility>

namespace {

// Block states: which triple quote is still open at the end of a block.
enum State { Normal = -1, InTripleDouble = 1, InTripleSingle = 2 };

QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(color);
    if (bold)
        format.setFontWeight(QFont::Bold);
    format.setFontItalic(italic);
    return format;
}

QString wordAlternation(const QStringList &words)
{
    return QStringLiteral("\\b(?:") + words.join(QLatin1Char('|')) + QStringLiteral(")\\b");
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    buildRules();
}

void PythonHighlighter::setDarkTheme(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    buildRules();
    rehighlight();
}

QStringList PythonHighlighter::themeNames()
{
    return {QStringLiteral("Relive Light"), QStringLiteral("Relive Dark")};
}

bool PythonHighlighter::isDarkTheme(const QString &name)
{
    return name == themeNames().at(1);
}

QColor PythonHighlighter::backgroundColor(bool dark)
{
    return dark ? QColor(0x28, 0x2c, 0x34) : QColor(0xff, 0xff, 0xff);
}

QColor PythonHighlighter::textColor(bool dark)
{
    return dark ? QColor(0xab, 0xb2, 0xbf) : QColor(0x1e, 0x1e, 0x1e);
}

void PythonHighlighter::buildRules()
{
    const QColor keyword = m_dark ? QColor(0xc6, 0x78, 0xdd) : QColor(0x00, 0x00, 0xa0);
    const QColor builtin = m_dark ? QColor(0x56, 0xb6, 0xc2) : QColor(0x00, 0x70, 0x70);
    const QColor string = m_dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x00, 0x80, 0x00);
    const QColor comment = m_dark ? QColor(0x7f, 0x84, 0x8e) : QColor(0x80, 0x80, 0x80);
    const QColor number = m_dark ? QColor(0xd1, 0x9a, 0x66) : QColor(0xb0, 0x50, 0x00);
    const QColor decorator = m_dark ? QColor(0xe5, 0xc0, 0x7b) : QColor(0xa0, 0x60, 0x00);
    const QColor definition = m_dark ? QColor(0x61, 0xaf, 0xef) : QColor(0x00, 0x40, 0xc0);

    // The soft keywords of `match` statements count too.
    static const QStringList keywords = pythonKeywords()
        + QStringList{QStringLiteral("match"), QStringLiteral("case")};
    static const QStringList builtins = {
        QStringLiteral("abs"), QStringLiteral("all"), QStringLiteral("any"),
        QStringLiteral("bool"), QStringLiteral("bytes"), QStringLiteral("callable"),
        QStringLiteral("dict"), QStringLiteral("dir"), QStringLiteral("enumerate"),
        QStringLiteral("filter"), QStringLiteral("float"), QStringLiteral("format"),
        QStringLiteral("getattr"), QStringLiteral("hasattr"), QStringLiteral("hash"),
        QStringLiteral("id"), QStringLiteral("input"), QStringLiteral("int"),
        QStringLiteral("isinstance"), QStringLiteral("issubclass"), QStringLiteral("iter"),
        QStringLiteral("len"), QStringLiteral("list"), QStringLiteral("map"),
        QStringLiteral("max"), QStringLiteral("min"), QStringLiteral("next"),
        QStringLiteral("object"), QStringLiteral("open"), QStringLiteral("print"),
        QStringLiteral("property"), QStringLiteral("range"), QStringLiteral("repr"),
        QStringLiteral("reversed"), QStringLiteral("round"), QStringLiteral("set"),
        QStringLiteral("setattr"), QStringLiteral("sorted"), QStringLiteral("staticmethod"),
        QStringLiteral("classmethod"), QStringLiteral("str"), QStringLiteral("sum"),
        QStringLiteral("super"), QStringLiteral("tuple"), QStringLiteral("type"),
        QStringLiteral("vars"), QStringLiteral("zip"), QStringLiteral("self"),
        QStringLiteral("cls"), QStringLiteral("Exception"), QStringLiteral("ValueError"),
        QStringLiteral("TypeError"), QStringLiteral("KeyError"), QStringLiteral("RuntimeError")};

    m_rules.clear();
    m_rules.append({QRegularExpression(wordAlternation(keywords)), makeFormat(keyword, true)});
    m_rules.append({QRegularExpression(wordAlternation(builtins)), makeFormat(builtin)});
    m_rules.append({QRegularExpression(QStringLiteral(
                        "\\b(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|"
                        "\\d[\\d_]*\\.?[\\d_]*(?:[eE][+-]?\\d+)?[jJ]?)\\b")),
                    makeFormat(number)});
    m_rules.append({QRegularExpression(QStringLiteral("^\\s*@[\\w.]+")), makeFormat(decorator)});
    m_rules.append({QRegularExpression(QStringLiteral("\\b(?:def|class)\\s+(\\w+)")),
                    makeFormat(definition, true), 1});
    m_stringFormat = makeFormat(string);
    m_commentFormat = makeFormat(comment, false, true);
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(match.capturedStart(rule.group), match.capturedLength(rule.group),
                      rule.format);
        }
    }

    // Strings and comments are scanned by hand so that a '#' inside a string or
    // a quote inside a comment does not confuse the other.
    setCurrentBlockState(Normal);
    int pos = 0;
    const int previous = previousBlockState();
    if (previous == InTripleDouble || previous == InTripleSingle) {
        const int end = highlightTripleQuoted(text, 0, previous);
        if (end < 0)
            return;
        pos = end;
    }

    while (pos < text.size()) {
        const QChar c = text.at(pos);
        if (c == QLatin1Char('#')) {
            setFormat(pos, text.size() - pos, m_commentFormat);
            return;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const QString triple(3, c);
            if (text.mid(pos, 3) == triple) {
                const int state = c == QLatin1Char('"') ? InTripleDouble : InTripleSingle;
                const int end = highlightTripleQuoted(text, pos, state);
                if (end < 0)
                    return;
                pos = end;
                continue;
            }
            int end = pos + 1;
            while (end < text.size() && text.at(end) != c) {
                if (text.at(end) == QLatin1Char('\\'))
                    ++end;
                ++end;
            }
            end = qMin(end + 1, int(text.size()));
            setFormat(pos, end - pos, m_stringFormat);
            pos = end;
            continue;
        }
        ++pos;
    }
}

int PythonHighlighter::highlightTripleQuoted(const QString &text, int start, int state)
{
    const QString delimiter = state == InTripleDouble ? QStringLiteral("\"\"\"")
                                                      : QStringLiteral("'''");
    // When the string starts in this block, skip its opening quotes.
    const bool continuing = start == 0 && previousBlockState() == state;
    const int searchFrom = continuing ? 0 : start + 3;
    const int close = text.indexOf(delimiter, searchFrom);
    if (close < 0) {
        setFormat(start, text.size() - start, m_stringFormat);
        setCurrentBlockState(state);
        return -1;
    }
    const int end = close + 3;
    setFormat(start, end - start, m_stringFormat);
    return end;
}
