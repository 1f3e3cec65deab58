import SyncModel

/// The server calls the sync engine needs; `HTTPSyncTransport` in production, fakes in tests.
protocol SyncTransport: Sendable {
    /// `POST /v1/sync/push`.
    func push(_ request: PushRequest) async throws(TransportError) -> PushResponse
    /// `GET /v1/sync/changes?since=CURSOR&limit=N`.
    func changes(since cursor: String, limit: Int) async throws(TransportError) -> ChangesPage
    /// `GET /v1/surveys`: the cohort's published survey versions.
    func surveys() async throws(TransportError) -> [SurveyDefinition]
}
