/// Escaping of text for the XML parts of a workbook.
enum XMLEscaping {
    /// `text` as XML character data or attribute value: markup characters as entities, a carriage
    /// return as `&#13;` (so it survives XML line-end normalisation), other control characters (which
    /// XML 1.0 cannot hold) and literal `_xHHHH_` sequences in the OOXML `_xHHHH_` escape.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "&#13;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case "_" where looksLikeEscape(scalars):
                result += "_x005F_"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "_x" + hex(scalar.value) + "_"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Whether `rest` (after a `_`) reads `xHHHH_`, which a spreadsheet would decode.
    private static func looksLikeEscape(_ rest: Substring.UnicodeScalarView) -> Bool {
        let next = Array(rest.prefix(6))
        guard next.count == 6, next[0] == "x" || next[0] == "X", next[5] == "_" else { return false }
        return next[1...4].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
