import ArgumentParser
import SyncModel

/// `fieldclient edit ID --set QUESTION=VALUE ...`.
struct EditCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change answers of a response as one edit; values are typed as in an interview (3,5 · 25.11.2026 · 2).")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: "The response id, or its first 6 or more characters.")
    var id: String

    /// The assignments.
    @Option(name: .customLong("set"), help: ArgumentHelp("An answer to set; an empty VALUE clears it.", valueName: "QUESTION=VALUE"))
    var assignments: [String] = []

    /// Checks the assignments' shape.
    func validate() throws {
        guard !assignments.isEmpty else { throw ValidationError("Give at least one --set QUESTION=VALUE.") }
        for assignment in assignments where !assignment.contains("=") {
            throw ValidationError("'\(assignment)' is not QUESTION=VALUE; write e.g. --set haushalt=3.")
        }
    }

    /// Parses every value, then writes them as one edit.
    func run() async throws {
        try await options.run { env in
            let records = try env.records()
            let uuid = try env.store.resolveID(id, collection: RecordCollection.responses)
            guard let stored = try env.store.record(id: uuid) else { throw FieldClientError(.notFound, "Record \(id) is gone.") }
            let survey = try records.surveyOf(stored.record)
            var answers = stored.record.values
            var changes: [String: FieldValue] = [:]
            var issues: [ValidationIssue] = []
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
                guard let question = survey.question(named: name), question.type.takesAnswer else {
                    throw FieldClientError(
                        .notFound, "'\(name)' is not a question of survey \(survey.id). Questions: "
                            + survey.questions.filter { $0.type.takesAnswer }.map(\.name).joined(separator: ", ") + ".")
                }
                switch question.parseInput(String(parts[1]), answers: answers) {
                case .success(let value):
                    changes[name] = value
                    answers[name] = value
                case .failure(let issue):
                    issues.append(issue)
                }
            }
            guard issues.isEmpty else { throw AnswerValidationError(issues: issues) }
            let record = try records.edit(uuid, changes: changes)
            try env.output.print(RecordView(StoredRecord(record: record, revision: 1, syncedRevision: 0))) {
                "Changed \(changes.keys.sorted().joined(separator: ", ")) of \(LocalStore.key(uuid).prefix(8))."
            }
        }
    }
}
