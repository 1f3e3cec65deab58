import ArgumentParser
import Foundation
import SyncModel

/// `syncserver erase --cohort C ID`: erases one record on the server and, at their next sync, on every device.
struct EraseCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: AdminTexts.text("admin.erase.abstract"),
        discussion: AdminTexts.text("admin.erase.discussion"))

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions
    /// `--yes`.
    @OptionGroup var confirmation: ConfirmationOptions

    /// The cohort.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.erase.cohort")))
    var cohort: String

    /// `--reason`.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.erase.reason")))
    var reason: String = Erasure.onRequest

    /// `--by`.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.erase.by")))
    var by: String = RecordErasure.operatorName

    /// The record id.
    @Argument(help: ArgumentHelp(AdminTexts.text("admin.erase.id")))
    var id: String

    /// Checks the id and the texts.
    func validate() throws {
        guard UUID(uuidString: id.trimmingCharacters(in: .whitespaces)) != nil else {
            throw ValidationError(AdminTexts.text("admin.erase.badID", ["id": String(id.prefix(40))]))
        }
        for (name, value) in [("--reason", reason), ("--by", by)] {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= 100,
                !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw ValidationError(AdminTexts.text("admin.erase.badText", ["option": name]))
            }
        }
    }

    /// Says what will happen, asks, erases.
    func run() async throws {
        try await output.run {
            let uuid = UUID(uuidString: id.trimmingCharacters(in: .whitespaces))!
            let (cohort, reason, by, confirmed) = (cohort, reason, by, confirmation.yes)
            let erased = try await database.withStore { store in
                let erasure = RecordErasure(store: store, environment: ServerEnvironment(logger: .quiet))
                let record = try await erasure.record(id: uuid, cohort: cohort)
                if !record.isErased {
                    try ConfirmationOptions.confirm(
                        AdminTexts.text(
                            "admin.erase.question",
                            ["id": uuid.uuidString, "collection": record.collection, "owner": record.owner, "cohort": cohort]),
                        confirmed: confirmed)
                }
                let erased = try await erasure.erase(id: uuid, cohort: cohort, erasedBy: by, reason: reason)
                if !record.isErased {
                    try await store.recordAudit(
                        .byOperator(
                            .erasure, cohort: cohort, at: SystemWallClock().now(),
                            details: ["record": uuid.uuidString.lowercased(), "collection": record.collection, "reason": reason]))
                }
                return erased
            }
            let summary = ErasureSummary(erased)
            try output.print(
                summary,
                text: AdminTexts.text(
                    "admin.erase.done",
                    ["id": summary.id, "by": summary.erasedBy, "reason": erased.erasure!.reasonText(in: AdminTexts.catalog),
                     "at": TimestampFormat.text(erased.erasure?.erasedAt)]))
        }
    }
}
