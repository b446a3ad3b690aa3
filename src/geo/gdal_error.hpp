#pragma once
// GDAL reports errors through a CPL error handler, a C callback that must never throw.
// GdalErrorScope installs a handler for the lifetime of one scope that only records the
// messages; throw_if_failed() turns them into an incimap::Error naming the file after the
// C call has returned.
#include <string>
#include <string_view>
#include <vector>

namespace incimap {

// Registers GDAL's drivers once (thread-safe); every wrapper calls it before GDAL is used.
void gdal_register_all();

class GdalErrorScope {
public:
    GdalErrorScope();
    ~GdalErrorScope();
    GdalErrorScope(const GdalErrorScope&) = delete;
    GdalErrorScope& operator=(const GdalErrorScope&) = delete;

    bool failed() const { return !errors_.empty(); }
    const std::vector<std::string>& errors() const { return errors_; }
    void clear() { errors_.clear(); }

    // Throws incimap::Error("<what>: <GDAL messages>", file) when a CE_Failure or CE_Fatal
    // was recorded since construction or the last clear(); `ok` false forces a throw even
    // when GDAL said nothing (a call that returned failure without a message).
    void throw_if_failed(std::string_view what, const std::string& file, bool ok = true);

    // Called by the C handler only: appends and never throws.
    void record(const char* message) noexcept;

private:
    std::vector<std::string> errors_;
};

}  // namespace incimap
