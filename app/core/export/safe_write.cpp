#include "core/export/safe_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <filesystem>

namespace geso::core {
namespace fs = std::filesystem;

namespace {

// The temporary file of the write in progress, for the signal handler: a fixed
// buffer because a handler may only call async-signal-safe functions (unlink).
constexpr size_t kMaxPath = 4096;
char g_activeTemp[kMaxPath];
char g_activeJournal[kMaxPath];
std::atomic<bool> g_activeSet{false};
std::atomic<unsigned> g_serial{0};

void setActive(const std::string& temp) {
    if (temp.size() + 9 >= kMaxPath) return;
    g_activeSet.store(false);
    std::memcpy(g_activeTemp, temp.c_str(), temp.size() + 1);
    const std::string journal = temp + "-journal";
    std::memcpy(g_activeJournal, journal.c_str(), journal.size() + 1);
    g_activeSet.store(true);
}

void clearActive() { g_activeSet.store(false); }

void onSignal(int sig) {
    if (g_activeSet.load()) {
        ::unlink(g_activeTemp);
        ::unlink(g_activeJournal);
    }
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void removeTemp(const std::string& temp) {
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(temp + suffix, ec);
    clearActive();
}

std::string errnoText(int err) { return std::strerror(err); }

// Flushes a file or folder to disk; returns errno or 0.
int syncPath(const std::string& path, bool directory) {
    const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0) return errno;
    const int rc = ::fsync(fd);
    const int err = rc == 0 ? 0 : errno;
    ::close(fd);
    return err;
}

// The file a (chain of) symbolic link(s) at the last component points to, so
// the rename replaces that file and the link stays a link. A dangling link
// gives the path it names, which the write then creates.
Result<fs::path> followLinks(fs::path path) {
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(path, ec))) return path;
        const fs::path to = fs::read_symlink(path, ec);
        if (ec) return Error{"cannot read the symbolic link: " + ec.message(), path.string()};
        path = to.is_absolute() ? to : path.parent_path() / to;
    }
    return Error{"too many levels of symbolic links", path.string()};
}

// The pid in a temporary name of `target` (".<stem>.tmp-<pid>-<n><ext>", also
// with SQLite's -journal, -wal or -shm), 0 when `name` is not one.
pid_t temporaryOwner(const std::string& name, const fs::path& target) {
    std::string prefix = ".";  // appended: GCC 12 warns falsely (-Wrestrict) on "." + std::string
    prefix.append(target.stem().string()).append(".tmp-");
    if (name.rfind(prefix, 0) != 0) return 0;
    const char* p = name.data() + prefix.size();
    const char* end = name.data() + name.size();
    pid_t pid = 0;  // from_chars refuses what does not fit: no truncated pid
    unsigned serial = 0;
    auto r = std::from_chars(p, end, pid);
    if (r.ec != std::errc{} || r.ptr == p || r.ptr == end || *r.ptr != '-' || pid <= 0) return 0;
    p = r.ptr + 1;
    r = std::from_chars(p, end, serial);
    if (r.ec != std::errc{} || r.ptr == p) return 0;
    const std::string rest(r.ptr, end);
    const std::string ext = target.extension().string();
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        if (rest == ext + suffix) return pid;
    return 0;
}

// Removes what a killed writer (kill -9, power loss) left beside `target`: only
// temporaries whose process no longer exists on this machine. A live owner,
// including this process (another write in progress), keeps its files; so
// does one we may not signal (EPERM: alive, another user's).
void removeStaleTemporaries(const fs::path& target, const fs::path& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const pid_t pid = temporaryOwner(it->path().filename().string(), target);
        if (pid == 0 || pid == ::getpid()) continue;
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue;
        std::error_code rm;
        if (it->is_regular_file(rm)) fs::remove(it->path(), rm);
    }
}

}  // namespace

