#include "core/test_signal.hpp"

#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <string>

namespace incimap {

void signal_self_if_test_asks(std::string_view point) {
    const char* wanted = std::getenv("INCIMAP_TEST_SIGNAL_AT");
    if (!wanted) return;
    const std::string_view request = wanted;
    const auto colon = request.rfind(':');
    if (colon == std::string_view::npos || request.substr(0, colon) != point) return;
    const std::string_view name = request.substr(colon + 1);
    const int number = name == "INT"    ? SIGINT
                       : name == "TERM" ? SIGTERM
                       : name == "KILL" ? SIGKILL
                                        : 0;
    // Once per process: workers on several threads pass the same point, and a second signal
    // would meet the default action the handler restores after the first (SA_RESETHAND).
    static std::atomic<bool> raised{false};
    if (number == 0 || raised.exchange(true)) return;
    // raise() runs the handler on this thread before it returns (SIGKILL ends the process).
    ::raise(number);
}

}  // namespace incimap
