/// Names one version of a survey.
struct SurveyKey: Hashable, Sendable {
    /// The survey id.
    var id: String
    /// The version.
    var version: Int
}
