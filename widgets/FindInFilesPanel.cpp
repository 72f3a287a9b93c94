#include "FindInFilesPanel.h"

#include "FindInFilesModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Characters of a long line shown before its match.
constexpr int ContextBefore = 40;

// A match row: its line number, then the line with the match marked.
class MatchDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (!index.data(FindInFilesModel::IsMatchRole).toBool()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);

        QString line = index.data(FindInFilesModel::LineTextRole).toString();
        int column = index.data(FindInFilesModel::ColumnRole).toInt();
        const int length = index.data(FindInFilesModel::LengthRole).toInt();
        // Indentation says nothing here, and a long line starts near its match.
        int start = 0;
        while (start < column && line.at(start).isSpace())
            ++start;
        start = qMax(start, column - ContextBefore);
        line = line.mid(start);
        column -= start;
        auto expand = [](QString text) { return text.replace(QLatin1Char('\t'), QStringLiteral("    ")); };
        const QString before = expand(line.left(column));
        const QString match = expand(line.mid(column, length));
        const QString after = expand(line.mid(column + length));
        const QString number = QStringLiteral("%1: ").arg(index.data(FindInFilesModel::LineRole).toInt());

        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dim = text;
        dim.setAlphaF(0.6f);
        QColor mark = opt.palette.color(group, QPalette::Highlight);
        mark.setAlphaF(selected ? 0.0f : 0.35f);

        painter->save();
        painter->setClipRect(rect);
        const QFontMetrics metrics(opt.font);
        int x = rect.left();
        const int baseline = rect.top() + (rect.height() + metrics.ascent() - metrics.descent()) / 2;
        QFont bold = opt.font;
        bold.setBold(true);
        auto draw = [&](const QString &piece, const QColor &color, bool marked) {
            painter->setFont(marked ? bold : opt.font);
            const int width = painter->fontMetrics().horizontalAdvance(piece);
            if (marked)
                painter->fillRect(QRect(x, rect.top() + 1, width, rect.height() - 2), mark);
            painter->setPen(color);
            painter->drawText(x, baseline, piece);
            x += width;
        };
        draw(number, dim, false);
        draw(before, text, false);
        draw(match, text, true);
        draw(after, text, false);
        painter->restore();
    }
};

} // namespace

