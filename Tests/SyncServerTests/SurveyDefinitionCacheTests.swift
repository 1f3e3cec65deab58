import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// The cache gives exactly what decoding its text gives, and keeps at most its capacity.
@Suite("SurveyDefinitionCache")
struct SurveyDefinitionCacheTests {
    @Test
    func cachedDefinitionsEqualFreshDecoding() throws {
        let cache = SurveyDefinitionCache(capacity: 2)
        let texts = [TestFixtures.surveyJSON, TestFixtures.surveyV2JSON]
        for _ in 0..<3 {
            for text in texts {
                let fresh = try JSONDecoder().decode(SurveyDefinition.self, from: Data(text.utf8))
                #expect(try cache.definition(decoding: text) == fresh)
            }
        }
        // A third text overflows the capacity; every answer stays right.
        let v3 = TestFixtures.surveyJSON.replacingOccurrences(of: "\"version\":1", with: "\"version\":3")
        #expect(try cache.definition(decoding: v3).version == 3)
        #expect(try cache.definition(decoding: texts[0]).version == 1)
    }

    @Test
    func unreadableTextsThrowEveryTime() {
        let cache = SurveyDefinitionCache(capacity: 4)
        for _ in 0..<2 {
            #expect(throws: DecodingError.self) { try cache.definition(decoding: "{\"id\":") }
        }
    }
}
