#pragma once

// Private to core: includes pybind11.
#include <pybind11/pybind11.h>

#include <functional>
#include <vector>

namespace py = pybind11;

namespace reloading {

// Mutations of live objects, with their inverses, so that a failed merge can
// be undone completely.
struct Transaction
{
    std::vector<std::function<void()>> undo;

    void rollback()
    {
        for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
            try {
                (*it)();
            } catch (py::error_already_set &) {
            }
        }
        undo.clear();
    }
    void commitInto(Transaction &outer)
    {
        for (auto &u : undo)
            outer.undo.push_back(std::move(u));
        undo.clear();
    }
};

} // namespace reloading
