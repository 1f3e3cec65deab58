/// The sizes of row 10: simulated devices syncing at once.
struct LoadPlan: Sendable {
    /// Devices (real `fieldclient` stores and processes), spread evenly over the cohorts.
    var devices: Int
    /// Cohorts on the server.
    var cohorts: Int
    /// Final responses each device records and pushes.
    var responses: Int
    /// Records per push (`sync --batch-size`).
    var batchSize: Int
}
