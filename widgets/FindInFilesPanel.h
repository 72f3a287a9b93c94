#pragma once

#include "FileSearch.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class FindInFilesModel;
class QTreeView;

// The Find in Files dock: what to find, the options, which files, and the
// results grouped by file with each match highlighted in its line. Enter in
// the query searches; activating a match asks for its place to be opened.
class FindInFilesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindInFilesPanel(QWidget *parent = nullptr);

    // The query as typed (roots and open buffers are the caller's).
    FileSearchQuery query() const;
    QString replaceText() const;
    void setSearchText(const QString &text);
    // Focuses the query field, all of it selected.
    void focusSearch();

    void beginSearch();
    void addResults(const QList<FileSearchResult> &results);
    void finishSearch(const FileSearchSummary &summary);
    void clearResults();
    // A message under the fields; an error shows in the error colour.
    void showMessage(const QString &text, bool error = false);
    QString message() const;

    QLineEdit *searchField() const { return m_search; }
    QLineEdit *replaceField() const { return m_replace; }
    QLineEdit *filterField() const { return m_filter; }
    QCheckBox *regexBox() const { return m_regex; }
    QCheckBox *caseBox() const { return m_case; }
    QCheckBox *wordBox() const { return m_word; }
    QPushButton *replaceAllButton() const { return m_replaceAll; }
    QTreeView *resultsView() const { return m_view; }
    FindInFilesModel *resultsModel() const { return m_model; }

Q_SIGNALS:
    void searchRequested();
    void stopRequested();
    void replaceAllRequested();
    // `line` 1-based, `column` 0-based.
    void matchActivated(const QString &path, int line, int column);

private:
    void activate(const QModelIndex &index);
    void setSearching(bool searching);

    QLineEdit *m_search;
    QLineEdit *m_replace;
    QLineEdit *m_filter;
    QCheckBox *m_regex;
    QCheckBox *m_case;
    QCheckBox *m_word;
    QPushButton *m_find;
    QPushButton *m_stop;
    QPushButton *m_replaceAll;
    QLabel *m_message;
    QTreeView *m_view;
    FindInFilesModel *m_model;
};
