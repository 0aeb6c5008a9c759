#pragma once
// Reading an exported GeoPackage back with GDAL, and running GDAL's validator.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/io/gdal_env.hpp"

namespace geso::testing {

inline GDALDatasetUniquePtr openGpkg(const std::string& path) {
    core::ensureGdal();
    const char* const drivers[] = {"GPKG", nullptr};
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
}

struct CommandOutput {
    int exitCode = -1;
    std::string text;  // stdout and stderr
};

// Runs `cmd` with /bin/sh; captures stdout and stderr, or only stderr.
inline CommandOutput runCommand(const std::string& cmd, bool stderrOnly = false) {
    CommandOutput out;
    const std::string full = stderrOnly ? "{ " + cmd + "; } 2>&1 >/dev/null" : cmd + " 2>&1";
    if (FILE* p = ::popen(full.c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) out.text += buf;
        const int status = ::pclose(p);
        out.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return out;
}

// GDAL's validate_gpkg.py from python3-gdal: its usual places, else wherever
// the package put it (the examples folder has moved between releases).
inline std::string validatorScript() {
    for (const char* p : {"/usr/share/doc/python3-gdal/examples/validate_gpkg.py",
                          "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"})
        if (std::filesystem::exists(p)) return p;
    const auto listed = runCommand("dpkg -L python3-gdal 2>/dev/null | grep '/validate_gpkg\\.py$' | head -n 1");
    std::string path = listed.text.substr(0, listed.text.find('\n'));
    return !path.empty() && std::filesystem::exists(path) ? path : "";
}

// Runs the validator with -k (report every error, not just the first): exit 0
// and no "Req N:" line means no errors.
inline CommandOutput validateGpkg(const std::string& script, const std::string& path) {
    return runCommand("/usr/bin/python3 '" + script + "' -k '" + path + "'");
}

// The full path of `program` on $PATH, "" if absent.
inline std::string findOnPath(const std::string& program) {
    const char* env = std::getenv("PATH");
    std::string path = env ? env : "/usr/bin:/bin";
    for (size_t start = 0; start <= path.size();) {
        const size_t end = std::min(path.find(':', start), path.size());
        const std::filesystem::path candidate = std::filesystem::path(path.substr(start, end - start)) / program;
        if (end > start && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
        start = end + 1;
    }
    return "";
}

}  // namespace geso::testing
