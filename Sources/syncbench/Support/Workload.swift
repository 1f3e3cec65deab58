import Foundation
import NIOCore
import SyncFixtures
import SyncModel

/// The synthetic cohort a run pushes and pulls: responses of several participants to the
/// fixture survey, generated deterministically.
struct Workload: Sendable {
    /// The cohort name on the server.
    static let cohortName = "bench"

    /// The survey the responses answer.
    let survey: SurveyDefinition
    /// The survey's file, for `syncserver survey publish`.
    let surveyFile: String
    /// The generated cohort.
    let cohort: SyntheticCohort

    /// All responses, in creation order.
    var records: [Record] { cohort.responses }

    /// Generates about `records` responses (rounded to whole participants) of up to 50 participants.
    init(records: Int, surveyFile: String, seed: UInt64 = 2026) throws {
        let text = try String(contentsOfFile: surveyFile, encoding: .utf8)
        survey = try SurveyDefinition.parse(text)
        self.surveyFile = surveyFile
        let participants = max(1, min(50, records / 100))
        let configuration = SyntheticCohort.Configuration(
            cohort: Self.cohortName, participants: participants,
            responsesPerParticipant: max(1, records / participants), households: 0,
            // Concurrent edits would carry a trainer's writes, which a participant may not push.
            concurrentEditShare: 0, seed: seed)
        cohort = SyntheticCohort(configuration: configuration, survey: survey)
    }

    /// The responses of each participant, in the participants' order.
    func recordsByParticipant() -> [[Record]] {
        let index = Dictionary(uniqueKeysWithValues: cohort.participants.enumerated().map { ($1.name, $0) })
        var groups = Array(repeating: [Record](), count: cohort.participants.count)
        for record in records { groups[index[record.owner]!].append(record) }
        return groups
    }

    /// The push bodies of `records` in batches of `batchSize`, encoded ahead of timing.
    static func pushBodies(_ records: [Record], batchSize: Int) throws -> [(body: ByteBuffer, count: Int)] {
        let encoder = JSONEncoder()
        return try stride(from: 0, to: records.count, by: batchSize).map { start in
            let batch = Array(records[start..<min(start + batchSize, records.count)])
            return (ByteBuffer(bytes: try encoder.encode(PushRequest(epoch: nil, records: batch))), batch.count)
        }
    }
}
