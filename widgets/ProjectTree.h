#pragma once

#include <QTreeView>

class QFileSystemModel;

// The registered folder as a file tree; activating a file opens it.
class ProjectTree : public QTreeView
{
    Q_OBJECT
public:
    explicit ProjectTree(QWidget *parent = nullptr);

    void setRootPath(const QString &path);
    QString rootPath() const;

Q_SIGNALS:
    void fileActivated(const QString &path);

private:
    QFileSystemModel *m_model;
};
