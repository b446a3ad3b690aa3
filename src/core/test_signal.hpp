#pragma once
// Tests stop a run at a chosen point with a chosen signal, as a user or the system would,
// without racing the run's speed: INCIMAP_TEST_SIGNAL_AT=POINT:SIGNAL, SIGNAL being INT, TERM
// or KILL. The points are named where this is called (extraction, known-article, merge,
// layers, heatmap, brief, and in publication.cpp before-publish, migrating, switched, linking,
// unlinking, removing-old). The environment is read here only.
#include <string_view>

namespace incimap {

void signal_self_if_test_asks(std::string_view point);

}  // namespace incimap
