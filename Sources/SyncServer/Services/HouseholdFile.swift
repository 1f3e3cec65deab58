import Foundation
import Spreadsheet

/// Reads a door list (`.xlsx` or CSV) into validated rows with ids, reporting every bad row; the file side
/// of `syncserver households import`.
///
/// Headers may be German or English in any case (`Straße`/`street`, `Hausnummer`/`house_number`, `PLZ`/`postcode`,
/// `Ort`/`city`, `Hinweis`/`note`, optional `id`). A door without an id gets a name-based UUID from the cohort
/// and its normalised address, so importing a list again changes nothing; the import then prefers the door
/// stored at that address (``HouseholdImportPlanner/doors(_:cohort:stored:)``). A four-digit postcode gets back the
/// leading zero that spreadsheets drop when they take `04177` for a number.
enum HouseholdFile {
    /// A column of the door list.
    enum Column: String, CaseIterable {
        case id, street, houseNumber = "house_number", postcode, city, note

        /// The header names that mean this column, compared in lower case.
        var headers: Set<String> {
            switch self {
            case .id: ["id", "kennung"]
            case .street: ["street", "straße", "strasse", "str.", "str"]
            case .houseNumber:
                ["house_number", "house number", "housenumber", "number", "hausnummer", "hausnr.", "hausnr", "nr.", "nr"]
            case .postcode: ["postcode", "postal_code", "postal code", "zip", "plz", "postleitzahl"]
            case .city: ["city", "town", "ort", "stadt", "wohnort"]
            case .note: ["note", "notes", "hinweis", "hinweise", "notiz", "bemerkung"]
            }
        }
    }

    /// The doors of the file in `data`: a workbook when it is one, else CSV text.
    static func rows(from data: Data, cohort: String) throws(HouseholdFileError) -> [HouseholdRow] {
        try rows(of: table(from: data), cohort: cohort)
    }

    /// The file's rows with their row numbers (the first sheet with content of a workbook).
    static func table(from data: Data) throws(HouseholdFileError) -> [(number: Int, fields: [String])] {
        guard XLSFormWorkbook.looksLikeWorkbook(data) else {
            return try HouseholdCSV.records(HouseholdCSV.decode(data))
        }
        do {
            let workbook = try Workbook(data: data)
            for name in workbook.sheetNames {
                let rows = try workbook.rows(ofSheet: name).filter { !$0.isBlank }
                guard !rows.isEmpty else { continue }
                return rows.map { row in
                    let width = (row.cells.keys.max() ?? -1) + 1
                    return (row.number, (0..<width).map { row.cells[$0]?.text ?? "" })
                }
            }
            return []
        } catch {
            throw HouseholdFileError(.unreadableWorkbook(error))
        }
    }

    /// Validates the rows under the header and gives every door its id; all problems are reported at once.
    static func rows(of table: [(number: Int, fields: [String])], cohort: String) throws(HouseholdFileError) -> [HouseholdRow] {
        func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let headerIndex = table.firstIndex(where: { $0.fields.contains { !clean($0).isEmpty } }) else {
            throw HouseholdFileError(.empty)
        }
        let header = table[headerIndex].fields.map { clean($0).lowercased() }
        var positions: [Column: Int] = [:]
        for column in Column.allCases {
            positions[column] = header.firstIndex { column.headers.contains($0) }
        }
        let missing = [Column.street, .houseNumber].filter { positions[$0] == nil }
        if !missing.isEmpty {
            throw HouseholdFileError(
                .missingColumns(
                    row: table[headerIndex].number, street: positions[.street] == nil,
                    houseNumber: positions[.houseNumber] == nil, header: header.filter { !$0.isEmpty }))
        }
        var rows: [HouseholdRow] = []
        var problems: [HouseholdFileError.Problem] = []
        var firstRowOfID: [String: Int] = [:]
        for (number, fields) in table[(headerIndex + 1)...] {
            if fields.allSatisfy({ clean($0).isEmpty }) { continue }
            func value(_ column: Column) -> String {
                guard let index = positions[column], index < fields.count else { return "" }
                return clean(fields[index])
            }
            let street = value(.street)
            let houseNumber = value(.houseNumber)
            if street.isEmpty || houseNumber.isEmpty {
                problems.append(.emptyAddress(row: number, street: street.isEmpty, houseNumber: houseNumber.isEmpty))
                continue
            }
            var postcode = value(.postcode)
            if postcode.count == 4, postcode.allSatisfy(\.isASCII), postcode.allSatisfy(\.isNumber) {
                postcode = "0" + postcode  // a German postcode whose leading zero a spreadsheet dropped
            }
            let givenID = value(.id)
            let id =
                givenID.isEmpty
                ? CohortAdministration.householdID(
                    cohort: cohort,
                    rowID: HouseholdAddress(street: street, houseNumber: houseNumber, postcode: postcode).key
                ).uuidString.lowercased()
                : givenID
            if let first = firstRowOfID[id] {
                problems.append(
                    givenID.isEmpty
                        ? .sameDoor(row: number, first: first, address: "\(street) \(houseNumber)")
                        : .sameID(row: number, first: first, id: givenID))
                continue
            }
            firstRowOfID[id] = number
            let note = value(.note)
            let city = value(.city)
            rows.append(
                HouseholdRow(
                    id: id, idGiven: !givenID.isEmpty, street: street, houseNumber: houseNumber, postcode: postcode,
                    note: note.isEmpty ? nil : note, city: city.isEmpty ? nil : city))
        }
        if !problems.isEmpty { throw HouseholdFileError(problems: problems) }
        return rows
    }
}
