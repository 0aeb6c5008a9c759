#include "core/io/gdal_env.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace geso::core {
namespace {

void CPL_STDCALL quietHandler(CPLErr, CPLErrorNum, const char*) {}

void CPL_STDCALL captureHandler(CPLErr cls, CPLErrorNum, const char* msg) {
    auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
    if (self && cls >= CE_Warning) self->add(cls >= CE_Failure, msg);
}

// A message list that grows per feature (a damaged file can raise one error per
// record) is capped; the first ones say what went wrong.
constexpr size_t kMaxMessages = 50;

}  // namespace

void ensureGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Last error is still recorded by CPLError before any handler runs.
        CPLSetErrorHandler(quietHandler);
    });
}

GdalErrorCapture::GdalErrorCapture() {
    ensureGdal();
    CPLPushErrorHandlerEx(captureHandler, this);
    CPLErrorReset();
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

void GdalErrorCapture::add(bool failure, const char* msg) {
    auto& list = failure ? m_failures : m_warnings;
    if (list.size() < kMaxMessages) list.emplace_back(msg ? msg : "");
}

}  // namespace geso::core
