#include "UsagesPanel.h"

#include <QFileInfo>
#include <QHeaderView>

namespace {
constexpr int FileRole = Qt::UserRole + 1;
constexpr int LineRole = Qt::UserRole + 2;
}

UsagesPanel::UsagesPanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("usagesPanel"));
    setColumnCount(3);
    setHeaderLabels({tr("File"), tr("Line"), tr("Code")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    header()->setStretchLastSection(true);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT locationActivated(item->data(0, FileRole).toString(), item->data(0, LineRole).toInt());
    });
}

void UsagesPanel::showUsages(const QString &name, const QList<Definition> &sites)
{
    m_name = name;
    clear();
    for (const Definition &site : sites) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(0, QFileInfo(site.file).fileName());
        item->setToolTip(0, site.file);
        item->setText(1, QString::number(site.line));
        item->setText(2, site.lineText.trimmed());
        item->setData(0, FileRole, site.file);
        item->setData(0, LineRole, site.line);
    }
    resizeColumnToContents(0);
}
