/// The sizes of one run.
struct BenchPlan: Sendable {
    /// Records pushed in row 1 and pulled in row 3.
    var records: Int
    /// Records per push.
    var batchSize: Int
    /// Participants pushing at the same time.
    var concurrency: Int
    /// The records held by the two servers of row 2.
    var pullSizes: (small: Int, large: Int)
    /// How many of the newest changes row 2 pulls.
    var pullLast: Int
    /// Repetitions of row 2.
    var repeats: Int
    /// Seconds each merge rate of row 4 is timed.
    var mergeSeconds: Double
    /// Records stored states are sampled from in row 5a.
    var sizeSample: Int
    /// Row 9's participant's day: interviews, door visits, and syncs they are spread over.
    var linkDay: (interviews: Int, visits: Int, rounds: Int)
    /// Responses of row 9's trainer's initial sync.
    var linkRecords: Int
    /// Row 9's link.
    var link: LinkProfile
    /// Row 10's load: devices (spread over `cohorts`), responses each pushes in batches of `batchSize`.
    var load: LoadPlan

    /// The records of the second, smaller run of rows 1 and 3 that shows memory stays bounded.
    var comparisonRecords: Int { max(100, records / 10) }

    /// The sizes of issue 7.
    static let full = BenchPlan(
        records: 100_000, batchSize: 500, concurrency: 4, pullSizes: (10_000, 1_000_000), pullLast: 1_000, repeats: 21,
        mergeSeconds: 1, sizeSample: 10_000, linkDay: (50, 40, 5), linkRecords: 2_000, link: .field,
        load: LoadPlan(devices: 200, cohorts: 4, responses: 50, batchSize: 10))

    /// Tiny sizes for the test suite.
    static let small = BenchPlan(
        records: 400, batchSize: 50, concurrency: 4, pullSizes: (500, 5_000), pullLast: 100, repeats: 3,
        mergeSeconds: 0.05, sizeSample: 100, linkDay: (4, 3, 2), linkRecords: 100,
        link: LinkProfile(
            bytesPerSecond: LinkProfile.field.bytesPerSecond, roundTrip: LinkProfile.field.roundTrip, cutEvery: 20,
            cutWithin: 8 * 1024, seed: 19),
        load: LoadPlan(devices: 8, cohorts: 2, responses: 5, batchSize: 2))
}
