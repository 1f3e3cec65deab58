import SyncModel

extension SQLRecordStore {
    /// Creates a cohort.
    func createCohort(named name: String, at time: Timestamp) async throws -> CohortInfo {
        try await writing(
            .rows(
                "INSERT INTO cohorts (name, created_at) VALUES (?, ?)", [.text(name), .int(time.millisecondsSince1970)],
                onDuplicate: StoreRules.cohortExists(name)
            ) { _ in CohortInfo(name: name, createdAt: time) })
    }

    /// Lists cohorts by name.
    func cohorts() async throws -> [CohortInfo] {
        try await reading(.rows("SELECT name, created_at FROM cohorts ORDER BY name\(Self.dialect.byteOrder)") {
            try $0.map(Self.cohort(from:))
        })
    }

    /// Finds a cohort.
    func cohort(named name: String) async throws -> CohortInfo? {
        try await reading(.rows("SELECT name, created_at FROM cohorts WHERE name = ?", [.text(name)]) {
            try $0.first.map(Self.cohort(from:))
        })
    }

    /// A cohort from a row of `name, created_at`.
    static func cohort(from row: StoreRow) throws -> CohortInfo {
        CohortInfo(name: try row.text(0), createdAt: try row.time(1))
    }

    /// Publishes a survey version into an existing cohort.
    func publishSurvey(_ survey: PublishedSurvey) async throws {
        let json = String(decoding: survey.definition.canonicalJSON(), as: UTF8.self)
        try await writing(
            .rows(
                """
                INSERT INTO surveys (cohort, id, version, definition, published_at)
                SELECT name, ?, ?, ?, ? FROM cohorts WHERE name = ? RETURNING cohort
                """,
                [
                    .text(survey.definition.id), .int(Int64(survey.definition.version)), .text(json),
                    .int(survey.publishedAt.millisecondsSince1970), .text(survey.cohort),
                ],
                onDuplicate: StoreRules.surveyPublished(survey)
            ) { try StoreRules.requireCohort(survey.cohort, found: !$0.isEmpty) })
    }

    /// Lists a cohort's surveys by id, then version.
    func surveys(cohort: String) async throws -> [PublishedSurvey] {
        try await reading(
            .rows(
                """
                SELECT definition, published_at FROM surveys WHERE cohort = ?
                ORDER BY id\(Self.dialect.byteOrder), version
                """, [.text(cohort)]
            ) { rows in
                try rows.map { row in
                    PublishedSurvey(
                        cohort: cohort, publishedAt: try row.time(1),
                        definition: try SurveyDefinitionCache.shared.definition(decoding: row.text(0)))
                }
            })
    }
}
