import ArgumentParser
import Foundation
import SyncModel

/// `syncserver backup OUT`: a consistent online copy with a new epoch.
struct BackupCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: AdminTexts.text("admin.backup.abstract"),
        discussion: AdminTexts.text("admin.backup.discussion"))

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The backup file to create.
    @Argument(help: ArgumentHelp(AdminTexts.text("admin.backup.out")))
    var out: String

    /// The result printed.
    struct Summary: Codable {
        /// The backup file.
        var path: String
        /// The live database's epoch, retired in the copy.
        var retiredEpoch: String
        /// The copy's new epoch.
        var epoch: String
    }

    /// Refuses to overwrite.
    func validate() throws {
        if FileManager.default.fileExists(atPath: out) {
            throw ValidationError(AdminTexts.text("admin.backup.exists", ["path": out]))
        }
    }

    /// Writes the backup.
    func run() async throws {
        try await output.run {
            guard case .sqlite(let path) = try database.location else {
                throw CommandFailure(AdminTexts.text("admin.backup.notSQLite"))
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure(AdminTexts.text("admin.backup.noDatabase", ["path": path]))
            }
            let store = try SQLiteRecordStore(path: path)
            defer { try? store.close() }
            let epoch = Epoch.make(using: SystemRandomSource())
            let now = SystemWallClock().now()
            let retired = try await store.backup(to: out, newEpoch: epoch, at: now)
            try await store.recordAudit(.byOperator(.backup, cohort: nil, at: now, details: ["epoch": epoch]))
            try output.print(
                Summary(path: out, retiredEpoch: retired.epoch, epoch: epoch),
                text: AdminTexts.text(
                    "admin.backup.done", ["path": out, "epoch": epoch, "retired": retired.epoch]))
        }
    }
}
