#pragma once

#include <QWidget>

class QListWidget;
class QTextBrowser;

// Help ▸ Documentation: the Markdown pages that ship with Relive (README.md
// and docs/*.md), rendered in the window; links between pages work.
class DocumentationViewer : public QWidget
{
    Q_OBJECT
public:
    explicit DocumentationViewer(const QString &root, QWidget *parent = nullptr);

    // The folder holding README.md and docs/: beside the installed binary
    // (share/doc/relive), at the install prefix, or the source tree of a
    // build. Empty when none is found.
    static QString documentationRoot();
    // README.md, then docs/*.md, as absolute paths.
    static QStringList pages(const QString &root);

    void showPage(const QString &path);
    QTextBrowser *browser() const { return m_browser; }
    QListWidget *pageList() const { return m_list; }

private:
    QString m_root;
    QListWidget *m_list;
    QTextBrowser *m_browser;
};
