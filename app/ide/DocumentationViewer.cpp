#include "DocumentationViewer.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

QString DocumentationViewer::documentationRoot()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        appDir + QStringLiteral("/../share/doc/relive"),
        QStringLiteral(RELIVE_INSTALLED_DOCS),
        QStringLiteral(RELIVE_SOURCE_DOCS),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate + QStringLiteral("/README.md")))
            return QDir::cleanPath(candidate);
    }
    return {};
}

QStringList DocumentationViewer::pages(const QString &root)
{
    QStringList result;
    if (root.isEmpty())
        return result;
    // The user guide first (the page shown on opening), then the developer pages.
    const QDir docs(QDir(root).filePath(QStringLiteral("docs")));
    const QString guide = docs.absoluteFilePath(QStringLiteral("guide.md"));
    if (QFileInfo::exists(guide))
        result.append(guide);
    result.append(QDir(root).filePath(QStringLiteral("README.md")));
    const auto files = docs.entryInfoList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : files) {
        if (file.absoluteFilePath() != guide)
            result.append(file.absoluteFilePath());
    }
    return result;
}

DocumentationViewer::DocumentationViewer(const QString &root, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_root(root)
    , m_list(new QListWidget(this))
    , m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("Relive Documentation"));
    setObjectName(QStringLiteral("documentationViewer"));
    m_browser->setOpenExternalLinks(true);
    for (const QString &page : pages(root)) {
        const bool guide = QFileInfo(page).fileName() == QStringLiteral("guide.md");
        auto *item = new QListWidgetItem(guide ? tr("User Guide") : QFileInfo(page).fileName(), m_list);
        item->setData(Qt::UserRole, page);
        item->setToolTip(QDir::toNativeSeparators(page));
    }
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showPage(item->data(Qt::UserRole).toString());
    });
    connect(m_browser, &QTextBrowser::sourceChanged, this, [this](const QUrl &url) {
        // Follow links between pages in the list.
        for (int i = 0; i < m_list->count(); ++i) {
            if (QUrl::fromLocalFile(m_list->item(i)->data(Qt::UserRole).toString()) == url.adjusted(QUrl::RemoveFragment)) {
                const QSignalBlocker blocker(m_list);
                m_list->setCurrentRow(i);
            }
        }
    });

    auto *external = new QPushButton(tr("Open in External &Viewer"), this);
    external->setToolTip(tr("Opens the page with the desktop's program for Markdown files."));
    connect(external, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(m_browser->source().adjusted(QUrl::RemoveFragment));
    });
    auto *back = new QPushButton(tr("&Back"), this);
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    back->setEnabled(false);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 720});
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch(1);
    buttons->addWidget(external);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    resize(960, 720);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void DocumentationViewer::showPage(const QString &path)
{
    // QTextBrowser renders a .md source as Markdown.
    m_browser->setSource(QUrl::fromLocalFile(path));
}
