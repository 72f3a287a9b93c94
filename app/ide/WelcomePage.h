#pragma once

#include <QTextBrowser>

// The page shown on first start (and from Help ▸ Welcome): the three things
// to try with the bundled example, with links that do them.
class WelcomePage : public QTextBrowser
{
    Q_OBJECT
public:
    // The key sequences are the actions' own, so the page names the real keys.
    WelcomePage(const QString &openFolderKeys, const QString &saveKeys, const QString &runKeys,
                QWidget *parent = nullptr);

Q_SIGNALS:
    void openFolderRequested();
    // `path` is relative to the folder of the current namespace.
    void openFileRequested(const QString &path);
    void documentationRequested();
    void shortcutsRequested();

private:
    QString html(const QString &openFolderKeys, const QString &saveKeys,
                 const QString &runKeys) const;
};
