#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>

// One object shown by the inspector, as the GUI sees it: plain values, no
// Python object. `handle` names the object on the core side (0 for a scalar,
// which is shown but never opened); the slot says how it is reached from its
// parent, so that it can be assigned.
struct InspectorItem
{
    enum class Slot { Attribute, Index, Key, Element, Root };

    quint64 handle = 0;
    QString name;          // "port", "[3]", "['key']"; empty for a root
    QString type;          // "applib.services.networking.NetworkService", "int"
    QString value;         // a bounded repr, or what went wrong making it
    int childCount = 0;    // attributes, or the elements of a container
    bool expandable = false;
    bool editable = false; // a scalar its parent lets be assigned
    bool subclass = false; // listed as an instance of a subclass of the class asked for
    bool reprFailed = false;
    bool collected = false;

    Slot slot = Slot::Root;
    QString attribute;     // Slot::Attribute
    qint64 index = 0;      // Slot::Index
    quint64 key = 0;       // Slot::Key: the handle of the dict key
};
Q_DECLARE_METATYPE(InspectorItem)

// The object inspector's engine (docs/live-objects.md, "Inspector"): lists
// the live instances of a namespace class without walking the heap, the
// children of an object a page at a time, and assigns a new value to a
// scalar child. Every request runs on the live worker and answers with a
// queued signal; objects are named by handles kept in a core-side table
// (weak references where the object allows one), never passed as objects.
// Reprs are bounded in time and length, so a hostile __repr__ shows as such.
class ObjectInspector : public QObject
{
    Q_OBJECT
public:
    // The one relive.inspect() reports to; lives in the application's thread.
    static ObjectInspector *instance();

    // Live instances of the class `qualifiedName` ("applib.services.NetworkService")
    // and of its subclasses (marked), oldest first: instancesListed follows.
    void listInstances(const QString &qualifiedName);
    // Children offset .. offset+limit of `handle`: childrenListed follows.
    void listChildren(quint64 handle, int offset, int limit);
    // The items for `handles` described again (after a reload, say): described follows.
    void describe(const QList<quint64> &handles);
    // Evaluates `expression` in the program's context (__main__) and assigns
    // it to the child `child` of `parent`: valueSet follows.
    void setValue(quint64 parent, const InspectorItem &child, const QString &expression);
    // Lets the core side drop the references of objects no longer shown.
    void release(const QList<quint64> &handles);

    // A window shows objects opened with relive.inspect(); without one
    // (relive-run) it prints a listing instead.
    void setAttached(bool attached) { m_attached = attached; }
    bool isAttached() const { return m_attached; }

    static constexpr int MaximumInstances = 1000;
    // Rows of a page; children beyond it come with the next request.
    static constexpr int PageSize = 200;
    // Longest value text, in characters; longer ones are cut and say how long they were.
    static constexpr int MaximumLength = 300;
    // Time one repr may take, in seconds.
    static constexpr double ReprTimeLimit = 0.25;

Q_SIGNALS:
    // `total`: how many there are; the first MaximumInstances are listed.
    void instancesListed(const QString &qualifiedName, const QList<InspectorItem> &items, int total,
                         const QString &error);
    // `collected`: the object of `handle` no longer exists.
    void childrenListed(quint64 handle, int offset, const QList<InspectorItem> &items, int total,
                        bool collected);
    void described(const QList<InspectorItem> &items);
    void valueSet(quint64 parent, const InspectorItem &child, bool ok, const QString &error);
    // relive.inspect(obj) was called.
    void objectOpened(const InspectorItem &item);

private:
    explicit ObjectInspector(QObject *parent = nullptr);
    std::atomic<bool> m_attached{false};
};
