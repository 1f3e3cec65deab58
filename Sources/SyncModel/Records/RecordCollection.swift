/// The names of the collections that QuartierSync knows.
public enum RecordCollection {
    /// Survey responses; a participant sees only their own, a trainer all of the cohort's.
    public static let responses = "responses"
    /// The cohort's shared door list; everyone in the cohort reads and writes it.
    public static let households = "households"

    /// Every known collection.
    public static let all: Set<String> = [responses, households]

    /// Whether every member of the cohort shares the collection's records.
    public static func isShared(_ collection: String) -> Bool {
        collection == households
    }
}
