#pragma once

#include "NamespaceNode.h"
#include "ReloadReport.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class PythonRuntime;

// Registered directories, each an importable namespace, and their live reload.
//
// addDirectory("~/app/server", "applib") makes `from applib.services import
// NetworkService` an ordinary import (served by a sys.meta_path finder), and
// from then on every change to a file of that tree is merged into the running
// objects. All Python work happens on the runtime's live worker; results come
// back as queued signals carrying plain values.
class CodeManager : public QObject
{
    Q_OBJECT
public:
    explicit CodeManager(PythonRuntime *runtime, QObject *parent = nullptr);
    ~CodeManager() override;

    // Registers `path` as the namespace `name` and starts watching it. Blocks
    // until done. Refuses a name that is not an identifier, is already used, or
    // would shadow an importable module (unless `force`).
    bool addDirectory(const QString &path, const QString &name, QString *error = nullptr,
                      bool force = false);
    // Opens `folder` as a Python developer's project (NamespaceMap::project):
    // each top-level package (in src/ for a src layout) registered under its
    // own name, a copy of it installed on the system set aside (the log says
    // which), and the folder put on sys.path before the installed packages,
    // as `python3 -m pytest` in the checkout has it. A standard-library module
    // is never shadowed. Blocks
    // until done; returns the names registered, or none with why in `error`
    // (a folder without packages: addDirectory it under a name instead).
    QStringList addProject(const QString &folder, QString *error = nullptr);
    // The names addProject would register for `folder`, empty when it has no
    // package (for a dialog to propose).
    static QStringList projectPackages(const QString &folder);
    QStringList namespaces() const;
    QString directoryOf(const QString &namespaceName) const;
    // True when `file` lies inside a registered directory.
    bool ownsFile(const QString &file) const;

    // The editor's save path: reloads `file` now, without the watcher's debounce.
    void reloadFile(const QString &file);
    // Recent reports, oldest first (bounded).
    QList<ReloadReport> lastReports() const;

    void requestSnapshot();
    void requestInstanceCount(const QString &qualifiedClassName);
    // The live instances of every class of the loaded files, counted as they
    // are created and freed (never a walk of the heap): cheap enough to ask
    // after every command. Answers with instanceCountsReady.
    void requestInstanceCounts();

    // A valid identifier proposed from a folder name ("my-app" -> "my_app").
    static QString proposeNamespaceName(const QString &folder);

Q_SIGNALS:
    void reloaded(const ReloadReport &report);
    void snapshotReady(const QList<NamespaceNode> &roots);
    void instanceCount(const QString &qualifiedClassName, int count);
    // Qualified class name -> live instances (NamespaceNode::Uncounted when not counted).
    void instanceCountsReady(const QHash<QString, int> &counts);
    // Files or directories of a namespace were added, removed or renamed.
    void namespaceChanged(const QString &namespaceName);
    void warning(const QString &message);

private:
    // Emits from the thread this object lives in, whichever thread calls.
    void queued(std::function<void()> emitter);

    class Private;
    std::unique_ptr<Private> d;
};
