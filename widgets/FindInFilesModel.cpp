#include "FindInFilesModel.h"

#include <QDir>
#include <QFont>

// A file row has the internal id 0; a match row its file's row + 1.

void FindInFilesModel::append(const QList<FileSearchResult> &results)
{
    if (results.isEmpty())
        return;
    const int first = int(m_files.size());
    beginInsertRows({}, first, first + int(results.size()) - 1);
    m_files += results;
    for (const FileSearchResult &result : results)
        m_matches += int(result.matches.size());
    endInsertRows();
}

void FindInFilesModel::clear()
{
    beginResetModel();
    m_files.clear();
    m_matches = 0;
    endResetModel();
}

QModelIndex FindInFilesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_files.size() ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_files.size()
        || row >= m_files.at(parent.row()).matches.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex FindInFilesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int FindInFilesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_files.size());
    if (parent.internalId() == 0 && parent.row() < m_files.size())
        return int(m_files.at(parent.row()).matches.size());
    return 0;
}

int FindInFilesModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant FindInFilesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        const FileSearchResult &file = m_files.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return tr("%1 (%2)").arg(file.displayPath).arg(file.matches.size());
        case Qt::ToolTipRole:
            return QDir::toNativeSeparators(file.path);
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case PathRole:
            return file.path;
        case IsMatchRole:
            return false;
        default:
            return {};
        }
    }
    const FileSearchResult &file = m_files.at(int(index.internalId() - 1));
    const SearchMatch &match = file.matches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1: %2").arg(match.line).arg(match.lineText.trimmed());
    case PathRole:
        return file.path;
    case LineRole:
        return match.line;
    case ColumnRole:
        return match.column;
    case LengthRole:
        return match.length;
    case LineTextRole:
        return match.lineText;
    case IsMatchRole:
        return true;
    default:
        return {};
    }
}
