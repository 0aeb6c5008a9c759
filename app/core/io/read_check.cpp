#include "core/io/read_check.hpp"

#include <algorithm>

namespace geso::core::io_detail {
namespace {

std::string oneLine(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '\r', ' ');
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

// GDAL's own words, if it said anything, as a suffix.
std::string gdalSays(const std::vector<std::string>& messages) {
    for (const auto& m : messages)
        if (!oneLine(m).empty()) return " (GDAL: " + oneLine(m) + ")";
    return {};
}

}  // namespace

Status checkCompleteRead(const std::string& path, int64_t declared, size_t read, const GdalErrorCapture& capture,
                         std::vector<FeatureIssue>& issues) {
    const std::string got = std::to_string(read);
    if (capture.failed() || (declared >= 0 && static_cast<int64_t>(read) < declared)) {
        const std::string said = gdalSays(capture.failed() ? capture.failures() : capture.warnings());
        if (declared >= 0)
            return Error{"read " + got + " of " + std::to_string(declared) +
                             " features: the file is truncated or damaged" + said,
                         path};
        return Error{"reading stopped after " + got + " features: the file is truncated or damaged" + said, path};
    }
    if (declared >= 0 && static_cast<int64_t>(read) > declared)
        issues.push_back({FeatureIssue::Kind::Warning, -1, "layer",
                          "the file declares " + std::to_string(declared) + " features but " + got + " were read"});
    std::vector<std::string> seen;
    for (const auto& w : capture.warnings()) {
        const std::string line = oneLine(w);
        if (line.empty() || std::find(seen.begin(), seen.end(), line) != seen.end()) continue;
        seen.push_back(line);
        issues.push_back({FeatureIssue::Kind::Warning, -1, "layer", "GDAL warned while reading: " + line});
    }
    return Ok{};
}

}  // namespace geso::core::io_detail
