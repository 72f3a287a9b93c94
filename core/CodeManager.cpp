#include "CodeManager.h"

#include "ChangeWatcher.h"
#include "Importer_p.h"
#include "NamespaceMap.h"
#include "PythonRuntime_p.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QMutex>
#include <QPointer>
#include <QSemaphore>

class CodeManager::Private
{
public:
    QPointer<PythonRuntime> runtime;
    ChangeWatcher *watcher = nullptr;
    QMap<QString, QString> roots;   // namespace -> directory, GUI thread's copy
    QList<ReloadReport> reports;
};

namespace {
constexpr int MaxReports = 200;
}

CodeManager::CodeManager(PythonRuntime *runtime, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<QHash<QString, int>>();
    d->runtime = runtime;
    d->watcher = new ChangeWatcher(this);

    connect(d->watcher, &ChangeWatcher::fileChanged, this, [this](const QString &file) {
        postLive(d->runtime, [file] { Importer::instance().reloadFile(file, false); });
    });
    auto rescan = [this](const QString &path) {
        postLive(d->runtime, [path] { Importer::instance().rescan(path); });
    };
    connect(d->watcher, &ChangeWatcher::fileAdded, this, rescan);
    connect(d->watcher, &ChangeWatcher::fileRemoved, this, rescan);
    connect(d->watcher, &ChangeWatcher::treeChanged, this, rescan);
    connect(this, &CodeManager::reloaded, this, [this](const ReloadReport &report) {
        d->reports.append(report);
        while (d->reports.size() > MaxReports)
            d->reports.removeFirst();
    });

    // The sinks run on whichever thread reloaded (the live worker, or a user
    // thread calling relive.reload()); the signals are emitted on ours.
    QSemaphore done;
    postLive(d->runtime, [this, &done] {
        Importer::Sinks sinks;
        sinks.reloaded = [this](const ReloadReport &report) {
            queued([this, report] { Q_EMIT reloaded(report); });
        };
        sinks.namespaceChanged = [this](const QString &name) {
            queued([this, name] { Q_EMIT namespaceChanged(name); });
        };
        sinks.warning = [this](const QString &message) {
            queued([this, message] { Q_EMIT warning(message); });
        };
        sinks.directoryAdded = [this](const QString &name, const QString &root) {
            QMetaObject::invokeMethod(this, [this, name, root] {
                d->roots.insert(name, root);
                d->watcher->addTree(root);
            }, Qt::QueuedConnection);
        };
        Importer::instance().setSinks(std::move(sinks));
        done.release();
    });
    done.acquire();
}

CodeManager::~CodeManager()
{
    if (!d->runtime || !d->runtime->isRunning())
        return;
    QSemaphore done;
    postLive(d->runtime, [&done] {
        Importer::instance().setSinks({});
        done.release();
    });
    done.acquire();
}

bool CodeManager::addDirectory(const QString &path, const QString &name, QString *error, bool force)
{
    bool added = false;
    QSemaphore done;
    postLive(d->runtime, [&] {
        added = Importer::instance().addDirectory(path, name, force, error);
        done.release();
    });
    done.acquire();
    if (!added)
        return false;
    // Also done by the queued directoryAdded sink; doing it now means a save
    // right after this call is already watched.
    const QString root = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    d->roots.insert(name, root);
    d->watcher->addTree(root);
    return true;
}

QStringList CodeManager::addProject(const QString &folder, QString *error)
{
    QStringList added;
    QMap<QString, QString> roots;
    QSemaphore done;
    postLive(d->runtime, [&] {
        added = Importer::instance().addProject(folder, error);
        roots = Importer::instance().namespaces();
        done.release();
    });
    done.acquire();
    // Watched now, as addDirectory does, so that a save right after is seen.
    for (const QString &name : added) {
        d->roots.insert(name, roots.value(name));
        d->watcher->addTree(roots.value(name));
    }
    return added;
}

QStringList CodeManager::projectPackages(const QString &folder)
{
    QStringList names;
    for (const NamespaceMap::Project::Package &package : NamespaceMap::project(folder).packages)
        names << package.name;
    return names;
}

QStringList CodeManager::namespaces() const
{
    return d->roots.keys();
}

QString CodeManager::directoryOf(const QString &namespaceName) const
{
    return d->roots.value(namespaceName);
}

bool CodeManager::ownsFile(const QString &file) const
{
    const QString clean = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
    for (const QString &root : d->roots) {
        if (clean.startsWith(root + QLatin1Char('/')))
            return true;
    }
    return false;
}

void CodeManager::reloadFile(const QString &file)
{
    d->watcher->notifySaved(file);
    postLive(d->runtime, [file] { Importer::instance().reloadFile(file, false); });
}

QList<ReloadReport> CodeManager::lastReports() const
{
    return d->reports;
}

void CodeManager::requestSnapshot()
{
    postLive(d->runtime, [this] {
        const QList<NamespaceNode> roots = Importer::instance().snapshot();
        queued([this, roots] { Q_EMIT snapshotReady(roots); });
    });
}

void CodeManager::requestInstanceCount(const QString &qualifiedClassName)
{
    postLive(d->runtime, [this, qualifiedClassName] {
        const int count = Importer::instance().instanceCount(qualifiedClassName);
        queued([this, qualifiedClassName, count] { Q_EMIT instanceCount(qualifiedClassName, count); });
    });
}

void CodeManager::requestInstanceCounts()
{
    postLive(d->runtime, [this] {
        const QHash<QString, int> counts = Importer::instance().instanceCounts();
        queued([this, counts] { Q_EMIT instanceCountsReady(counts); });
    });
}

void CodeManager::queued(std::function<void()> emitter)
{
    QMetaObject::invokeMethod(this, std::move(emitter), Qt::QueuedConnection);
}

QString CodeManager::proposeNamespaceName(const QString &folder)
{
    QString name = QFileInfo(QDir::cleanPath(folder)).fileName();
    for (QChar &c : name) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')))
            c = QLatin1Char('_');
    }
    if (name.isEmpty() || name.at(0).isDigit())
        name.prepend(QLatin1Char('_'));
    if (!NamespaceMap::isIdentifier(name))
        name.append(QLatin1Char('_'));
    return name;
}
