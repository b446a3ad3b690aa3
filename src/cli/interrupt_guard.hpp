#pragma once
// SIGINT and SIGTERM during a command: the handler only sets a flag, and the work stops at
// its next check of the token (core/cancellation.hpp). Installed for the life of the guard;
// SA_RESETHAND makes a second signal act at once (a second Ctrl-C kills).
#include <signal.h>

#include "core/cancellation.hpp"

namespace incimap::cli {

class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    CancellationToken token() const;

private:
    struct sigaction previous_int_ {};
    struct sigaction previous_term_ {};
};

// 128 + SIGINT, as shells report it; also the exit code after SIGTERM, so that scripts test
// one value for "interrupted, nothing half-written".
constexpr int exit_interrupted = 130;

}  // namespace incimap::cli
