#pragma once

#include <QWidget>

class CodeEditor;

// The side bar of a CodeEditor that shows line numbers and the error marker.
class LineNumberArea : public QWidget
{
    Q_OBJECT
public:
    explicit LineNumberArea(CodeEditor *editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    CodeEditor *m_editor;
};
