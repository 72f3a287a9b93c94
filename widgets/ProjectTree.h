#pragma once

#include <QFileIconProvider>
#include <QTreeView>

class QFileSystemWatcher;
class QStandardItem;
class QStandardItemModel;

// The open folders as file trees, one root per namespace ("applib — server");
// activating a file opens it. Each folder is watched, so files added, removed
// or renamed show at once.
class ProjectTree : public QTreeView
{
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit ProjectTree(QWidget *parent = nullptr);

    // Adds `path` as a root labelled with `name`, or, when it is one already,
    // shows it; the others stay.
    void addRoot(const QString &path, const QString &name);
    // The tree of `path` alone.
    void setRootPath(const QString &path);
    // The root added or shown last.
    QString rootPath() const;
    QStringList rootPaths() const;
    QStandardItemModel *treeModel() const { return m_model; }

Q_SIGNALS:
    void fileActivated(const QString &path);

private:
    QStandardItem *rootItem(const QString &path) const;
    void fill(QStandardItem *parent, const QString &directory, int depth);
    void refill(QStandardItem *root);
    void onDirectoryChanged(const QString &directory);

    QStandardItemModel *m_model;
    QFileSystemWatcher *m_watcher;
    QFileIconProvider m_icons;
    QString m_current;
};
