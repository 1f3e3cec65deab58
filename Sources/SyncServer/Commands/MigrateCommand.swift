import ArgumentParser
import Foundation
import Logging
import SyncModel

/// `syncserver migrate --from sqlite:PATH --to postgres://…`: moves a deployment to PostgreSQL.
struct MigrateCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: AdminTexts.text("admin.migrate.abstract"),
        discussion: AdminTexts.text("admin.migrate.discussion"))

    /// `--from`.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.migrate.from")))
    var from: String

    /// `--to`.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.migrate.to")))
    var to: String

    /// `--erasure-journal`: the destination's erasure journal.
    @Option(name: .customLong("erasure-journal"), help: ArgumentHelp(AdminTexts.text("admin.option.erasureJournal")))
    var erasureJournal: String?

    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// Checks both locations.
    func validate() throws {
        let source: StoreLocation
        do {
            source = try StoreLocation(parsing: from)
        } catch {
            throw ValidationError(error.message)
        }
        guard case .sqlite(let path) = source else {
            throw ValidationError(AdminTexts.text("admin.migrate.fromNotSQLite"))
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError(AdminTexts.text("admin.migrate.fromMissing", ["path": path]))
        }
        guard PostgresLocation.isPostgresURL(to) else {
            throw ValidationError(AdminTexts.text("admin.migrate.toNotPostgres"))
        }
        do {
            _ = try PostgresLocation(url: to)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// Copies the deployment.
    func run() async throws {
        try await output.run {
            guard case .sqlite(let path) = try StoreLocation(parsing: from) else { return }
            let destination = try PostgresLocation(url: to)
            let source = try SQLiteRecordStore(path: path)
            defer { try? source.close() }
            let journal = (erasureJournal ?? ProcessInfo.processInfo.environment["SYNCSERVER_ERASURE_JOURNAL"])
                .flatMap { $0.isEmpty ? nil : ErasureJournal(path: $0) }
            // The destination's journal is applied after the import (it must find the destination empty).
            let opened = try RecordStoreFactory.makeRecordStore(
                at: .postgres(destination), logger: .quiet, journal: journal, reapplyingJournal: false)
            let summary = try await opened.use { store in
                guard let target = store as? PostgresRecordStore else { throw CommandFailure("not PostgreSQL") }
                let header = try await source.exportHeader()
                let relays = try await source.exportRelays()
                let epoch = Epoch.make(using: SystemRandomSource())
                let now = SystemWallClock().now()
                let moved = try await target.importDeployment(
                    header, newEpoch: epoch, at: now, relays: relays,
                    nextRecords: { after in try await source.exportRecords(after: after, limit: 1000) })
                // Erasures of the source's journal hold in the new database too (and move to its journal).
                let erasure = RecordErasure(store: store, environment: ServerEnvironment(logger: .quiet))
                try await erasure.reapplyJournal(source.erasureJournal)
                try await erasure.reapplyJournal()
                try await target.recordAudit(
                    .byOperator(.migration, cohort: nil, at: now, details: ["records": String(moved.records), "epoch": epoch]))
                return TransferSummary(
                    from: "sqlite:\(path)", to: destination.description, retiredEpoch: header.epoch, epoch: epoch,
                    cohorts: header.cohorts.count, devices: header.devices.count, codes: header.codes.count,
                    surveys: header.surveys.count, records: moved.records, relays: relays.count,
                    auditEvents: header.auditEvents.count, lastSequence: moved.lastSequence)
            }
            try output.print(
                summary,
                text: AdminTexts.text(
                    "admin.migrate.done",
                    [
                        "cohorts": String(summary.cohorts), "devices": String(summary.devices), "codes": String(summary.codes),
                        "surveys": String(summary.surveys), "records": String(summary.records),
                        "last": String(summary.lastSequence), "relays": String(summary.relays),
                        "audit": String(summary.auditEvents), "to": summary.to, "epoch": summary.epoch,
                        "retired": summary.retiredEpoch,
                    ]))
        }
    }
}
