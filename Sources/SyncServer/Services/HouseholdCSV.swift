import Foundation

/// Reads the household door list: a CSV with header `id,street,house_number,postcode,note`
/// (note optional), RFC 4180 quoting, UTF-8, comma or semicolon separated.
enum HouseholdCSV {
    /// Why a CSV file cannot be imported, with the line.
    struct ParseError: Error, Equatable, CustomStringConvertible {
        /// What is wrong and where.
        var description: String
    }

    /// Parses the file's rows.
    static func parse(_ text: String) throws -> [HouseholdRow] {
        let header = text.prefix { !$0.isNewline }
        let separator: Character = header.contains(";") && !header.contains(",") ? ";" : ","
        let lines = try records(text, separator: separator)
        guard let header = lines.first else {
            throw ParseError(description: "The file is empty. It needs the header id,street,house_number,postcode,note.")
        }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String, required: Bool) throws -> Int? {
            if let index = names.firstIndex(of: name) { return index }
            if required {
                throw ParseError(
                    description: "The header lacks the column '\(name)'. Use id,street,house_number,postcode,note.")
            }
            return nil
        }
        let id = try column("id", required: true)!
        let street = try column("street", required: true)!
        let number = try column("house_number", required: true)!
        let postcode = try column("postcode", required: true)!
        let note = try column("note", required: false)
        var rows: [HouseholdRow] = []
        var seen: Set<String> = []
        for (offset, fields) in lines.dropFirst().enumerated() {
            let line = offset + 2
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func value(_ index: Int) -> String {
                index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
            }
            let row = HouseholdRow(
                id: value(id), street: value(street), houseNumber: value(number), postcode: value(postcode),
                note: note.map(value).flatMap { $0.isEmpty ? nil : $0 })
            for (name, text) in [("id", row.id), ("street", row.street), ("house_number", row.houseNumber),
                ("postcode", row.postcode)] where text.isEmpty
            {
                throw ParseError(description: "Line \(line): the column '\(name)' is empty. Fill it in.")
            }
            guard seen.insert(row.id).inserted else {
                throw ParseError(description: "Line \(line): the id '\(row.id)' appears twice. Every door needs its own id.")
            }
            rows.append(row)
        }
        return rows
    }

    /// Splits text into records of fields, honouring double quotes.
    private static func records(_ text: String, separator: Character) throws -> [[String]] {
        var result: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        var line = 1
        func next() -> Character? {
            if let value = pending {
                pending = nil
                return value
            }
            return characters.next()
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
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == separator {
                fields.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                fields.append(field)
                result.append(fields)
                fields = []
                field = ""
                line += 1
            } else {
                field.append(character)
            }
        }
        if quoted { throw ParseError(description: "Line \(line): a quoted field is not closed. Check the quotes.") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            result.append(fields)
        }
        if let first = result.first?.first, first.hasPrefix("\u{FEFF}") {
            result[0][0] = String(first.dropFirst())
        }
        return result
    }
}
