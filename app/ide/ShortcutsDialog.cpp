#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// "Save &As…" → "Save As"; "&&" is a literal ampersand.
QString plainText(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    return text.trimmed();
}

void collect(const QMenu *menu, const QString &path, QList<ShortcutsDialog::Entry> &out)
{
    const auto actions = menu->actions();
    for (const QAction *action : actions) {
        if (action->isSeparator())
            continue;
        if (const QMenu *sub = action->menu()) {
            collect(sub, path + QStringLiteral(" \u25B8 ") + plainText(sub->title()), out);
            continue;
        }
        const QList<QKeySequence> shortcuts = action->shortcuts();
        if (shortcuts.isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &shortcut : shortcuts)
            keys.append(shortcut.toString(QKeySequence::NativeText));
        out.append({path, plainText(action->text()), keys.join(QStringLiteral(", "))});
    }
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::entries(const QMenuBar *menuBar)
{
    QList<Entry> result;
    const auto actions = menuBar->actions();
    for (const QAction *action : actions) {
        if (const QMenu *menu = action->menu())
            collect(menu, plainText(menu->title()), result);
    }
    return result;
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::contextEntries()
{
    const auto keys = [](const QKeySequence &key) { return key.toString(QKeySequence::NativeText); };
    const QString editor = tr("In the Editor");
    const QString paused = tr("While Paused");
    const QString console = tr("In the Console");
    return {
        {editor, tr("Complete"), keys(QKeySequence(Qt::CTRL | Qt::Key_Space))},
        {editor, tr("Go to Definition"), keys(QKeySequence(Qt::Key_F12))},
        {editor, tr("Find Usages"), keys(QKeySequence(Qt::SHIFT | Qt::Key_F12))},
        {editor, tr("Indent or dedent the selected lines"), keys(QKeySequence(Qt::Key_Tab)) + QStringLiteral(", ")
                                                                 + keys(QKeySequence(Qt::SHIFT | Qt::Key_Tab))},
        {paused, tr("Continue"), keys(QKeySequence(Qt::Key_F5))},
        {console, tr("Stop what runs"), keys(QKeySequence(Qt::CTRL | Qt::Key_C))},
        {console, tr("Complete"), keys(QKeySequence(Qt::Key_Tab))},
        {console, tr("Previous and next command"), keys(QKeySequence(Qt::Key_Up)) + QStringLiteral(", ")
                                                        + keys(QKeySequence(Qt::Key_Down))},
    };
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    QTreeWidgetItem *group = nullptr;
    for (const Entry &entry : entries(menuBar) + contextEntries()) {
        if (!group || group->text(0) != entry.menu) {
            group = new QTreeWidgetItem(m_list, {entry.menu});
            group->setFirstColumnSpanned(true);
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFlags(Qt::ItemIsEnabled);
        }
        new QTreeWidgetItem(m_list, {QStringLiteral("    ") + entry.action, entry.keys});
    }
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    auto *filter = new QLineEdit(this);
    filter->setPlaceholderText(tr("Filter"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_list->topLevelItem(i);
            if (item->isFirstColumnSpanned())
                continue; // menu headings stay
            item->setHidden(!item->text(0).contains(text, Qt::CaseInsensitive) &&
                            !item->text(1).contains(text, Qt::CaseInsensitive));
        }
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(520, 560);
}
