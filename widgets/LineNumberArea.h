#pragma once

#include <QWidget>

class CodeEditor;

// The side bar of a CodeEditor: line numbers, the error marker, breakpoint
// dots (a click toggles one) and the paused line's arrow.
class LineNumberArea : public QWidget
{
    Q_OBJECT
public:
    explicit LineNumberArea(CodeEditor *editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    CodeEditor *m_editor;
};
