#include "ProjectTree.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QSet>
#include <QStandardItemModel>

#include <functional>

namespace {

// Deeper folders are rare in a project and would only come from a link loop.
constexpr int MaxDepth = 16;

QString cleanPath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

ProjectTree::ProjectTree(QWidget *parent)
    : QTreeView(parent)
    , m_model(new QStandardItemModel(this))
    , m_watcher(new QFileSystemWatcher(this))
{
    setModel(m_model);
    header()->hide();
    setUniformRowHeights(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(this, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString path = index.data(PathRole).toString();
        if (QFileInfo(path).isFile())
            Q_EMIT fileActivated(path);
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ProjectTree::onDirectoryChanged);
}

QStandardItem *ProjectTree::rootItem(const QString &path) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStandardItem *item = m_model->item(row);
        if (item->data(PathRole).toString() == path)
            return item;
    }
    return nullptr;
}

void ProjectTree::addRoot(const QString &path, const QString &name)
{
    const QString folder = cleanPath(path);
    m_current = folder;
    QStandardItem *root = rootItem(folder);
    if (!root) {
        root = new QStandardItem(m_icons.icon(QFileIconProvider::Folder),
                                 tr("%1 \u2014 %2").arg(name, QFileInfo(folder).fileName()));
        root->setData(folder, PathRole);
        root->setToolTip(tr("%1, the namespace %2").arg(QDir::toNativeSeparators(folder), name));
        m_model->appendRow(root);
        refill(root);
    }
    expand(root->index());
    setCurrentIndex(root->index());
    scrollTo(root->index());
}

void ProjectTree::setRootPath(const QString &path)
{
    m_model->clear();
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    addRoot(path, QFileInfo(cleanPath(path)).fileName());
}

QString ProjectTree::rootPath() const
{
    return m_current;
}

QStringList ProjectTree::rootPaths() const
{
    QStringList paths;
    for (int row = 0; row < m_model->rowCount(); ++row)
        paths << m_model->item(row)->data(PathRole).toString();
    return paths;
}

void ProjectTree::fill(QStandardItem *parent, const QString &directory, int depth)
{
    m_watcher->addPath(directory);
    if (depth > MaxDepth)
        return;
    const QFileInfoList entries = QDir(directory).entryInfoList(
        QDir::AllDirs | QDir::Files | QDir::NoDotAndDotDot, QDir::DirsFirst | QDir::Name | QDir::IgnoreCase);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName() == QStringLiteral("__pycache__"))
            continue;
        auto *item = new QStandardItem(m_icons.icon(entry), entry.fileName());
        item->setData(entry.absoluteFilePath(), PathRole);
        item->setToolTip(QDir::toNativeSeparators(entry.absoluteFilePath()));
        parent->appendRow(item);
        if (entry.isDir() && !entry.isSymLink())
            fill(item, entry.absoluteFilePath(), depth + 1);
    }
}

// Reads the root's folder again, keeping what was expanded.
void ProjectTree::refill(QStandardItem *root)
{
    QSet<QString> expanded;
    std::function<void(QStandardItem *)> remember = [&](QStandardItem *item) {
        for (int row = 0; row < item->rowCount(); ++row) {
            QStandardItem *child = item->child(row);
            if (isExpanded(child->index())) {
                expanded.insert(child->data(PathRole).toString());
                remember(child);
            }
        }
    };
    remember(root);
    root->removeRows(0, root->rowCount());
    fill(root, root->data(PathRole).toString(), 0);
    std::function<void(QStandardItem *)> restore = [&](QStandardItem *item) {
        for (int row = 0; row < item->rowCount(); ++row) {
            QStandardItem *child = item->child(row);
            if (expanded.contains(child->data(PathRole).toString())) {
                expand(child->index());
                restore(child);
            }
        }
    };
    restore(root);
}

void ProjectTree::onDirectoryChanged(const QString &directory)
{
    const QString changed = cleanPath(directory);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStandardItem *root = m_model->item(row);
        const QString path = root->data(PathRole).toString();
        if (changed == path || changed.startsWith(path + QLatin1Char('/')))
            refill(root);
    }
}
