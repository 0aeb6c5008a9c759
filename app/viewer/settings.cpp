#include "viewer/settings.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <system_error>

namespace geso::viewer {
namespace {

int toInt(const std::string& v, int fallback) {
    char* end = nullptr;
    const long x = std::strtol(v.c_str(), &end, 10);
    if (end == v.c_str() || *end != '\0' || x < -1000000 || x > 1000000) return fallback;
    return static_cast<int>(x);
}

}  // namespace

std::filesystem::path configDir() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::filesystem::path(x) / "geso-atlas";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".config" / "geso-atlas";
    return {};
}

Settings loadSettings(const std::filesystem::path& file) {
    Settings s;
    std::ifstream in(file);
    if (!in) return s;
    std::map<std::string, std::string> kv;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const size_t eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
        kv[line.substr(0, eq)] = line.substr(eq + 1);
    }
    auto str = [&](const char* k, std::string& out) { if (auto it = kv.find(k); it != kv.end()) out = it->second; };
    auto num = [&](const char* k, int& out) { if (auto it = kv.find(k); it != kv.end()) out = toInt(it->second, out); };
    auto flag = [&](const char* k, bool& out) { if (auto it = kv.find(k); it != kv.end()) out = it->second == "1"; };
    num("window_width", s.windowWidth);
    num("window_height", s.windowHeight);
    str("lang", s.lang);
    str("areas", s.areas);
    str("indicators", s.indicators);
    str("initiatives", s.initiatives);
    str("trygghet", s.trygghet);
    str("table_layout", s.tableLayout);
    str("table_columns", s.tableColumns);
    str("variable_kind", s.variableKind);
    str("variable_id", s.variableId);
    num("year", s.year);
    str("method", s.method);
    num("classes", s.classes);
    str("palette", s.palette);
    flag("reversed", s.reversed);
    flag("show_table", s.showTable);
    flag("show_strip_plot", s.showStripPlot);
    flag("show_sidebar", s.showSidebar);
    // A remembered size is a wish, not a trust: keep it on a sane screen.
    if (s.windowWidth < 320 || s.windowWidth > 16384) s.windowWidth = Settings{}.windowWidth;
    if (s.windowHeight < 240 || s.windowHeight > 16384) s.windowHeight = Settings{}.windowHeight;
    return s;
}

bool saveSettings(const std::filesystem::path& file, const Settings& s) {
    if (file.empty()) return false;
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const std::filesystem::path tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) return false;
        out << "# geso-atlas viewer settings (rewritten on exit)\n"
            << "window_width=" << s.windowWidth << "\nwindow_height=" << s.windowHeight << "\nlang=" << s.lang
            << "\nareas=" << s.areas << "\nindicators=" << s.indicators << "\ninitiatives=" << s.initiatives
            << "\ntrygghet=" << s.trygghet << "\ntable_layout=" << s.tableLayout
            << "\ntable_columns=" << s.tableColumns << "\nvariable_kind=" << s.variableKind << "\nvariable_id=" << s.variableId
            << "\nyear=" << s.year << "\nmethod=" << s.method << "\nclasses=" << s.classes << "\npalette=" << s.palette
            << "\nreversed=" << (s.reversed ? 1 : 0) << "\nshow_table=" << (s.showTable ? 1 : 0)
            << "\nshow_strip_plot=" << (s.showStripPlot ? 1 : 0) << "\nshow_sidebar=" << (s.showSidebar ? 1 : 0)
            << "\n";
        if (!out.flush()) { std::filesystem::remove(tmp, ec); return false; }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) { std::filesystem::remove(tmp, ec); return false; }
    return true;
}

}  // namespace geso::viewer
