#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// The bar above the editors that says a file on disk differs from its open,
// edited buffer (and that the running program uses the disk version), with
// the two ways out: reload the disk version, or keep the buffer.
class DiskChangeBar : public QFrame
{
    Q_OBJECT
public:
    explicit DiskChangeBar(QWidget *parent = nullptr);

    void showFor(const QString &path);
    QString path() const { return m_path; }
    QString text() const;
    QPushButton *reloadButton() const { return m_reload; }
    QPushButton *keepButton() const { return m_keep; }

Q_SIGNALS:
    void reloadRequested(const QString &path);
    void keepRequested(const QString &path);

private:
    QString m_path;
    QLabel *m_label;
    QPushButton *m_reload;
    QPushButton *m_keep;
};
