/// One survey version as `surveys` prints it.
struct SurveyView: Encodable, Sendable {
    /// The survey id.
    var id: String
    /// The version.
    var version: Int
    /// The title.
    var title: String
    /// The number of questions.
    var questions: Int
}
