#include <gtest/gtest.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>

#include "core/export/safe_write.hpp"
#include "test_util.hpp"

using namespace geso::core;
using namespace geso::testing;

namespace {

Status writeText(const std::string& path, const std::string& text) {
    writeFile(path, text);
    return Ok{};
}

constexpr int kNoPrivilegeDrop = 77;

// Runs `body` as an ordinary user and returns its result: directly when not
// root, else in a child that becomes nobody (root may write any file, so only
// an ordinary user sees a permission refusal). kNoPrivilegeDrop when the
// child could not drop privileges.
int runUnprivileged(const std::function<int()>& body) {
    if (::geteuid() != 0) return body();
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0 || ::geteuid() == 0)
            ::_exit(kNoPrivilegeDrop);
        ::_exit(body());
    }
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

// A pid that was just used and has no process now (a reaped child).
pid_t deadPid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return pid;
}

// A live process other than this one, stopped by the destructor.
struct LiveChild {
    pid_t pid = ::fork();
    LiveChild() {
        if (pid == 0) {
            ::pause();
            ::_exit(0);
        }
    }
    ~LiveChild() {
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
    }
};

}  // namespace

TEST(SafeWrite, ReplacesTargetOnlyWhenComplete) {
    TempDir dir;
    const std::string target = dir.file("out.txt");
    writeFile(target, "old");
    Status st = writeFileSafely(target, {}, [](const std::string& tmp) { return writeText(tmp, "new"); });
    ASSERT_TRUE(st.ok()) << st.error().line();
    EXPECT_EQ(readFile(target), "new");
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.txt"});
}

TEST(SafeWrite, TempFileIsASiblingThatDoesNotExistYet) {
    TempDir dir;
    const std::string target = dir.file("karta.gpkg");
    std::string seen;
    Status st = writeFileSafely(target, {}, [&](const std::string& tmp) {
        seen = tmp;
        EXPECT_FALSE(std::filesystem::exists(tmp));
        EXPECT_EQ(std::filesystem::path(tmp).parent_path(), std::filesystem::path(target).parent_path());
        EXPECT_EQ(std::filesystem::path(tmp).extension(), ".gpkg");
        return writeText(tmp, "x");
    });
    ASSERT_TRUE(st.ok());
    EXPECT_FALSE(std::filesystem::exists(seen));
}

TEST(SafeWrite, FailedWriteLeavesTargetByteIdenticalAndNoTemp) {
    TempDir dir;
    const std::string target = dir.file("out.gpkg");
    writeFile(target, "precious\0bytes");
    const std::string before = readFile(target);
    Status st = writeFileSafely(target, {}, [](const std::string& tmp) -> Status {
        writeFile(tmp, "half");
        writeFile(tmp + "-journal", "j");
        return Error{"disk full", "gdal:write"};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().where, target);
    EXPECT_EQ(st.error().what, "disk full");
    EXPECT_EQ(readFile(target), before);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.gpkg"});
}

TEST(SafeWrite, WriterExceptionBecomesAnError) {
    TempDir dir;
    const std::string target = dir.file("out.csv");
    Status st = writeFileSafely(target, {}, [](const std::string& tmp) -> Status {
        writeFile(tmp, "x");
        throw std::runtime_error("boom");
    });
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(dir.entries().empty());
}

TEST(SafeWrite, FolderUnderARegularFileIsAClearError) {
    TempDir dir;
    writeFile(dir.file("plain"), "x");
    const std::string target = dir.file("plain") + "/out.gpkg";
    bool called = false;
    Status st = writeFileSafely(target, {}, [&](const std::string&) { called = true; return Status(Ok{}); });
    ASSERT_FALSE(st.ok());
    EXPECT_FALSE(called);
    EXPECT_EQ(st.error().where, target);
    EXPECT_NE(st.error().what.find("not a folder"), std::string::npos) << st.error().what;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"plain"});
}

TEST(SafeWrite, MissingFolderAndFolderTargetAreErrors) {
    TempDir dir;
    auto nop = [](const std::string& tmp) { return writeText(tmp, "x"); };
    Status missing = writeFileSafely(dir.file("nope/out.gpkg"), {}, nop);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().what.find("does not exist"), std::string::npos);
    std::filesystem::create_directory(dir.file("sub"));
    Status isDir = writeFileSafely(dir.file("sub"), {}, nop);
    ASSERT_FALSE(isDir.ok());
    EXPECT_NE(isDir.error().what.find("folder"), std::string::npos);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"sub"});
}

TEST(SafeWrite, UnwritableFolderIsAnError) {
    TempDir dir;
    ::chmod(dir.path().c_str(), 0755);  // an ordinary user may enter it, not write in it
    const std::string ro = dir.file("ro");
    std::filesystem::create_directory(ro);
    ::chmod(ro.c_str(), 0555);
    const int result = runUnprivileged([&] {
        Status st = writeFileSafely(ro + "/out.gpkg", {}, [](const std::string& tmp) { return writeText(tmp, "x"); });
        if (st.ok()) return 1;
        return st.error().what.find("cannot write") == std::string::npos ? 2 : 0;
    });
    ::chmod(ro.c_str(), 0755);
    if (result == kNoPrivilegeDrop) GTEST_SKIP() << "running as root and cannot become nobody";
    EXPECT_EQ(result, 0) << "1 written, 2 unclear message";
    EXPECT_TRUE(std::filesystem::is_empty(ro));
}

