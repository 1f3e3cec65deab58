import ArgumentParser
import SyncModel

/// `fieldclient resolve ID QUESTION (--value V | --keep N)`.
struct ResolveCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle a conflict: keep the N-th value as listed by 'show'/'conflicts', or write a new one.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: "The record id, or its first 6 or more characters.")
    var id: String

    /// The field.
    @Argument(help: "The question (or household field) in conflict.")
    var question: String

    /// A new value.
    @Option(help: "Write this value, typed as in an interview.")
    var value: String?

    /// The sibling to keep.
    @Option(help: "Keep the N-th value as listed (1 = the value shown now).")
    var keep: Int?

    /// Exactly one of --value and --keep.
    func validate() throws {
        switch (value, keep) {
        case (nil, nil): throw ValidationError("Give --keep N (a listed value) or --value V (a new value).")
        case (.some, .some): throw ValidationError("Give --keep N or --value V, not both.")
        case (nil, let keep?) where keep < 1: throw ValidationError("--keep counts from 1, as listed by 'fieldclient conflicts'.")
        default: break
        }
    }

    /// Writes the field again, having seen all siblings.
    func run() async throws {
        try await options.run { env in
            let records = try env.records()
            let uuid = try env.store.resolveID(id)
            guard let stored = try env.store.record(id: uuid) else { throw FieldClientError(.notFound, "Record \(id) is gone.") }
            let record = stored.record
            let chosen: FieldValue
            if let keep {
                guard let siblings = record.fields[question]?.siblingsByPreference, !siblings.isEmpty else {
                    throw FieldClientError(.notFound, "Record \(LocalStore.key(uuid).prefix(8)) has no field '\(question)'.")
                }
                guard keep <= siblings.count else {
                    throw FieldClientError(
                        .usage, "'\(question)' has \(siblings.count) value(s); choose --keep 1 to \(siblings.count).")
                }
                chosen = siblings[keep - 1].value
            } else if record.collection == RecordCollection.responses {
                let survey = try records.surveyOf(record)
                guard let definition = survey.question(named: question) else {
                    throw FieldClientError(.notFound, "'\(question)' is not a question of survey \(survey.id).")
                }
                switch definition.parseInput(value ?? "", answers: record.values) {
                case .success(let parsed): chosen = parsed
                case .failure(let issue): throw AnswerValidationError(issues: [issue])
                }
            } else {
                chosen = .string(value ?? "")
            }
            let resolved = try records.resolve(uuid, field: question, value: chosen)
            try env.output.print(RecordView(StoredRecord(record: resolved, revision: 1, syncedRevision: 0))) {
                "Resolved \(question) of \(LocalStore.key(uuid).prefix(8)) to \(chosen.displayText)."
            }
        }
    }
}
