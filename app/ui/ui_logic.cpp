#include "ui/ui_logic.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdio>
#include <numeric>

namespace geso::ui {

std::vector<int> sortRows(const std::vector<TableColumn>& table, int col, bool ascending) {
    size_t n = table.empty() ? 0 : (table[0].numeric ? table[0].num.size() : table[0].text.size());
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    if (col < 0 || static_cast<size_t>(col) >= table.size()) return order;
    const TableColumn& c = table[static_cast<size_t>(col)];
    auto missing = [&](int i) {
        const size_t k = static_cast<size_t>(i);
        return c.numeric ? (k >= c.num.size() || std::isnan(c.num[k])) : (k >= c.text.size() || c.text[k].empty());
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const bool ma = missing(a), mb = missing(b);
        if (ma || mb) return !ma && mb;  // missing values last in both directions
        const size_t ka = static_cast<size_t>(a), kb = static_cast<size_t>(b);
        if (c.numeric) {
            if (c.num[ka] == c.num[kb]) return false;
            return ascending ? c.num[ka] < c.num[kb] : c.num[ka] > c.num[kb];
        }
        const std::string fa = swedishSortKey(c.text[ka]), fb = swedishSortKey(c.text[kb]);
        if (fa == fb) return false;
        return ascending ? fa < fb : fa > fb;
    });
    return order;
}

bool pointPasses(const PointLayerView& layer, const PointFilter& f, size_t i) {
    auto pass = [&](const std::set<std::string>& allowed, const std::vector<std::string>& values) {
        return allowed.empty() || (i < values.size() && allowed.count(values[i]) > 0);
    };
    return pass(f.namnd, layer.namndValue) && pass(f.theme, layer.themeValue) && pass(f.status, layer.statusValue);
}

std::vector<int> countPerArea(const PointLayerView& layer, const PointFilter& filter, size_t areaCount,
                              int* outside) {
    std::vector<int> counts(areaCount, 0);
    int out = 0;
    for (size_t i = 0; i < layer.areaOf.size(); ++i) {
        if (!pointPasses(layer, filter, i)) continue;
        const int a = layer.areaOf[i];
        if (a >= 0 && static_cast<size_t>(a) < areaCount) ++counts[static_cast<size_t>(a)];
        else ++out;
    }
    if (outside) *outside = out;
    return counts;
}

std::string foldCase(const std::string& s) {
    std::string r;
    r.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            // U+00C0..U+00DE (Latin-1 capitals, except ×) are 0xC3 0x80..0x9E; lower = +0x20.
            const auto d = static_cast<unsigned char>(s[i + 1]);
            r += static_cast<char>(c);
            r += static_cast<char>((d >= 0x80 && d <= 0x9E && d != 0x97) ? d + 0x20 : d);
            ++i;
        } else {
            r += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
        }
    }
    return r;
}

std::string swedishSortKey(const std::string& utf8) {
    const std::string f = foldCase(utf8);
    std::string r;
    r.reserve(f.size());
    for (size_t i = 0; i < f.size(); ++i) {
        if (static_cast<unsigned char>(f[i]) == 0xC3 && i + 1 < f.size()) {
            const auto d = static_cast<unsigned char>(f[i + 1]);
            // Swedish order puts å, ä, ö after z; the bytes after 'z' in ASCII are { | }.
            if (d == 0xA5) { r += '{'; ++i; continue; }
            if (d == 0xA4 || d == 0xA6) { r += '|'; ++i; continue; }
            if (d == 0xB6 || d == 0xB8) { r += '}'; ++i; continue; }
            if (d == 0xA9) { r += 'e'; ++i; continue; }  // é sorts as e
        }
        r += f[i];
    }
    return r;
}

std::vector<int> searchAreas(const AppState& s, const std::string& query) {
    std::vector<int> hits;
    std::string q = query;
    while (!q.empty() && q.back() == ' ') q.pop_back();
    while (!q.empty() && q.front() == ' ') q.erase(q.begin());
    if (q.empty()) return hits;
    const std::string fq = foldCase(q);
    for (size_t i = 0; i < s.areaCount(); ++i) {
        const bool codeHit = i < s.areaCode.size() && s.areaCode[i] >= 0 && std::to_string(s.areaCode[i]) == q;
        if (codeHit || foldCase(s.areaName[i]).find(fq) != std::string::npos) hits.push_back(static_cast<int>(i));
    }
    return hits;
}

std::vector<int> countClasses(const std::vector<double>& values, const std::vector<double>& upper) {
    std::vector<int> counts(upper.size(), 0);
    if (upper.empty()) return counts;
    for (double v : values) {
        if (std::isnan(v)) continue;
        size_t k = static_cast<size_t>(std::lower_bound(upper.begin(), upper.end(), v) - upper.begin());
        if (k >= upper.size()) k = upper.size() - 1;
        ++counts[k];
    }
    return counts;
}

std::vector<double> moveBreak(const std::vector<double>& upper, double lower, int index, double value) {
    std::vector<double> r = upper;
    if (index < 0 || static_cast<size_t>(index) + 1 >= upper.size() || std::isnan(value)) return r;
    const size_t k = static_cast<size_t>(index);
    const double lo = k == 0 ? lower : upper[k - 1];
    const double hi = upper[k + 1];
    // Keep the bounds strictly ascending: a tiny step inside the neighbours.
    const double eps = std::max(1e-9, (hi - lo) * 1e-6);
    r[k] = std::clamp(value, std::min(lo + eps, hi - eps), std::max(hi - eps, lo + eps));
    return r;
}

double breakStep(double range) {
    if (!(range > 0) || !std::isfinite(range)) return 0;
    return std::pow(10.0, std::floor(std::log10(range)) - 2.0);
}

double snapToStep(double value, double step, double lo, double hi) {
    if (!(step > 0)) return value;
    double snapped = std::round(value / step) * step;
    if (snapped <= lo) snapped = std::floor(lo / step) * step + step;
    if (snapped >= hi) snapped = std::ceil(hi / step) * step - step;
    const double tiny = step * 1e-6;  // 80 + 1e-14 is 80: not strictly between
    return snapped > lo + tiny && snapped < hi - tiny ? snapped : value;
}

std::string formatValue(double v, int decimals, Lang lang) {
    if (std::isnan(v)) return "–";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::max(0, decimals), std::fabs(v));
    std::string digits = buf;
    if (lang == Lang::Sv) std::replace(digits.begin(), digits.end(), '.', ',');
    const bool negative = v < 0 && digits.find_first_not_of("0.,") != std::string::npos;
    return negative ? "−" + digits : digits;
}

}  // namespace geso::ui