std::string temporaryPathFor(const std::string& target, unsigned serial) {
    const fs::path t(target);
    std::string name = ".";
    name.append(t.stem().string()).append(".tmp-").append(std::to_string(::getpid()));
    name.append("-").append(std::to_string(serial)).append(t.extension().string());
    return (t.parent_path() / name).string();
}

Status writeFileSafely(const std::string& target, const SafeWriteOptions& options,
                       const std::function<Status(const std::string& tempPath)>& write) {
    if (target.empty()) return Error{"no output file given", "export"};
    std::error_code ec;
    if (fs::is_directory(target, ec)) return Error{"is a folder, not a file", target};
    if (fs::path(target).filename().empty()) return Error{"no file name", target};
    auto linked = followLinks(target);
    if (!linked) return Error{linked.error().what, target};
    // From here on `t` is the real file; errors still name what the user gave.
    const fs::path t = linked.value();
    if (fs::is_directory(t, ec)) return Error{"is a folder, not a file", target};
    const fs::path dir = t.parent_path().empty() ? fs::path(".") : t.parent_path();
    const auto dirStatus = fs::status(dir, ec);
    if (!fs::exists(dirStatus)) return Error{"folder " + dir.string() + " does not exist", target};
    if (!fs::is_directory(dirStatus)) return Error{dir.string() + " is not a folder", target};
    const bool targetExists = fs::exists(t, ec);
    if (options.copyExisting && !targetExists) return Error{"file to update does not exist", target};
    // rename() needs only the folder's permission, so a read-only file would be
    // replaced silently; its mode says the user wants it kept (as cp and vi do).
    if (targetExists && ::faccessat(AT_FDCWD, t.c_str(), W_OK, AT_EACCESS) != 0)
        return Error{"the file is not writable for you (" + errnoText(errno) + "); nothing was written", target};
    removeStaleTemporaries(t, dir);

    // Reserve a unique temporary name (O_EXCL), which also proves the folder is writable.
    std::string temp;
    for (int attempt = 0;; ++attempt) {
        temp = temporaryPathFor(t.string(), g_serial.fetch_add(1));
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            break;
        }
        if (errno != EEXIST || attempt > 100)
            return Error{"cannot write in folder " + dir.string() + ": " + errnoText(errno) +
                             " (nothing was written)",
                         target};
    }
    setActive(temp);

    if (options.copyExisting) {
        if (!fs::copy_file(t, temp, fs::copy_options::overwrite_existing, ec)) {
            removeTemp(temp);
            return Error{"cannot copy the existing file for updating: " + ec.message(), target};
        }
    } else {
        fs::remove(temp, ec);  // the writer creates it
    }

    Status written = [&]() -> Status {
        try {
            return write(temp);
        } catch (const std::exception& e) {
            return Error{std::string("write failed: ") + e.what(), target};
        }
    }();
    if (!written.ok()) {
        removeTemp(temp);
        return Error{written.error().what, target};
    }
    if (!fs::is_regular_file(temp, ec)) {
        removeTemp(temp);
        return Error{"the writer produced no file", target};
    }
    // Keep the permissions of the file being replaced.
    struct stat st {};
    if (targetExists && ::stat(t.c_str(), &st) == 0) ::chmod(temp.c_str(), st.st_mode & 07777);
    if (const int err = syncPath(temp, false); err != 0) {
        removeTemp(temp);
        return Error{"cannot flush to disk: " + errnoText(err), target};
    }
    if (::rename(temp.c_str(), t.c_str()) != 0) {
        const int err = errno;
        removeTemp(temp);
        return Error{"cannot replace the file: " + errnoText(err), target};
    }
    clearActive();
    syncPath(dir.string(), true);  // best effort: makes the rename durable
    return Ok{};
}

void installInterruptCleanup() {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, onSignal);
    // Past a file-size limit, let write() fail with EFBIG (reported, temp removed)
    // instead of the process being killed mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace geso::core
