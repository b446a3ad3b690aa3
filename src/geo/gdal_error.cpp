#include "geo/gdal_error.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

#include "core/error.hpp"

namespace incimap {

void gdal_register_all() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

namespace {
// The handler's user data is the scope; CPLPushErrorHandlerEx keeps handlers per thread,
// so parallel writers each record into their own scope.
void CPL_STDCALL handle_error(CPLErr error_class, CPLErrorNum, const char* message) {
    // Warnings are not failures: GDAL warns about harmless things (a CSV field width, a
    // GeoJSON coordinate rounded) that must not abort a write.
    if (error_class != CE_Failure && error_class != CE_Fatal) return;
    static_cast<GdalErrorScope*>(CPLGetErrorHandlerUserData())->record(message);
}
}  // namespace

GdalErrorScope::GdalErrorScope() {
    gdal_register_all();
    CPLPushErrorHandlerEx(handle_error, this);
}

GdalErrorScope::~GdalErrorScope() { CPLPopErrorHandler(); }

void GdalErrorScope::record(const char* message) noexcept {
    try {
        errors_.emplace_back(message ? message : "unknown GDAL error");
    } catch (...) {
        // Out of memory inside a C callback: dropping the message is all that is safe.
    }
}

void GdalErrorScope::throw_if_failed(std::string_view what, const std::string& file, bool ok) {
    if (ok && errors_.empty()) return;
    std::string message{what};
    if (errors_.empty()) {
        message += " (GDAL gave no reason)";
    } else {
        message += ": ";
        for (std::size_t i = 0; i < errors_.size(); ++i) {
            if (i) message += "; ";
            message += errors_[i];
        }
    }
    errors_.clear();
    throw Error(message, file);
}

}  // namespace incimap
