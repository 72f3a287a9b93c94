#include "DocumentationViewer.h"

#include "Translations.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLocale>
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

namespace {
// guide.md and its translations, guide.<language>.md.
bool isGuide(const QString &fileName)
{
    return fileName == QStringLiteral("guide.md")
        || (fileName.startsWith(QStringLiteral("guide.")) && fileName.endsWith(QStringLiteral(".md"))
            && fileName.count(QLatin1Char('.')) == 2);
}
} // namespace

QString DocumentationViewer::guide(const QString &root, const QLocale &locale)
{
    if (root.isEmpty())
        return {};
    const QDir docs(QDir(root).filePath(QStringLiteral("docs")));
    // The languages in the order QTranslator tries them: each of the
    // locale's UI languages, from the most specific name to the language.
    for (const QString &uiLanguage : locale.uiLanguages()) {
        QString name = uiLanguage;
        name.replace(QLatin1Char('-'), QLatin1Char('_'));
        while (!name.isEmpty()) {
            for (const QString &candidate : {name, name.toLower()}) {
                const QString path = docs.absoluteFilePath(QStringLiteral("guide.%1.md").arg(candidate));
                if (QFileInfo::exists(path))
                    return path;
            }
            const qsizetype cut = name.lastIndexOf(QLatin1Char('_'));
            name.truncate(qMax<qsizetype>(cut, 0));
        }
    }
    const QString path = docs.absoluteFilePath(QStringLiteral("guide.md"));
    return QFileInfo::exists(path) ? path : QString();
}

QStringList DocumentationViewer::pages(const QString &root)
{
    return pages(root, translationLocale());
}

QStringList DocumentationViewer::pages(const QString &root, const QLocale &locale)
{
    QStringList result;
    if (root.isEmpty())
        return result;
    // The user guide first (the page shown on opening), then the developer
    // pages; the guide's other languages are not developer pages.
    const QString userGuide = guide(root, locale);
    if (!userGuide.isEmpty())
        result.append(userGuide);
    result.append(QDir(root).filePath(QStringLiteral("README.md")));
    const QDir docs(QDir(root).filePath(QStringLiteral("docs")));
    const auto files = docs.entryInfoList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : files) {
        if (!isGuide(file.fileName()))
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
        const bool userGuide = isGuide(QFileInfo(page).fileName());
        auto *item = new QListWidgetItem(userGuide ? tr("User Guide") : QFileInfo(page).fileName(), m_list);
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
