#pragma once
// Writing a file so that the target is either the old file or the complete new
// one, never something in between: the content goes to a temporary file in the
// target's folder (same file system), is flushed to disk, and is renamed over
// the target only when complete. On any failure the temporary file is removed
// and the target is untouched.
#include <functional>
#include <string>

#include "core/base/result.hpp"

namespace geso::core {

struct SafeWriteOptions {
    // Start from a copy of the existing target (for updating a GeoPackage in
    // place); the target must then exist. Otherwise the temporary path does not
    // exist when `write` is called and `write` creates it.
    bool copyExisting = false;
};

// Calls write(tempPath), then renames tempPath to `target`. A target that is a
// symbolic link stays one: the file it points to is replaced. First removes
// temporaries of `target` left by processes that no longer exist (kill -9).
// Errors name the target (Error.where = target): a folder that does not exist
// or is not writable, a target that is a folder or an existing file the user
// may not write (access W_OK; nothing is written), a failed write (the
// writer's Error, with where set to target), a failed flush or rename.
Status writeFileSafely(const std::string& target, const SafeWriteOptions& options,
                       const std::function<Status(const std::string& tempPath)>& write);

// The temporary sibling name used for `target`: ".<name>.tmp-<pid>-<n><ext>".
std::string temporaryPathFor(const std::string& target, unsigned serial);

// Installs SIGINT/SIGTERM/SIGHUP handlers that remove the temporary file of a
// write in progress (and SQLite's journal beside it) and then end the process
// with the signal; ignores SIGXFSZ so a file-size limit is a write error. For
// command-line tools; call once.
void installInterruptCleanup();

}  // namespace geso::core
