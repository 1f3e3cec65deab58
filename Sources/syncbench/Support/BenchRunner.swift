import AsyncHTTPClient
import Foundation
import SyncModel

/// Runs the rows in order and collects their measurements.
struct BenchRunner {
    /// The sizes.
    let plan: BenchPlan
    /// Executables and folders.
    let environment: BenchEnvironment
    /// Whether to print progress to standard error.
    let progress: Bool
    /// A PostgreSQL server URL whose user may create databases; when set, rows 1 and 2 also run on
    /// PostgreSQL, each in fresh databases dropped at the end.
    var postgres: String? = nil

    /// Runs every row.
    func run() async throws -> [Measurement] {
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let databases = try postgres.map { try PostgresDatabases(serverURL: $0, directory: environment.directory) }
        do {
            let result = try await runRows(http: http, databases: databases)
            try await http.shutdown()
            try databases?.dropAll()
            return result
        } catch {
            try? await http.shutdown()
            try? databases?.dropAll()
            throw error
        }
    }

    private func note(_ text: String) {
        guard progress else { return }
        FileHandle.standardError.write(Data("syncbench: \(text)\n".utf8))
    }

    private func runRows(http: HTTPClient, databases: PostgresDatabases?) async throws -> [Measurement] {
        var out: [Measurement] = []
        // Each measurement is also noted as it is taken, so that a run stopped early keeps its rows.
        func record(_ measurement: Measurement) {
            out.append(measurement)
            note("  \(BenchTable.line(measurement))")
        }
        let server = environment.executable("syncserver")
        note("generating \(plan.records) response records")
        let workload = try Workload(records: plan.records, surveyFile: environment.surveyFile)
        let comparison = try Workload(records: plan.comparisonRecords, surveyFile: environment.surveyFile, seed: 7)

        note("floor: plain SQLite inserts")
        let floor = try FloorBaseline.measure(workload.records, path: environment.path("floor.sqlite"))

        note("row 1: pushing \(workload.records.count) records")
        let ingest = IngestRow(
            executable: server, batchSize: plan.batchSize, concurrency: plan.concurrency,
            directory: environment.directory)
        let main = try await ingest.run(workload, database: environment.path("ingest.sqlite"), http: http)
        defer { main.server.stop() }
        record(
            Measurement(
                row: "1", what: "server ingest, records/s (batches of \(plan.batchSize), \(plan.concurrency) at once)",
                value: main.recordsPerSecond, unit: "records/s", baseline: floor, ratio: main.recordsPerSecond / floor,
                goal: "≥ 0.5 of the floor", met: main.recordsPerSecond / floor >= 0.5))
        if let databases {
            note("row 1 (PostgreSQL): pushing \(workload.records.count) records")
            let database = try databases.create("ingest")
            let onPostgres = try await ingest.run(workload, database: database, http: http)
            onPostgres.server.stop()
            try databases.drop(database)
            let ratio = onPostgres.recordsPerSecond / floor
            record(
                Measurement(
                    row: "1 (PostgreSQL)",
                    what: "server ingest on PostgreSQL, records/s (batches of \(plan.batchSize), \(plan.concurrency) at once)",
                    value: onPostgres.recordsPerSecond, unit: "records/s", baseline: floor, ratio: ratio,
                    goal: "≥ 0.5 of the floor", met: ratio >= 0.5))
        }

        let templates = Array(workload.records.prefix(1_000))
        note("row 1L: pushing \(workload.records.count) records into a database that holds \(plan.pullSizes.large)")
        let crowded = try await ingest.run(workload, database: environment.path("ingest-large.sqlite"), http: http) {
            try SQLiteSeeder(path: $0).seed(count: plan.pullSizes.large, templates: templates)
        }
        crowded.server.stop()
        try? FileManager.default.removeItem(atPath: environment.path("ingest-large.sqlite"))
        record(
            Measurement(
                row: "1L",
                what: "server ingest into a database holding \(plan.pullSizes.large) records, records/s",
                value: crowded.recordsPerSecond, unit: "records/s", baseline: floor,
                ratio: crowded.recordsPerSecond / floor, goal: "≥ 0.45 of the floor",
                met: crowded.recordsPerSecond / floor >= 0.45))

        note("row 2: pull scaling")
        let pulls = PullScalingRow(
            executable: server, directory: environment.directory, last: plan.pullLast, repeats: plan.repeats)
        let fewServer = try await pulls.prepare(
            held: plan.pullSizes.small, templates: templates, workload: workload,
            database: environment.path("pull-small.sqlite"), http: http)
        defer { fewServer.server.stop() }
        let manyServer = try await pulls.prepare(
            held: plan.pullSizes.large, templates: templates, workload: workload,
            database: environment.path("pull-large.sqlite"), http: http)
        let (few, many) = try await pulls.measure(fewServer, manyServer)
        manyServer.server.stop()
        try? FileManager.default.removeItem(atPath: environment.path("pull-large.sqlite"))
        let scaling = many.medianSeconds / few.medianSeconds
        record(
            Measurement(
                row: "2",
                what: "pull the last \(plan.pullLast) changes, median ms: \(many.held) held vs \(few.held) held",
                value: many.medianSeconds * 1000, unit: "ms", baseline: few.medianSeconds * 1000, ratio: scaling,
                goal: "ratio ≤ 1.2", met: scaling <= 1.2))
        if let databases {
            note("row 2 (PostgreSQL): pull scaling after syncserver migrate")
            let smallDatabase = try databases.create("pull_small")
            let largeDatabase = try databases.create("pull_large")
            let fewPrepared = try await pulls.prepare(
                held: plan.pullSizes.small, templates: templates, workload: workload,
                database: environment.path("pull-small-pg.sqlite"), postgres: smallDatabase, http: http)
            let manyPrepared = try await pulls.prepare(
                held: plan.pullSizes.large, templates: templates, workload: workload,
                database: environment.path("pull-large-pg.sqlite"), postgres: largeDatabase, http: http)
            let (fewOnPostgres, manyOnPostgres) = try await pulls.measure(fewPrepared, manyPrepared)
            fewPrepared.server.stop()
            manyPrepared.server.stop()
            try? FileManager.default.removeItem(atPath: environment.path("pull-small-pg.sqlite"))
            try? FileManager.default.removeItem(atPath: environment.path("pull-large-pg.sqlite"))
            try databases.drop(smallDatabase)
            try databases.drop(largeDatabase)
            let ratio = manyOnPostgres.medianSeconds / fewOnPostgres.medianSeconds
            record(
                Measurement(
                    row: "2 (PostgreSQL)",
                    what: "pull the last \(plan.pullLast) changes on PostgreSQL, median ms: "
                        + "\(manyOnPostgres.held) held vs \(fewOnPostgres.held) held",
                    value: manyOnPostgres.medianSeconds * 1000, unit: "ms", baseline: fewOnPostgres.medianSeconds * 1000,
                    ratio: ratio, goal: "ratio ≤ 1.2", met: ratio <= 1.2))
        }

        note("row 3: a new trainer's initial sync, into a plain and into an encrypted store")
        let initial = InitialSyncRow(executable: environment.executable("fieldclient"), directory: environment.directory)
        let plainSync = try initial.run(server: main.server, name: "trainer-initial-plain", encrypted: false)
        let sync = try initial.run(server: main.server, name: "trainer-initial")
        guard sync.pulled >= workload.records.count, plainSync.pulled >= workload.records.count else {
            throw BenchFailure("the trainer pulled \(sync.pulled) of \(workload.records.count) records")
        }
        record(
            Measurement(
                row: "3", what: "initial sync of \(sync.pulled) records by fieldclient (encrypted store), records/s",
                value: sync.recordsPerSecond, unit: "records/s", baseline: floor, ratio: sync.recordsPerSecond / floor,
                goal: "ratio printed", met: nil))
        // Time per record, encrypted over plain: the cost of sealing every state (and one scrypt).
        let encryptionCost = plainSync.recordsPerSecond / sync.recordsPerSecond
        record(
            Measurement(
                row: "3e", what: "initial sync into an encrypted store vs a plain one, records/s",
                value: sync.recordsPerSecond, unit: "records/s", baseline: plainSync.recordsPerSecond,
                ratio: encryptionCost, goal: "time ratio ≤ 1.3", met: encryptionCost <= 1.3))

        note("row 4: merges")
        for siblings in [1, 3, 10] {
            let rate = try MergeRow.mergesPerSecond(
                siblings: siblings, template: workload.records[0], seconds: plan.mergeSeconds)
            record(
                Measurement(
                    row: "4", what: "merges/s, \(siblings) sibling(s) per field", value: rate, unit: "merges/s"))
        }

        note("row 5: sizes")
        let stored = try SizeRow.stored(
            path: environment.path("ingest.sqlite"), records: workload.records.count, sample: plan.sizeSample)
        record(
            Measurement(
                row: "5a", what: "sync metadata per stored record, bytes (vs its answers)",
                value: stored.metadataBytes, unit: "B/record", baseline: stored.answerBytes,
                ratio: stored.metadataBytes / stored.answerBytes, goal: "≤ 0.25",
                met: stored.metadataBytes / stored.answerBytes <= 0.25))
        record(
            Measurement(
                row: "5a", what: "database file per record, bytes (vs its answers)",
                value: stored.fileBytesPerRecord, unit: "B/record", baseline: stored.answerBytes,
                ratio: stored.fileBytesPerRecord / stored.answerBytes))
        let api = BenchHTTP(client: http, base: main.server.url)
        let trainerCode = try main.server.code(cohort: Workload.cohortName, name: "trainer-wire", trainer: true)
        let trainer = try await api.enroll(code: trainerCode, replica: ReplicaID.makeRandom(), name: "trainer-wire")
        let wire = try await SizeRow.wire(api: api, token: trainer, pageSize: SyncProtocol.defaultPageSize)
        let plainPerRecord = Double(wire.plain) / Double(wire.records)
        record(
            Measurement(
                row: "5b", what: "sync metadata per record on the wire, bytes (vs the record's JSON)",
                value: stored.wireMetadataBytes, unit: "B/record", baseline: plainPerRecord,
                ratio: stored.wireMetadataBytes / plainPerRecord))
        record(
            Measurement(
                row: "5b", what: "pulled pages with gzip, bytes per record (vs uncompressed JSON)",
                value: Double(wire.gzip) / Double(wire.records), unit: "B/record", baseline: plainPerRecord,
                ratio: Double(wire.gzip) / Double(wire.plain)))
        record(
            Measurement(
                row: "5b", what: "push bodies with gzip, bytes per record (vs uncompressed JSON)",
                value: Double(main.gzipPushBytes) / Double(main.records), unit: "B/record",
                baseline: Double(main.plainPushBytes) / Double(main.records),
                ratio: Double(main.gzipPushBytes) / Double(main.plainPushBytes)))
        let owner = workload.cohort.participants[0]
        let own = workload.records.filter { $0.owner == owner.name }
        let again = try await SizeRow.redownload(
            api: api, token: main.tokens[0], replica: owner.replica, own: own, count: min(100, own.count))
        record(
            Measurement(
                row: "5b", what: "records a device pulls back right after pushing them (of \(again.pushed))",
                value: Double(again.returned), unit: "records", baseline: Double(again.pushed),
                ratio: Double(again.returned) / Double(again.pushed), goal: "0 (nothing new for this device)",
                met: again.returned == 0))
        main.server.stop()

        note("row 6: a second, smaller run of rows 1 and 3 (\(comparison.records.count) records)")
        let second = try await ingest.run(comparison, database: environment.path("ingest-small.sqlite"), http: http)
        defer { second.server.stop() }
        let secondSync = try initial.run(server: second.server, name: "trainer-small")
        second.server.stop()
        record(
            Measurement(
                row: "6", what: "server peak memory during row 1, MiB (vs a run of \(comparison.records.count))",
                value: Double(main.serverPeakKiB) / 1024, unit: "MiB", baseline: Double(second.serverPeakKiB) / 1024,
                ratio: Double(main.serverPeakKiB) / Double(second.serverPeakKiB), goal: "bounded (ratio near 1)"))
        record(
            Measurement(
                row: "6", what: "client peak memory during row 3, MiB (vs a run of \(comparison.records.count))",
                value: Double(sync.clientPeakKiB) / 1024, unit: "MiB", baseline: Double(secondSync.clientPeakKiB) / 1024,
                ratio: Double(sync.clientPeakKiB) / Double(secondSync.clientPeakKiB), goal: "bounded (ratio near 1)"))

        note("row 7: XLSX export of \(sync.pulled) records")
        let exports = XLSXExportRow(executable: environment.executable("fieldclient"), directory: environment.directory)
        let large = environment.path("trainer-initial.sqlite")
        let largeKey = initial.passphraseFile(name: "trainer-initial")
        let xlsx = try exports.run(store: large, passphraseFile: largeKey, survey: workload.survey.id, format: "xlsx")
        let csv = try exports.run(store: large, passphraseFile: largeKey, survey: workload.survey.id, format: "csv")
        let smallXLSX = try exports.run(
            store: environment.path("trainer-small.sqlite"), passphraseFile: initial.passphraseFile(name: "trainer-small"),
            survey: workload.survey.id, format: "xlsx")
        record(
            Measurement(
                row: "7", what: "XLSX export of \(sync.pulled) records by fieldclient, s (vs its CSV export)",
                value: xlsx.seconds, unit: "s", baseline: csv.seconds, ratio: xlsx.seconds / csv.seconds,
                goal: "ratio printed"))
        record(
            Measurement(
                row: "7", what: "client peak memory during the XLSX export, MiB (vs exporting \(secondSync.pulled))",
                value: Double(xlsx.peakKiB) / 1024, unit: "MiB", baseline: Double(smallXLSX.peakKiB) / 1024,
                ratio: Double(xlsx.peakKiB) / Double(smallXLSX.peakKiB), goal: "bounded (ratio near 1)"))

        note("row 8: a trainer's status, list, report and CSV export on \(sync.pulled) and \(secondSync.pulled) records")
        let commands = TrainerCommandsRow(executable: environment.executable("fieldclient"), directory: environment.directory)
        let onLarge = try commands.run(store: large, passphraseFile: largeKey, survey: workload.survey.id)
        let onSmall = try commands.run(
            store: environment.path("trainer-small.sqlite"), passphraseFile: initial.passphraseFile(name: "trainer-small"),
            survey: workload.survey.id)
        for (big, small) in zip(onLarge, onSmall) {
            let timeGoal = big.command == "status" ? 0.2 : nil
            record(
                Measurement(
                    row: "8", what: "fieldclient \(big.command) on \(sync.pulled) records, s (vs \(secondSync.pulled))",
                    value: big.seconds, unit: "s", baseline: small.seconds, ratio: big.seconds / small.seconds,
                    goal: timeGoal.map { "< \($0) s" }, met: timeGoal.map { big.seconds < $0 }))
            let mebibytes = Double(big.peakKiB) / 1024
            record(
                Measurement(
                    row: "8m", what: "fieldclient \(big.command) peak memory on \(sync.pulled) records, MiB (vs \(secondSync.pulled))",
                    value: mebibytes, unit: "MiB", baseline: Double(small.peakKiB) / 1024,
                    ratio: Double(big.peakKiB) / Double(small.peakKiB), goal: "≤ 100 MiB", met: mebibytes <= 100))
        }

        for measurement in try await badLink(http: http, workload: workload) { record(measurement) }
        for measurement in try load(workload: workload) { record(measurement) }
        return out
    }

