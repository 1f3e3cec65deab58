import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient sync`: push local changes, then pull.
struct SyncCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Push local changes, then pull the cohort's changes. Safe to interrupt and run again.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Records per push.
    @Option(help: "Records per push (1 to \(SyncProtocol.maximumPushRecords)).")
    var batchSize = 500

    /// Records per pulled page.
    @Option(help: "Records per pulled page (1 to \(SyncProtocol.maximumPageSize)).")
    var pageSize = SyncProtocol.defaultPageSize

    /// Checks the batch and page sizes.
    func validate() throws {
        guard (1...SyncProtocol.maximumPageSize).contains(pageSize) else {
            throw ValidationError("--page-size must be between 1 and \(SyncProtocol.maximumPageSize).")
        }
        guard (1...SyncProtocol.maximumPushRecords).contains(batchSize) else {
            throw ValidationError("--batch-size must be between 1 and \(SyncProtocol.maximumPushRecords).")
        }
    }

    /// Syncs.
    func run() async throws {
        try await options.run { env in
            let device = try env.requireDevice()
            let address = try ServerAddress(device.serverURL, allowInsecure: true)
            let report: SyncReport
            do {
                report = try await HTTPSyncTransport.withClient { client in
                    var engine = SyncEngine(
                        store: env.store, transport: HTTPSyncTransport(server: address, token: device.token, client: client),
                        clock: env.clock, logger: env.logger)
                    engine.pushBatchSize = batchSize
                    engine.pageSize = pageSize
                    engine.progress = TerminalProgressBar.isAvailable ? TerminalProgressBar() : SilentProgress()
                    return try await engine.sync()
                }
            } catch TransportError.unreachable {
                let pending = try env.store.pendingCount()
                let changes: String = pending == 1 ? "1 change is" : String(pending) + " changes are"
                let message: String = changes + " safe on this device; sync again when online (the server at "
                    + address.base + " cannot be reached)."
                throw FieldClientError(.unavailable, message)
            }
            try env.output.print(report) {
                var lines: [String] = [
                    "Synced with " + address.base + ": " + String(report.pushed) + " record(s) uploaded, "
                        + String(report.pulled) + " received."
                ]
                if report.epochChanged {
                    lines.append("The server's database was replaced or restored; everything was uploaded and read again.")
                }
                for rejection in report.rejected {
                    let short: String = String(LocalStore.key(rejection.id).prefix(8))
                    lines.append("Rejected " + short + " (kept on this device): " + rejection.message)
                }
                return lines.joined(separator: "\n")
            }
            if !report.rejected.isEmpty {
                env.output.note(
                    "\(report.rejected.count) record(s) were rejected and stay on this device; correct them and sync again.")
                throw ExitStatus.invalidData.exitCode
            }
        }
    }
}
