#include "DiskChangeBar.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

DiskChangeBar::DiskChangeBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_reload(new QPushButton(tr("&Reload from Disk"), this))
    , m_keep(new QPushButton(tr("&Keep Mine"), this))
{
    setObjectName(QStringLiteral("diskChangeBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // A warning tint that reads on light and dark palettes alike.
    QPalette pal = palette();
    const QColor base = pal.color(QPalette::Window);
    const QColor amber(0xf0, 0xc0, 0x40);
    pal.setColor(QPalette::Window, QColor((base.red() * 2 + amber.red()) / 3,
                                          (base.green() * 2 + amber.green()) / 3,
                                          (base.blue() * 2 + amber.blue()) / 3));
    setPalette(pal);

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_keep->setToolTip(tr("Keep this editor's text; saving it will replace the file on disk "
                          "without asking again."));
    m_reload->setToolTip(tr("Replace this editor's text with the file on disk (can be undone)."));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_reload);
    layout->addWidget(m_keep);

    connect(m_reload, &QPushButton::clicked, this, [this] { Q_EMIT reloadRequested(m_path); });
    connect(m_keep, &QPushButton::clicked, this, [this] { Q_EMIT keepRequested(m_path); });
    hide();
}

void DiskChangeBar::showFor(const QString &path)
{
    m_path = path;
    m_label->setText(tr("%1 on disk differs from this editor; the running program uses the "
                        "disk version.")
                         .arg(QFileInfo(path).fileName()));
    m_label->setToolTip(path);
    show();
}

QString DiskChangeBar::text() const
{
    return m_label->text();
}
