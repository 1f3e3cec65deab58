import ArgumentParser
import SyncModel

/// `fieldclient resolve ID QUESTION (--value V | --keep N)`.
struct ResolveCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "resolve", abstract: Texts.help("help.resolve.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.recordID")))
    var id: String

    /// The field.
    @Argument(help: ArgumentHelp(Texts.help("help.resolve.question")))
    var question: String

    /// A new value.
    @Option(help: ArgumentHelp(Texts.help("help.resolve.value")))
    var value: String?

    /// The sibling to keep.
    @Option(help: ArgumentHelp(Texts.help("help.resolve.keep")))
    var keep: Int?

    /// Exactly one of --value and --keep.
    func validate() throws {
        switch (value, keep) {
        case (nil, nil): throw ValidationError(Texts.help("resolve.neither"))
        case (.some, .some): throw ValidationError(Texts.help("resolve.both"))
        case (nil, let keep?) where keep < 1: throw ValidationError(Texts.help("resolve.keepFromOne"))
        default: break
        }
    }

    /// Writes the field again, having seen all siblings.
    func run() async throws {
        try await options.run { env in
            let records = try env.records()
            let uuid = try env.store.resolveID(id)
            guard let stored = try env.store.record(id: uuid) else {
                throw FieldClientError(.notFound, env.texts("error.recordMissing", ["id": id]))
            }
            let short = String(LocalStore.key(uuid).prefix(8))
            let record = stored.record
            if record.isLogField(question) {
                throw FieldClientError(.usage, env.texts("resolve.logField", ["field": question, "id": short]))
            }
            guard (record.fields[question]?.siblings.count ?? 0) > 1 else {
                // Nothing to resolve: a misspelt question is named as such, any other field has no conflict.
                if record.collection == RecordCollection.responses {
                    let survey = try records.surveyOf(record)
                    if survey.question(named: question) == nil {
                        throw FieldClientError(
                            .notFound, env.texts("resolve.noQuestion", ["question": question, "survey": survey.id]))
                    }
                }
                throw FieldClientError(.usage, env.texts("resolve.noConflict", ["field": question, "id": short]))
            }
            let chosen: FieldValue
            if let keep {
                let siblings = record.fields[question]?.siblingsByPreference ?? []
                guard keep <= siblings.count else {
                    throw FieldClientError(
                        .usage, env.texts("resolve.keepRange", ["field": question, "count": String(siblings.count)]))
                }
                chosen = siblings[keep - 1].value
            } else if record.collection == RecordCollection.responses {
                let survey = try records.surveyOf(record)
                guard let definition = survey.question(named: question) else {
                    throw FieldClientError(.notFound, env.texts("resolve.noQuestion", ["question": question, "survey": survey.id]))
                }
                switch env.parseAnswer(value ?? "", question: definition, answers: record.values) {
                case .success(let parsed): chosen = parsed
                case .failure(let issue): throw AnswerValidationError(issues: [issue])
                }
            } else {
                chosen = .string(value ?? "")
            }
            let resolved = try records.resolve(uuid, field: question, value: chosen)
            let definition = try? records.surveyOf(record).question(named: question)
            let shown = RecordText.valueText(question, chosen, question: definition, texts: env.texts)
            try env.output.print(RecordView(StoredRecord(record: resolved, revision: 1, syncedRevision: 0))) {
                env.texts("resolve.done", ["field": question, "id": short, "value": shown])
            }
        }
    }
}