    /// Row 10: many real `fieldclient` devices push and pull at once against the real server.
    private func load(workload: Workload) throws -> [Measurement] {
        let load = plan.load
        note("row 10: \(load.devices) devices in \(load.cohorts) cohorts sync \(load.responses) responses each at once")
        let server = ServerUnderTest(
            executable: environment.executable("syncserver"), database: environment.path("load-server.sqlite"),
            directory: environment.directory)
        defer { server.stop() }
        let row = LoadRow(fieldclient: environment.executable("fieldclient"), directory: environment.directory, plan: load)
        let outcome = try row.run(server: server, workload: workload, progress: note)
        server.stop()
        let records = load.devices * load.responses
        let described = "\(load.devices) devices (\(load.cohorts) cohorts) push \(load.responses) responses each "
            + "in batches of \(load.batchSize) and pull, all at once"
        let odk = 50.0
        var out = [
            Measurement(
                row: "10",
                what: "\(described): records/s over \(String(format: "%.1f", outcome.seconds)) s "
                    + "(vs ODK Central's soak test, 50 submissions/s)",
                value: outcome.recordsPerSecond, unit: "records/s", baseline: odk, ratio: outcome.recordsPerSecond / odk,
                goal: "ratio printed")
        ]
        for percentile in [50.0, 95.0, 99.0] {
            let seconds = outcome.latency(percentile: percentile)
            out.append(
                Measurement(
                    row: "10",
                    what: "push latency p\(Int(percentile)) as the clients measured it, s (\(outcome.latencies.count) pushes)",
                    value: seconds, unit: "s", goal: percentile == 99 ? "< 2 s" : nil, met: percentile == 99 ? seconds < 2 : nil))
        }
        let failures = outcome.failedSyncs + (records - outcome.pushed)
        out.append(
            Measurement(
                row: "10",
                what: "failures: syncs that broke (\(outcome.failedSyncs) of \(outcome.syncs)) and records not accepted "
                    + "(\(records - outcome.pushed) of \(records), \(outcome.rejected) rejected)",
                value: Double(failures), unit: "failures", goal: "0 (ODK Central: 100 % success)", met: failures == 0))
        return out
    }

