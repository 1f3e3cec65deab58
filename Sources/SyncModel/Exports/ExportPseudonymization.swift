/// How a pseudonymized export differs from the full one: personal questions are left out and each
/// participant's name is replaced by a pseudonym that only the server can make (see docs/DATENSCHUTZ.md).
public struct ExportPseudonymization: Sendable {
    /// The pseudonym of a participant's name, e.g. `P-3F9A1C`; the same name always gets the same one.
    public let pseudonym: @Sendable (String) -> String

    /// Creates the rule from the function that names pseudonyms.
    public init(pseudonym: @escaping @Sendable (String) -> String) {
        self.pseudonym = pseudonym
    }

    /// The rule for pseudonyms looked up in `pseudonyms` (by name); a name missing there becomes `P-?`, never itself.
    public static func make(pseudonyms: [String: String]) -> ExportPseudonymization {
        ExportPseudonymization { pseudonyms[$0] ?? "P-?" }
    }

    /// The names of `survey`'s personal questions, whose answers the export leaves out.
    static func personalQuestions(of survey: SurveyDefinition) -> Set<String> {
        Set(survey.questions.filter(\.personal).map(\.name))
    }
}
