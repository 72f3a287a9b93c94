#include "ProjectTree.h"

#include <QFileSystemModel>
#include <QHeaderView>

ProjectTree::ProjectTree(QWidget *parent)
    : QTreeView(parent)
    , m_model(new QFileSystemModel(this))
{
    m_model->setFilter(QDir::AllDirs | QDir::Files | QDir::NoDotAndDotDot);
    setModel(m_model);
    for (int column = 1; column < m_model->columnCount(); ++column)
        hideColumn(column);
    header()->hide();
    setUniformRowHeights(true);
    connect(this, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!m_model->isDir(index))
            Q_EMIT fileActivated(m_model->filePath(index));
    });
}

void ProjectTree::setRootPath(const QString &path)
{
    setRootIndex(m_model->setRootPath(path));
}

QString ProjectTree::rootPath() const
{
    return m_model->rootPath();
}
