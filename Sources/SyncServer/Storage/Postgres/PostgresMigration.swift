/// One step of the PostgreSQL schema history: raw SQL statements run in one transaction.
struct PostgresMigration: Sendable {
    /// The schema version this step brings the database to; versions count up from 1.
    var version: Int
    /// What the step does, stored beside the version.
    var name: String
    /// The statements, each run on its own (the extended protocol takes one per call).
    var statements: [String]
}
