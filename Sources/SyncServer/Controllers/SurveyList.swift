/// `GET /v1/surveys`: the cohort's published surveys, every version.
struct SurveyList: Codable, Sendable {
    /// The surveys by id, then version.
    var surveys: [PublishedSurvey]
}
