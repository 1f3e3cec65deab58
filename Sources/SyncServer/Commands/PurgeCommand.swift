import ArgumentParser
import Foundation
import SyncModel

/// `syncserver purge --cohort C (--deleted-before DATE | --all)`: retention.
struct PurgeCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: AdminTexts.text("admin.purge.abstract"),
        discussion: AdminTexts.text("admin.purge.discussion"))

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions
    /// `--yes`.
    @OptionGroup var confirmation: ConfirmationOptions

    /// The cohort.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.purge.cohort")))
    var cohort: String

    /// `--deleted-before DATE`.
    @Option(name: .customLong("deleted-before"), help: ArgumentHelp(AdminTexts.text("admin.purge.deletedBefore")))
    var deletedBefore: String?

    /// `--all`.
    @Flag(name: .long, help: ArgumentHelp(AdminTexts.text("admin.purge.all")))
    var all = false

    /// Exactly one of `--deleted-before` and `--all`, and a real date.
    func validate() throws {
        guard (deletedBefore == nil) == all else {
            throw ValidationError(AdminTexts.text("admin.purge.chooseOne"))
        }
        if let deletedBefore, CalendarDate(parsing: deletedBefore) == nil {
            throw ValidationError(AdminTexts.text("admin.purge.badDate", ["date": String(deletedBefore.prefix(40))]))
        }
    }

    /// Counts, asks, erases.
    func run() async throws {
        try await output.run {
            let before = deletedBefore.flatMap { CalendarDate(parsing: $0) }.map { $0.start(in: .current) }
            let (cohort, confirmed, all) = (cohort, confirmation.yes, all)
            let date = deletedBefore ?? ""
            let counts = try await database.withStore { store in
                let erasure = RecordErasure(store: store, environment: ServerEnvironment(logger: .quiet))
                let planned = try await erasure.purgeCandidates(cohort: cohort, deletedBefore: before).counts
                if planned.total > 0 {
                    try ConfirmationOptions.confirm(
                        AdminTexts.text(
                            all ? "admin.purge.questionAll" : "admin.purge.questionDeleted",
                            Self.arguments(planned, date: date)),
                        confirmed: confirmed)
                }
                let counts = try await erasure.purge(cohort: cohort, deletedBefore: before)
                var details = ["records": String(counts.total)]
                if all { details["all"] = "yes" } else { details["before"] = date }
                try await store.recordAudit(.byOperator(.purge, cohort: cohort, at: SystemWallClock().now(), details: details))
                return counts
            }
            try output.print(
                counts, text: AdminTexts.text("admin.purge.done", Self.arguments(counts, date: date)))
        }
    }

    /// The placeholders of the purge texts: cohort, date, total, responses, households, others, already.
    static func arguments(_ counts: RecordErasure.PurgeCounts, date: String) -> [String: String] {
        let responses = counts.erased[RecordCollection.responses] ?? 0
        let households = counts.erased[RecordCollection.households] ?? 0
        return [
            "cohort": counts.cohort, "date": date, "total": String(counts.total), "responses": String(responses),
            "households": String(households), "others": String(counts.total - responses - households),
            "already": String(counts.alreadyErased),
        ]
    }
}
