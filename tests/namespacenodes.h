#pragma once

#include "NamespaceNode.h"

// A namespace node for a snapshot written by hand, shared by the tests of
// the namespace view and of the window's layout.
inline NamespaceNode node(const QString &qualifiedName, NamespaceNode::Kind kind, const QString &file = {},
                          int line = 0, const QList<NamespaceNode> &children = {})
{
    NamespaceNode n;
    n.qualifiedName = qualifiedName;
    n.name = qualifiedName.section(QLatin1Char('.'), -1);
    n.kind = kind;
    n.file = file;
    n.line = line;
    n.children = children;
    return n;
}
