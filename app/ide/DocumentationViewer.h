#pragma once

#include <QWidget>

class QListWidget;
class QLocale;
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
    // The user guide for `locale`: docs/guide.<language>.md when the guide
    // is translated for it (searched as Relive's translations are: de_DE,
    // then de), else docs/guide.md. Empty when there is no guide.
    static QString guide(const QString &root, const QLocale &locale);
    // The guide for `locale`, README.md, then the other docs/*.md (no other
    // language's guide), as absolute paths.
    static QStringList pages(const QString &root, const QLocale &locale);
    // The pages for the language the interface is translated for.
    static QStringList pages(const QString &root);

    void showPage(const QString &path);
    QTextBrowser *browser() const { return m_browser; }
    QListWidget *pageList() const { return m_list; }

private:
    QString m_root;
    QListWidget *m_list;
    QTextBrowser *m_browser;
};
