#pragma once
// A tiny streaming XML writer for the QGIS style documents (QML, SLD). It
// escapes text and attribute values, indents two spaces per level and checks
// that every element is closed in order (assert). Output is UTF-8 as given:
// callers pass UTF-8 strings.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace geso::core {

// Escapes & < > " ' and replaces control characters that XML 1.0 cannot hold
// (all below 0x20 except tab, LF, CR) with a space.
std::string escapeXml(std::string_view text);

class XmlWriter {
public:
    using Attributes = std::vector<std::pair<std::string, std::string>>;

    // Writes `<?xml version="1.0" encoding="UTF-8"?>` unless `declaration` is false.
    explicit XmlWriter(bool declaration = true);

    // Raw line written as is (e.g. a DOCTYPE); only before the root element.
    void raw(std::string_view line);
    void open(std::string_view tag, const Attributes& attrs = {});
    // An element with attributes and no children: <tag a="b"/>.
    void empty(std::string_view tag, const Attributes& attrs = {});
    // <tag attrs>text</tag> on one line.
    void textElement(std::string_view tag, std::string_view text, const Attributes& attrs = {});
    void close();

    // The document; every opened element must be closed.
    std::string finish();

private:
    void startTag(std::string_view tag, const Attributes& attrs);

    std::string m_out;
    std::vector<std::string> m_stack;
};

}  // namespace geso::core
