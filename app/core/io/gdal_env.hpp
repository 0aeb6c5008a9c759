#pragma once
// One place that sets GDAL up for the whole process; every GDAL user calls
// ensureGdal() before its first GDAL call.
#include <string>
#include <vector>

namespace geso::core {

// Registers all GDAL drivers once (thread-safe) and installs a quiet error
// handler: GDAL never prints to stderr; CPLGetLastErrorMsg() still holds the
// last message, and GdalErrorCapture collects them per operation.
void ensureGdal();

// Collects GDAL errors and warnings raised on this thread while it lives (a
// CPL handler pushed on the thread's handler stack), so a reader can tell
// "the file ended early" from "there were no more features".
class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    bool failed() const { return !m_failures.empty(); }
    const std::vector<std::string>& failures() const { return m_failures; }  // CE_Failure and CE_Fatal
    const std::vector<std::string>& warnings() const { return m_warnings; }  // CE_Warning
    std::string firstFailure() const { return m_failures.empty() ? std::string() : m_failures.front(); }
    void clear() { m_failures.clear(); m_warnings.clear(); }

    // Internal: called by the CPL handler.
    void add(bool failure, const char* msg);

private:
    std::vector<std::string> m_failures, m_warnings;
};

}  // namespace geso::core
