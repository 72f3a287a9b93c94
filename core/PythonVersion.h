#pragma once

#include <QString>

// The version of the Python library Relive embeds, as it reports itself at run
// time ("3.11.2"): the library loaded, not the headers it was built with. Can
// be called before the interpreter starts.
QString pythonVersion();
