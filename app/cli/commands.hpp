#pragma once
// One function per subcommand, each in its own cmd_<name>.cpp. They return
// the process exit code (kExitOk, kExitFailure, kExitUsage from args.hpp) and
// print one line "geso-atlas: <file>: <problem>" on stderr for failures.
namespace geso::cli {

int cmdInfo(int argc, char** argv);      // argv[0] is "info"
int cmdIndex(int argc, char** argv);
int cmdClassify(int argc, char** argv);
int cmdRender(int argc, char** argv);
int cmdExport(int argc, char** argv);

}  // namespace geso::cli
