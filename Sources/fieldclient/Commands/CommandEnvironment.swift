import Foundation
import Logging
import SyncModel

/// What a command works with: the opened store, output, clock, ids and logger.
struct CommandEnvironment: Sendable {
    /// The shared options.
    let options: GlobalOptions
    /// The opened store.
    let store: LocalStore
    /// Output.
    let output: Output
    /// What the command says, in the user's language.
    let texts: Texts
    /// The clock.
    let clock: any WallClock = SystemWallClock()
    /// Id generation.
    let identifiers: IdentifierSource = .system

    /// This environment with another store (e.g. the same store unlocked).
    func with(store: LocalStore) -> CommandEnvironment {
        CommandEnvironment(options: options, store: store, output: output, texts: texts)
    }

    /// The logger, on standard error; its level comes from FIELDCLIENT_LOG_LEVEL (default warning).
    var logger: Logger {
        var logger = Logger(label: "fieldclient") { StreamLogHandler.standardError(label: $0) }
        let level = ProcessInfo.processInfo.environment["FIELDCLIENT_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .warning
        return logger
    }

    /// Says on standard error that the server could not be reached and when attempt `attempt` of
    /// `policy` starts.
    func noteRetry(_ attempt: Int, after wait: Duration, of policy: RetryPolicy) {
        output.note(
            texts(
                "sync.retrying",
                [
                    "seconds": String(Int(wait.components.seconds)), "attempt": String(attempt),
                    "attempts": String(policy.attempts),
                ]))
    }

    /// The enrolled device, or a message to run `join` first.
    func requireDevice() throws -> DeviceIdentity {
        guard let device = try store.device() else {
            throw FieldClientError(.unauthorized, texts("error.notJoined"))
        }
        return device
    }

    /// The record operations for the enrolled device.
    func records() throws -> FieldRecords {
        FieldRecords(store: store, device: try requireDevice(), clock: clock, identifiers: identifiers, texts: texts)
    }

    /// Reads typed input as an answer to `question`: `heute`/`today` and `gestern`/`yesterday`
    /// become dates in the local time zone; problems come back in the user's language.
    func parseAnswer(_ text: String, question: Question, answers: [String: FieldValue]) -> Result<FieldValue, ValidationIssue> {
        AnswerInput(texts: texts, now: clock.now()).parse(text, question: question, answers: answers)
    }

    /// The latest version of survey `id`, or a message listing the available ones.
    func survey(_ id: String) throws -> SurveyDefinition {
        if let survey = try store.survey(id: id) { return survey }
        let known = Set(try store.surveys().map(\.id)).sorted()
        throw FieldClientError(
            .notFound,
            known.isEmpty
                ? texts("error.noSuchSurveyNone", ["survey": id])
                : texts("error.noSuchSurvey", ["survey": id, "available": known.joined(separator: ", ")]))
    }
}
