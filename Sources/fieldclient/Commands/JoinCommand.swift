import ArgumentParser
import AsyncHTTPClient
import Foundation
import SyncModel

/// `fieldclient join SERVER_URL CODE [--name DEVICE]`.
struct JoinCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "join", abstract: Texts.help("help.join.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The server URL.
    @Argument(help: ArgumentHelp(Texts.help("help.join.serverURL")))
    var serverURL: String

    /// The enrollment code.
    @Argument(help: ArgumentHelp(Texts.help("help.join.code")))
    var code: String

    /// The device name.
    @Option(help: ArgumentHelp(Texts.help("help.join.name")))
    var name: String?

    /// A plain store, for disks that are encrypted anyway.
    @Flag(name: .long, help: ArgumentHelp(EncryptionTexts.text(.noEncryptionHelp)))
    var noEncryption = false

    /// Checks the URL before anything happens.
    func validate() throws {
        do {
            _ = try ServerAddress(serverURL, allowInsecure: options.allowInsecure)
        } catch let error as FieldClientError {
            throw ValidationError(error.message)
        }
        guard !code.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(Texts.help("join.emptyCode"))
        }
    }

    /// Enrolls and fetches.
    func run() async throws {
        try await options.run { env in
            let address = try ServerAddress(serverURL, allowInsecure: options.allowInsecure)
            // A new store is encrypted unless --no-encryption; the passphrase is settled before the
            // code is spent, and the encryption is recorded with the enrollment in one transaction.
            var env = env
            var newEncryption: StoreKeyEnvelope?
            if try env.store.encryptionMode() == .undecided, !noEncryption {
                guard let passphrase = try options.unlocker.passphrases.new() else {
                    throw FieldClientError(.usage, EncryptionTexts.text(.passphraseMissingForJoin))
                }
                let key = StoreCipher.makeKey()
                newEncryption = try StoreKeyEnvelope.make(
                    storeKey: key, passphrase: passphrase, parameters: ScryptParameters.forNewStores())
                env = env.with(store: env.store.with(.sealed(StoreCipher(key: key))))
            }
            let replica = env.identifiers.makeReplica()
            let deviceName = name ?? ProcessInfo.processInfo.hostName
            try await HTTPSyncTransport.withClient { client in
                let request = EnrollRequest(
                    code: code.trimmingCharacters(in: .whitespaces), deviceName: deviceName, replicaId: replica)
                let enrollment = try await Self.enroll(request, server: address, client: client)
                let transport = HTTPSyncTransport(server: address, token: enrollment.token, client: client)
                // Enrolled: from here on a broken connection is tried again, like `sync`.
                let policy = RetryPolicy.field
                let retry: (Int, Duration) -> Void = { env.noteRetry($0, after: $1, of: policy) }
                let surveys = try await policy.run(sleeper: TaskSleeper(), onRetry: retry) { try await transport.surveys() }
                let device = DeviceIdentity(
                    serverURL: address.base, token: enrollment.token, deviceID: enrollment.deviceId, replica: replica,
                    cohort: enrollment.cohort, participant: enrollment.participant, role: enrollment.role,
                    deviceName: deviceName, joinedAt: env.clock.now())
                try env.store.saveEnrollment(
                    device, epoch: enrollment.epoch, surveys: surveys, newEncryption: newEncryption)
                var engine = SyncEngine(store: env.store, transport: transport, clock: env.clock, logger: env.logger)
                engine.progress = TerminalProgressBar.isAvailable ? TerminalProgressBar() : SilentProgress()
                // The report counts what every attempt pulled, also when the last one failed.
                var report = SyncReport()
                do {
                    try await policy.run(sleeper: TaskSleeper(), onRetry: retry) { try await engine.sync(into: &report) }
                } catch let error as TransportError {
                    env.output.note(env.texts("join.fetchFailed", ["detail": ErrorReport.describe(error, texts: env.texts)]))
                }
                let summary = JoinSummary(
                    server: address.base, deviceId: enrollment.deviceId, cohort: enrollment.cohort,
                    participant: enrollment.participant, role: enrollment.role.rawValue,
                    replicaId: replica.description, surveys: surveys.count, records: report.pulled)
                let text = env.texts(
                    "join.done",
                    ["cohort": summary.cohort, "participant": summary.participant, "role": env.texts("role." + summary.role),
                     "device": summary.deviceId, "surveys": String(summary.surveys), "records": String(summary.records)])
                try env.output.print(summary) { text }
            }
        }
    }

    /// Trades the code for a token; an unknown, used or expired code gets a message to ask for a new one.
    static func enroll(_ request: EnrollRequest, server: ServerAddress, client: HTTPClient) async throws -> EnrollResponse {
        do {
            return try await HTTPSyncTransport(server: server, token: nil, client: client).enroll(request)
        } catch where isInvalidCode(error) {
            throw FieldClientError(.unauthorized, Texts.current("join.invalidCode"))
        }
    }

    /// Whether the server refused the code itself.
    static func isInvalidCode(_ error: TransportError) -> Bool {
        if case .unauthorized = error { return true }
        if case .rejected(let status, let detail) = error {
            return status == 404 || status == 410 || detail.code == ErrorCode.invalidCode.rawValue
        }
        return false
    }
}
