#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;

// Find and replace in the current editor, shown under the editor tabs.
class FindReplaceBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindReplaceBar(QWidget *parent = nullptr);

    void setEditor(QPlainTextEdit *editor);
    // Shows the bar with the editor's selection as the search text.
    void showFind();
    void showReplace();

    bool findNext(bool backward = false);
    bool replaceCurrent();
    int replaceAll();

    QLineEdit *findField() const { return m_find; }
    QLineEdit *replaceField() const { return m_replace; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void setReplaceVisible(bool visible);
    void markResult(bool found);

    QPointer<QPlainTextEdit> m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_caseSensitive;
    QCheckBox *m_wholeWords;
    QList<QWidget *> m_replaceWidgets;
};
