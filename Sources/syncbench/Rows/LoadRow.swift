import Foundation
import SyncModel

/// Row 10: many devices at once against the real server. Each device is a real `fieldclient`
/// (its own plain store, its own process and connections, the client's own sync engine): it joins,
/// records its final responses with `fieldclient record`, and then all of them run `sync` at the
/// same moment, pushing in batches and pulling their cohort. Push latency is what each client
/// measured (`sync --json`'s `pushMilliseconds`); a sync that fails counts, it is not retried.
struct LoadRow {
    /// What the row measured.
    struct Outcome: Sendable {
        /// Seconds from starting the first `sync` to the end of the last.
        var seconds: Double
        /// Records the server accepted.
        var pushed: Int
        /// Every push's latency in seconds, ascending.
        var latencies: [Double]
        /// Syncs that did not finish (exit status other than 0 without rejected records).
        var failedSyncs: Int
        /// Records the server rejected.
        var rejected: Int
        /// Syncs started.
        var syncs: Int

        /// Records accepted per second of the whole run.
        var recordsPerSecond: Double { Double(pushed) / seconds }

        /// The nearest-rank percentile `p` (0–100) of the push latencies, 0 without pushes.
        func latency(percentile p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let rank = Int((p / 100 * Double(latencies.count)).rounded(.up))
            return latencies[min(max(rank, 1), latencies.count) - 1]
        }
    }

    /// The `fieldclient` executable.
    let fieldclient: String
    /// The folder for stores and files.
    let directory: URL
    /// The sizes.
    let plan: LoadPlan

    /// The cohort of device `index`.
    private func cohort(_ index: Int) -> String { "last-\(index % plan.cohorts + 1)" }

    /// The store of device `index`.
    private func store(_ index: Int) -> String { directory.appendingPathComponent("load-\(index).sqlite").path }

    /// Creates the cohorts on `server` (not started yet) with the survey of `workload`, enrolls
    /// every device, starts the server, prepares the devices and runs every sync at once.
    func run(server: ServerUnderTest, workload: Workload, progress: (String) -> Void) throws -> Outcome {
        for number in 1...plan.cohorts {
            try server.prepare(cohort: "last-\(number)", surveyFile: workload.surveyFile)
        }
        let codes = try (0..<plan.devices).map { index in try server.code(cohort: cohort(index), name: "geraet-\(index)") }
        let answers = try answerFiles(workload)
        try server.start()
        progress("row 10: \(plan.devices) devices join and record \(plan.responses) responses each (not timed)")
        try prepareDevices(server: server, codes: codes, survey: workload.survey.id, answers: answers)
        progress("row 10: \(plan.devices) devices sync at once")
        return try syncAtOnce()
    }

    /// One answers file per response a device records, from the workload's generated final
    /// responses (their answers, without the metadata fields that `record` sets itself).
    private func answerFiles(_ workload: Workload) throws -> [String] {
        let encoder = JSONEncoder()
        return try (0..<plan.responses).map { index in
            let record = workload.records[index % workload.records.count]
            let answers = record.values.filter { !$0.key.hasPrefix("_") }
            let file = directory.appendingPathComponent("load-answers-\(index).json")
            try encoder.encode(answers).write(to: file)
            return file.path
        }
    }

    /// Joins every device (plain store) and records its responses with the client's own commands,
    /// as many devices at a time as there are processors.
    private func prepareDevices(server: ServerUnderTest, codes: [String], survey: String, answers: [String]) throws {
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: plan.devices) { index in
            do {
                let store = store(index)
                try client(index, ["join", server.url, codes[index], "--name", "geraet-\(index)", "--store", store, "--no-encryption"])
                for file in answers {
                    try client(index, ["record", survey, "--answers", file, "--finalize", "--store", store])
                }
            } catch {
                failures.append("\(error)")
            }
        }
        if let first = failures.all.first { throw BenchFailure("preparing the devices of row 10: \(first)") }
    }

    /// Runs `fieldclient` for device `index` to its end; a failure throws with what it printed.
    private func client(_ index: Int, _ arguments: [String]) throws {
        let run = try ChildProcess.run(fieldclient, arguments, in: directory, label: "load-\(index)")
        guard run.ending.status == 0 else {
            throw BenchFailure("fieldclient \(arguments.first ?? "") of device \(index) failed (\(run.ending.status)): \(run.error.prefix(300))")
        }
    }

    /// Starts `sync --json` on every device at once (no retries: a broken sync counts as a failure)
    /// and collects what each reported.
    private func syncAtOnce() throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let processes = try (0..<plan.devices).map { index in
            let base = directory.appendingPathComponent("load-\(index)-sync").path
            return try ChildProcess(
                executable: fieldclient,
                arguments: ["sync", "--json", "--retries", "0", "--batch-size", String(plan.batchSize), "--store", store(index)],
                outputPath: base + ".out", errorPath: base + ".err")
        }
        let endings = processes.map { $0.wait() }
        let seconds = (clock.now - start).seconds
        var outcome = Outcome(seconds: seconds, pushed: 0, latencies: [], failedSyncs: 0, rejected: 0, syncs: plan.devices)
        for (process, ending) in zip(processes, endings) {
            let report = try? JSONSerialization.jsonObject(with: Data(process.output.utf8)) as? [String: Any]
            outcome.pushed += report?["pushed"] as? Int ?? 0
            outcome.rejected += (report?["rejected"] as? [Any])?.count ?? 0
            outcome.latencies += (report?["pushMilliseconds"] as? [Int] ?? []).map { Double($0) / 1000 }
            // A sync with rejected records ends with status 65 after its report; only the rejections count then.
            if ending.status != 0 && (report?["rejected"] as? [Any] ?? []).isEmpty { outcome.failedSyncs += 1 }
        }
        outcome.latencies.sort()
        return outcome
    }
}
