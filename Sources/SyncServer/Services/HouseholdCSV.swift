import Foundation

/// Reads the text of a door list saved as CSV: RFC 4180 quoting, `,` or `;` as separator (whichever the header
/// uses more), UTF-8 with or without a byte order mark, or Windows-1252 as a German Excel saves "CSV (Trennzeichen-getrennt)".
enum HouseholdCSV {
    /// The file's text: UTF-8 (a byte order mark is dropped) when the bytes are valid UTF-8, else Windows-1252.
    static func decode(_ data: Data) throws(HouseholdFileError) -> String {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = data.starts(with: bom) ? data.dropFirst(3) : data[...]
        if let text = String(data: body, encoding: .utf8) { return text }
        if let text = String(data: body, encoding: .windowsCP1252) { return text }
        throw HouseholdFileError(.notText)
    }

    /// The records of `text` as (row number, fields); the header is row 1.
    static func records(_ text: String) throws(HouseholdFileError) -> [(number: Int, fields: [String])] {
        let header = text.prefix { !$0.isNewline }
        let separator: Character =
            header.filter({ $0 == ";" }).count > header.filter({ $0 == "," }).count ? ";" : ","
        var result: [(number: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let value = pending {
                pending = nil
                return value
            }
            return characters.next()
        }
        func finishRecord() {
            fields.append(field)
            result.append((result.count + 1, fields))
            fields = []
            field = ""
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else {
                            quoted = false
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == separator {
                fields.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                finishRecord()
            } else {
                field.append(character)
            }
        }
        if quoted {
            throw HouseholdFileError(.unclosedQuote(row: result.count + 1))
        }
        if !field.isEmpty || !fields.isEmpty { finishRecord() }
        return result
    }
}
