#pragma once
// Items read one at a time instead of held: a run's incidents and articles come from its store
// this way, so that writing the layers of a million articles does not hold them all.
#include <functional>
#include <vector>

namespace incimap {

// Calling it visits every item in the same order each time; it may be called again.
template <class T>
using Sequence = std::function<void(const std::function<void(const T&)>& visit)>;

// The items of a vector that outlives the sequence.
template <class T>
Sequence<T> sequence_of(const std::vector<T>& items) {
    return [&items](const std::function<void(const T&)>& visit) {
        for (const T& item : items) visit(item);
    };
}

}  // namespace incimap