FindInFilesPanel::FindInFilesPanel(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_filter(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_case(new QCheckBox(tr("Match case"), this))
    , m_word(new QCheckBox(tr("Whole word"), this))
    , m_find(new QPushButton(tr("Find"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_replaceAll(new QPushButton(tr("Replace All…"), this))
    , m_message(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new FindInFilesModel(this))
{
    m_search->setObjectName(QStringLiteral("findInFilesQuery"));
    m_search->setPlaceholderText(tr("Find in the open folders (Enter searches)"));
    m_search->setClearButtonEnabled(true);
    m_replace->setObjectName(QStringLiteral("findInFilesReplace"));
    m_replace->setPlaceholderText(tr("Replace with (\\1 for a group of a regex)"));
    m_filter->setObjectName(QStringLiteral("findInFilesFilter"));
    m_filter->setPlaceholderText(tr("Files: all"));
    m_filter->setMinimumWidth(m_filter->fontMetrics().horizontalAdvance(QStringLiteral("*.py, *.txt, *.cfg")));
    m_filter->setToolTip(tr("Which files: wildcards on the file name, separated by commas (*.py, *.txt); empty: "
                            "every text file. Binary files, .git, __pycache__, "
                            "virtual environments and build folders are never searched."));
    m_regex->setToolTip(tr("The query is a regular expression (Perl syntax), matched line by line"));
    m_stop->setEnabled(false);
    m_replaceAll->setToolTip(tr("Shows every change before anything is replaced"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view->setObjectName(QStringLiteral("findInFilesResults"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setItemDelegate(new MatchDelegate(m_view));

    // The query and the replacement take the width; the options get a row of
    // their own, so a narrow dock or a longer language never squeezes them.
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_find);
    searchRow->addWidget(m_stop);
    auto *replaceRow = new QHBoxLayout;
    replaceRow->addWidget(m_replace, 1);
    replaceRow->addWidget(m_replaceAll);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_regex);
    optionsRow->addWidget(m_case);
    optionsRow->addWidget(m_word);
    optionsRow->addWidget(m_filter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(searchRow);
    layout->addLayout(replaceRow);
    layout->addLayout(optionsRow);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::returnPressed, this, &FindInFilesPanel::searchRequested);
    connect(m_filter, &QLineEdit::returnPressed, this, &FindInFilesPanel::searchRequested);
    connect(m_find, &QPushButton::clicked, this, &FindInFilesPanel::searchRequested);
    connect(m_stop, &QPushButton::clicked, this, &FindInFilesPanel::stopRequested);
    connect(m_replaceAll, &QPushButton::clicked, this, &FindInFilesPanel::replaceAllRequested);
    connect(m_view, &QTreeView::activated, this, &FindInFilesPanel::activate);
    m_replaceAll->setEnabled(false);
}

FileSearchQuery FindInFilesPanel::query() const
{
    FileSearchQuery query;
    query.pattern = m_search->text();
    query.regex = m_regex->isChecked();
    query.caseSensitive = m_case->isChecked();
    query.wholeWord = m_word->isChecked();
    query.fileFilters = FileSearchQuery::parseFilters(m_filter->text());
    return query;
}

QString FindInFilesPanel::replaceText() const
{
    return m_replace->text();
}

void FindInFilesPanel::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void FindInFilesPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FindInFilesPanel::beginSearch()
{
    clearResults();
    showMessage(tr("Searching…"));
    setSearching(true);
}

void FindInFilesPanel::addResults(const QList<FileSearchResult> &results)
{
    const int first = m_model->rowCount();
    m_model->append(results);
    for (int row = first; row < m_model->rowCount(); ++row)
        m_view->expand(m_model->index(row, 0));
    showMessage(tr("Searching… %n match(es) so far", nullptr, m_model->matchCount()));
}

void FindInFilesPanel::finishSearch(const FileSearchSummary &summary)
{
    setSearching(false);
    if (summary.cancelled) {
        showMessage(tr("Search stopped: %n match(es) so far", nullptr, m_model->matchCount()));
        return;
    }
    QString text = summary.matches == 0
                       ? tr("No matches in %n file(s).", nullptr, summary.filesSearched)
                       : tr("%1 in %2 (%3 searched).")
                             .arg(tr("%n match(es)", nullptr, summary.matches),
                                  tr("%n file(s)", nullptr, summary.filesMatched),
                                  tr("%n file(s)", nullptr, summary.filesSearched));
    if (summary.binarySkipped > 0)
        text += QLatin1Char(' ') + tr("%n binary file(s) skipped.", nullptr, summary.binarySkipped);
    showMessage(text);
    m_replaceAll->setEnabled(summary.matches > 0);
}

void FindInFilesPanel::clearResults()
{
    m_model->clear();
    m_replaceAll->setEnabled(false);
}

void FindInFilesPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xc0, 0x20, 0x20) : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
    m_message->setProperty("error", error);
}

QString FindInFilesPanel::message() const
{
    return m_message->text();
}

void FindInFilesPanel::activate(const QModelIndex &index)
{
    if (!index.isValid() || !index.data(FindInFilesModel::IsMatchRole).toBool())
        return;
    Q_EMIT matchActivated(index.data(FindInFilesModel::PathRole).toString(), index.data(FindInFilesModel::LineRole).toInt(),
                          index.data(FindInFilesModel::ColumnRole).toInt());
}

void FindInFilesPanel::setSearching(bool searching)
{
    m_stop->setEnabled(searching);
    if (searching)
        m_replaceAll->setEnabled(false);
}
