import ArgumentParser
import Spreadsheet
import SyncModel

/// `fieldclient households [--street S] [--todo] [--export FILE.xlsx]`.
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

    /// Only doors still to visit, in the order to knock.
    @Flag(help: ArgumentHelp(Texts.help("help.households.todo")))
    var todo = false

    /// The workbook to write.
    @Option(help: ArgumentHelp(Texts.help("help.households.export"), valueName: "FILE.xlsx"))
    var export: String?

    /// Checks the export file name.
    func validate() throws {
        if let export, !export.lowercased().hasSuffix(".xlsx") {
            throw ValidationError(Texts.help("households.exportNeedsXLSX"))
        }
    }

    /// Lists the doors by street and house number, or the doors to visit with `--todo`.
    func run() async throws {
        try await options.run { env in
            // One door decoded at a time; only the shown doors are kept (their records order them:
            // the visit log and the house numbers).
            var doors: [(record: Record?, view: RecordView)] = []
            var streets = Set<String>()
            let damaged = try env.store.forEachRecord(matching: RecordQuery(collection: RecordCollection.households)) { stored in
                let view = RecordView(stored)
                guard !view.deleted else { return true }
                let name = view.values[HouseholdField.street]?.stringValue ?? ""
                streets.insert(name)
                if let street, !StreetSearch.matches(name, query: street) { return true }
                doors.append((stored.record, view))
                return true
            }
            if !damaged.isEmpty {
                env.output.note(EncryptionTexts.text(.recordsDamagedNote, ["ids": damaged.joined(separator: ", ")]))
            }
            let streetFound = !doors.isEmpty
            let byID = Dictionary(doors.compactMap { door in door.record.map { ($0.id, door) } }) { first, _ in first }
            let records = doors.compactMap(\.record)
            doors = (todo ? Self.toDo(records) : records.sorted(by: DoorOrder.precedes)).compactMap { byID[$0.id] }
            let views = doors.map(\.view)
            if let export {
                var exporter = HouseholdExporter()
                try env.store.forEachRecord(collection: RecordCollection.responses) { exporter.count($0) }
                let count = try WorkbookFile.write(to: export) { url in
                    let workbook = try HouseholdWorkbookWriter(creating: url, interface: env.texts.language)
                    for case let record? in doors.map(\.record) { try workbook.append(record, exporter: exporter) }
                    try workbook.finish()
                    return workbook.count
                }
                env.output.note(env.texts("households.exported", ["count": String(count), "path": export]))
                return
            }
            let texts = env.texts
            try env.output.print(views) {
                guard !views.isEmpty else {
                    if let street, !streetFound, !streets.isEmpty {
                        let names = streets.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
                        return texts("households.noStreet", ["street": street, "streets": names.joined(separator: ", ")])
                    }
                    return texts(todo ? "households.noneToDo" : "households.none")
                }
                let header = [
                    "households.column.id", "households.column.address", "households.column.note", "households.column.status",
                    "households.column.visit", "households.column.visits",
                ].map { texts($0) }
                return TextTable.render(header: header, rows: views.map { Self.row($0, texts: texts) })
            }
        }
    }

    /// The doors still to visit, in the order to knock: never visited first (in door order), then
    /// "come back later" and "not at home" by the age of their last visit, oldest first;
    /// interviewed and refused doors are left out.
    static func toDo(_ doors: [Record]) -> [Record] {
        let open = doors.map { (door: $0, log: VisitLog($0)) }.filter { $0.log.status.isToDo }
        let never = open.filter { $0.log.status == .notVisited }.map(\.door).sorted(by: DoorOrder.precedes)
        let again = open.filter { $0.log.status != .notVisited }.sorted { a, b in
            let (x, y) = (a.log.lastVisit!.at, b.log.lastVisit!.at)
            return x != y ? x < y : DoorOrder.precedes(a.door, b.door)
        }
        return never + again.map(\.door)
    }

    /// A door's address as the door list shows it: `Lindenstraße 1, 04177`.
    static func address(_ view: RecordView, texts: Texts) -> String {
        func text(_ name: String) -> String { view.values[name].map { texts.answers.text($0, question: nil) } ?? "" }
        return text(HouseholdField.street) + " " + text(HouseholdField.houseNumber) + ", " + text(HouseholdField.postcode)
    }

    /// One door as a table row: id, address, note, status, last visit, visits and conflicts.
    static func row(_ view: RecordView, texts: Texts) -> [String] {
        func text(_ name: String) -> String { view.values[name].map { texts.answers.text($0, question: nil) } ?? "" }
        let address = Self.address(view, texts: texts)
        var status = view.doorStatus.map { texts("doorStatus." + $0) } ?? ""
        if !view.conflicts.isEmpty {
            status += (status.isEmpty ? "" : "  ") + texts("list.flag.conflicts", ["count": String(view.conflicts.count)])
        }
        let counted = view.countedVisits
        let last = counted.first.map { texts("households.lastVisit", ["time": texts.time($0.at), "by": $0.by]) } ?? ""
        return [view.shortID, address, text(HouseholdField.note), status, last, String(counted.count)]
    }
}
