#pragma once
// A small command-line parser shared by the subcommands: `--name value`,
// `--name=value` and boolean `--flag`. Each command lists the options it takes;
// anything else is a usage error (exit 2).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace geso::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // bad input or a failed operation
constexpr int kExitUsage = 2;

struct OptionSpec {
    std::set<std::string> withValue;  // e.g. {"--layer", "--crs"}
    std::set<std::string> flags;      // e.g. {"--help"}
    int maxPositional = 1;
};

class Args {
public:
    // Parses argv[first..argc). On a usage error, ok() is false and error() says why.
    Args(int argc, char** argv, int first, const OptionSpec& spec) {
        for (int i = first; i < argc; ++i) {
            std::string a = argv[i];
            if (a.size() > 2 && a.rfind("--", 0) == 0) {
                std::string name = a, value;
                bool inlineValue = false;
                if (auto eq = a.find('='); eq != std::string::npos) {
                    name = a.substr(0, eq); value = a.substr(eq + 1); inlineValue = true;
                }
                if (spec.flags.count(name) && !inlineValue) { m_flags.insert(name); continue; }
                if (!spec.withValue.count(name)) { m_error = "unknown option " + name; return; }
                if (!inlineValue) {
                    if (i + 1 >= argc) { m_error = name + " needs a value"; return; }
                    value = argv[++i];
                }
                m_values[name] = value;
            } else {
                m_positional.push_back(a);
            }
        }
        if (static_cast<int>(m_positional.size()) > spec.maxPositional)
            m_error = "unexpected argument '" + m_positional.back() + "'";
    }

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    bool has(const std::string& name) const { return m_values.count(name) || m_flags.count(name); }
    std::optional<std::string> value(const std::string& name) const {
        auto it = m_values.find(name);
        if (it == m_values.end()) return std::nullopt;
        return it->second;
    }
    std::string valueOr(const std::string& name, const std::string& fallback) const {
        return value(name).value_or(fallback);
    }
    const std::vector<std::string>& positional() const { return m_positional; }

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::vector<std::string> m_positional;
    std::string m_error;
};

}  // namespace geso::cli
