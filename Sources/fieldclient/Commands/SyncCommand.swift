import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient sync`: push local changes, then pull.
struct SyncCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sync", abstract: Texts.help("help.sync.abstract"),
            discussion: Texts.help(
                "help.sync.discussion",
                [
                    "idle": String(Int(HTTPSyncTransport.idleTimeout.components.seconds)),
                    "waits": RetryPolicy.field.delays.map { String(Int($0.components.seconds)) }.joined(separator: ", "),
                    "retries": String(RetryPolicy.field.delays.count),
                    "minutes": String(
                        Int((RetryPolicy.field.longestDuration(failureAfter: HTTPSyncTransport.idleTimeout).components.seconds + 59) / 60)),
                ]))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Records per push.
    @Option(help: ArgumentHelp(Texts.help("help.sync.batchSize", ["max": String(SyncProtocol.maximumPushRecords)])))
    var batchSize = 500

    /// Records per pulled page.
    @Option(help: ArgumentHelp(Texts.help("help.sync.pageSize", ["max": String(SyncProtocol.maximumPageSize)])))
    var pageSize = SyncProtocol.defaultPageSize

    /// Further attempts after a failed connection.
    @Option(help: ArgumentHelp(Texts.help("help.sync.retries", ["default": String(RetryPolicy.field.delays.count)]), valueName: "N"))
    var retries = RetryPolicy.field.delays.count

    /// The retry policy: the field's waits, cut to `--retries` (a longer list repeats the last wait).
    var retryPolicy: RetryPolicy {
        let waits = RetryPolicy.field.delays
        return RetryPolicy(delays: (0..<retries).map { waits[min($0, waits.count - 1)] })
    }

    /// Checks the batch and page sizes and the retries.
    func validate() throws {
        guard (0...10).contains(retries) else { throw ValidationError(Texts.help("sync.retriesRange")) }
        guard (1...SyncProtocol.maximumPageSize).contains(pageSize) else {
            throw ValidationError(Texts.help("sync.pageSizeRange", ["max": String(SyncProtocol.maximumPageSize)]))
        }
        guard (1...SyncProtocol.maximumPushRecords).contains(batchSize) else {
            throw ValidationError(Texts.help("sync.batchSizeRange", ["max": String(SyncProtocol.maximumPushRecords)]))
        }
    }

    /// Syncs.
    func run() async throws {
        try await options.run { env in
            let device = try env.requireDevice()
            let address = try ServerAddress(device.serverURL, allowInsecure: true)
            let report: SyncReport
            do {
                let policy = retryPolicy
                report = try await HTTPSyncTransport.withClient { client in
                    var engine = SyncEngine(
                        store: env.store, transport: HTTPSyncTransport(server: address, token: device.token, client: client),
                        clock: env.clock, logger: env.logger)
                    engine.pushBatchSize = batchSize
                    engine.pageSize = pageSize
                    engine.progress = TerminalProgressBar.isAvailable ? TerminalProgressBar() : SilentProgress()
                    // A resumable sync: each attempt continues where the broken one stopped, and
                    // the report counts what every attempt did.
                    var report = SyncReport()
                    try await policy.run(
                        sleeper: TaskSleeper(), onRetry: { env.noteRetry($0, after: $1, of: policy) }
                    ) { try await engine.sync(into: &report) }
                    return report
                }
            } catch TransportError.unreachable {
                let pending = try env.store.pendingCount()
                throw FieldClientError(
                    .unavailable,
                    env.texts(pending == 1 ? "sync.offlineOne" : "sync.offline", ["count": String(pending), "server": address.base]))
            }
            let texts = env.texts
            try env.output.print(report) {
                var lines: [String] = [
                    texts("sync.done", ["server": address.base, "pushed": String(report.pushed), "pulled": String(report.pulled)])
                ]
                if report.epochChanged { lines.append(texts("sync.epochChanged")) }
                for rejection in report.rejected {
                    let short: String = String(LocalStore.key(rejection.id).prefix(8))
                    lines.append(texts("sync.rejectedRecord", ["id": short, "message": rejection.message]))
                }
                for notice in report.erased {
                    lines.append(ErasureText.line(notice, texts: env.texts))
                }
                return lines.joined(separator: "\n")
            }
            if !report.rejected.isEmpty {
                env.output.note(texts("sync.rejected", ["count": String(report.rejected.count)]))
                throw ExitStatus.invalidData.exitCode
            }
        }
    }
}
