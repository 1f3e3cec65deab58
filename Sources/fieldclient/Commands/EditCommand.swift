import ArgumentParser
import SyncModel

/// `fieldclient edit ID --set QUESTION=VALUE ...`.
struct EditCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "edit", abstract: Texts.help("help.edit.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.responseID")))
    var id: String

    /// The assignments.
    @Option(name: .customLong("set"), help: ArgumentHelp(Texts.help("help.edit.set"), valueName: "QUESTION=VALUE"))
    var assignments: [String] = []

    /// Checks the assignments' shape.
    func validate() throws {
        guard !assignments.isEmpty else { throw ValidationError(Texts.help("edit.noSet")) }
        for assignment in assignments where !assignment.contains("=") {
            throw ValidationError(Texts.help("edit.notAssignment", ["text": assignment]))
        }
    }

    /// Parses every value, then writes them as one edit.
    func run() async throws {
        try await options.run { env in
            let records = try env.records()
            let uuid = try env.store.resolveID(id, collection: RecordCollection.responses)
            guard let stored = try env.store.record(id: uuid) else {
                throw FieldClientError(.notFound, env.texts("error.recordMissing", ["id": id]))
            }
            let survey = try records.surveyOf(stored.record)
            var answers = stored.record.values
            var changes: [String: FieldValue] = [:]
            var issues: [ValidationIssue] = []
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
                guard let question = survey.question(named: name), question.type.takesAnswer else {
                    throw FieldClientError(
                        .notFound,
                        env.texts(
                            "edit.noQuestion",
                            ["question": name, "survey": survey.id,
                             "questions": survey.questions.filter { $0.type.takesAnswer }.map(\.name).joined(separator: ", ")]))
                }
                switch env.parseAnswer(String(parts[1]), question: question, answers: answers) {
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
                env.texts(
                    "edit.done", ["fields": changes.keys.sorted().joined(separator: ", "), "id": String(LocalStore.key(uuid).prefix(8))])
            }
        }
    }
}