    /// Row 9: a participant's day and a trainer's initial sync through the throttling proxy.
    private func badLink(http: HTTPClient, workload: Workload) async throws -> [Measurement] {
        let link = plan.link
        let row = BadLinkRow(
            fieldclient: environment.executable("fieldclient"), directory: environment.directory, profile: link, http: http)
        let kbits = Int(link.bytesPerSecond * 8 / 1000)
        let milliseconds = Int(link.roundTrip.components.seconds * 1000 + link.roundTrip.components.attoseconds / 1_000_000_000_000_000)
        let described = "\(kbits) kbit/s, +\(milliseconds) ms, every \(link.cutEvery)th connection cut"
        var out: [Measurement] = []

        let day = plan.linkDay
        note("row 9: a participant's day (\(day.interviews) interviews, \(day.visits) visits) over a bad link")
        let dayServer = ServerUnderTest(
            executable: environment.executable("syncserver"), database: environment.path("link-day-server.sqlite"),
            directory: environment.directory)
        try dayServer.prepare(cohort: Workload.cohortName, surveyFile: workload.surveyFile)
        let doors = environment.directory.appendingPathComponent("link-doors.csv")
        let rows = (1...(2 * day.visits)).map { "Lindenstraße,\($0),04177" }
        try Data((["street,house_number,postcode"] + rows).joined(separator: "\n").utf8).write(to: doors)
        try dayServer.admin(["households", "import", "--cohort", Workload.cohortName, doors.path])
        try dayServer.start(metrics: true)
        defer { dayServer.stop() }
        let participant = try await row.participantDay(
            server: dayServer, cohort: Workload.cohortName, survey: workload.survey.id, interviews: day.interviews,
            visits: day.visits, rounds: day.rounds)
        dayServer.stop()
        out += measurements(
            participant, what: "a participant's day (\(day.interviews) interviews, \(day.visits) visits, \(day.rounds) syncs)",
            link: described)

        note("row 9: a trainer's initial sync of \(plan.linkRecords) responses over a bad link")
        let trainerWorkload = try Workload(records: plan.linkRecords, surveyFile: workload.surveyFile, seed: 9)
        let ingest = IngestRow(
            executable: environment.executable("syncserver"), batchSize: plan.batchSize, concurrency: plan.concurrency,
            directory: environment.directory)
        let trainerServer = try await ingest.run(
            trainerWorkload, database: environment.path("link-trainer-server.sqlite"), http: http)
        defer { trainerServer.server.stop() }
        let trainer = try await row.trainerInitialSync(
            server: trainerServer.server, cohort: Workload.cohortName, records: trainerWorkload.records.count)
        trainerServer.server.stop()
        out += measurements(trainer, what: "a trainer's initial sync of \(trainerWorkload.records.count) responses", link: described)
        return out
    }

    /// The measurements of one bad-link scenario: time against the ideal, bytes, records sent again.
    private func measurements(_ outcome: BadLinkRow.Outcome, what: String, link: String) -> [Measurement] {
        let ratio = outcome.seconds / outcome.idealSeconds
        let statistics = outcome.statistics
        var out = [
            Measurement(
                row: "9", what: "\(what) over \(link), s (vs the link's ideal)", value: outcome.seconds, unit: "s",
                baseline: outcome.idealSeconds, ratio: ratio, goal: "≤ 1.5× the ideal", met: ratio <= 1.5),
            Measurement(
                row: "9", what: "\(what): bytes on the link (\(statistics.exchanges) exchanges, "
                    + "\(statistics.connections) connections, \(statistics.cuts) cut)",
                value: Double(statistics.bytes), unit: "B"),
        ]
        if let resent = outcome.resent {
            out.append(
                Measurement(
                    row: "9", what: "\(what): records sent again (of \(outcome.records))", value: Double(resent),
                    unit: "records", goal: "0", met: resent == 0))
        }
        return out
    }
}
