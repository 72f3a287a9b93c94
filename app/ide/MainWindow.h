#pragma once

#include <QMainWindow>

class QTabWidget;
class ProjectTree;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    QTabWidget *m_editors;
};
