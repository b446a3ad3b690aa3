#include "cli/interrupt_guard.hpp"

#include <atomic>

namespace incimap::cli {
namespace {

// The one piece of global state: a signal handler can reach nothing else.
std::atomic<bool> interrupt_requested{false};

extern "C" void on_interrupt(int) { interrupt_requested.store(true, std::memory_order_relaxed); }

}  // namespace

InterruptGuard::InterruptGuard() {
    interrupt_requested = false;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, &previous_int_);
    sigaction(SIGTERM, &action, &previous_term_);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGTERM, &previous_term_, nullptr);
}

CancellationToken InterruptGuard::token() const { return CancellationToken(interrupt_requested); }

}  // namespace incimap::cli
