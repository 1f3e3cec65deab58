import Foundation
import SyncFixtures
import SyncModel
import Testing

@Suite("Synthetic cohort")
struct SyntheticCohortTests {
    let survey: SurveyDefinition
    init() throws { survey = try FixtureFiles.survey() }

    @Test
    func sameSeedGivesTheSameRecords() throws {
        let configuration = SyntheticCohort.Configuration(participants: 4, responsesPerParticipant: 10, seed: 7)
        let first = SyntheticCohort(configuration: configuration, survey: survey)
        let second = SyntheticCohort(configuration: configuration, survey: survey)
        #expect(first.responses == second.responses)
        #expect(first.households == second.households)
        let other = SyntheticCohort(
            configuration: .init(participants: 4, responsesPerParticipant: 10, seed: 8), survey: survey)
        #expect(other.responses != first.responses)
    }

    @Test
    func generatesParticipantsTimesResponsesAndTheDoorList() {
        let cohort = SyntheticCohort(
            configuration: .init(participants: 5, responsesPerParticipant: 6, households: 30), survey: survey)
        #expect(cohort.responses.count == 30)
        #expect(cohort.households.count == 30)
        #expect(Set(cohort.responses.map(\.id)).count == 30)
        #expect(Set(cohort.responses.map(\.owner)) == Set(cohort.participants.map(\.name)))
        #expect(Set(cohort.participants.map(\.replica)).count == 5)
    }

    @Test
    func everyResponseIsAValidFinalResponse() {
        let cohort = SyntheticCohort(configuration: .init(participants: 6, responsesPerParticipant: 20), survey: survey)
        for response in cohort.responses {
            #expect(survey.validate(response.values, finalized: true) == [], "response \(response.id)")
            #expect(throws: Never.self) { try response.checkStructure() }
        }
    }

    @Test
    func concurrentEditsLeaveConflictsOnlyWhereBothSidesWroteTheSameAnswer() throws {
        let cohort = SyntheticCohort(
            configuration: .init(participants: 6, responsesPerParticipant: 20, concurrentEditShare: 0.5, conflictShare: 0.5),
            survey: survey)
        #expect(!cohort.divergentStates.isEmpty)
        var conflicted = 0
        for response in cohort.responses {
            guard let states = cohort.divergentStates[response.id] else {
                #expect(response.conflicts.isEmpty)
                continue
            }
            #expect(try states.participant.merging(states.trainer) == response)
            #expect(response.value(of: "_note") != nil)
            // A field conflicts exactly when each side holds a write of it that the other had not seen.
            let (mine, theirs) = (states.participant, states.trainer)
            let bothWrote = Set(mine.fields.keys).intersection(theirs.fields.keys).filter { name in
                mine.fields[name]!.siblings.contains { !theirs.version.covers($0.dot) }
                    && theirs.fields[name]!.siblings.contains { !mine.version.covers($0.dot) }
            }
            #expect(Set(response.conflicts.compactMap(\.fieldName)) == bothWrote)
            if !response.conflicts.isEmpty { conflicted += 1 }
        }
        #expect(conflicted > 0)
        #expect(conflicted < cohort.divergentStates.count)
    }
}
