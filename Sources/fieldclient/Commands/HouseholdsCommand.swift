import ArgumentParser
import Spreadsheet
import SyncModel

/// `fieldclient households [--street S]`.
struct HouseholdsCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "households", abstract: Texts.help("help.households.abstract"),
            discussion: Texts.help("help.households.discussion"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The street filter.
    @Option(help: ArgumentHelp(Texts.help("help.households.street")))
    var street: String?

    /// The workbook to write.
    @Option(help: ArgumentHelp(Texts.help("help.households.export"), valueName: "FILE.xlsx"))
    var export: String?

    /// Checks the export file name.
    func validate() throws {
        if let export, !export.lowercased().hasSuffix(".xlsx") {
            throw ValidationError(Texts.help("households.exportNeedsXLSX"))
        }
    }

    /// Lists the doors by street and house number.
    func run() async throws {
        try await options.run { env in
            // One door decoded at a time; only the shown doors' views are kept (and their records
            // only for the workbook).
            var doors: [(record: Record?, view: RecordView)] = []
            let damaged = try env.store.forEachRecord(matching: RecordQuery(collection: RecordCollection.households)) { stored in
                let view = RecordView(stored)
                guard !view.deleted else { return true }
                if let street,
                    !(view.values[HouseholdField.street]?.stringValue ?? "").lowercased().contains(street.lowercased())
                {
                    return true
                }
                doors.append((export == nil ? nil : stored.record, view))
                return true
            }
            if !damaged.isEmpty {
                env.output.note(EncryptionTexts.text(.recordsDamagedNote, ["ids": damaged.joined(separator: ", ")]))
            }
            doors.sort { Self.sortKey($0.view) < Self.sortKey($1.view) }
            let views = doors.map(\.view)
            if let export {
                var exporter = HouseholdExporter()
                try env.store.forEachRecord(collection: RecordCollection.responses) { exporter.count($0) }
                let count = try WorkbookFile.write(to: export) { url in
                    let workbook = try HouseholdWorkbookWriter(creating: url)
                    for case let record? in doors.map(\.record) { try workbook.append(record, exporter: exporter) }
                    try workbook.finish()
                    return workbook.count
                }
                env.output.note(env.texts("households.exported", ["count": String(count), "path": export]))
                return
            }
            let texts = env.texts
            try env.output.print(views) {
                guard !views.isEmpty else { return texts("households.none") }
                let header = ["households.column.id", "households.column.address", "households.column.note", "households.column.visit"]
                    .map { texts($0) }
                return TextTable.render(header: header, rows: views.map { Self.row($0, texts: texts) })
            }
        }
    }

    /// One door as a table row: id, address, note, latest visit and conflicts.
    static func row(_ view: RecordView, texts: Texts) -> [String] {
        func text(_ name: String) -> String { view.values[name].map { texts.answers.text($0, question: nil) } ?? "" }
        let address: String = text(HouseholdField.street) + " " + text(HouseholdField.houseNumber) + ", " + text(HouseholdField.postcode)
        var visit = ""
        if let outcome = view.values[HouseholdField.outcome]?.stringValue {
            visit = texts("households.visit", ["outcome": texts.answers.outcome(outcome), "by": text(HouseholdField.visitedBy)])
        }
        if !view.conflicts.isEmpty {
            visit += (visit.isEmpty ? "" : "  ") + texts("list.flag.conflicts", ["count": String(view.conflicts.count)])
        }
        return [view.shortID, address, text(HouseholdField.note), visit]
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
