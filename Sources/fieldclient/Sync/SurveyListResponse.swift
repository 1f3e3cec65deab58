import SyncModel

/// The body of `GET /v1/surveys`: `{"surveys": [{"cohort", "publishedAt", "definition"}]}`.
struct SurveyListResponse: Decodable, Sendable {
    /// One published survey version.
    struct Entry: Decodable, Sendable {
        /// The definition.
        var definition: SurveyDefinition
    }

    /// The published versions.
    var surveys: [Entry]
}
