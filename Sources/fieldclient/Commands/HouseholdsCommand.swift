import ArgumentParser
import Spreadsheet
import SyncModel

/// `fieldclient households [--street S]`.
struct HouseholdsCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "households", abstract: "List the cohort's shared door list with the latest visit outcomes.",
        discussion: """
            With --export FILE.xlsx the door list (filtered by --street, if given) is written as a workbook \
            instead: one row per door with its address, status (the latest visit's outcome, or not-visited), \
            who visited, the visit note, when it last changed and how many interviews were held there.
            """)

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The street filter.
    @Option(help: "Only doors whose street contains this text (case-insensitive).")
    var street: String?

    /// The workbook to write.
    @Option(help: ArgumentHelp("Write the door list to this XLSX workbook (0600) instead.", valueName: "FILE.xlsx"))
    var export: String?

    /// Checks the export file name.
    func validate() throws {
        if let export, !export.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("--export writes an XLSX workbook; give a file name ending in .xlsx, e.g. --export tueren.xlsx.")
        }
    }

    /// Lists the doors by street and house number.
    func run() async throws {
        try await options.run { env in
            let doors = try env.store.records(matching: RecordQuery(collection: RecordCollection.households))
                .map { (record: $0.record, view: RecordView($0)) }
                .filter { !$0.view.deleted }
                .filter { door in
                    guard let street else { return true }
                    return (door.view.values[HouseholdField.street]?.stringValue ?? "").lowercased()
                        .contains(street.lowercased())
                }
                .sorted { Self.sortKey($0.view) < Self.sortKey($1.view) }
            let views = doors.map(\.view)
            if let export {
                var exporter = HouseholdExporter()
                try env.store.forEachRecord(collection: RecordCollection.responses) { exporter.count($0) }
                let count = try WorkbookFile.write(to: export) { url in
                    let workbook = try HouseholdWorkbookWriter(creating: url)
                    for door in doors { try workbook.append(door.record, exporter: exporter) }
                    try workbook.finish()
                    return workbook.count
                }
                env.output.note("Wrote \(count) door(s) to \(export).")
                return
            }
            try env.output.print(views) {
                guard !views.isEmpty else { return "No households match. Run 'fieldclient sync' to fetch the door list." }
                return views.map(Self.line).joined(separator: "\n")
            }
        }
    }

    /// One door as a line: id, address, note, latest visit and conflicts.
    static func line(_ view: RecordView) -> String {
        func text(_ name: String) -> String { view.values[name]?.displayText ?? "" }
        var line: String = view.shortID + "  " + text(HouseholdField.street) + " " + text(HouseholdField.houseNumber)
        line += ", " + text(HouseholdField.postcode)
        let note: String = text(HouseholdField.note)
        if !note.isEmpty { line += "  (" + note + ")" }
        if let outcome = view.values[HouseholdField.outcome] {
            line += "  [" + outcome.displayText + " by " + text(HouseholdField.visitedBy) + "]"
        }
        if !view.conflicts.isEmpty { line += "  " + String(view.conflicts.count) + " conflict(s)" }
        return line
    }

    /// Street, then house number numerically (`2` before `10`, `12` before `12a`).
    static func sortKey(_ view: RecordView) -> String {
        let street = view.values[HouseholdField.street]?.stringValue ?? ""
        let number = view.values[HouseholdField.houseNumber]?.stringValue ?? ""
        let digits = number.prefix { $0.isNumber }
        let padded = String(repeating: "0", count: max(0, 8 - digits.count)) + number
        return street.lowercased() + "\u{0}" + padded
    }
}
