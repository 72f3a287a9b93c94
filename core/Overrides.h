#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

// One active override, as the GUI sees it (a value, no Python object).
struct OverrideInfo
{
    int id = 0;
    QString target;        // "applib.services.networking.NetworkService.handle"
    QString origin;        // where the override was typed: "<console>:1", "/path/file.py:12"
    QDateTime installed;
    bool fileChanged = false;  // the file's version of the function was saved since
    QString file;          // the file that defines the target
    QString qualifiedName; // the target's name in that file: "NetworkService.handle"
    QString source;        // the override's text as typed (no relive.override decorator); empty if unknown
};

// The overrides of the running program (DESIGN.md, "Overrides"): code that
// replaces a live function for a while, above what its file defines. The
// engine lives with the interpreter (relive.override); this object is its
// thread-safe face for the GUI: a snapshot of the list and a revert request.
class OverrideRegistry : public QObject
{
    Q_OBJECT
public:
    explicit OverrideRegistry(QObject *parent = nullptr) : QObject(parent) {}
    // The one the interpreter's overrides publish to.
    static OverrideRegistry *instance();

    QList<OverrideInfo> overrides() const;
    // Reverts override `id` on the live worker; changed() follows.
    void revert(int id);
    // The editor's "Override in Running Program": installs the function or
    // method around `line` (1-based) of `buffer`, the unsaved text of `path`,
    // on the live object it names, on the live worker. sourceOverridden()
    // follows with the target, or the reason it was refused.
    void overrideFromSource(const QString &path, const QString &buffer, int line);

    // "Write to File": where override `id`'s target is defined in `buffer`
    // (the unsaved text of `path`, its file) and the override's text
    // indented to replace it, on the live worker. sourceEditReady follows.
    void writeToSource(int id, const QString &path, const QString &buffer);

    // Core-internal: called with the GIL held whenever the list changes.
    void publish(const QList<OverrideInfo> &list);

Q_SIGNALS:
    // Queued to the registry's thread (the GUI's) after every change.
    void changed();
    void sourceOverridden(bool ok, const QString &targetOrError);
    // Lines firstLine..lastLine (1-based) of `path`'s buffer are to become
    // `text`; or `error` says why not (the method is gone from the buffer).
    void sourceEditReady(int id, const QString &path, int firstLine, int lastLine, const QString &text,
                         const QString &error);

private:
    mutable QMutex m_mutex;
    QList<OverrideInfo> m_list;
};
