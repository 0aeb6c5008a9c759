#pragma once
// Runs the built geso-atlas binary (GESO_BINARY) with a command line and keeps
// its exit code and stderr, for the CLI tests of this folder.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace geso::test {

struct CliResult {
    int exitCode = -1;
    std::string err;  // stderr, at most 4 KiB
};

// `geso-atlas <command> <args>`, stdout discarded.
inline CliResult runGeso(const std::string& command, const std::string& args) {
    // One stderr file per process and command: CTest runs tests in parallel.
    const std::filesystem::path errFile = std::filesystem::temp_directory_path() /
                                          ("geso_cli_err_" + command + "_" + std::to_string(::getpid()) + ".txt");
    const std::string cmd = std::string(GESO_BINARY) + " " + command + " " + args + " >/dev/null 2>" + errFile.string();
    const int rc = std::system(cmd.c_str());
    CliResult r;
    r.exitCode = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    if (FILE* f = std::fopen(errFile.c_str(), "r")) {
        char buf[4096];
        r.err.assign(buf, std::fread(buf, 1, sizeof buf, f));
        std::fclose(f);
    }
    std::error_code ec;
    std::filesystem::remove(errFile, ec);
    return r;
}

}  // namespace geso::test
