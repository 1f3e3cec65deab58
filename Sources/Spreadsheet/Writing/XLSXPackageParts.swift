/// The fixed parts of a workbook package besides the sheets: content types, relationships,
/// the workbook with its sheet list, and the styles (bold headings, date and date-time formats).
struct XLSXPackageParts {
    /// The sheet titles, in order; sheet `i` is `xl/worksheets/sheet{i+1}.xml`.
    let sheetTitles: [String]

    /// The parts as (path in the archive, XML text).
    var files: [(String, String)] {
        [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRelationships), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships), ("xl/styles.xml", Self.styles),
        ]
    }

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    private var contentTypes: String {
        var xml = Self.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in sheetTitles.indices {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" "#
                + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    private var rootRelationships: String {
        Self.declaration + #"<Relationships xmlns="\#(Self.packageRelationships)">"#
            + #"<Relationship Id="rId1" Type="\#(Self.relationships)/officeDocument" Target="xl/workbook.xml"/>"#
            + "</Relationships>"
    }

    private var workbook: String {
        var xml = Self.declaration + #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.relationships)"><sheets>"#
        for (index, title) in sheetTitles.enumerated() {
            xml += #"<sheet name="\#(XMLEscaping.escape(title))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var xml = Self.declaration + #"<Relationships xmlns="\#(Self.packageRelationships)">"#
        for index in sheetTitles.indices {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="\#(Self.relationships)/worksheet" "#
                + #"Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetTitles.count + 1)" Type="\#(Self.relationships)/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Cell formats: 0 plain, 1 bold heading, 2 date `yyyy-mm-dd`, 3 date-time `yyyy-mm-dd hh:mm:ss`.
    private static let styles = declaration + #"<styleSheet xmlns="\#(main)">"#
        + #"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>"#
        + #"<numFmt numFmtId="165" formatCode="yyyy\-mm\-dd\ hh:mm:ss"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
