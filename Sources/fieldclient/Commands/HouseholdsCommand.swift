import ArgumentParser
import SyncModel

/// `fieldclient households [--street S]`.
struct HouseholdsCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "households", abstract: "List the cohort's shared door list with the latest visit outcomes.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The street filter.
    @Option(help: "Only doors whose street contains this text (case-insensitive).")
    var street: String?

    /// Lists the doors by street and house number.
    func run() async throws {
        try await options.run { env in
            let (records, damaged) = try env.store.recordsAndDamage(matching: RecordQuery(collection: RecordCollection.households))
            if !damaged.isEmpty {
                env.output.note(EncryptionTexts.text(.recordsDamagedNote, ["ids": damaged.joined(separator: ", ")]))
            }
            let views = records.map(RecordView.init)
                .filter { !$0.deleted }
                .filter { view in
                    guard let street else { return true }
                    return (view.values[HouseholdField.street]?.stringValue ?? "").lowercased().contains(street.lowercased())
                }
                .sorted { Self.sortKey($0) < Self.sortKey($1) }
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
