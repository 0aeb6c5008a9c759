#pragma once
// Well-formedness checks for generated XML: GDAL's parser (always) and Python's
// expat (strict XML 1.0) when /usr/bin/python3 exists.
#include <cpl_minixml.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "test_util.hpp"

namespace geso::testing {

// "" when well-formed, else the parser's complaint.
inline std::string strictXmlProblem(const std::string& xml) {
    if (!std::filesystem::exists("/usr/bin/python3")) return "";
    TempDir dir;
    const std::string path = dir.file("doc.xml");
    writeFile(path, xml);
    const std::string cmd = "/usr/bin/python3 -c \"import sys, xml.dom.minidom as m; m.parse(sys.argv[1])\" '" +
                            path + "' 2>&1";
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        const int rc = ::pclose(p);
        if (rc == 0) return "";
        return out.empty() ? "python exited with " + std::to_string(rc) : out;
    }
    return "cannot run python3";
}

struct XmlTree {
    CPLXMLNode* root = nullptr;
    explicit XmlTree(const std::string& xml) : root(CPLParseXMLString(xml.c_str())) {}
    ~XmlTree() { if (root) CPLDestroyXMLNode(root); }
    XmlTree(const XmlTree&) = delete;
    XmlTree& operator=(const XmlTree&) = delete;
};

}  // namespace geso::testing
