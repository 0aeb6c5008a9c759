#include "core/project/area_names.hpp"

namespace geso::core {

std::string shortAreaName(const std::string& name, bool withSuffix) {
    const size_t comma = name.find(", ");
    if (comma == std::string::npos || comma == 0) return name;
    std::string out = name.substr(0, comma);
    constexpr const char* kSuffix = " m fl";
    const size_t n = name.size(), k = std::char_traits<char>::length(kSuffix);
    if (withSuffix && n >= k && name.compare(n - k, k, kSuffix) == 0) out += kSuffix;
    return out;
}

}  // namespace geso::core
