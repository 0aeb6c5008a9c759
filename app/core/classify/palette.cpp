#include "core/classify/palette.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/classify/palette_data.hpp"

namespace geso::core {

namespace {

bool sameId(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

Rgba fromHex(uint32_t rgb) {
    return Rgba{static_cast<uint8_t>((rgb >> 16) & 0xff), static_cast<uint8_t>((rgb >> 8) & 0xff),
                static_cast<uint8_t>(rgb & 0xff), 255};
}

}  // namespace

const std::vector<PaletteInfo>& listPalettes() {
    static const std::vector<PaletteInfo> list = [] {
        std::vector<PaletteInfo> out;
        for (const auto& s : palette_data::schemes())
            out.push_back({std::string(s.id), s.kind, s.colorBlindSafe, palette_data::kMinK,
                           palette_data::kMaxK});
        return out;
    }();
    return list;
}

const PaletteInfo* findPalette(std::string_view id) {
    for (const auto& p : listPalettes())
        if (sameId(p.id, id)) return &p;
    return nullptr;
}

std::string paletteDisplayLabel(std::string_view id, bool swedish) {
    const PaletteInfo* p = findPalette(id);
    if (!p) return std::string(id);
    const char* safety = p->colorBlindSafe ? (swedish ? "färgblindsäker" : "colour-blind safe")
                                           : (swedish ? "inte färgblindsäker" : "not colour-blind safe");
    return p->id + " (" + safety + ")";
}

Result<std::vector<Rgba>> paletteColors(std::string_view id, int k, bool reversed) {
    for (const auto& s : palette_data::schemes()) {
        if (!sameId(s.id, id)) continue;
        if (k < palette_data::kMinK || k > palette_data::kMaxK)
            return Error{"palette " + std::string(s.id) + " has 3..9 classes (asked for " +
                             std::to_string(k) + ")",
                         "palette"};
        const auto& row = s.colors[static_cast<size_t>(k - palette_data::kMinK)];
        std::vector<Rgba> out;
        for (int i = 0; i < k; ++i) out.push_back(fromHex(row[static_cast<size_t>(i)]));
        if (reversed) std::reverse(out.begin(), out.end());
        return out;
    }
    return Error{"unknown palette '" + std::string(id) + "'", "palette"};
}

Rgba noDataColor() { return Rgba{200, 200, 200, 255}; }

std::string defaultPalette(bool diverging) { return diverging ? "RdBu" : "YlOrRd"; }

std::string toHex(Rgba c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

}  // namespace geso::core
