#include "core/text/strings.hpp"

#include <array>

namespace geso::core {

namespace {

struct Row {
    std::string_view key, sv, en;
};

// string_views of literals: NUL-terminated storage, which trc() relies on.
constexpr std::array<Row, kStringCount> kRows{{
#define GESO_STRING(id, key, sv, en) Row{key, sv, en},
#include "core/text/strings_table.inc"
#undef GESO_STRING
}};

const Row& rowOf(StringId id) {
    const auto index = static_cast<std::size_t>(id);
    return kRows[index < kStringCount ? index : 0];
}

}  // namespace

std::string_view tr(StringId id, Lang lang) {
    const Row& row = rowOf(id);
    return lang == Lang::Sv ? row.sv : row.en;
}

const char* trc(StringId id, Lang lang) { return tr(id, lang).data(); }

std::string trFormat(StringId id, Lang lang, std::initializer_list<std::string_view> args) {
    const std::string_view pattern = tr(id, lang);
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i + 1);
            if (close != std::string_view::npos && close > i + 1 && close - i <= 3) {
                bool digits = true;
                std::size_t n = 0;
                for (std::size_t j = i + 1; j < close; ++j) {
                    const char c = pattern[j];
                    if (c < '0' || c > '9') { digits = false; break; }
                    n = n * 10 + static_cast<std::size_t>(c - '0');
                }
                if (digits && n < args.size()) {
                    out += *(args.begin() + n);
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

std::string_view stringKey(StringId id) { return rowOf(id).key; }

std::optional<StringId> findStringId(std::string_view key) {
    for (std::size_t i = 0; i < kStringCount; ++i)
        if (kRows[i].key == key) return static_cast<StringId>(i);
    return std::nullopt;
}

}  // namespace geso::core
