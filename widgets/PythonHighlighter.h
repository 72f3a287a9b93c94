#pragma once

#include <QColor>
#include <QRegularExpression>
#include <QStringList>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QVector>

// A small Python highlighter for builds without KSyntaxHighlighting.
class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document);

    // Picks colours that read well on a dark or a light background.
    void setDarkTheme(bool dark);

    // The built-in themes, a light and a dark one, and the editor colours that
    // go with them.
    static QStringList themeNames();
    static bool isDarkTheme(const QString &name);
    static QColor backgroundColor(bool dark);
    static QColor textColor(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };

    void buildRules();
    // Returns the position where a triple-quoted string that starts or
    // continues in this block ends, or -1 if it runs on.
    int highlightTripleQuoted(const QString &text, int start, int state);

    bool m_dark = false;
    QVector<Rule> m_rules;
    QTextCharFormat m_stringFormat;
    QTextCharFormat m_commentFormat;
};