TEST(SafeWrite, CopyExistingStartsFromTheOldContent) {
    TempDir dir;
    const std::string target = dir.file("out.gpkg");
    writeFile(target, "old");
    Status st = writeFileSafely(target, {.copyExisting = true}, [](const std::string& tmp) {
        EXPECT_EQ(readFile(tmp), "old");
        return writeText(tmp, readFile(tmp) + "+new");
    });
    ASSERT_TRUE(st.ok());
    EXPECT_EQ(readFile(target), "old+new");
    Status missing = writeFileSafely(dir.file("none.gpkg"), {.copyExisting = true},
                                     [](const std::string& tmp) { return writeText(tmp, "x"); });
    EXPECT_FALSE(missing.ok());
}

TEST(SafeWrite, KeepsPermissionsOfTheReplacedFile) {
    TempDir dir;
    const std::string target = dir.file("out.csv");
    writeFile(target, "old");
    ::chmod(target.c_str(), 0640);
    ASSERT_TRUE(writeFileSafely(target, {}, [](const std::string& tmp) { return writeText(tmp, "n"); }).ok());
    struct stat st {};
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST(SafeWrite, ReadOnlyTargetIsRefusedAndKept) {
    TempDir dir;
    ::chmod(dir.path().c_str(), 0777);  // the folder is writable, only the file is not
    const std::string target = dir.file("rofile.gpkg");
    writeFile(target, "keep me");
    ::chmod(target.c_str(), 0444);
    const int result = runUnprivileged([&] {
        for (bool update : {false, true}) {
            bool called = false;
            Status st = writeFileSafely(target, {.copyExisting = update}, [&](const std::string& tmp) {
                called = true;
                return writeText(tmp, "new");
            });
            if (st.ok()) return 1;
            if (called) return 2;
            if (st.error().where != target) return 3;
            if (st.error().what.find("not writable") == std::string::npos) return 4;
        }
        return 0;
    });
    if (result == kNoPrivilegeDrop) GTEST_SKIP() << "running as root and cannot become nobody";
    EXPECT_EQ(result, 0) << "1 replaced, 2 writer called, 3 wrong where, 4 unclear message";
    EXPECT_EQ(readFile(target), "keep me");
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"rofile.gpkg"});
    struct stat st {};
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0444u);
}

TEST(SafeWrite, RemovesTemporariesOfDeadWritersOnly) {
    TempDir dir;
    const std::string target = dir.file("t.gpkg");
    writeFile(target, "old");
    LiveChild live;
    ASSERT_GT(live.pid, 0);
    const std::string dead = std::to_string(deadPid()), alive = std::to_string(live.pid);
    const std::vector<std::string> stale = {".t.tmp-" + dead + "-0.gpkg", ".t.tmp-" + dead + "-0.gpkg-journal",
                                            ".t.tmp-" + dead + "-12.gpkg-wal"};
    const std::vector<std::string> kept = {
        ".t.tmp-" + alive + "-3.gpkg", ".t.tmp-" + alive + "-3.gpkg-journal",  // a write in progress
        ".other.tmp-" + dead + "-0.gpkg",                                        // another target's
        ".t.tmp-" + dead + "-0.gpkg.bak", ".t.tmp-x-0.gpkg"};                   // not our names
    for (const auto& name : stale) writeFile(dir.file(name), "stale");
    for (const auto& name : kept) writeFile(dir.file(name), "kept");
    Status st = writeFileSafely(target, {}, [](const std::string& tmp) { return writeText(tmp, "new"); });
    ASSERT_TRUE(st.ok()) << st.error().line();
    EXPECT_EQ(readFile(target), "new");
    std::vector<std::string> expected = kept;
    expected.push_back("t.gpkg");
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(dir.entries(), expected);
}

TEST(SafeWrite, SymlinkedTargetStaysALinkToTheNewContent) {
    TempDir dir;
    std::filesystem::create_directory(dir.file("data"));
    const std::string real = dir.file("data/real.gpkg"), link = dir.file("link.gpkg");
    writeFile(real, "old");
    std::filesystem::create_symlink("data/real.gpkg", link);  // relative, as `ln -s` makes them
    Status st = writeFileSafely(link, {}, [&](const std::string& tmp) {
        // Beside the real file, so the rename stays on its file system.
        EXPECT_EQ(std::filesystem::path(tmp).parent_path(), std::filesystem::path(dir.file("data")));
        return writeText(tmp, "new");
    });
    ASSERT_TRUE(st.ok()) << st.error().line();
    EXPECT_TRUE(std::filesystem::is_symlink(link));
    EXPECT_EQ(std::filesystem::read_symlink(link), "data/real.gpkg");
    EXPECT_EQ(readFile(real), "new");
    st = writeFileSafely(link, {.copyExisting = true},
                         [](const std::string& tmp) { return writeText(tmp, readFile(tmp) + "+update"); });
    ASSERT_TRUE(st.ok()) << st.error().line();
    EXPECT_TRUE(std::filesystem::is_symlink(link));
    EXPECT_EQ(readFile(real), "new+update");
    // A link to a file not made yet: the write creates that file.
    std::filesystem::create_symlink(dir.file("data/later.gpkg"), dir.file("later.gpkg"));
    ASSERT_TRUE(writeFileSafely(dir.file("later.gpkg"), {}, [](const std::string& tmp) {
                    return writeText(tmp, "first");
                }).ok());
    EXPECT_TRUE(std::filesystem::is_symlink(dir.file("later.gpkg")));
    EXPECT_EQ(readFile(dir.file("data/later.gpkg")), "first");
    EXPECT_EQ(dir.entries(), (std::vector<std::string>{"data", "later.gpkg", "link.gpkg"}));
}
