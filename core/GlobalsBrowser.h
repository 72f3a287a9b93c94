#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>

class PythonRuntime;

// One row of the Variables panel's globals, as the GUI sees it: plain
// values, no Python object. `handle` names the value on the core side until
// the next listing; the slot says how it is reached from its parent, so that
// it can be assigned.
struct VariableItem
{
    enum class Kind { Data, Module, Function, Class };
    enum class Slot { Global, Attribute, Index, Key, Element };

    quint64 handle = 0;
    QString name;          // "x"; "port", "[3]", "['key']" below a global
    QString type;          // "int", "applib.services.networking.NetworkService"
    QString size;          // "3", "2×4"; empty where a size means nothing
    QString value;         // a bounded repr, or what went wrong making it
    int childCount = 0;    // attributes, or the elements of a container
    Kind kind = Kind::Data;
    bool reprFailed = false;
    bool valuePending = false;  // the repr follows in valuesDescribed()
    bool editable = false;
    // The qualified name of the value's class when it is a namespace class,
    // whose methods run the code as last saved; empty otherwise.
    QString liveClass;

    Slot slot = Slot::Global;
    QString attribute;     // Slot::Attribute
    qint64 index = 0;      // Slot::Index
    quint64 key = 0;       // Slot::Key: the handle of the dict key

    bool isDunder() const
    {
        return name.size() > 4 && name.startsWith(QLatin1String("__")) && name.endsWith(QLatin1String("__"));
    }
};
Q_DECLARE_METATYPE(VariableItem)

// The repr of one row of a listing, sent after the listing itself.
struct VariableValue
{
    int row = 0;           // index in the listing's items
    QString value;
    bool reprFailed = false;
};
Q_DECLARE_METATYPE(VariableValue)

// The program's globals (the console's and __main__'s) for the Variables
// panel, at any time, not only while paused. Every request runs on the live
// worker, so it is answered while the console or a program is busy, and
// answers with a queued signal carrying plain values. A listing describes
// every global (type, size, kind) at once and the reprs of the first rows;
// the other reprs follow in chunks, each its own job on the live worker so
// that a reload never waits behind ten thousand reprs. Reprs are bounded in
// time and length like the inspector's; values are named by handles kept on
// the core side, which a new listing replaces.
class GlobalsBrowser : public QObject
{
    Q_OBJECT
public:
    explicit GlobalsBrowser(PythonRuntime *runtime, QObject *parent = nullptr);
    ~GlobalsBrowser() override;

    // Lists __main__'s globals: listed() follows, then valuesDescribed() for
    // the rows whose value was pending. Returns the request's id.
    int refresh();
    // Children offset .. offset+limit of `handle`: childrenListed() follows.
    int listChildren(quint64 handle, int offset, int limit = PageSize);
    // Evaluates `expression` in __main__ and assigns it to `item` (a global,
    // or a child of `parent`): assigned() follows. An expression that raises
    // changes nothing.
    int assign(const VariableItem &item, quint64 parent, const QString &expression);
    // Opens the value of `handle` in the window's inspector (relive.inspect).
    void openInInspector(quint64 handle);

    // Rows whose repr comes with the listing; the others come in chunks of ValueChunk.
    static constexpr int FirstValues = 200;
    static constexpr int ValueChunk = 500;
    static constexpr int PageSize = 200;
    // Longest value text, and the time one repr may take (as the inspector's).
    static constexpr int MaximumLength = 300;
    static constexpr double ReprTimeLimit = 0.25;

Q_SIGNALS:
    // `error`: the listing failed (items then empty).
    void listed(int requestId, const QList<VariableItem> &items, const QString &error);
    void valuesDescribed(int requestId, const QList<VariableValue> &values);
    // `gone`: the handle belongs to an older listing or its object no longer exists.
    void childrenListed(int requestId, const QList<VariableItem> &items, int total, bool gone);
    // `item`: the assigned slot as the program now reads it (when ok).
    void assigned(int requestId, bool ok, const QString &error, const VariableItem &item);

private:
    int nextId() { return ++m_lastId; }

    QPointer<PythonRuntime> m_runtime;
    quint64 m_serial;
    std::atomic<int> m_lastId{0};
};
