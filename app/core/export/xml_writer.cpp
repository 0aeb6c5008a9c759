#include "core/export/xml_writer.hpp"

#include <cassert>

namespace geso::core {

std::string escapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: {
                const auto u = static_cast<unsigned char>(c);
                out += (u < 0x20 && c != '\t' && c != '\n' && c != '\r') ? ' ' : c;
            }
        }
    }
    return out;
}

XmlWriter::XmlWriter(bool declaration) {
    if (declaration) m_out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlWriter::raw(std::string_view line) {
    assert(m_stack.empty());
    m_out += line;
    m_out += '\n';
}

void XmlWriter::startTag(std::string_view tag, const Attributes& attrs) {
    m_out.append(m_stack.size() * 2, ' ');
    m_out += '<';
    m_out += tag;
    for (const auto& [name, value] : attrs) {
        m_out += ' ';
        m_out += name;
        m_out += "=\"";
        m_out += escapeXml(value);
        m_out += '"';
    }
}

void XmlWriter::open(std::string_view tag, const Attributes& attrs) {
    startTag(tag, attrs);
    m_out += ">\n";
    m_stack.emplace_back(tag);
}

void XmlWriter::empty(std::string_view tag, const Attributes& attrs) {
    startTag(tag, attrs);
    m_out += "/>\n";
}

void XmlWriter::textElement(std::string_view tag, std::string_view text, const Attributes& attrs) {
    startTag(tag, attrs);
    m_out += '>';
    m_out += escapeXml(text);
    m_out += "</";
    m_out += tag;
    m_out += ">\n";
}

void XmlWriter::close() {
    assert(!m_stack.empty());
    const std::string tag = std::move(m_stack.back());
    m_stack.pop_back();
    m_out.append(m_stack.size() * 2, ' ');
    m_out += "</";
    m_out += tag;
    m_out += ">\n";
}

std::string XmlWriter::finish() {
    assert(m_stack.empty());
    return std::move(m_out);
}

}  // namespace geso::core
