#include "core/index/column_mapping.hpp"

#include <set>
#include <string>
#include <vector>

#include "core/index/text_util.hpp"

namespace geso::core {

namespace {

constexpr const char* kWhere = "column mapping";

struct Item {
    std::string key, column;
};

// Splits at ',' and at the first '=' of an item, both outside double quotes;
// the quotes themselves are dropped.
Result<std::vector<Item>> splitItems(std::string_view spec) {
    std::vector<Item> items;
    Item cur;
    bool inColumn = false, quoted = false;
    auto flush = [&]() -> Status {
        const Item item{std::string(trimUnicodeSpace(cur.key)), std::string(trimUnicodeSpace(cur.column))};
        const bool hadEquals = inColumn;
        cur = {};
        inColumn = false;
        if (!hadEquals) {
            if (item.key.empty()) return Ok{};  // ",," or a trailing comma
            return Error{"'" + item.key + "' is not key=column", kWhere};
        }
        if (item.key.empty()) return Error{"an item has no key before '='", kWhere};
        if (item.column.empty()) return Error{"no column given for '" + item.key + "'", kWhere};
        items.push_back(item);
        return Ok{};
    };
    for (size_t i = 0; i < spec.size(); ++i) {
        const char ch = spec[i];
        std::string& field = inColumn ? cur.column : cur.key;
        if (quoted) {
            const bool doubled = ch == '"' && i + 1 < spec.size() && spec[i + 1] == '"';
            if (doubled) ++i;
            if (ch == '"' && !doubled) quoted = false;
            else field.push_back(ch);
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            if (auto st = flush(); !st.ok()) return st.error();
        } else if (ch == '=' && !inColumn) {
            inColumn = true;
        } else {
            field.push_back(ch);
        }
    }
    if (quoted) return Error{"a double quote is not closed", kWhere};
    if (auto st = flush(); !st.ok()) return st.error();
    return items;
}

struct FixedKey {
    std::string_view en, sv;  // sv folded (foldKey): "år" -> "ar"
    std::string TableOptions::*column;
};
const FixedKey kFixedKeys[] = {
    {"code", "kod", &TableOptions::codeColumn},
    {"name", "namn", &TableOptions::nameColumn},
    {"year", "ar", &TableOptions::yearColumn},
    {"indicator", "indikator", &TableOptions::indicatorColumn},
    {"value", "varde", &TableOptions::valueColumn},
};

}  // namespace

std::optional<TableOptions::Layout> parseLayout(std::string_view text) {
    const std::string k = foldKey(text);
    if (k == "auto") return TableOptions::Layout::Auto;
    if (k == "wide") return TableOptions::Layout::Wide;
    if (k == "long") return TableOptions::Layout::Long;
    return std::nullopt;
}

std::string_view layoutId(TableOptions::Layout layout) {
    switch (layout) {
        case TableOptions::Layout::Auto: return "auto";
        case TableOptions::Layout::Wide: return "wide";
        case TableOptions::Layout::Long: return "long";
    }
    return "auto";
}

Status parseColumnMapping(std::string_view spec, const Catalogue& cat, TableOptions& opts) {
    auto items = splitItems(spec);
    if (!items.ok()) return items.error();
    TableOptions out = opts;
    std::set<std::string> seen;
    for (const Item& item : items.value()) {
        const std::string key = foldKey(item.key);
        const FixedKey* fixed = nullptr;
        for (const FixedKey& k : kFixedKeys)
            if (key == k.en || key == k.sv) fixed = &k;
        if (!fixed && cat.indicatorIndex(key) < 0) {
            std::string ids;
            for (const auto& d : cat.indicators) ids += (ids.empty() ? "" : ", ") + d.id;
            return Error{"unknown key '" + item.key + "' (code, name, year, indicator, value, or an indicator id: " +
                             ids + ")",
                         kWhere};
        }
        if (!seen.insert(fixed ? std::string(fixed->en) : key).second)
            return Error{"'" + item.key + "' is given twice", kWhere};
        if (fixed) out.*(fixed->column) = item.column;
        else out.indicatorColumns[key] = item.column;
    }
    opts = std::move(out);
    return Ok{};
}

}  // namespace geso::core
