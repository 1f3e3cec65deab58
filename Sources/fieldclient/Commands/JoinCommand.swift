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
            let replica = env.identifiers.makeReplica()
            let deviceName = name ?? ProcessInfo.processInfo.hostName
            try await HTTPSyncTransport.withClient { client in
                let request = EnrollRequest(
                    code: code.trimmingCharacters(in: .whitespaces), deviceName: deviceName, replicaId: replica)
                let enrollment = try await Self.enroll(request, server: address, client: client)
                let transport = HTTPSyncTransport(server: address, token: enrollment.token, client: client)
                let surveys = try await transport.surveys()
                let device = DeviceIdentity(
                    serverURL: address.base, token: enrollment.token, deviceID: enrollment.deviceId, replica: replica,
                    cohort: enrollment.cohort, participant: enrollment.participant, role: enrollment.role,
                    deviceName: deviceName, joinedAt: env.clock.now())
                try env.store.saveEnrollment(device, epoch: enrollment.epoch, surveys: surveys)
                var engine = SyncEngine(store: env.store, transport: transport, clock: env.clock, logger: env.logger)
                engine.progress = TerminalProgressBar.isAvailable ? TerminalProgressBar() : SilentProgress()
                let report: SyncReport
                do {
                    report = try await engine.sync()
                } catch let error as TransportError {
                    env.output.note(env.texts("join.fetchFailed", ["detail": ErrorReport.describe(error, texts: env.texts)]))
                    report = SyncReport()
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
        } catch let error as TransportError where isInvalidCode(error) {
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
