#pragma once
// The interactive map window (GLFW + ImGui). Runs until the window closes.
// With no display it prints one clear line and returns 1, never crashes.
namespace geso::viewer {

// argv[first..argc) are the viewer's options (e.g. --lang en, --areas FILE).
int runViewer(int argc, char** argv, int first);

}  // namespace geso::viewer
