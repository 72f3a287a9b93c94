#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// One name of a registered namespace, as the namespace view shows it.
// A snapshot taken on the live worker: plain values, safe to pass to the GUI.
struct NamespaceNode
{
    enum class Kind { Namespace, Module, Class, Function, Value };

    QString name;           // "NetworkService"
    QString qualifiedName;  // "applib.services.NetworkService"
    Kind kind = Kind::Value;
    // A Namespace node is a folder of one of two kinds: a regular package (it
    // has an __init__.py; its names are its __init__'s and its submodules) or
    // a merged folder (its files' names merged).
    bool package = false;
    QString file;           // defining file, empty if unknown
    int line = 0;           // 1-based definition line, 0 if unknown
    QString summary;        // short repr or signature
    // Live instances of a loaded class; Uncounted when its instances are not
    // counted (a class made by type(), an enum), Unknown for anything else.
    enum : int { Unknown = -1, Uncounted = -2 };
    int instances = Unknown;
    QList<NamespaceNode> children;
};

Q_DECLARE_METATYPE(NamespaceNode)
