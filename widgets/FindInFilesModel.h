#pragma once

#include "FileSearch.h"

#include <QAbstractItemModel>

// Find in Files' results as a two-level tree: a row per file ("path (count)"),
// under it a row per match. Results are kept as the search sends them, so
// thousands of matches are appended, and dropped, without an item each.
class FindInFilesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        LineRole,
        ColumnRole,
        LengthRole,
        LineTextRole,
        IsMatchRole,
    };

    using QAbstractItemModel::QAbstractItemModel;

    void append(const QList<FileSearchResult> &results);
    void clear();
    int matchCount() const { return m_matches; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<FileSearchResult> m_files;
    int m_matches = 0;
};
