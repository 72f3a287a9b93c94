#include "FindReplaceBar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>

FindReplaceBar::FindReplaceBar(QWidget *parent)
    : QWidget(parent)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_caseSensitive(new QCheckBox(tr("Match case"), this))
    , m_wholeWords(new QCheckBox(tr("Whole words"), this))
{
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(tr("Replace with"));

    auto *next = new QPushButton(tr("Next"), this);
    auto *previous = new QPushButton(tr("Previous"), this);
    auto *replace = new QPushButton(tr("Replace"), this);
    auto *replaceAllButton = new QPushButton(tr("Replace All"), this);
    auto *close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(previous, 0, 1);
    layout->addWidget(next, 0, 2);
    layout->addWidget(m_caseSensitive, 0, 3);
    layout->addWidget(m_wholeWords, 0, 4);
    layout->addWidget(close, 0, 5, Qt::AlignRight);
    layout->addWidget(m_replace, 1, 0);
    layout->addWidget(replace, 1, 1);
    layout->addWidget(replaceAllButton, 1, 2);
    layout->setColumnStretch(0, 1);
    m_replaceWidgets = {m_replace, replace, replaceAllButton};

    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
    connect(next, &QPushButton::clicked, this, [this] { findNext(); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(replace, &QPushButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(replaceAllButton, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_find, &QLineEdit::textChanged, this, [this] { m_find->setStyleSheet(QString()); });
}

void FindReplaceBar::setEditor(QPlainTextEdit *editor)
{
    m_editor = editor;
}

void FindReplaceBar::showFind()
{
    setReplaceVisible(false);
    show();
    if (m_editor && m_editor->textCursor().hasSelection()
        && !m_editor->textCursor().selectedText().contains(QChar::ParagraphSeparator))
        m_find->setText(m_editor->textCursor().selectedText());
    m_find->setFocus();
    m_find->selectAll();
}

void FindReplaceBar::showReplace()
{
    showFind();
    setReplaceVisible(true);
}

void FindReplaceBar::setReplaceVisible(bool visible)
{
    for (QWidget *widget : std::as_const(m_replaceWidgets))
        widget->setVisible(visible);
}

bool FindReplaceBar::findNext(bool backward)
{
    if (!m_editor || m_find->text().isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    if (m_wholeWords->isChecked())
        flags |= QTextDocument::FindWholeWords;
    bool found = m_editor->find(m_find->text(), flags);
    if (!found) {
        // Wrap around once.
        QTextCursor cursor = m_editor->textCursor();
        cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        const QTextCursor saved = m_editor->textCursor();
        m_editor->setTextCursor(cursor);
        found = m_editor->find(m_find->text(), flags);
        if (!found)
            m_editor->setTextCursor(saved);
    }
    markResult(found);
    return found;
}

bool FindReplaceBar::replaceCurrent()
{
    if (!m_editor || m_editor->isReadOnly())
        return false;
    QTextCursor cursor = m_editor->textCursor();
    const Qt::CaseSensitivity cs = m_caseSensitive->isChecked() ? Qt::CaseSensitive
                                                                : Qt::CaseInsensitive;
    if (cursor.hasSelection() && cursor.selectedText().compare(m_find->text(), cs) == 0)
        cursor.insertText(m_replace->text());
    return findNext();
}

int FindReplaceBar::replaceAll()
{
    if (!m_editor || m_editor->isReadOnly() || m_find->text().isEmpty())
        return 0;
    QTextDocument::FindFlags flags;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    if (m_wholeWords->isChecked())
        flags |= QTextDocument::FindWholeWords;
    QTextDocument *document = m_editor->document();
    QTextCursor edit(document);
    edit.beginEditBlock();
    int count = 0;
    QTextCursor found = document->find(m_find->text(), 0, flags);
    while (!found.isNull()) {
        found.insertText(m_replace->text());
        ++count;
        found = document->find(m_find->text(), found.position(), flags);
    }
    edit.endEditBlock();
    markResult(count > 0);
    return count;
}

void FindReplaceBar::markResult(bool found)
{
    m_find->setStyleSheet(found ? QString()
                                : QStringLiteral("QLineEdit { background: #f6c6c6; color: black; }"));
}

void FindReplaceBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_editor)
            m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}
